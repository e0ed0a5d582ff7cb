//! The secrets live outside the database file (issue 10): moved out of older files on first
//! open, never in a backup but sealed under the clerk's passphrase, restored on another PC.

use std::path::Path;

use rusqlite::Connection;
use tempfile::TempDir;

use super::{backed_up_demo_store, create_at_version, demo_store, passphrase};
use crate::{Keystore, Passphrase, Store, StoreError};

/// Distinctive bytes, so a scan of a file finds them wherever they are.
const OLD_KEY: &[u8; 32] = b"KEY-OF-THE-OLD-INSTALLATION-0001";
const OLD_SIGNING_SECRET: &str = "ed25519-secret:OLD-SIGNING-SECRET-OF-TOWNSHIP-A";

/// The database file and its WAL, as a thief copying the folder would get them.
fn raw_bytes(db: &Path) -> Vec<u8> {
    let mut bytes = std::fs::read(db).unwrap();
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    bytes.extend(std::fs::read(wal).unwrap_or_default());
    bytes
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A file as release 12 left it: both secrets inside.
fn old_database(path: &Path) {
    create_at_version(path, 12);
    let conn = Connection::open(path).unwrap();
    conn.execute(
        "INSERT INTO installation_key (singleton, key) VALUES (1, ?1)",
        [&OLD_KEY[..]],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO sync_identity (singleton, secret, public_key, created_at)
         VALUES (1, ?1, 'ed25519:PUBLIC', '2026-01-01T00:00:00Z')",
        [OLD_SIGNING_SECRET],
    )
    .unwrap();
}

#[test]
fn an_older_file_moves_its_secrets_to_the_keystore_unchanged_and_keeps_neither() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("old.sqlite3");
    old_database(&db);
    let before = raw_bytes(&db);
    assert!(contains(&before, OLD_KEY) && contains(&before, OLD_SIGNING_SECRET.as_bytes()));

    let keys = dir.path().join("keys");
    let mut store = Store::open_with(&db, Keystore::files(&keys)).unwrap();
    assert_eq!(
        &store.installation_key().unwrap(),
        OLD_KEY,
        "the hashes would change"
    );
    let identity = store.sync_identity().unwrap().unwrap();
    assert_eq!(identity.secret, OLD_SIGNING_SECRET);
    assert_eq!(identity.public_key, "ed25519:PUBLIC");
    drop(store);

    let after = raw_bytes(&db);
    assert!(
        !contains(&after, OLD_KEY),
        "the installation key is still in the file"
    );
    assert!(
        !contains(&after, OLD_SIGNING_SECRET.as_bytes()),
        "the signing secret is still in the file"
    );
    assert_eq!(std::fs::read_dir(&keys).unwrap().count(), 2);
    // Opened again, nothing moves twice and the same keys come back.
    let mut again = Store::open_with(&db, Keystore::files(&keys)).unwrap();
    assert_eq!(&again.installation_key().unwrap(), OLD_KEY);
}

#[test]
fn a_keystore_without_the_key_is_an_error_not_a_new_key() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("t.sqlite3");
    let key = Store::open_with(&db, Keystore::files(dir.path().join("a")))
        .unwrap()
        .installation_key()
        .unwrap();
    let mut elsewhere = Store::open_with(&db, Keystore::files(dir.path().join("b"))).unwrap();
    match elsewhere.installation_key() {
        Err(StoreError::SecretMissing { .. }) => {}
        Ok(other) => assert_ne!(other, key, "a copied file must not find the key"),
        Err(other) => panic!("expected SecretMissing, got {other}"),
    }
    assert!(
        elsewhere.installation_key().is_err(),
        "a new key was made over the lost one"
    );
}

#[test]
fn backups_are_refused_until_a_passphrase_is_set() {
    let dir = TempDir::new().unwrap();
    let store = demo_store(&dir);
    let err = store.backup_to(&dir.path().join("b.sqlite3")).unwrap_err();
    assert!(matches!(err, StoreError::NoBackupPassphrase), "{err}");
    assert!(err.to_string().contains("请先"), "{err}");
    assert!(!dir.path().join("b.sqlite3").exists());
    assert!(store.backup_status().unwrap().passphrase_set_at.is_none());
}

