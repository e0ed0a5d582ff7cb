use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, OnceLock, PoisonError};

use gongkai_store::{Keystore, Store};

use crate::ApiError;
use crate::wire::ProgressEvent;

/// Where progress reports go: the desktop shell forwards them to the window; the CLI and tests
/// set none.
type ProgressSink = Box<dyn Fn(&ProgressEvent) + Send + Sync>;

/// Told after a command queued something for the county, so sync can run at once.
type OutboxSink = Box<dyn Fn() + Send + Sync>;

/// One open installation: the database path and, once opened, the store.
///
/// Commands run one at a time against the store (a mutex), which matches SQLite's single
/// writer; reads are fast enough that no reader pool is needed for one clerk.
pub struct Api {
    db_path: PathBuf,
    /// Where the database's secrets are kept on this PC.
    keystore: Keystore,
    store: Mutex<Option<Store>>,
    progress: OnceLock<ProgressSink>,
    outbox: OnceLock<OutboxSink>,
    /// Held over a whole sync run, whoever started it (the clerk's 立即同步 or the background
    /// scheduler): two runs at once would interleave their signed requests and the county would
    /// refuse the later-numbered one's predecessor as a replay.
    sync_run: Mutex<()>,
    /// The public reading point: the database opened read only, whatever command runs.
    read_only: bool,
    /// Wrong PINs typed at the reading point, to slow down guessing.
    pub(crate) reading_pins: crate::reading::PinGuard,
}

impl std::fmt::Debug for Api {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Api")
            .field("db_path", &self.db_path)
            .finish_non_exhaustive()
    }
}

/// The right to run one sync, held until dropped (the file's lock ends when it is closed).
pub(crate) struct SyncTurn<'a> {
    _in_process: MutexGuard<'a, ()>,
    _between_processes: std::fs::File,
}

/// How a command wants the database when none is open yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OpenMode {
    /// Only an existing file: every command but the first-start ones.
    Existing,
    /// Create the file if missing: `setup_create`, `setup_demo`.
    CreateIfMissing,
}

impl Api {
    /// Does not touch the disk; the database is opened by the first command that needs it.
    /// Its secrets are in the OS keystore, or in the key files of `GONGKAI_SECRET_DIR`.
    pub fn new(db_path: impl Into<PathBuf>) -> Self {
        Self::with_keystore(db_path, Keystore::from_env())
    }

    /// An installation whose secrets are in `keystore` (tests: key files in a folder of theirs).
    pub fn with_keystore(db_path: impl Into<PathBuf>, keystore: Keystore) -> Self {
        Self {
            db_path: db_path.into(),
            keystore,
            store: Mutex::new(None),
            progress: OnceLock::new(),
            outbox: OnceLock::new(),
            sync_run: Mutex::new(()),
            read_only: false,
            reading_pins: crate::reading::PinGuard::default(),
        }
    }

    /// The public reading point's installation: every command opens the database with
    /// [`Store::open_read_only`], so even a write that reached it fails in SQLite; a missing
    /// database is never created.
    pub fn read_only(db_path: impl Into<PathBuf>) -> Self {
        Self {
            read_only: true,
            ..Self::new(db_path)
        }
    }

    /// Sends progress reports of long commands to `sink` (set once, by the desktop shell).
    pub fn on_progress(&self, sink: impl Fn(&ProgressEvent) + Send + Sync + 'static) {
        // A second sink is refused: there is one window to report to.
        let _ = self.progress.set(Box::new(sink));
    }

    /// Calls `sink` after every command that queued something for the county (set once, by the
    /// desktop shell, to trigger a sync).
    pub fn on_outbox_write(&self, sink: impl Fn() + Send + Sync + 'static) {
        let _ = self.outbox.set(Box::new(sink));
    }

    pub(crate) fn queued_for_county(&self) {
        if let Some(sink) = self.outbox.get() {
            sink();
        }
    }

    pub(crate) fn report(&self, task: &str, stage: &str, percent: u32) {
        if let Some(sink) = self.progress.get() {
            sink(&ProgressEvent {
                task: task.to_owned(),
                stage: stage.to_owned(),
                percent: percent.min(100),
            });
        }
    }

    /// Waits for a sync run under way to finish, then holds the right to run one: first among
    /// this process's callers (the clerk's button, the scheduler), then among processes on the
    /// same database (the window and a `gongkai sync` beside it) through an exclusive lock on
    /// `<database>.sync-lock`, which the system releases if the process dies. A run that
    /// panicked left nothing half-sent that the next run cannot resend, so poison is ignored.
    pub(crate) fn one_sync_at_a_time(&self) -> Result<SyncTurn<'_>, ApiError> {
        let in_process = self.sync_run.lock().unwrap_or_else(PoisonError::into_inner);
        let mut name = self.db_path.clone().into_os_string();
        name.push(".sync-lock");
        let path = PathBuf::from(name);
        let cannot = |e: std::io::Error| {
            ApiError::internal(format!("无法取得同步锁“{}”：{e}", path.display()))
        };
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(cannot)?;
        file.lock().map_err(cannot)?;
        Ok(SyncTurn {
            _in_process: in_process,
            _between_processes: file,
        })
    }

    pub fn db_path(&self) -> &Path {
        &self.db_path
    }

    pub(crate) fn database_exists(&self) -> bool {
        self.db_path.exists()
    }

    /// Runs `f` with the store, opening it first if needed.
    pub(crate) fn with_store<T>(
        &self,
        mode: OpenMode,
        f: impl FnOnce(&mut Store) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        // A panic inside a command cannot leave a half-written transaction behind (rusqlite
        // rolls back on drop), so a poisoned lock still guards a usable store.
        let mut slot: MutexGuard<'_, Option<Store>> =
            self.store.lock().unwrap_or_else(PoisonError::into_inner);
        if slot.is_none() {
            if (mode == OpenMode::Existing || self.read_only) && !self.database_exists() {
                return Err(ApiError::no_database());
            }
            let store = if self.read_only {
                Store::open_read_only(&self.db_path, self.keystore.clone())?
            } else {
                if let Some(dir) = self.db_path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    std::fs::create_dir_all(dir)
                        .map_err(|e| ApiError::folder_not_creatable(dir, &e))?;
                }
                Store::open_with(&self.db_path, self.keystore.clone())?
            };
            *slot = Some(store);
        }
        match slot.as_mut() {
            Some(store) => f(store),
            None => Err(ApiError::no_database()),
        }
    }
}
