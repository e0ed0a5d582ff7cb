//! Photos of posted boards (migration 14: `photo`, `posting_photo`) and the size they are
//! stored at (migration 16: `photo_setting`). A photo is stored once, named by the SHA-256 of
//! its stored JPEG; the same file chosen again is found by the SHA-256 of the original, so a
//! picture that was stored at another size is linked, not stored twice. Linking is a write of
//! its own ([`Store::add_posting_photos`]) or part of the caller's
//! ([`Writer::link_posting_photos`]: marking a posting posted with its photos in one
//! transaction).

use chrono::NaiveDateTime;
use gongkai_domain::RowId;
use rusqlite::{OptionalExtension, Row, params};

use crate::postings::posting_in;
use crate::{Judge, Store, StoreError, Writer};

/// A photo ready to store: decoded, scaled and hashed by the caller.
#[derive(Debug, Clone, PartialEq)]
pub struct NewPhoto {
    /// SHA-256 of `content`, 64 lower-case hex digits.
    pub sha256: String,
    /// The stored JPEG.
    pub content: Vec<u8>,
    pub thumbnail: Vec<u8>,
    pub width: u32,
    pub height: u32,
    pub original_name: String,
    pub original_size: u64,
    pub original_sha256: String,
    /// EXIF DateTimeOriginal, the camera's local time.
    pub taken_at: Option<NaiveDateTime>,
    /// (latitude, longitude) in degrees.
    pub gps: Option<(f64, f64)>,
}

/// A stored photo's description and thumbnail, without the photo itself.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredPhoto {
    pub sha256: String,
    pub size: u64,
    pub thumbnail: Vec<u8>,
    pub width: u32,
    pub height: u32,
    pub original_name: String,
    pub original_size: u64,
    pub original_sha256: String,
    pub taken_at: Option<NaiveDateTime>,
    pub gps: Option<(f64, f64)>,
    /// When the photo was first stored (RFC 3339).
    pub added_at: String,
}

/// What became of one photo given to link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkedPhoto {
    /// The photo the posting now shows: the one given, or the one stored earlier from the
    /// same original file.
    pub sha256: String,
    /// Stored by this write (not found by either hash).
    pub newly_stored: bool,
    /// The posting already showed it.
    pub already_linked: bool,
}

const COLUMNS: &str = "ph.sha256, length(ph.content), ph.thumbnail, ph.width, ph.height,
    ph.original_name, ph.original_size, ph.original_sha256, ph.taken_at, ph.gps_lat, ph.gps_lon,
    ph.added_at";

fn stored_from(r: &Row<'_>) -> rusqlite::Result<StoredPhoto> {
    let lat: Option<f64> = r.get(9)?;
    let lon: Option<f64> = r.get(10)?;
    Ok(StoredPhoto {
        sha256: r.get(0)?,
        size: r.get(1)?,
        thumbnail: r.get(2)?,
        width: r.get(3)?,
        height: r.get(4)?,
        original_name: r.get(5)?,
        original_size: r.get(6)?,
        original_sha256: r.get(7)?,
        taken_at: r.get(8)?,
        gps: lat.zip(lon),
        added_at: r.get(11)?,
    })
}

