//! What each command's arguments ask of the disk, declared per argument type.
//!
//! Every argument type of `gongkai_api::with_commands!` implements [`WebviewPaths`]: the shell
//! calls it before running a command for the window, so a new command does not build in the
//! shell until someone has said which of its fields are paths.

use gongkai_api::wire;

/// How a command uses a path the window gave it, which decides what may be named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// A file to read (a list to import, an attachment, calendar data, a certificate): one the
    /// clerk picked, or one in the 导入 folder.
    Read,
    /// A backup to restore from: one the clerk picked, or one in the 备份 folder.
    Restore,
    /// A file to write: the very one the clerk chose to save as, or one in the 导出 folder.
    Write,
    /// A folder to write files into: one the clerk picked, or the 导出 folder and below.
    WriteInto,
}

/// One path a command was given, and what it will do with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PathRequest<'a> {
    pub access: Access,
    pub path: &'a str,
}

impl<'a> PathRequest<'a> {
    const fn new(access: Access, path: &'a str) -> Self {
        Self { access, path }
    }
}

/// The paths a command's arguments name.
pub trait WebviewPaths {
    fn paths(&self) -> Vec<PathRequest<'_>>;
}

/// Argument types that name no file or folder.
macro_rules! no_paths {
    ($($ty:ident),* $(,)?) => {
        $(
            impl WebviewPaths for wire::$ty {
                fn paths(&self) -> Vec<PathRequest<'_>> {
                    Vec::new()
                }
            }
        )*
    };
}

no_paths!(
    NoArgs,
    ReportYearArgs,
    ReportDraft,
    DisclosureCaseInput,
    BackupPassphraseArgs,
    TownshipInput,
    VillageInput,
    IdArgs,
    OfficeInput,
    PersonInput,
    ImportTemplateInput,
    PayoutLookupArgs,
    PayoutPreviewArgs,
    PayoutPostArgs,
    PayoutArchiveArgs,
    NoticeSettingsArgs,
    NoticeSettings,
    MaskRulesInput,
    RecordInput,
    RecordSearchArgs,
    ReviewInput,
    SecrecyInput,
    PublishInput,
    WithdrawArgs,
    ComplianceArgs,
    AddWorkdaysArgs,
    SyncArgs,
    CatalogItemsArgs,
    CatalogSearchArgs,
    CatalogAdjustArgs,
    CatalogKeyArgs,
    BoardTemplateInput,
    BoardTemplateApplyArgs,
    BoardsListArgs,
    BoardGetArgs,
    BoardInput,
    BoardLayoutInput,
    BoardRetireArgs,
    PostingsListArgs,
    PostingAddArgs,
    SheetPreviewArgs,
    PostingTakeDownArgs,
    ObjectionAddArgs,
    ObjectionAnswerArgs,
    PostingsRegisterArgs,
    PostingPhotosArgs,
    PhotoGetArgs,
    PhotoSettingsInput,
    RequestLetterArgs,
    PlanListArgs,
    PlanTaskInput,
    PlanSummaryArgs,
    DocumentsListArgs,
    DocumentInput,
    DocumentValidityArgs,
    InterpretationLinkArgs,
    DocumentCleanupArgs,
    CleanupDecideArgs,
    DocumentSettingsInput,
    ReadingSettingsInput,
    RequestInput,
    RequestsListArgs,
    RequestShowArgs,
    RequestCorrectArgs,
    RequestExtendArgs,
    RequestConsultArgs,
    RequestFeeArgs,
    RequestReplyArgs,
    RequestReviewArgs,
    RequestSecrecyArgs,
    RequestDeliverArgs,
    RequestsProactiveArgs,
    RequestSettingsInput,
);

/// Argument types whose one path field is used one way.
macro_rules! one_path {
    ($($ty:ident . $field:ident => $access:ident),* $(,)?) => {
        $(
            impl WebviewPaths for wire::$ty {
                fn paths(&self) -> Vec<PathRequest<'_>> {
                    vec![PathRequest::new(Access::$access, &self.$field)]
                }
            }
        )*
    };
}

one_path!(
    RestoreArgs.from => Restore,
    PayoutSurveyArgs.path => Read,
    PayoutImportArgs.path => Read,
    AttachArgs.path => Read,
    CalendarFileArgs.path => Read,
    CatalogImportPreviewArgs.path => Read,
    CatalogImportAcceptArgs.path => Read,
    IssuesExportArgs.out => Write,
    AttachmentSaveArgs.out => Write,
    RegisterExportArgs.out => Write,
    CatalogExportArgs.out => Write,
    PayoutPrintArgs.out_dir => WriteInto,
    PostingsPrintArgs.out_dir => WriteInto,
    PostingsRegisterExportArgs.out => Write,
    PlanImportArgs.path => Read,
    PlanEvidenceSaveArgs.out => Write,
    BoardDiagramArgs.out => Write,
    RequestLetterSaveArgs.out => Write,
    ReportExportArgs.out => Write,
    DocumentAttachArgs.path => Read,
    RequestAttachArgs.path => Read,
    RequestAttachmentSaveArgs.out => Write,
);

/// Photos the clerk picked, each read.
impl WebviewPaths for wire::PostingPhotoAddArgs {
    fn paths(&self) -> Vec<PathRequest<'_>> {
        self.paths
            .iter()
            .map(|path| PathRequest::new(Access::Read, path))
            .collect()
    }
}

/// A plan task's evidence files, each read.
impl WebviewPaths for wire::PlanProgressArgs {
    fn paths(&self) -> Vec<PathRequest<'_>> {
        self.evidence
            .iter()
            .map(|path| PathRequest::new(Access::Read, path))
            .collect()
    }
}

/// Photos of the sheet on the wall, read.
impl WebviewPaths for wire::PostingMarkPostedArgs {
    fn paths(&self) -> Vec<PathRequest<'_>> {
        self.photos
            .iter()
            .flatten()
            .map(|path| PathRequest::new(Access::Read, path))
            .collect()
    }
}

/// `out: null` writes into the 备份 folder beside the database, which the core picks itself.
impl WebviewPaths for wire::BackupArgs {
    fn paths(&self) -> Vec<PathRequest<'_>> {
        self.out
            .iter()
            .map(|out| PathRequest::new(Access::Write, out))
            .collect()
    }
}

/// `path: null` forgets the certificate.
impl WebviewPaths for wire::SyncCountyCaArgs {
    fn paths(&self) -> Vec<PathRequest<'_>> {
        self.path
            .iter()
            .map(|path| PathRequest::new(Access::Read, path))
            .collect()
    }
}
