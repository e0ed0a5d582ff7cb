//! The secrets as a backup carries them: sealed to an age X25519 recipient whose identity is
//! itself encrypted under the clerk's passphrase (age's scrypt recipient).
//!
//! Two layers, so that a secret made after the passphrase was set (the sync key of a township
//! that starts syncing later) is sealed at once without asking for the passphrase again: the
//! public recipient is kept in the clear beside the locked identity; only unsealing needs the
//! passphrase.

use std::collections::BTreeMap;
use std::str::FromStr;

use age::secrecy::ExposeSecret;

use crate::keystore::{from_hex, to_hex};
use crate::{Passphrase, SecretBytes, SecretName, SecretsError, Zeroizing};

/// scrypt work factor `N = 2^18` (256 MiB, about a second on a township PC): each guess at a
/// stolen backup's passphrase costs that much.
const WORK_FACTOR: u8 = 18;
/// The most work a backup may ask of this PC when it is opened (a crafted file could ask for
/// hours and gigabytes).
const MAX_WORK_FACTOR: u8 = 20;

/// What the database keeps to seal secrets for backups. Neither part is secret: the recipient
/// is public, the identity encrypted under the passphrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupLock {
    /// `age1…`: the secrets are sealed to it.
    pub recipient: String,
    /// The matching identity, age-encrypted under the passphrase.
    pub locked_identity: Vec<u8>,
}

/// Secrets by name.
#[derive(Default)]
pub struct SecretSet(BTreeMap<SecretName, SecretBytes>);

impl std::fmt::Debug for SecretSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set().entries(self.0.keys()).finish()
    }
}

impl SecretSet {
    pub fn insert(&mut self, name: SecretName, value: SecretBytes) {
        self.0.insert(name, value);
    }

    pub fn get(&self, name: SecretName) -> Option<&[u8]> {
        self.0.get(&name).map(|value| value.as_slice())
    }

    pub fn iter(&self) -> impl Iterator<Item = (SecretName, &[u8])> {
        self.0.iter().map(|(name, value)| (*name, value.as_slice()))
    }

    /// `name hex` per line.
    fn to_text(&self) -> Zeroizing<String> {
        let mut text = Zeroizing::new(String::new());
        for (name, value) in self.iter() {
            text.push_str(name.key());
            text.push(' ');
            text.push_str(&to_hex(value));
            text.push('\n');
        }
        text
    }

    fn from_text(text: &str) -> Result<Self, SecretsError> {
        let mut set = Self::default();
        for line in text.lines().filter(|line| !line.is_empty()) {
            let parsed = line.split_once(' ').and_then(|(name, hex)| {
                Some((SecretName::from_key(name)?, Zeroizing::new(from_hex(hex)?)))
            });
            let (name, value) =
                parsed.ok_or_else(|| SecretsError::SealDamaged("密钥清单格式不对".into()))?;
            set.insert(name, value);
        }
        Ok(set)
    }
}

/// A new lock: a fresh identity, encrypted under `passphrase`.
pub fn new_lock(passphrase: &Passphrase) -> Result<BackupLock, SecretsError> {
    let identity = age::x25519::Identity::generate();
    Ok(BackupLock {
        recipient: identity.to_public().to_string(),
        locked_identity: lock_identity(&identity, passphrase)?,
    })
}

/// The same lock under a new passphrase, given the current one (refused when wrong).
pub fn relock(
    lock: &BackupLock,
    old: &Passphrase,
    new: &Passphrase,
) -> Result<BackupLock, SecretsError> {
    let identity = unlock(&lock.locked_identity, old)?;
    Ok(BackupLock {
        recipient: lock.recipient.clone(),
        locked_identity: lock_identity(&identity, new)?,
    })
}

/// Whether `passphrase` opens `lock`.
pub fn check(lock: &BackupLock, passphrase: &Passphrase) -> Result<(), SecretsError> {
    unlock(&lock.locked_identity, passphrase).map(|_| ())
}

/// `secrets` encrypted to the lock's recipient.
pub fn seal(recipient: &str, secrets: &SecretSet) -> Result<Vec<u8>, SecretsError> {
    let recipient = age::x25519::Recipient::from_str(recipient)
        .map_err(|e| SecretsError::SealDamaged(format!("备份公钥无效：{e}")))?;
    age::encrypt(&recipient, secrets.to_text().as_bytes())
        .map_err(|e| SecretsError::Encrypt(e.to_string()))
}

