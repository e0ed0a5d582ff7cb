//! The installation's secrets, kept out of this file (issue 10).
//!
//! The installation key (HMAC of ID numbers) and the sync signing secret live in the keystore
//! ([`Keystore`]: the OS keystore, or a key file readable by the user alone) under the random
//! `keystore_id` of the database's `secret_vault` row. The row keeps a fingerprint of each
//! secret, so a keystore that lost or swapped one is an error, never a silently new key, and,
//! once the clerk set a backup passphrase, the secrets sealed under it ([`seal`]), which is all
//! a backup carries of them. Migration 13 moves the secrets of an older file out.

use gongkai_secrets::seal::{self, BackupLock, SecretSet};
use gongkai_secrets::{
    Keystore, KeystoreId, Passphrase, SecretBytes, SecretName, SecretsError, Zeroizing, fingerprint,
};
use rusqlite::{Connection, OptionalExtension, params};

use crate::{Store, StoreError, Writer};

/// The migration that moves the secrets out (`0013_secrets_out.sql`).
pub(crate) const MOVED_OUT_IN: u32 = 13;

/// Where the backup screen stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupStatus {
    /// When the backup passphrase was set or last changed; `None` while backups are refused.
    pub passphrase_set_at: Option<String>,
    /// Where this PC keeps the secrets, in Chinese (and why the key file, when it is used).
    pub key_storage: String,
}

/// The database's `secret_vault` row.
struct Vault {
    keystore_id: KeystoreId,
    installation_key_check: Option<String>,
    signing_secret_check: Option<String>,
    lock: Option<BackupLock>,
    sealed: Option<Vec<u8>>,
    passphrase_set_at: Option<String>,
}

impl Vault {
    fn read(conn: &Connection) -> Result<Self, StoreError> {
        let row = conn.query_row(
            "SELECT keystore_id, installation_key_check, signing_secret_check, backup_recipient,
                    backup_identity, sealed_secrets, passphrase_set_at
             FROM secret_vault",
            [],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, Option<Vec<u8>>>(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ))
            },
        )?;
        let (id, installation_key_check, signing_secret_check, recipient, identity, sealed, at) =
            row;
        let keystore_id = KeystoreId::parse(&id).ok_or_else(|| {
            StoreError::ListState(format!("数据库记录的密钥库编号“{id}”格式不对"))
        })?;
        let lock = recipient
            .zip(identity)
            .map(|(recipient, locked_identity)| BackupLock {
                recipient,
                locked_identity,
            });
        Ok(Self {
            keystore_id,
            installation_key_check,
            signing_secret_check,
            lock,
            sealed,
            passphrase_set_at: at,
        })
    }

    fn check(&self, name: SecretName) -> Option<&str> {
        match name {
            SecretName::InstallationKey => self.installation_key_check.as_deref(),
            SecretName::SigningSecret => self.signing_secret_check.as_deref(),
        }
    }

    /// The secrets this database has made, from the keystore, each checked against its
    /// fingerprint.
    fn secrets(&self, keystore: &Keystore) -> Result<SecretSet, StoreError> {
        let mut set = SecretSet::default();
        for name in SecretName::ALL {
            if let Some(value) = self.secret(keystore, name)? {
                set.insert(name, value);
            }
        }
        Ok(set)
    }

    /// `None` when the database never made it; an error when the keystore lost or swapped it.
    fn secret(
        &self,
        keystore: &Keystore,
        name: SecretName,
    ) -> Result<Option<SecretBytes>, StoreError> {
        let Some(check) = self.check(name) else {
            return Ok(None);
        };
        match keystore.get(&self.keystore_id, name)? {
            None => Err(StoreError::SecretMissing { what: name.label() }),
            Some(value) if fingerprint(&value) != check => {
                Err(StoreError::SecretMismatch { what: name.label() })
            }
            Some(value) => Ok(Some(value)),
        }
    }
}

fn check_column(name: SecretName) -> &'static str {
    match name {
        SecretName::InstallationKey => "installation_key_check",
        SecretName::SigningSecret => "signing_secret_check",
    }
}

