//! Rendered public pages, kept until the database changes. The database says when it changed:
//! SQLite's `data_version` on one watching connection moves whenever any other connection
//! commits (the portal's writer, or `gongkai-portal township revoke` in another process), so a
//! page is never served older than the last commit, and nobody has to remember to invalidate.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

use rusqlite::Connection;

use crate::PortalError;
use crate::db;
use crate::pages::Page;

/// Pages larger than this are rendered every time (a 100,000-row payout list is megabytes).
const MAX_PAGE_BYTES: usize = 256 * 1024;
/// All pages together; past it the cache starts again empty.
const MAX_TOTAL_BYTES: usize = 16 * 1024 * 1024;

pub struct PageCache {
    watch: Mutex<Connection>,
    pages: Mutex<Pages>,
}

#[derive(Default)]
struct Pages {
    version: i64,
    bytes: usize,
    by_path: HashMap<String, Arc<Page>>,
}

impl PageCache {
    pub fn open(path: &Path) -> Result<Self, PortalError> {
        Ok(Self {
            watch: Mutex::new(db::open_reader(path)?),
            pages: Mutex::new(Pages::default()),
        })
    }

    /// The database's version now: pages rendered after this call may be kept under it.
    /// `None` when it cannot be told (the page is then neither taken from nor kept in the cache).
    pub fn version(&self) -> Option<i64> {
        let watch = self.watch.lock().ok()?;
        db::data_version(&watch).ok()
    }

    /// The page kept for `path`, if the database has not changed since it was rendered.
    pub fn get(&self, version: i64, path: &str) -> Option<Arc<Page>> {
        let mut pages = self.pages.lock().ok()?;
        if pages.version != version {
            *pages = Pages {
                version,
                ..Pages::default()
            };
            return None;
        }
        pages.by_path.get(path).cloned()
    }

    /// Keeps `page`, rendered from the database as it was at `version`.
    pub fn put(&self, version: i64, path: &str, page: Arc<Page>) {
        let size = page.cached_size();
        let Some(size) = size.filter(|s| *s <= MAX_PAGE_BYTES) else {
            return;
        };
        let Ok(mut pages) = self.pages.lock() else {
            return;
        };
        if pages.version != version {
            return;
        }
        if pages.bytes + size > MAX_TOTAL_BYTES {
            pages.by_path.clear();
            pages.bytes = 0;
        }
        pages.bytes += size;
        pages.by_path.insert(path.to_owned(), page);
    }
}
