//! Payout notices: the defaults they print with, per 补贴项目 (migration 11: 公示期 length,
//! 监督举报电话, 制表人, 审核人), and the notices of an archived list as they were frozen.

use gongkai_domain::RowId;
use rusqlite::{OptionalExtension, params};

use crate::{ArchivedNotice, Store, StoreError};

/// One project's notice defaults. `project` empty: the default of every project without its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticeSettings {
    pub project: String,
    pub notice_days: u32,
    pub hotline: Option<String>,
    pub prepared_by: Option<String>,
    pub reviewed_by: Option<String>,
}

fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<NoticeSettings> {
    Ok(NoticeSettings {
        project: r.get(0)?,
        notice_days: r.get(1)?,
        hotline: r.get(2)?,
        prepared_by: r.get(3)?,
        reviewed_by: r.get(4)?,
    })
}

const COLUMNS: &str = "project, notice_days, hotline, prepared_by, reviewed_by";

impl Store {
    /// Every saved row, the general default (`''`) first, then by project.
    pub fn notice_settings(&self) -> Result<Vec<NoticeSettings>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM payout_notice_setting ORDER BY project <> '', project"
        ))?;
        let rows = stmt.query_map([], read)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The defaults in force for `project`: its own row, else the general default, else the
    /// row saved last for any project (a hotline and the names rarely differ between projects);
    /// `None` when nothing was ever saved.
    pub fn notice_settings_for(&self, project: &str) -> Result<Option<NoticeSettings>, StoreError> {
        Ok(self
            .conn
            .query_row(
                &format!(
                    "SELECT {COLUMNS} FROM payout_notice_setting
                     ORDER BY project = ?1 DESC, project = '' DESC, updated_at DESC, project
                     LIMIT 1"
                ),
                [project.trim()],
                read,
            )
            .optional()?)
    }

    /// The notices of an archived list, as printed and frozen when it was archived, in the
    /// order of its villages.
    pub fn archived_notices(&self, list: RowId) -> Result<Vec<ArchivedNotice>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT f.village_id, f.file_name, f.pdf, f.sha256
             FROM payout_archive_file f JOIN village v ON v.id = f.village_id
             WHERE f.list_id = ?1 ORDER BY v.code",
        )?;
        let rows = stmt.query_map([list.to_string()], |r| {
            Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?;
        rows.map(|row| {
            let (village, file_name, pdf, sha256) = row?;
            Ok(ArchivedNotice {
                village: village.parse()?,
                file_name,
                pdf,
                sha256,
            })
        })
        .collect()
    }

    /// Saves `settings` as the defaults of its project (blank texts are stored as absent).
    pub fn set_notice_settings(&mut self, settings: &NoticeSettings) -> Result<(), StoreError> {
        let text = |t: &Option<String>| {
            t.as_deref()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_owned)
        };
        self.write(|w| {
            w.tx.execute(
                "INSERT INTO payout_notice_setting
                     (project, notice_days, hotline, prepared_by, reviewed_by, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (project) DO UPDATE SET notice_days = excluded.notice_days,
                     hotline = excluded.hotline, prepared_by = excluded.prepared_by,
                     reviewed_by = excluded.reviewed_by, updated_at = excluded.updated_at",
                params![
                    settings.project.trim(),
                    settings.notice_days,
                    text(&settings.hotline),
                    text(&settings.prepared_by),
                    text(&settings.reviewed_by),
                    w.now_text()
                ],
            )?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(project: &str, days: u32, hotline: Option<&str>) -> NoticeSettings {
        NoticeSettings {
            project: project.to_owned(),
            notice_days: days,
            hotline: hotline.map(str::to_owned),
            prepared_by: Some("李明".to_owned()),
            reviewed_by: None,
        }
    }

    #[test]
    fn a_project_s_own_defaults_then_the_general_ones_then_the_last_saved() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("t.sqlite3")).unwrap();
        assert_eq!(store.notice_settings_for("高龄津贴").unwrap(), None);

        store
            .set_notice_settings(&settings("耕地地力保护补贴", 10, Some("0563-1234567")))
            .unwrap();
        // No row of its own and no general one: the last saved serves.
        let fallback = store.notice_settings_for("高龄津贴").unwrap().unwrap();
        assert_eq!(fallback.notice_days, 10);
        assert_eq!(fallback.hotline.as_deref(), Some("0563-1234567"));

        store
            .set_notice_settings(&settings("", 7, Some(" 12345 ")))
            .unwrap();
        let general = store.notice_settings_for("高龄津贴").unwrap().unwrap();
        assert_eq!((general.project.as_str(), general.notice_days), ("", 7));
        assert_eq!(general.hotline.as_deref(), Some("12345"), "trimmed");
        let own = store
            .notice_settings_for(" 耕地地力保护补贴 ")
            .unwrap()
            .unwrap();
        assert_eq!(own.notice_days, 10);

        // Saved again: replaced, blank texts stored as absent.
        store
            .set_notice_settings(&settings("耕地地力保护补贴", 5, Some("  ")))
            .unwrap();
        let own = store
            .notice_settings_for("耕地地力保护补贴")
            .unwrap()
            .unwrap();
        assert_eq!((own.notice_days, own.hotline), (5, None));
        let all: Vec<String> = store
            .notice_settings()
            .unwrap()
            .into_iter()
            .map(|s| s.project)
            .collect();
        assert_eq!(all, ["", "耕地地力保护补贴"]);

        // The database refuses a 公示期 of no days.
        assert!(store.set_notice_settings(&settings("x", 0, None)).is_err());
    }
}