/// Keeps a new secret, in the caller's write transaction: into the keystore (read back and
/// compared), its fingerprint into the vault, and the sealed copy for backups renewed when a
/// passphrase is set, so the next backup carries it.
fn install(
    keystore: &Keystore,
    w: &Writer<'_>,
    name: SecretName,
    value: &[u8],
) -> Result<(), StoreError> {
    let vault = Vault::read(&w.tx)?;
    keystore.put(&vault.keystore_id, name, value)?;
    w.tx.execute(
        &format!("UPDATE secret_vault SET {} = ?1", check_column(name)),
        [fingerprint(value)],
    )?;
    if let Some(lock) = &vault.lock {
        let mut secrets = vault.secrets(keystore)?;
        secrets.insert(name, Zeroizing::new(value.to_vec()));
        w.tx.execute(
            "UPDATE secret_vault SET sealed_secrets = ?1",
            [seal::seal(&lock.recipient, &secrets)?],
        )?;
    }
    Ok(())
}

impl Store {
    /// The secret for hashing ID numbers, created on first use and kept in the keystore.
    pub fn installation_key(&mut self) -> Result<[u8; 32], StoreError> {
        let as_key = |value: SecretBytes| {
            <[u8; 32]>::try_from(value.as_slice()).map_err(|_| StoreError::SecretMismatch {
                what: SecretName::InstallationKey.label(),
            })
        };
        if let Some(key) =
            Vault::read(&self.conn)?.secret(&self.keystore, SecretName::InstallationKey)?
        {
            return as_key(key);
        }
        let keystore = self.keystore.clone();
        self.write(|w| {
            // Another process may have made it since: the write lock is held now.
            let vault = Vault::read(&w.tx)?;
            if let Some(key) = vault.secret(&keystore, SecretName::InstallationKey)? {
                return as_key(key);
            }
            let mut key = Zeroizing::new([0_u8; 32]);
            getrandom::fill(key.as_mut()).map_err(|e| StoreError::Randomness(e.to_string()))?;
            install(&keystore, w, SecretName::InstallationKey, key.as_ref())?;
            Ok(*key)
        })
    }

    /// The sync signing secret (`ed25519-secret:` text), `None` before the identity is made.
    pub(crate) fn signing_secret(&self) -> Result<Option<Zeroizing<String>>, StoreError> {
        let Some(value) =
            Vault::read(&self.conn)?.secret(&self.keystore, SecretName::SigningSecret)?
        else {
            return Ok(None);
        };
        String::from_utf8(value.to_vec())
            .map(|text| Some(Zeroizing::new(text)))
            .map_err(|_| StoreError::SecretMismatch {
                what: SecretName::SigningSecret.label(),
            })
    }

    /// Keeps the signing secret of a new sync identity, in the caller's transaction.
    pub(crate) fn install_signing_secret(
        keystore: &Keystore,
        w: &Writer<'_>,
        secret: &str,
    ) -> Result<(), StoreError> {
        install(keystore, w, SecretName::SigningSecret, secret.as_bytes())
    }

    /// Sets the backup passphrase, or changes it given the current one. From then on the
    /// secrets are sealed under it in the database, and backups are allowed.
    pub fn set_backup_passphrase(
        &mut self,
        current: Option<&Passphrase>,
        new: &Passphrase,
    ) -> Result<(), StoreError> {
        let keystore = self.keystore.clone();
        self.write(|w| {
            let vault = Vault::read(&w.tx)?;
            let lock = match (&vault.lock, current) {
                (None, _) => seal::new_lock(new)?,
                (Some(_), None) => return Err(StoreError::PassphraseNeeded),
                (Some(lock), Some(current)) => seal::relock(lock, current, new)?,
            };
            let sealed = seal::seal(&lock.recipient, &vault.secrets(&keystore)?)?;
            w.tx.execute(
                "UPDATE secret_vault SET backup_recipient = ?1, backup_identity = ?2,
                        sealed_secrets = ?3, passphrase_set_at = ?4",
                params![lock.recipient, lock.locked_identity, sealed, w.now_text()],
            )?;
            Ok(())
        })
    }

    pub fn backup_status(&self) -> Result<BackupStatus, StoreError> {
        Ok(BackupStatus {
            passphrase_set_at: Vault::read(&self.conn)?.passphrase_set_at,
            key_storage: self.keystore.describe(),
        })
    }

