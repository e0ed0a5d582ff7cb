//! The commands of Gongkai, declared once.
//!
//! [`with_commands!`] is the one list of commands. From it come the Tauri IPC handlers
//! (`src-tauri`), the TypeScript client (`ui/src/api/bindings.ts`, see [`typescript`]), and the
//! methods on [`Api`] that the CLI and the tests call. Commands speak in [`wire`] types, which
//! are versioned separately from the domain types so the core can change without breaking the
//! UI contract.

mod backup;
mod boards;
mod catalog;
mod catalog_import;
mod commands;
mod demo;
mod documents;
mod error;
mod import_mapping;
mod notice_settings;
mod payout_notice;
mod payouts;
mod photos;
mod pii;
mod plan;
mod postings;
mod reading;
mod records;
mod register_export;
mod report;
mod requests;
pub mod scheduler;
mod session;
mod sync;
pub mod typescript;
mod version;
pub mod wire;

pub use error::ApiError;
pub use gongkai_store::Keystore;
pub use session::Api;
pub use version::{app_version, version_line};

/// Calls `$callback! { name(Args) -> Output; ... }` with every command.
///
/// Each command is a method `Api::name(&self, args: Args) -> Result<Output, ApiError>`.
#[macro_export]
macro_rules! with_commands {
    ($callback:ident) => {
        $callback! {
            app_status($crate::wire::NoArgs) -> $crate::wire::AppStatus;
            app_version($crate::wire::NoArgs) -> $crate::wire::AppVersion;
            setup_create($crate::wire::TownshipInput) -> $crate::wire::Profile;
            setup_demo($crate::wire::NoArgs) -> $crate::wire::Profile;
            setup_demo_lived_in($crate::wire::NoArgs) -> $crate::wire::Profile;
            profile_get($crate::wire::NoArgs) -> $crate::wire::Profile;
            township_update($crate::wire::TownshipInput) -> $crate::wire::Profile;
            village_save($crate::wire::VillageInput) -> $crate::wire::Profile;
            village_delete($crate::wire::IdArgs) -> $crate::wire::Profile;
            office_save($crate::wire::OfficeInput) -> $crate::wire::Profile;
            office_delete($crate::wire::IdArgs) -> $crate::wire::Profile;
            person_save($crate::wire::PersonInput) -> $crate::wire::Profile;
            person_delete($crate::wire::IdArgs) -> $crate::wire::Profile;
            backup_create($crate::wire::BackupArgs) -> $crate::wire::BackupResult;
            backup_restore($crate::wire::RestoreArgs) -> $crate::wire::RestoreResult;
            backup_status($crate::wire::NoArgs) -> $crate::wire::BackupStatus;
            backup_passphrase_set($crate::wire::BackupPassphraseArgs) -> $crate::wire::BackupStatus;
            db_check($crate::wire::NoArgs) -> $crate::wire::CheckReport;
            payouts_survey($crate::wire::PayoutSurveyArgs) -> $crate::wire::PayoutSurvey;
            payouts_import($crate::wire::PayoutImportArgs) -> $crate::wire::PayoutImportReport;
            import_templates_list($crate::wire::NoArgs) -> $crate::wire::ImportTemplates;
            import_template_save($crate::wire::ImportTemplateInput) -> $crate::wire::ImportTemplates;
            import_template_delete($crate::wire::IdArgs) -> $crate::wire::ImportTemplates;
            payouts_list($crate::wire::NoArgs) -> $crate::wire::PayoutLists;
            payouts_lookup($crate::wire::PayoutLookupArgs) -> $crate::wire::PayoutLookup;
            payouts_export_issues($crate::wire::IssuesExportArgs) -> $crate::wire::ExportResult;
            payouts_print($crate::wire::PayoutPrintArgs) -> $crate::wire::PayoutPrintResult;
            payouts_preview($crate::wire::PayoutPreviewArgs) -> $crate::wire::NoticePreview;
            payouts_post($crate::wire::PayoutPostArgs) -> $crate::wire::PayoutList;
            payouts_archive($crate::wire::PayoutArchiveArgs) -> $crate::wire::PayoutArchiveResult;
            notice_settings_get($crate::wire::NoticeSettingsArgs) -> $crate::wire::NoticeSettings;
            notice_settings_save($crate::wire::NoticeSettings) -> $crate::wire::NoticeSettings;
            mask_rules_get($crate::wire::NoArgs) -> $crate::wire::MaskSettings;
            mask_rules_update($crate::wire::MaskRulesInput) -> $crate::wire::MaskSettings;
            record_options($crate::wire::NoArgs) -> $crate::wire::RecordOptions;
            record_save($crate::wire::RecordInput) -> $crate::wire::RecordDetail;
            record_get($crate::wire::IdArgs) -> $crate::wire::RecordDetail;
            records_list($crate::wire::NoArgs) -> $crate::wire::Records;
            records_due($crate::wire::NoArgs) -> $crate::wire::Records;
            records_search($crate::wire::RecordSearchArgs) -> $crate::wire::Records;
            record_review($crate::wire::ReviewInput) -> $crate::wire::RecordDetail;
            record_secrecy($crate::wire::SecrecyInput) -> $crate::wire::RecordDetail;
            record_publish($crate::wire::PublishInput) -> $crate::wire::RecordDetail;
            record_withdraw($crate::wire::WithdrawArgs) -> $crate::wire::RecordDetail;
            record_explain_due($crate::wire::IdArgs) -> $crate::wire::DueExplanation;
            records_compliance($crate::wire::ComplianceArgs) -> $crate::wire::Compliance;
            publications_list($crate::wire::NoArgs) -> $crate::wire::Publications;
            publications_export($crate::wire::RegisterExportArgs) -> $crate::wire::ExportResult;
            record_attach($crate::wire::AttachArgs) -> $crate::wire::RecordDetail;
            record_attachment_save($crate::wire::AttachmentSaveArgs) -> $crate::wire::ExportResult;
            calendar_add_workdays($crate::wire::AddWorkdaysArgs) -> $crate::wire::DueExplanation;
            calendar_update_import($crate::wire::CalendarFileArgs) -> $crate::wire::CalendarUpdateResult;
            sync_identity($crate::wire::NoArgs) -> $crate::wire::SyncIdentity;
            sync_now($crate::wire::SyncArgs) -> $crate::wire::SyncReport;
            sync_status($crate::wire::NoArgs) -> $crate::wire::SyncStatus;
            sync_county_ca($crate::wire::SyncCountyCaArgs) -> $crate::wire::SyncStatus;
            catalog_domains($crate::wire::NoArgs) -> $crate::wire::CatalogDomains;
            catalog_items($crate::wire::CatalogItemsArgs) -> $crate::wire::CatalogItems;
            catalog_search($crate::wire::CatalogSearchArgs) -> $crate::wire::CatalogItems;
            catalog_adjust($crate::wire::CatalogAdjustArgs) -> $crate::wire::CatalogItemHistory;
            catalog_item_history($crate::wire::CatalogKeyArgs) -> $crate::wire::CatalogItemHistory;
            catalog_hidden($crate::wire::NoArgs) -> $crate::wire::HiddenCatalogItems;
            catalog_export($crate::wire::CatalogExportArgs) -> $crate::wire::CatalogExportResult;
            catalog_import_preview($crate::wire::CatalogImportPreviewArgs) -> $crate::wire::CatalogImportPreview;
            catalog_import_accept($crate::wire::CatalogImportAcceptArgs) -> $crate::wire::CatalogImportResult;
            board_templates_list($crate::wire::NoArgs) -> $crate::wire::BoardTemplates;
            board_template_save($crate::wire::BoardTemplateInput) -> $crate::wire::BoardTemplates;
            board_template_apply($crate::wire::BoardTemplateApplyArgs) -> $crate::wire::BoardTemplateApplyResult;
            boards_list($crate::wire::BoardsListArgs) -> $crate::wire::Boards;
            board_get($crate::wire::BoardGetArgs) -> $crate::wire::Board;
            board_save($crate::wire::BoardInput) -> $crate::wire::Board;
            board_layout_save($crate::wire::BoardLayoutInput) -> $crate::wire::Board;
            board_retire($crate::wire::BoardRetireArgs) -> $crate::wire::Board;
            board_diagram($crate::wire::BoardDiagramArgs) -> $crate::wire::ExportResult;
            postings_list($crate::wire::PostingsListArgs) -> $crate::wire::Postings;
            posting_get($crate::wire::IdArgs) -> $crate::wire::PostingDetail;
            posting_add($crate::wire::PostingAddArgs) -> $crate::wire::PostingDetail;
            sheet_preview($crate::wire::SheetPreviewArgs) -> $crate::wire::SheetPreview;
            postings_print($crate::wire::PostingsPrintArgs) -> $crate::wire::PostingsPrintResult;
            posting_mark_posted($crate::wire::PostingMarkPostedArgs) -> $crate::wire::PostingDetail;
            posting_take_down($crate::wire::PostingTakeDownArgs) -> $crate::wire::PostingDetail;
            posting_archive($crate::wire::IdArgs) -> $crate::wire::PostingDetail;
            posting_objection_add($crate::wire::ObjectionAddArgs) -> $crate::wire::PostingDetail;
            posting_objection_answer($crate::wire::ObjectionAnswerArgs) -> $crate::wire::PostingDetail;
            postings_due($crate::wire::NoArgs) -> $crate::wire::PostingsDue;
            home_todo($crate::wire::NoArgs) -> $crate::wire::HomeTodo;
            postings_register($crate::wire::PostingsRegisterArgs) -> $crate::wire::PostingsRegister;
            postings_register_export($crate::wire::PostingsRegisterExportArgs) -> $crate::wire::ExportResult;
            posting_photo_add($crate::wire::PostingPhotoAddArgs) -> $crate::wire::PostingPhotosAdded;
            posting_photos($crate::wire::PostingPhotosArgs) -> $crate::wire::PostingPhotos;
            photo_get($crate::wire::PhotoGetArgs) -> $crate::wire::PhotoContent;
            photo_settings_get($crate::wire::NoArgs) -> $crate::wire::PhotoSettings;
            photo_settings_save($crate::wire::PhotoSettingsInput) -> $crate::wire::PhotoSettings;
            plan_import($crate::wire::PlanImportArgs) -> $crate::wire::PlanImportReport;
            plan_list($crate::wire::PlanListArgs) -> $crate::wire::PlanTasks;
            plan_task_get($crate::wire::IdArgs) -> $crate::wire::PlanTaskDetail;
            plan_task_save($crate::wire::PlanTaskInput) -> $crate::wire::PlanTaskDetail;
            plan_progress($crate::wire::PlanProgressArgs) -> $crate::wire::PlanTaskDetail;
            plan_evidence_save($crate::wire::PlanEvidenceSaveArgs) -> $crate::wire::ExportResult;
            plan_summary_save($crate::wire::PlanSummaryArgs) -> $crate::wire::PlanTaskDetail;
            report_build($crate::wire::ReportYearArgs) -> $crate::wire::ReportView;
            report_save($crate::wire::ReportDraft) -> $crate::wire::ReportView;
            report_case_save($crate::wire::DisclosureCaseInput) -> $crate::wire::ReportView;
            report_case_delete($crate::wire::IdArgs) -> $crate::wire::ReportView;
            report_export($crate::wire::ReportExportArgs) -> $crate::wire::ReportExport;
            requests_options($crate::wire::NoArgs) -> $crate::wire::RequestOptions;
            requests_add($crate::wire::RequestInput) -> $crate::wire::RequestDetail;
            requests_list($crate::wire::RequestsListArgs) -> $crate::wire::Requests;
            requests_due($crate::wire::RequestsListArgs) -> $crate::wire::Requests;
            requests_show($crate::wire::RequestShowArgs) -> $crate::wire::RequestDetail;
            requests_correct($crate::wire::RequestCorrectArgs) -> $crate::wire::RequestDetail;
            requests_extend($crate::wire::RequestExtendArgs) -> $crate::wire::RequestDetail;
            requests_consult($crate::wire::RequestConsultArgs) -> $crate::wire::RequestDetail;
            requests_fee($crate::wire::RequestFeeArgs) -> $crate::wire::RequestDetail;
            requests_reply($crate::wire::RequestReplyArgs) -> $crate::wire::RequestDetail;
            requests_review($crate::wire::RequestReviewArgs) -> $crate::wire::RequestDetail;
            requests_secrecy($crate::wire::RequestSecrecyArgs) -> $crate::wire::RequestDetail;
            requests_finalize($crate::wire::IdArgs) -> $crate::wire::RequestDetail;
            requests_deliver($crate::wire::RequestDeliverArgs) -> $crate::wire::RequestDetail;
            requests_attach($crate::wire::RequestAttachArgs) -> $crate::wire::RequestDetail;
            requests_attachment_save($crate::wire::RequestAttachmentSaveArgs) -> $crate::wire::ExportResult;
            requests_repeated($crate::wire::NoArgs) -> $crate::wire::RepeatedRequests;
            requests_make_proactive($crate::wire::RequestsProactiveArgs) -> $crate::wire::RecordDetail;
            requests_settings_get($crate::wire::NoArgs) -> $crate::wire::RequestSettingsInput;
            requests_settings_save($crate::wire::RequestSettingsInput) -> $crate::wire::RequestSettingsInput;
            request_letter($crate::wire::RequestLetterArgs) -> $crate::wire::RequestLetter;
            request_letter_save($crate::wire::RequestLetterSaveArgs) -> $crate::wire::ExportResult;
            documents_list($crate::wire::DocumentsListArgs) -> $crate::wire::Documents;
            document_get($crate::wire::IdArgs) -> $crate::wire::DocumentDetail;
            document_save($crate::wire::DocumentInput) -> $crate::wire::DocumentSaved;
            document_change_validity($crate::wire::DocumentValidityArgs) -> $crate::wire::DocumentDetail;
            document_attach($crate::wire::DocumentAttachArgs) -> $crate::wire::DocumentDetail;
            document_attachment_save($crate::wire::AttachmentSaveArgs) -> $crate::wire::ExportResult;
            document_interpretation_link($crate::wire::InterpretationLinkArgs) -> $crate::wire::DocumentDetail;
            documents_cleanup($crate::wire::DocumentCleanupArgs) -> $crate::wire::DocumentCleanup;
            document_cleanup_decide($crate::wire::CleanupDecideArgs) -> $crate::wire::DocumentCleanup;
            document_settings_get($crate::wire::NoArgs) -> $crate::wire::DocumentSettings;
            document_settings_save($crate::wire::DocumentSettingsInput) -> $crate::wire::DocumentSettings;
            reading_settings_get($crate::wire::NoArgs) -> $crate::wire::ReadingSettings;
            reading_settings_save($crate::wire::ReadingSettingsInput) -> $crate::wire::ReadingSettings;
        }
    };
}

/// Calls `$callback! { name(Args) -> Output; ... }` with the commands of the public reading
/// point (公开查阅点), and only those: each reads, and answers in a view made for the public
/// (`wire::reading`). This list is the one place that says what the reading window may call:
/// `src-tauri` registers only these in the reading mode and its `build.rs` grants that window
/// only these (`reading-point-commands`).
#[macro_export]
macro_rules! with_reading_commands {
    ($callback:ident) => {
        $callback! {
            reading_start($crate::wire::NoArgs) -> $crate::wire::ReadingStart;
            reading_domain($crate::wire::ReadingDomainArgs) -> $crate::wire::ReadingItems;
            reading_search($crate::wire::ReadingSearchArgs) -> $crate::wire::ReadingSearchResult;
            reading_notice($crate::wire::ReadingNoticeArgs) -> $crate::wire::ReadingNotice;
            reading_record($crate::wire::IdArgs) -> $crate::wire::ReadingRecord;
            reading_document($crate::wire::IdArgs) -> $crate::wire::ReadingDocument;
        }
    };
}