/// The secrets sealed with [`seal`], opened with the passphrase of the lock.
pub fn unseal(
    locked_identity: &[u8],
    sealed: &[u8],
    passphrase: &Passphrase,
) -> Result<SecretSet, SecretsError> {
    let identity = unlock(locked_identity, passphrase)?;
    let text = age::decrypt(&identity, sealed)
        .map(Zeroizing::new)
        .map_err(|e| SecretsError::SealDamaged(e.to_string()))?;
    let text = std::str::from_utf8(&text)
        .map_err(|_| SecretsError::SealDamaged("密钥清单不是文本".into()))?;
    SecretSet::from_text(text)
}

fn lock_identity(
    identity: &age::x25519::Identity,
    passphrase: &Passphrase,
) -> Result<Vec<u8>, SecretsError> {
    let mut recipient = age::scrypt::Recipient::new(passphrase.secret());
    recipient.set_work_factor(WORK_FACTOR);
    age::encrypt(&recipient, identity.to_string().expose_secret().as_bytes())
        .map_err(|e| SecretsError::Encrypt(e.to_string()))
}

fn unlock(
    locked_identity: &[u8],
    passphrase: &Passphrase,
) -> Result<age::x25519::Identity, SecretsError> {
    let mut identity = age::scrypt::Identity::new(passphrase.secret());
    identity.set_max_work_factor(MAX_WORK_FACTOR);
    let text = match age::decrypt(&identity, locked_identity) {
        Ok(text) => Zeroizing::new(text),
        Err(age::DecryptError::DecryptionFailed | age::DecryptError::NoMatchingKeys) => {
            return Err(SecretsError::WrongPassphrase);
        }
        Err(e) => return Err(SecretsError::SealDamaged(e.to_string())),
    };
    std::str::from_utf8(&text)
        .ok()
        .and_then(|text| age::x25519::Identity::from_str(text).ok())
        .ok_or_else(|| SecretsError::SealDamaged("备份私钥格式不对".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secrets() -> SecretSet {
        let mut set = SecretSet::default();
        set.insert(SecretName::InstallationKey, Zeroizing::new(vec![7; 32]));
        set.insert(
            SecretName::SigningSecret,
            Zeroizing::new(b"ed25519-secret:AAAA".to_vec()),
        );
        set
    }

    #[test]
    fn sealed_secrets_open_with_the_passphrase_only() {
        let passphrase = Passphrase::given("示范镇政务公开备份");
        let lock = new_lock(&passphrase).unwrap();
        let sealed = seal(&lock.recipient, &secrets()).unwrap();
        let opened = unseal(&lock.locked_identity, &sealed, &passphrase).unwrap();
        assert_eq!(
            opened.get(SecretName::InstallationKey),
            Some(&[7_u8; 32][..])
        );
        assert_eq!(
            opened.get(SecretName::SigningSecret),
            Some(&b"ed25519-secret:AAAA"[..])
        );
        let wrong = unseal(
            &lock.locked_identity,
            &sealed,
            &Passphrase::given("示范镇政务公开备忘"),
        );
        assert!(
            matches!(wrong, Err(SecretsError::WrongPassphrase)),
            "{wrong:?}"
        );
    }

    #[test]
    fn a_relocked_lock_opens_with_the_new_passphrase_and_keeps_its_recipient() {
        let old = Passphrase::given("旧的备份口令一二三");
        let new = Passphrase::given("新的备份口令四五六");
        let lock = new_lock(&old).unwrap();
        let sealed = seal(&lock.recipient, &secrets()).unwrap();
        assert!(matches!(
            relock(&lock, &new, &new),
            Err(SecretsError::WrongPassphrase)
        ));
        let relocked = relock(&lock, &old, &new).unwrap();
        assert_eq!(relocked.recipient, lock.recipient);
        assert!(unseal(&relocked.locked_identity, &sealed, &new).is_ok());
        assert!(check(&relocked, &old).is_err());
    }

    #[test]
    fn neither_the_secrets_nor_the_identity_are_in_the_clear() {
        let passphrase = Passphrase::given("示范镇政务公开备份");
        let lock = new_lock(&passphrase).unwrap();
        let sealed = seal(&lock.recipient, &secrets()).unwrap();
        let hex_key = to_hex(&[7; 32]);
        for bytes in [&sealed, &lock.locked_identity] {
            let text = String::from_utf8_lossy(bytes);
            assert!(!text.contains(&hex_key) && !text.contains("ed25519-secret"));
            assert!(!text.contains("AGE-SECRET-KEY"));
        }
    }
}
