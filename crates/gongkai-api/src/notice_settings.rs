//! The notice defaults per 补贴项目 (公示期, 监督举报电话, 制表人, 审核人): read and saved by the
//! dialogs, and filled in by `payouts_post`, `payouts_print`, `payouts_preview` and
//! `payouts_archive` for whatever the clerk did not give.

use gongkai_store::Store;

use crate::commands::non_blank;
use crate::payout_notice::DEFAULT_NOTICE_DAYS;
use crate::session::OpenMode;
use crate::{Api, ApiError, wire};

/// The longest 公示期 a setting may name (a year).
const MAX_NOTICE_DAYS: u32 = 365;
/// Longer than any phone number or name; a guard against pasting a paragraph.
const MAX_TEXT_CHARS: usize = 40;

impl Api {
    /// The defaults in force for a project (blank: for a project without its own).
    pub fn notice_settings_get(
        &self,
        args: wire::NoticeSettingsArgs,
    ) -> Result<wire::NoticeSettings, ApiError> {
        let project = non_blank(args.project.as_deref()).unwrap_or_default();
        self.with_store(OpenMode::Existing, |store| effective(store, project))
    }

    /// Saves the defaults of a project (blank: of all projects without their own).
    pub fn notice_settings_save(
        &self,
        input: wire::NoticeSettings,
    ) -> Result<wire::NoticeSettings, ApiError> {
        if !(1..=MAX_NOTICE_DAYS).contains(&input.notice_days) {
            return Err(ApiError::invalid(format!(
                "公示期应为 1 至 {MAX_NOTICE_DAYS} 天，这里是 {} 天",
                input.notice_days
            )));
        }
        for (field, value) in [
            ("监督举报电话", &input.hotline),
            ("制表人", &input.prepared_by),
            ("审核人", &input.reviewed_by),
        ] {
            if let Some(v) = non_blank(value.as_deref())
                && v.chars().count() > MAX_TEXT_CHARS
            {
                return Err(ApiError::invalid(format!(
                    "{field}“{}…”过长（最多 {MAX_TEXT_CHARS} 个字）",
                    v.chars().take(12).collect::<String>()
                )));
            }
        }
        let project = input.project.trim().to_owned();
        self.with_store(OpenMode::Existing, |store| {
            store.set_notice_settings(&gongkai_store::NoticeSettings {
                project: project.clone(),
                notice_days: input.notice_days,
                hotline: input.hotline.clone(),
                prepared_by: input.prepared_by.clone(),
                reviewed_by: input.reviewed_by.clone(),
            })?;
            effective(store, &project)
        })
    }
}

/// The defaults for `project`: its own, else the general ones, else those saved last; the
/// hotline, when none was saved, is the first office phone (as the notices always printed).
pub(crate) fn effective(store: &Store, project: &str) -> Result<wire::NoticeSettings, ApiError> {
    let saved = store.notice_settings_for(project)?;
    let office_phone = || {
        store
            .offices()
            .ok()?
            .into_iter()
            .find_map(|o| o.phone.map(|p| p.to_string()))
    };
    Ok(match saved {
        Some(s) => wire::NoticeSettings {
            project: project.to_owned(),
            notice_days: s.notice_days,
            hotline: s.hotline.or_else(office_phone),
            prepared_by: s.prepared_by,
            reviewed_by: s.reviewed_by,
        },
        None => wire::NoticeSettings {
            project: project.to_owned(),
            notice_days: DEFAULT_NOTICE_DAYS,
            hotline: office_phone(),
            prepared_by: None,
            reviewed_by: None,
        },
    })
}

/// What a command was given, or the project's default: blank counts as not given.
pub(crate) fn given_or(given: Option<&str>, default: Option<String>) -> Option<String> {
    non_blank(given).map(str::to_owned).or(default)
}
