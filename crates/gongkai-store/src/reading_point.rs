//! The reading point's setting (migration 21: `reading_point_setting`): the seconds of quiet
//! after which the public screen returns to its start, and the hash of the clerk's PIN that
//! leaves the mode. The hash is made and checked by the API; the store keeps its text.

use rusqlite::{OptionalExtension, params};

use crate::{Store, StoreError};

/// What the table holds; no row: the defaults.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReadingPointSetting {
    /// `None`: the binary's default.
    pub idle_seconds: Option<u32>,
    /// `scrypt$…`; `None`: no PIN set.
    pub pin_hash: Option<String>,
}

impl Store {
    pub fn reading_point_setting(&self) -> Result<ReadingPointSetting, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT idle_seconds, pin_hash FROM reading_point_setting WHERE id = 1",
                [],
                |r| {
                    Ok(ReadingPointSetting {
                        idle_seconds: Some(r.get(0)?),
                        pin_hash: r.get(1)?,
                    })
                },
            )
            .optional()?
            .unwrap_or_default())
    }

    /// The county portal's address from the sync settings, without the signing secret
    /// [`Store::sync_identity`] also reads: the reading point names the portal's pages and
    /// never signs anything.
    pub fn portal_url(&self) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT portal_url FROM sync_identity", [], |r| r.get(0))
            .optional()?
            .flatten())
    }

    /// Keeps the idle time (checked by the caller; the table's CHECK holds the same range) and
    /// the PIN's hash (`None` keeps the one stored).
    pub fn set_reading_point_setting(
        &mut self,
        idle_seconds: u32,
        pin_hash: Option<&str>,
    ) -> Result<(), StoreError> {
        self.write(|w| {
            w.tx.execute(
                "INSERT INTO reading_point_setting (id, idle_seconds, pin_hash, updated_at)
                 VALUES (1, ?1, ?2, ?3)
                 ON CONFLICT (id) DO UPDATE SET idle_seconds = excluded.idle_seconds,
                     pin_hash = coalesce(excluded.pin_hash, reading_point_setting.pin_hash),
                     updated_at = excluded.updated_at",
                params![idle_seconds, pin_hash, w.now_text()],
            )?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_setting_defaults_then_keeps_the_hash_when_only_the_idle_time_changes() {
        let dir = tempfile::TempDir::new().unwrap();
        let mut store = Store::open(&dir.path().join("t.sqlite3")).unwrap();
        assert_eq!(
            store.reading_point_setting().unwrap(),
            ReadingPointSetting::default()
        );
        store
            .set_reading_point_setting(90, Some("scrypt$15$8$1$c2FsdA$aGFzaA"))
            .unwrap();
        store.set_reading_point_setting(120, None).unwrap();
        let kept = store.reading_point_setting().unwrap();
        assert_eq!(kept.idle_seconds, Some(120));
        assert_eq!(
            kept.pin_hash.as_deref(),
            Some("scrypt$15$8$1$c2FsdA$aGFzaA")
        );
        assert!(
            store.set_reading_point_setting(5, None).is_err(),
            "below the range"
        );
        assert!(
            store.set_reading_point_setting(60, Some("1234")).is_err(),
            "a PIN in clear is refused by the table"
        );
    }
}