impl Writer<'_> {
    /// Links `photos` to a posting in this transaction, storing each not yet stored. The
    /// posting's version moves when a photo is new to it (the county sees its photos).
    pub(crate) fn link_posting_photos(
        &self,
        posting_id: RowId,
        photos: &[NewPhoto],
    ) -> Result<Vec<LinkedPhoto>, StoreError> {
        let posting = posting_id.to_string();
        let now = self.now_text();
        let mut linked = Vec::with_capacity(photos.len());
        for photo in photos {
            let (sha256, newly_stored) = self.store_photo(photo, &now)?;
            let inserted = self.tx.execute(
                "INSERT INTO posting_photo (posting_id, sha256, added_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (posting_id, sha256) DO NOTHING",
                params![posting, sha256, now],
            )?;
            linked.push(LinkedPhoto {
                sha256,
                newly_stored,
                already_linked: inserted == 0,
            });
        }
        if linked.iter().any(|photo| !photo.already_linked) {
            self.tx.execute(
                "UPDATE posting SET updated_at = ?2 WHERE id = ?1",
                params![posting, now],
            )?;
        }
        Ok(linked)
    }

    /// The stored photo for `photo`: found by its original's hash, else by its own, else
    /// inserted. Returns its hash and whether it was inserted.
    fn store_photo(&self, photo: &NewPhoto, now: &str) -> Result<(String, bool), StoreError> {
        let known: Option<String> = self
            .tx
            .query_row(
                "SELECT sha256 FROM photo WHERE original_sha256 = ?1 OR sha256 = ?2
                 ORDER BY original_sha256 = ?1 DESC LIMIT 1",
                params![photo.original_sha256, photo.sha256],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(sha256) = known {
            return Ok((sha256, false));
        }
        self.tx.execute(
            "INSERT INTO photo (sha256, content, thumbnail, width, height, original_name,
                 original_size, original_sha256, taken_at, gps_lat, gps_lon, added_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                photo.sha256,
                photo.content,
                photo.thumbnail,
                photo.width,
                photo.height,
                photo.original_name,
                i64::try_from(photo.original_size).unwrap_or(i64::MAX),
                photo.original_sha256,
                photo.taken_at,
                photo.gps.map(|(lat, _)| lat),
                photo.gps.map(|(_, lon)| lon),
                now,
            ],
        )?;
        Ok((photo.sha256.clone(), true))
    }
}

impl Store {
    /// Adds photos to a posting, one transaction. `judge` sees the posting before and after
    /// (to queue it for the county with its photos); refused, nothing is stored.
    pub fn add_posting_photos(
        &mut self,
        posting_id: RowId,
        photos: &[NewPhoto],
        judge: Judge<'_>,
    ) -> Result<Vec<LinkedPhoto>, StoreError> {
        self.write(|w| {
            let before = posting_in(&w.tx, posting_id)?;
            let linked = w.link_posting_photos(posting_id, photos)?;
            let after = posting_in(&w.tx, posting_id)?;
            if let Some(item) = judge(&before, &after)? {
                w.enqueue(&item)?;
            }
            Ok(linked)
        })
    }

