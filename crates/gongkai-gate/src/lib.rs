//! The webview path gate: which files and folders the window may name to a command.
//!
//! The window is web content; were it ever made to run script it did not ship with, every
//! command taking a path would read or write anywhere the clerk's account can (attach
//! `~/.ssh/id_ed25519` to a record and publish it, export over a system file). So the shell
//! remembers the paths the clerk picked in the system's own dialogs, which only the shell opens,
//! and lets a command from the window name only those, or a file in the app's own folders
//! beside the database: 导入 (files dropped there to import), 导出 (exports) and 备份 (backups).
//! The CLI and the tests call the core directly and are not gated: the person at the terminal
//! names what they mean.
//!
//! No Tauri here, so the rules are tested with the core crates.

mod requests;

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use thiserror::Error;

pub use requests::{Access, PathRequest, WebviewPaths};

/// The app's own folders, beside the database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppFolders {
    pub import: PathBuf,
    pub export: PathBuf,
    /// Where `backup_create` writes when given no path (named so by the core).
    pub backup: PathBuf,
}

impl AppFolders {
    pub fn beside(database: &Path) -> Self {
        let dir = database.parent().unwrap_or_else(|| Path::new(""));
        Self {
            import: dir.join("导入"),
            export: dir.join("导出"),
            backup: dir.join("备份"),
        }
    }

    /// Makes the folders the clerk is told to use (the core makes 备份 when it first backs up).
    pub fn create(&self) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.import)?;
        std::fs::create_dir_all(&self.export)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum GateError {
    #[error("“{path}”不是完整的路径：请点“浏览…”在对话框中选择")]
    NotAbsolute { path: String },
    #[error("找不到“{path}”或它所在的文件夹")]
    Missing { path: String },
    #[error(
        "不能读取“{path}”：只能使用在对话框中选择的文件，或放在“{folder}”文件夹里的文件。请点“浏览…”选择"
    )]
    ReadRefused { path: String, folder: String },
    #[error(
        "不能写入“{path}”：只能保存到在对话框中选定的位置，或“{folder}”文件夹。请重新选择保存位置"
    )]
    WriteRefused { path: String, folder: String },
    #[error("不能打开“{path}”：只能打开工作台保存的 PDF 文件")]
    OpenRefused { path: String },
}

/// What the clerk picked in the dialogs this session, each resolved as [`resolve`] does.
#[derive(Debug, Default)]
struct Picked {
    files: HashSet<PathBuf>,
    save_targets: HashSet<PathBuf>,
    folders: HashSet<PathBuf>,
}

#[derive(Debug)]
pub struct Gate {
    folders: AppFolders,
    picked: Mutex<Picked>,
}

impl Gate {
    pub fn new(folders: AppFolders) -> Self {
        Self {
            folders,
            picked: Mutex::new(Picked::default()),
        }
    }

    pub fn folders(&self) -> &AppFolders {
        &self.folders
    }

    /// The clerk chose this file to open.
    pub fn picked_file(&self, path: &Path) {
        if let Some(path) = resolve(path) {
            self.picked().files.insert(path);
        }
    }

    /// The clerk chose to save as this file.
    pub fn picked_save_target(&self, path: &Path) {
        if let Some(path) = resolve(path) {
            self.picked().save_targets.insert(path);
        }
    }

    /// The clerk chose this folder to write into.
    pub fn picked_folder(&self, path: &Path) {
        if let Some(path) = resolve(path) {
            self.picked().folders.insert(path);
        }
    }

    /// Whether a command from the window may use every path it names.
    pub fn check(&self, requests: &[PathRequest<'_>]) -> Result<(), GateError> {
        requests.iter().try_for_each(|r| self.check_one(*r))
    }

    /// A file the window asks the system to open (in its PDF viewer): a PDF the app may have
    /// written, that is one in a folder the clerk picked, the very file they saved as, or one
    /// under 导出.
    pub fn check_openable(&self, path: &str) -> Result<PathBuf, GateError> {
        let refused = || GateError::OpenRefused {
            path: path.to_owned(),
        };
        let resolved = resolve_given(path)?;
        let is_pdf = resolved
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
        if !is_pdf || !resolved.is_file() {
            return Err(refused());
        }
        let picked = self.picked();
        let allowed = picked.save_targets.contains(&resolved)
            || resolved
                .parent()
                .is_some_and(|dir| picked.folders.contains(dir))
            || within(&resolved, &self.folders.export);
        if allowed {
            Ok(resolved)
        } else {
            Err(refused())
        }
    }

    fn check_one(&self, request: PathRequest<'_>) -> Result<(), GateError> {
        let path = resolve_given(request.path)?;
        let picked = self.picked();
        let folders = &self.folders;
        let (allowed, folder) = match request.access {
            Access::Read => (
                picked.files.contains(&path) || within(&path, &folders.import),
                &folders.import,
            ),
            Access::Restore => (
                picked.files.contains(&path) || within(&path, &folders.backup),
                &folders.backup,
            ),
            Access::Write => (
                picked.save_targets.contains(&path) || within(&path, &folders.export),
                &folders.export,
            ),
            Access::WriteInto => (
                picked.folders.contains(&path)
                    || resolve(&folders.export).is_some_and(|export| path.starts_with(export)),
                &folders.export,
            ),
        };
        if allowed {
            return Ok(());
        }
        let path = request.path.to_owned();
        let folder = folder.display().to_string();
        Err(match request.access {
            Access::Read | Access::Restore => GateError::ReadRefused { path, folder },
            Access::Write | Access::WriteInto => GateError::WriteRefused { path, folder },
        })
    }

    fn picked(&self) -> std::sync::MutexGuard<'_, Picked> {
        // The sets stay consistent whatever a panicking holder was doing: each is one insert.
        self.picked.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// A path as the window wrote it, resolved, or why it cannot be.
fn resolve_given(path: &str) -> Result<PathBuf, GateError> {
    let given = Path::new(path);
    if !given.is_absolute() || given.components().any(|c| c == Component::ParentDir) {
        return Err(GateError::NotAbsolute {
            path: path.to_owned(),
        });
    }
    resolve(given).ok_or_else(|| GateError::Missing {
        path: path.to_owned(),
    })
}

/// The real path: links followed, so a link in 导入 to a file elsewhere is that file. A file
/// yet to be written is its real folder joined with its name.
fn resolve(path: &Path) -> Option<PathBuf> {
    if let Ok(real) = path.canonicalize() {
        return Some(real);
    }
    let name = path.file_name()?;
    Some(path.parent()?.canonicalize().ok()?.join(name))
}

/// `path` (resolved) lies inside `folder`, not the folder itself.
fn within(path: &Path, folder: &Path) -> bool {
    resolve(folder).is_some_and(|folder| path != folder && path.starts_with(folder))
}

#[cfg(test)]
mod tests;
