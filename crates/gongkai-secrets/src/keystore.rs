//! Where the secrets live: the OS keystore, or a key file readable by the user alone.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::{SecretBytes, SecretsError, Zeroizing};

/// Names a directory whose key files are used instead of the OS keystore: tests, the CLI on a
/// server, a clerk who wants the keys on removable media.
pub const SECRET_DIR_ENV: &str = "GONGKAI_SECRET_DIR";

/// The service name of every entry in the OS keystore.
const SERVICE: &str = "gongkai";

/// A secret an installation keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SecretName {
    /// The HMAC key of ID numbers.
    InstallationKey,
    /// The township's ed25519 signing secret (`ed25519-secret:` text).
    SigningSecret,
}

impl SecretName {
    pub const ALL: [Self; 2] = [Self::InstallationKey, Self::SigningSecret];

    /// The name in keystore entries, key files and sealed backups.
    pub fn key(self) -> &'static str {
        match self {
            Self::InstallationKey => "installation-key",
            Self::SigningSecret => "signing-secret",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|name| name.key() == key)
    }

    /// The clerk's name for it.
    pub fn label(self) -> &'static str {
        match self {
            Self::InstallationKey => "身份证号密钥",
            Self::SigningSecret => "同步签名密钥",
        }
    }
}

/// A database's address in the keystore: 32 random hex digits, kept in the database (it is not
/// secret). A restored database keeps its own, so a backup restored on another PC finds the
/// secrets installed there under the same address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeystoreId(String);

impl KeystoreId {
    pub fn random() -> Result<Self, SecretsError> {
        let mut bytes = [0_u8; 16];
        getrandom::fill(&mut bytes).map_err(|e| SecretsError::Randomness(e.to_string()))?;
        Ok(Self(to_hex(&bytes)))
    }

