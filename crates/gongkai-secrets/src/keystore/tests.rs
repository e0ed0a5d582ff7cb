use super::*;

fn id() -> KeystoreId {
    KeystoreId::random().unwrap()
}

#[test]
fn a_key_file_round_trips_and_a_missing_one_is_none() {
    let dir = tempfile::tempdir().unwrap();
    let store = Keystore::files(dir.path().join("keys"));
    let id = id();
    assert!(
        store
            .get(&id, SecretName::InstallationKey)
            .unwrap()
            .is_none()
    );
    store
        .put(&id, SecretName::InstallationKey, &[9; 32])
        .unwrap();
    let back = store.get(&id, SecretName::InstallationKey).unwrap();
    assert_eq!(back.as_deref().map(Vec::as_slice), Some(&[9_u8; 32][..]));
    assert!(store.get(&id, SecretName::SigningSecret).unwrap().is_none());
    assert!(
        store
            .get(&KeystoreId::random().unwrap(), SecretName::InstallationKey)
            .unwrap()
            .is_none()
    );
}

#[cfg(unix)]
#[test]
fn key_files_are_readable_by_their_owner_alone_and_no_temporary_file_is_left() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let keys = dir.path().join("keys");
    let store = Keystore::files(&keys);
    store
        .put(&id(), SecretName::SigningSecret, b"ed25519-secret:AAAA")
        .unwrap();
    let mode = |path: &Path| fs::metadata(path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&keys), 0o700);
    let files: Vec<_> = fs::read_dir(&keys)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    assert_eq!(mode(&files[0]), 0o600);
    assert!(files[0].to_string_lossy().ends_with(".signing-secret.key"));
}

#[cfg(unix)]
#[test]
fn a_key_file_made_readable_to_others_is_made_private_again_when_read() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let store = Keystore::files(dir.path());
    let id = id();
    store
        .put(&id, SecretName::InstallationKey, &[1; 32])
        .unwrap();
    let path = dir
        .path()
        .join(format!("{}.installation-key.key", id.as_str()));
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    store.get(&id, SecretName::InstallationKey).unwrap();
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
}

#[test]
fn a_keystore_that_fails_falls_back_to_the_key_file_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let store = Keystore::failing_system(dir.path());
    let id = id();
    store
        .put(&id, SecretName::InstallationKey, &[3; 32])
        .unwrap();
    let back = store.get(&id, SecretName::InstallationKey).unwrap();
    assert_eq!(back.as_deref().map(Vec::as_slice), Some(&[3_u8; 32][..]));
    // The same files serve a store that does not ask the system at all.
    let files_only = Keystore::files(dir.path());
    assert!(
        files_only
            .get(&id, SecretName::InstallationKey)
            .unwrap()
            .is_some()
    );
    let said = store.describe();
    assert!(
        said.contains("密钥文件") && said.contains("系统密钥库不可用"),
        "{said}"
    );
    // Missing everywhere while the keystore fails: an error naming both, not "no key".
    match store.get(&id, SecretName::SigningSecret) {
        Err(SecretsError::NoKeystore { .. }) => {}
        other => panic!("expected NoKeystore, got {other:?}"),
    }
}

#[test]
fn a_damaged_key_file_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = Keystore::files(dir.path());
    let id = id();
    store
        .put(&id, SecretName::InstallationKey, &[1; 32])
        .unwrap();
    let path = dir
        .path()
        .join(format!("{}.installation-key.key", id.as_str()));
    fs::write(&path, "not hex").unwrap();
    let message = store
        .get(&id, SecretName::InstallationKey)
        .unwrap_err()
        .to_string();
    assert!(message.contains(&path.display().to_string()), "{message}");
}

#[test]
fn keystore_ids_are_hex_and_nothing_else_is_taken_as_one() {
    let id = id();
    assert_eq!(KeystoreId::parse(id.as_str()), Some(id.clone()));
    for bad in [
        "",
        "../../etc/passwd",
        &id.as_str().to_uppercase(),
        &id.as_str()[..31],
    ] {
        assert!(KeystoreId::parse(bad).is_none(), "{bad}");
    }
}

#[test]
fn fingerprints_tell_secrets_apart_and_do_not_show_them() {
    let print = fingerprint(&[5; 32]);
    assert_eq!(print, fingerprint(&[5; 32]));
    assert_ne!(print, fingerprint(&[6; 32]));
    assert_eq!(print.len(), 16);
    assert!(!to_hex(&[5; 32]).contains(&print));
}