    /// A posting's photos, in the order they were added (one batch in its files' order).
    pub fn posting_photos(&self, posting_id: RowId) -> Result<Vec<StoredPhoto>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM posting_photo pp JOIN photo ph ON ph.sha256 = pp.sha256
             WHERE pp.posting_id = ?1 ORDER BY pp.added_at, pp.rowid"
        ))?;
        let photos = stmt
            .query_map([posting_id.to_string()], stored_from)?
            .collect::<Result<_, _>>()?;
        Ok(photos)
    }

    /// A stored photo's description and its JPEG.
    pub fn photo(&self, sha256: &str) -> Result<Option<(StoredPhoto, Vec<u8>)>, StoreError> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS}, ph.content FROM photo ph WHERE ph.sha256 = ?1"),
                [sha256],
                |r| Ok((stored_from(r)?, r.get(12)?)),
            )
            .optional()?)
    }

    /// The photo stored from the file whose SHA-256 is `original_sha256`: the same file chosen
    /// again need not be decoded.
    pub fn photo_from_original(
        &self,
        original_sha256: &str,
    ) -> Result<Option<(StoredPhoto, Vec<u8>)>, StoreError> {
        let sha256: Option<String> = self
            .conn
            .query_row(
                "SELECT sha256 FROM photo WHERE original_sha256 = ?1",
                [original_sha256],
                |r| r.get(0),
            )
            .optional()?;
        match sha256 {
            Some(sha256) => self.photo(&sha256),
            None => Ok(None),
        }
    }

    /// The long edge photos are stored at, in pixels; `None`: never set (the default holds).
    pub fn photo_max_edge(&self) -> Result<Option<u32>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT max_edge FROM photo_setting WHERE id = 1", [], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Sets the long edge photos added from now on are stored at (checked by the caller; the
    /// table's CHECK holds the same range).
    pub fn set_photo_max_edge(&mut self, pixels: u32) -> Result<(), StoreError> {
        self.write(|w| {
            w.tx.execute(
                "INSERT INTO photo_setting (id, max_edge, updated_at) VALUES (1, ?1, ?2)
                 ON CONFLICT (id) DO UPDATE SET max_edge = excluded.max_edge,
                     updated_at = excluded.updated_at",
                params![pixels, w.now_text()],
            )?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, Utc};
    use gongkai_domain::demo;
    use tempfile::TempDir;

    use super::*;
    use crate::{ComposedSheet, NewPosting, OutboxItem, SheetSource, StoredPosting};

    fn store(dir: &TempDir) -> Store {
        let mut store = Store::open(&dir.path().join("t.sqlite3")).unwrap();
        store
            .install_demo(&demo::profile(Utc::now()).unwrap())
            .unwrap();
        store
    }

    /// A township board of one zone, written by hand (this module tests photos alone), and a
    /// draft posting on it.
    fn posting(store: &mut Store) -> RowId {
        let board = RowId::new();
        let now = "2026-01-01T00:00:00.000Z";
        store
            .conn
            .execute_batch(&format!(
                "INSERT INTO board (id, name, created_at, updated_at)
                     VALUES ('{board}', '公开栏{board}', '{now}', '{now}');
                 INSERT INTO board_layout (board_id, version, width_mm, height_mm, made_at)
                     VALUES ('{board}', 1, 2400, 1200, '{now}');
                 INSERT INTO board_zone (board_id, version, zone_id, position, name, x_mm, y_mm,
                     width_mm, height_mm, cadence, due_day, min_days)
                     VALUES ('{board}', 1, 'gov', 1, '政务公开', 60, 120, 700, 940, 'monthly',
                         10, 10);"
            ))
            .unwrap();
        let day = |text: &str| text.parse::<NaiveDate>().unwrap();
        let sheet = ComposedSheet {
            id: RowId::new(),
            kind: "gongshi".to_owned(),
            title: "公示".to_owned(),
            body: "现予公示。".to_owned(),
            table_json: None,
            period_days: Some(7),
            period_unit: Some("calendar".to_owned()),
            objection_phone: None,
            objection_address: None,
            issuer: "示范镇人民政府".to_owned(),
            issued_on: day("2026-11-01"),
            paper: "A4".to_owned(),
            landscape: false,
        };
        let new = NewPosting {
            id: RowId::new(),
            board_id: board,
            zone_id: "gov".to_owned(),
            round: "2026年11月 政务公开".to_owned(),
            period: Some("2026-11".to_owned()),
            source: SheetSource::Composed(sheet),
            title: "公示".to_owned(),
            notice_from: day("2026-11-02"),
            notice_to: day("2026-11-08"),
            reposts: None,
        };
        store.add_posting(&new, &accept).unwrap().id
    }

    fn accept(_: &StoredPosting, _: &StoredPosting) -> Result<Option<OutboxItem>, StoreError> {
        Ok(None)
    }

    fn photo(tag: u8, original: u8) -> NewPhoto {
        NewPhoto {
            sha256: format!("{tag:02x}").repeat(32),
            content: vec![0xFF, 0xD8, tag, 0xFF, 0xD9],
            thumbnail: vec![0xFF, 0xD8, tag],
            width: 1600,
            height: 1200,
            original_name: format!("IMG_{tag}.jpg"),
            original_size: 4_000_000,
            original_sha256: format!("{original:02x}").repeat(32),
            taken_at: "2026-11-02T09:30:15".parse().ok(),
            gps: Some((30.505, 114.25)),
        }
    }

    fn count(store: &Store, table: &str) -> i64 {
        store
            .conn
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn photos_are_stored_once_by_either_hash_and_listed_with_their_metadata() {
        let dir = TempDir::new().unwrap();
        let mut store = store(&dir);
        let first = posting(&mut store);
        let second = posting(&mut store);
        let updated_before = store.board_posting(first).unwrap().updated_at;

        let linked = store
            .add_posting_photos(first, &[photo(0xa1, 0x01), photo(0xa2, 0x02)], &accept)
            .unwrap();
        assert!(linked.iter().all(|l| l.newly_stored && !l.already_linked));
        assert_ne!(
            store.board_posting(first).unwrap().updated_at,
            updated_before
        );

        // Again on the same posting: linked already. The same original stored at another size
        // (another stored hash) is the photo stored first. On another posting: linked, not
        // stored again.
        let again = store
            .add_posting_photos(first, &[photo(0xa1, 0x01), photo(0xb1, 0x02)], &accept)
            .unwrap();
        assert_eq!(
            again,
            [
                LinkedPhoto {
                    sha256: "a1".repeat(32),
                    newly_stored: false,
                    already_linked: true
                },
                LinkedPhoto {
                    sha256: "a2".repeat(32),
                    newly_stored: false,
                    already_linked: true
                },
            ]
        );
        let other = store
            .add_posting_photos(second, &[photo(0xa2, 0x09)], &accept)
            .unwrap();
        assert_eq!(
            (other[0].newly_stored, other[0].already_linked),
            (false, false)
        );
        assert_eq!(count(&store, "photo"), 2);
        assert_eq!(count(&store, "posting_photo"), 3);

        let listed = store.posting_photos(first).unwrap();
        assert_eq!(listed.len(), 2);
        let a1 = &listed[0];
        assert_eq!(a1.sha256, "a1".repeat(32));
        assert_eq!((a1.size, a1.width, a1.height), (5, 1600, 1200));
        assert_eq!(a1.thumbnail, [0xFF, 0xD8, 0xa1]);
        assert_eq!(a1.original_name, "IMG_161.jpg");
        assert_eq!(a1.taken_at, "2026-11-02T09:30:15".parse().ok());
        assert_eq!(a1.gps, Some((30.505, 114.25)));
        let (stored, jpeg) = store.photo(&"a1".repeat(32)).unwrap().unwrap();
        assert_eq!(
            (stored, jpeg),
            (a1.clone(), vec![0xFF, 0xD8, 0xa1, 0xFF, 0xD9])
        );
        assert_eq!(
            store
                .photo_from_original(&"02".repeat(32))
                .unwrap()
                .unwrap()
                .0
                .sha256,
            "a2".repeat(32)
        );
        assert_eq!(store.photo(&"ff".repeat(32)).unwrap(), None);
    }

    #[test]
    fn a_refusing_judge_or_a_missing_posting_stores_nothing() {
        let dir = TempDir::new().unwrap();
        let mut store = store(&dir);
        let id = posting(&mut store);
        let refuse = |_: &StoredPosting, _: &StoredPosting| -> Result<_, StoreError> {
            Err(StoreError::ListState(
                "已归档的张贴不能再添加照片".to_owned(),
            ))
        };
        let refused = store.add_posting_photos(id, &[photo(0xc1, 0x11)], &refuse);
        assert!(matches!(refused, Err(StoreError::ListState(_))));
        let missing = store.add_posting_photos(RowId::new(), &[photo(0xc1, 0x11)], &accept);
        assert!(matches!(missing, Err(StoreError::NotFound { .. })));
        assert_eq!(count(&store, "photo"), 0);
        assert_eq!(count(&store, "posting_photo"), 0);
    }

    #[test]
    fn the_max_edge_setting_is_kept_and_the_schema_holds_its_range() {
        let dir = TempDir::new().unwrap();
        let mut store = store(&dir);
        assert_eq!(store.photo_max_edge().unwrap(), None);
        store.set_photo_max_edge(2048).unwrap();
        store.set_photo_max_edge(1200).unwrap();
        assert_eq!(store.photo_max_edge().unwrap(), Some(1200));
        assert!(store.set_photo_max_edge(100).is_err());
        assert_eq!(store.photo_max_edge().unwrap(), Some(1200));
    }
}