    /// Only 32 lower-case hex digits: the id becomes part of a file name.
    pub fn parse(text: &str) -> Option<Self> {
        let valid =
            text.len() == 32 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        valid.then(|| Self(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A short, one-way fingerprint of a secret, kept in the database so that a keystore that lost
/// or swapped a secret is noticed before anything is hashed or signed with the wrong one.
pub fn fingerprint(secret: &[u8]) -> String {
    let digest = Sha256::new()
        .chain_update(b"gongkai secret fingerprint\0")
        .chain_update(secret)
        .finalize();
    to_hex(&digest[..8])
}

/// The OS keystore with a key-file directory behind it, or the key-file directory alone.
#[derive(Debug, Clone)]
pub struct Keystore {
    system: SystemStore,
    dir: PathBuf,
}

/// Which keystore is asked before the key files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SystemStore {
    Absent,
    Os,
    /// Under test: a keystore that fails every call, as a headless Linux without a Secret
    /// Service does.
    #[cfg(test)]
    Failing,
}

impl SystemStore {
    fn set(self, name: &str, value: &[u8]) -> Option<Result<(), String>> {
        match self {
            Self::Absent => None,
            Self::Os => Some(system::set(name, value)),
            #[cfg(test)]
            Self::Failing => Some(Err("测试：密钥库不可用".into())),
        }
    }

    fn get(self, name: &str) -> Option<Result<Option<SecretBytes>, String>> {
        match self {
            Self::Absent => None,
            Self::Os => Some(system::get(name)),
            #[cfg(test)]
            Self::Failing => Some(Err("测试：密钥库不可用".into())),
        }
    }
}

impl Keystore {
    /// The key files in [`SECRET_DIR_ENV`] when it is set, else the OS keystore with the key
    /// files in the user's configuration folder behind it.
    pub fn from_env() -> Self {
        match std::env::var_os(SECRET_DIR_ENV).filter(|dir| !dir.is_empty()) {
            Some(dir) => Self::files(PathBuf::from(dir)),
            None => Self::system(default_key_dir()),
        }
    }

    /// Key files in `dir` only; the OS keystore is not asked.
    pub fn files(dir: impl Into<PathBuf>) -> Self {
        Self {
            system: SystemStore::Absent,
            dir: dir.into(),
        }
    }

    /// The OS keystore; key files in `fallback_dir` when it does not answer.
    pub fn system(fallback_dir: impl Into<PathBuf>) -> Self {
        Self {
            system: SystemStore::Os,
            dir: fallback_dir.into(),
        }
    }

    /// Where secrets go now, for the clerk: the system keystore, or the key-file folder and why.
    pub fn describe(&self) -> String {
        let files = format!("密钥文件（{}，仅本机当前用户可读）", self.dir.display());
        // A lookup of an entry that is never written: answered (none found) when it works.
        match self.system.get("probe").map(|answer| answer.map(|_| ())) {
            None => files,
            Some(Ok(())) => format!("系统密钥库（{}）", system::NAME),
            Some(Err(why)) => format!("{files}；系统密钥库不可用：{why}"),
        }
    }

    #[cfg(test)]
    fn failing_system(fallback_dir: impl Into<PathBuf>) -> Self {
        Self {
            system: SystemStore::Failing,
            dir: fallback_dir.into(),
        }
    }

    /// Keeps `value` as `name` of database `id`, reads it back and compares. The OS keystore
    /// first; the key file when the keystore fails.
    pub fn put(&self, id: &KeystoreId, name: SecretName, value: &[u8]) -> Result<(), SecretsError> {
        let entry = entry_name(id, name);
        let written = self
            .system
            .set(&entry, value)
            .map(|set| set.and_then(|()| self.system.get(&entry).unwrap_or(Ok(None))));
        let system_error = match written {
            None => None,
            Some(Ok(Some(back))) if back.as_slice() == value => return Ok(()),
            Some(Ok(_)) => return Err(SecretsError::ReadBackDiffers("系统密钥库".into())),
            Some(Err(why)) => Some(why),
        };
        let path = self.key_file(&entry);
        let written = write_key_file(&self.dir, &path, value).and_then(|()| read_key_file(&path));
        match (written, system_error) {
            (Ok(Some(back)), _) if back.as_slice() == value => Ok(()),
            (Ok(_), _) => Err(SecretsError::ReadBackDiffers(format!(
                "密钥文件“{}”",
                path.display()
            ))),
            (Err(e), None) => Err(e),
            (Err(e), Some(system)) => Err(SecretsError::NoKeystore {
                system,
                file: e.to_string(),
            }),
        }
    }

    /// The secret `name` of database `id`: from the OS keystore, else from its key file;
    /// `None` when neither has it.
    pub fn get(
        &self,
        id: &KeystoreId,
        name: SecretName,
    ) -> Result<Option<SecretBytes>, SecretsError> {
        let entry = entry_name(id, name);
        let system_error = match self.system.get(&entry) {
            None | Some(Ok(None)) => None,
            Some(Ok(Some(value))) => return Ok(Some(value)),
            Some(Err(why)) => Some(why),
        };
        match (read_key_file(&self.key_file(&entry))?, system_error) {
            (Some(value), _) => Ok(Some(value)),
            (None, None) => Ok(None),
            (None, Some(system)) => Err(SecretsError::NoKeystore {
                system,
                file: format!("密钥文件目录“{}”中没有它", self.dir.display()),
            }),
        }
    }

    fn key_file(&self, entry: &str) -> PathBuf {
        self.dir.join(format!("{entry}.key"))
    }
}

fn entry_name(id: &KeystoreId, name: SecretName) -> String {
    format!("{}.{}", id.as_str(), name.key())
}

/// The user's configuration folder: `%APPDATA%` on Windows, `~/Library/Application Support` on
/// macOS, `$XDG_CONFIG_HOME` or `~/.config` elsewhere. Never beside the database: a copy of the
/// database's folder must not carry the keys.
fn default_key_dir() -> PathBuf {
    let env = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let home = env("HOME")
        .or_else(|| env("USERPROFILE"))
        .unwrap_or_default();
    let base = if cfg!(windows) {
        env("APPDATA").unwrap_or_else(|| home.join("AppData").join("Roaming"))
    } else if cfg!(target_os = "macos") {
        home.join("Library").join("Application Support")
    } else {
        env("XDG_CONFIG_HOME").unwrap_or_else(|| home.join(".config"))
    };
    base.join("gongkai").join("keys")
}

/// Writes the key file atomically: a new file created readable by the owner alone, filled,
/// flushed to disk, then renamed over the name. A reader never sees half a key, and the key
/// never sits in a file others can read, not even for a moment.
fn write_key_file(dir: &Path, path: &Path, value: &[u8]) -> Result<(), SecretsError> {
    let failed = |path: &Path| {
        let path = path.to_owned();
        move |source| SecretsError::KeyFile { path, source }
    };
    create_private_dir(dir).map_err(failed(dir))?;
    let mut suffix = [0_u8; 6];
    getrandom::fill(&mut suffix).map_err(|e| SecretsError::Randomness(e.to_string()))?;
    let temporary = path.with_extension(format!("{}.tmp", to_hex(&suffix)));
    let text = Zeroizing::new(format!("{}\n", to_hex(value)));
    let written = new_private_file(&temporary)
        .and_then(|mut file| {
            file.write_all(text.as_bytes())?;
            file.sync_all()
        })
        .and_then(|()| fs::rename(&temporary, path))
        .map_err(failed(path));
    if written.is_err() {
        // Nothing usable was left under the real name; a stray temporary file holds no more
        // than the key file would.
        fs::remove_file(&temporary).ok();
    }
    written?;
    sync_dir(dir).map_err(failed(dir))
}

fn read_key_file(path: &Path) -> Result<Option<SecretBytes>, SecretsError> {
    let text = match fs::read_to_string(path) {
        Ok(text) => Zeroizing::new(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(SecretsError::KeyFile {
                path: path.to_owned(),
                source,
            });
        }
    };
    keep_private(path).map_err(|source| SecretsError::KeyFile {
        path: path.to_owned(),
        source,
    })?;
    from_hex(text.trim())
        .map(|bytes| Some(Zeroizing::new(bytes)))
        .ok_or_else(|| SecretsError::KeyFileDamaged {
            path: path.to_owned(),
        })
}

#[cfg(unix)]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

#[cfg(not(unix))]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    // Under the user's profile, whose ACL already keeps other users out.
    fs::create_dir_all(dir)
}

#[cfg(unix)]
fn new_private_file(path: &Path) -> std::io::Result<fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
}

#[cfg(not(unix))]
fn new_private_file(path: &Path) -> std::io::Result<fs::File> {
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
}

/// A key file someone made readable to others (a copy, a `chmod`) is made private again.
#[cfg(unix)]
fn keep_private(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = fs::metadata(path)?.permissions().mode();
    if mode & 0o077 != 0 {
        fs::set_permissions(path, fs::Permissions::from_mode(0o600))?;
    }
    Ok(())
}

#[cfg(not(unix))]
fn keep_private(_path: &Path) -> std::io::Result<()> {
    Ok(())
}

/// Makes the rename durable: on a power cut the key file is there or the old one is.
#[cfg(unix)]
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    fs::File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> std::io::Result<()> {
    Ok(())
}

pub(crate) fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub(crate) fn from_hex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| {
            text.get(i..i + 2)
                .and_then(|pair| u8::from_str_radix(pair, 16).ok())
        })
        .collect()
}