    /// Refuses a backup while no passphrase is set: it would carry no way to the secrets, and
    /// a PC that dies would take the ID hashes and the county registration with it.
    pub(crate) fn require_backup_passphrase(&self) -> Result<(), StoreError> {
        match Vault::read(&self.conn)?.lock {
            Some(_) => Ok(()),
            None => Err(StoreError::NoBackupPassphrase),
        }
    }
}

/// The secrets a restore source carries, opened with the clerk's passphrase, on the read-only
/// connection to it, before anything is written. An error is the reason, in Chinese.
pub(crate) fn open_source_secrets(
    source: &Connection,
    passphrase: Option<&Passphrase>,
) -> Result<(KeystoreId, SecretSet), String> {
    let vault = Vault::read(source).map_err(|e| e.to_string())?;
    let wanted: Vec<(SecretName, &str)> = SecretName::ALL
        .into_iter()
        .filter_map(|name| vault.check(name).map(|check| (name, check)))
        .collect();
    let (lock, sealed) =
        match (&vault.lock, &vault.sealed) {
            (Some(lock), Some(sealed)) => (lock, sealed),
            _ if wanted.is_empty() => return Ok((vault.keystore_id, SecretSet::default())),
            _ => return Err(
                "它没有设置备份口令，其中的密钥无法恢复（它不是用“备份”功能做的，或文件被改动过）"
                    .into(),
            ),
        };
    let passphrase = passphrase.ok_or("请输入这份备份的备份口令")?;
    let secrets = match seal::unseal(&lock.locked_identity, sealed, passphrase) {
        Ok(secrets) => secrets,
        Err(SecretsError::WrongPassphrase) => return Err("备份口令不正确".into()),
        Err(e) => return Err(e.to_string()),
    };
    for (name, check) in wanted {
        if secrets.get(name).map(fingerprint).as_deref() != Some(check) {
            return Err(format!(
                "备份中的{}与它的记录不一致，文件可能被改动过",
                name.label()
            ));
        }
    }
    Ok((vault.keystore_id, secrets))
}

/// Installs a restored database's secrets in this PC's keystore, each read back.
pub(crate) fn install_restored(
    keystore: &Keystore,
    id: &KeystoreId,
    secrets: &SecretSet,
) -> Result<(), StoreError> {
    for (name, value) in secrets.iter() {
        keystore.put(id, name, value)?;
    }
    Ok(())
}

/// Migration 13's Rust step, in its transaction: the secrets of an older file go to the
/// keystore (read back and compared) before `sql` drops them; hashes and keys do not change.
/// The caller has `secure_delete` on, so the pages they leave are zeroed, not just freed.
pub(crate) fn move_out(
    tx: &rusqlite::Transaction<'_>,
    keystore: &Keystore,
    sql: &str,
) -> Result<(), StoreError> {
    let key: Option<Zeroizing<Vec<u8>>> = tx
        .query_row("SELECT key FROM installation_key", [], |r| r.get(0))
        .optional()?
        .map(Zeroizing::new);
    let signing: Option<Zeroizing<String>> = tx
        .query_row("SELECT secret FROM sync_identity", [], |r| r.get(0))
        .optional()?
        .map(Zeroizing::new);
    let id = KeystoreId::random()?;
    if let Some(key) = &key {
        keystore.put(&id, SecretName::InstallationKey, key)?;
    }
    if let Some(secret) = &signing {
        keystore.put(&id, SecretName::SigningSecret, secret.as_bytes())?;
    }
    tx.execute_batch(sql)?;
    tx.execute(
        "INSERT INTO secret_vault (singleton, keystore_id, installation_key_check,
                                   signing_secret_check)
         VALUES (1, ?1, ?2, ?3)",
        params![
            id.as_str(),
            key.as_ref().map(|key| fingerprint(key)),
            signing
                .as_ref()
                .map(|secret| fingerprint(secret.as_bytes())),
        ],
    )?;
    Ok(())
}

/// Where the secrets of the store's own unit tests go: never the user's keystore.
#[cfg(test)]
pub(crate) fn test_keystore() -> Keystore {
    Keystore::files(
        std::env::temp_dir().join(format!("gongkai-store-test-keys-{}", std::process::id())),
    )
}
