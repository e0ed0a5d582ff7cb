//! The commands of Gongkai, declared once.
//!
//! [`with_commands!`] is the one list of commands. From it come the Tauri IPC handlers
//! (`src-tauri`), the TypeScript client (`ui/src/api/bindings.ts`, see [`typescript`]), and the
//! methods on [`Api`] that the CLI and the tests call. Commands speak in [`wire`] types, which
//! are versioned separately from the domain types so the core can change without breaking the
//! UI contract.

mod commands;
mod error;
mod import_mapping;
mod payout_notice;
mod payouts;
mod session;
pub mod typescript;
pub mod wire;

pub use error::ApiError;
pub use session::Api;

/// Calls `$callback! { name(Args) -> Output; ... }` with every command.
///
/// Each command is a method `Api::name(&self, args: Args) -> Result<Output, ApiError>`.
#[macro_export]
macro_rules! with_commands {
    ($callback:ident) => {
        $callback! {
            app_status($crate::wire::NoArgs) -> $crate::wire::AppStatus;
            setup_create($crate::wire::TownshipInput) -> $crate::wire::Profile;
            setup_demo($crate::wire::NoArgs) -> $crate::wire::Profile;
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
            mask_rules_get($crate::wire::NoArgs) -> $crate::wire::MaskSettings;
            mask_rules_update($crate::wire::MaskRulesInput) -> $crate::wire::MaskSettings;
        }
    };
}