#[test]
fn the_passphrase_is_changed_only_given_the_current_one() {
    let dir = TempDir::new().unwrap();
    let mut store = backed_up_demo_store(&dir);
    assert!(store.backup_status().unwrap().passphrase_set_at.is_some());
    let new = Passphrase::given("新的备份口令四五六");
    assert!(matches!(
        store.set_backup_passphrase(None, &new),
        Err(StoreError::PassphraseNeeded)
    ));
    assert!(matches!(
        store.set_backup_passphrase(Some(&new), &new),
        Err(StoreError::Secrets(
            gongkai_secrets::SecretsError::WrongPassphrase
        ))
    ));
    store
        .set_backup_passphrase(Some(&passphrase()), &new)
        .unwrap();
    store.installation_key().unwrap();
    let backup = dir.path().join("b.sqlite3");
    store.backup_to(&backup).unwrap();
    let wrong = store
        .restore_from(&backup, Some(&passphrase()))
        .unwrap_err();
    assert!(wrong.to_string().contains("备份口令不正确"), "{wrong}");
    store.restore_from(&backup, Some(&new)).unwrap();
}

/// The old PC dies: its backup restores on a new one, whose keystore never saw the secrets,
/// with the passphrase; a secret made after the passphrase was set travels too.
#[test]
fn a_backup_restores_its_secrets_on_another_pc_with_the_passphrase_only() {
    let dir = TempDir::new().unwrap();
    let mut old_pc = Store::open_with(
        &dir.path().join("a.sqlite3"),
        Keystore::files(dir.path().join("keys-a")),
    )
    .unwrap();
    let key = old_pc.installation_key().unwrap();
    old_pc.set_backup_passphrase(None, &passphrase()).unwrap();
    old_pc
        .create_sync_identity(OLD_SIGNING_SECRET, "ed25519:PUBLIC")
        .unwrap();
    let backup = dir.path().join("b.sqlite3");
    old_pc.backup_to(&backup).unwrap();
    drop(old_pc);

    let bytes = std::fs::read(&backup).unwrap();
    for secret in [
        &key[..],
        hex(&key).as_bytes(),
        OLD_SIGNING_SECRET.as_bytes(),
    ] {
        assert!(
            !contains(&bytes, secret),
            "a secret is in the backup in the clear"
        );
    }

    let new_db = dir.path().join("new.sqlite3");
    let mut new_pc = Store::open_with(&new_db, Keystore::files(dir.path().join("keys-b"))).unwrap();
    let own_key = new_pc.installation_key().unwrap();
    for wrong in [None, Some(Passphrase::given("示范镇政务公开备忘"))] {
        let err = new_pc.restore_from(&backup, wrong.as_ref()).unwrap_err();
        assert!(matches!(err, StoreError::RestoreRefused { .. }), "{err}");
        assert_eq!(
            new_pc.installation_key().unwrap(),
            own_key,
            "refused, yet changed"
        );
        assert!(new_pc.sync_identity().unwrap().is_none());
    }
    new_pc.restore_from(&backup, Some(&passphrase())).unwrap();
    assert_eq!(new_pc.installation_key().unwrap(), key);
    assert_eq!(
        new_pc.sync_identity().unwrap().unwrap().secret,
        OLD_SIGNING_SECRET
    );
    drop(new_pc);
    // The restored database finds its secrets in the new PC's keystore when opened again.
    let mut reopened =
        Store::open_with(&new_db, Keystore::files(dir.path().join("keys-b"))).unwrap();
    assert_eq!(reopened.installation_key().unwrap(), key);
    // And backs up again under the same passphrase.
    reopened
        .backup_to(&dir.path().join("again.sqlite3"))
        .unwrap();
}

/// A backup of a release that kept the secrets inside restores without a passphrase, and its
/// secrets move to this PC's keystore on the way in.
#[test]
fn a_backup_of_an_older_release_brings_its_secrets_to_the_keystore() {
    let dir = TempDir::new().unwrap();
    let old = dir.path().join("old-backup.sqlite3");
    old_database(&old);
    let live = dir.path().join("live.sqlite3");
    let mut store = Store::open_with(&live, Keystore::files(dir.path().join("keys"))).unwrap();
    store.restore_from(&old, None).unwrap();
    assert_eq!(&store.installation_key().unwrap(), OLD_KEY);
    drop(store);
    assert!(!contains(&raw_bytes(&live), OLD_KEY));
}