/// The OS keystore through `keyring`. An error is its reason, for the clerk.
#[cfg(any(target_os = "linux", target_os = "windows", target_os = "macos"))]
mod system {
    use crate::{SecretBytes, Zeroizing};

    pub(super) const NAME: &str = if cfg!(windows) {
        "Windows 凭据管理器"
    } else if cfg!(target_os = "macos") {
        "macOS 钥匙串"
    } else {
        "Secret Service"
    };

    fn entry(name: &str) -> Result<keyring::Entry, String> {
        keyring::Entry::new(super::SERVICE, name).map_err(|e| e.to_string())
    }

    pub(super) fn set(name: &str, value: &[u8]) -> Result<(), String> {
        entry(name)?.set_secret(value).map_err(|e| e.to_string())
    }

    pub(super) fn get(name: &str) -> Result<Option<SecretBytes>, String> {
        match entry(name)?.get_secret() {
            Ok(value) => Ok(Some(Zeroizing::new(value))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(e.to_string()),
        }
    }
}

#[cfg(not(any(target_os = "linux", target_os = "windows", target_os = "macos")))]
mod system {
    use crate::SecretBytes;

    pub(super) const NAME: &str = "无";
    const NONE: &str = "本系统没有工作台支持的密钥库";

    pub(super) fn set(_name: &str, _value: &[u8]) -> Result<(), String> {
        Err(NONE.into())
    }

    pub(super) fn get(_name: &str) -> Result<Option<SecretBytes>, String> {
        Err(NONE.into())
    }
}

#[cfg(test)]
mod tests;
