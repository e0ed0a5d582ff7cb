//! The installation's secrets through the commands (issue 10): backups refused until the clerk
//! sets a passphrase, and the "old PC died" story: a backup made on one installation restores on
//! a fresh one with the passphrase, which then finds the same people by ID number and signs as
//! the same township.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

mod support;

use std::path::Path;

use gongkai_api::wire::{
    BackupArgs, BackupPassphraseArgs, NoArgs, PayoutImportArgs, PayoutLookupArgs, RestoreArgs,
};
use gongkai_api::{Api, Keystore};
use gongkai_sync::keys::{PublicKey, TownshipKey};
use support::{id, name};
use tempfile::TempDir;

const PASSPHRASE: &str = "示范镇政务公开备份";

/// An installation on its own "PC": its database and its own key-file folder.
fn installation(dir: &Path, pc: &str) -> Api {
    Api::with_keystore(
        dir.join(format!("{pc}.sqlite3")),
        Keystore::files(dir.join(format!("keys-{pc}"))),
    )
}

fn set_passphrase(
    api: &Api,
    current: Option<&str>,
    new: &str,
) -> Result<(), gongkai_api::ApiError> {
    api.backup_passphrase_set(BackupPassphraseArgs {
        current: current.map(str::to_owned),
        new: new.to_owned(),
    })
    .map(|_| ())
}

fn found(api: &Api, id_number: String) -> Vec<String> {
    api.payouts_lookup(PayoutLookupArgs { id_number })
        .unwrap()
        .payouts
        .into_iter()
        .map(|p| p.name)
        .collect()
}

#[test]
fn backups_wait_for_a_passphrase_and_weak_ones_are_refused() {
    let dir = TempDir::new().unwrap();
    let api = installation(dir.path(), "a");
    api.setup_demo(NoArgs {}).unwrap();
    let status = api.backup_status(NoArgs {}).unwrap();
    assert!(status.passphrase_set_at.is_none());
    assert!(
        status.key_storage.contains("密钥文件"),
        "{}",
        status.key_storage
    );
    let err = api.backup_create(BackupArgs { out: None }).unwrap_err();
    assert_eq!(err.code, "no_backup_passphrase", "{}", err.message);
    assert!(err.message.contains("备份口令"), "{}", err.message);

    for weak in ["", "12345678", "aaaaaaaa"] {
        let err = set_passphrase(&api, None, weak).unwrap_err();
        assert_eq!(err.code, "weak_passphrase", "{weak:?}: {}", err.message);
        assert!(err.message.contains("备份口令太弱"), "{}", err.message);
    }
    set_passphrase(&api, None, PASSPHRASE).unwrap();
    assert!(
        api.backup_status(NoArgs {})
            .unwrap()
            .passphrase_set_at
            .is_some()
    );
    let err = set_passphrase(&api, None, "另一个备份口令七八九").unwrap_err();
    assert_eq!(err.code, "wrong_passphrase", "{}", err.message);
    let err =
        set_passphrase(&api, Some("不对的备份口令一二三"), "另一个备份口令七八九").unwrap_err();
    assert_eq!(err.code, "wrong_passphrase", "{}", err.message);
    set_passphrase(&api, Some(PASSPHRASE), "另一个备份口令七八九").unwrap();
    api.backup_create(BackupArgs { out: None }).unwrap();
}

#[test]
fn a_backup_restores_on_a_new_pc_with_the_passphrase_and_finds_and_signs_as_before() {
    let dir = TempDir::new().unwrap();
    // PC A: a list imported, a sync identity made, a backup.
    let a = installation(dir.path(), "a");
    a.setup_demo(NoArgs {}).unwrap();
    set_passphrase(&a, None, PASSPHRASE).unwrap();
    let csv = format!(
        "补贴项目,村,姓名,身份证号,金额\n高龄津贴,南岭村,{},{},300\n",
        name(1),
        id(1)
    );
    let list = dir.path().join("高龄津贴.csv");
    std::fs::write(&list, csv).unwrap();
    let report = a
        .payouts_import(PayoutImportArgs {
            path: list.display().to_string(),
            sheet: None,
            project: None,
            year: Some(2026),
            supersedes: None,
            reason: None,
            mapping: None,
            template: None,
        })
        .unwrap();
    assert!(report.errors.is_empty(), "{:?}", report.errors.len());
    assert_eq!(found(&a, id(1)), [name(1)]);
    let public_key = a.sync_identity(NoArgs {}).unwrap().public_key;
    let backup = dir.path().join("u盘").join("备份.sqlite3");
    a.backup_create(BackupArgs {
        out: Some(backup.display().to_string()),
    })
    .unwrap();
    drop(a);
    std::fs::remove_dir_all(dir.path().join("keys-a")).unwrap(); // the old PC is gone

    // PC B: a fresh installation, with keys of its own.
    let b = installation(dir.path(), "b");
    b.setup_create(gongkai_api::wire::TownshipInput {
        name: "新装镇".to_owned(),
        division_code: Some("360982101".to_owned()),
        credit_code: None,
        county: "樟树市".to_owned(),
    })
    .unwrap();
    let restore = |passphrase: Option<&str>| {
        b.backup_restore(RestoreArgs {
            from: backup.display().to_string(),
            passphrase: passphrase.map(str::to_owned),
        })
    };
    for wrong in [None, Some("示范镇政务公开备忘")] {
        let err = restore(wrong).unwrap_err();
        assert_eq!(err.code, "restore_refused", "{}", err.message);
        assert!(err.message.contains("备份口令"), "{}", err.message);
        assert_eq!(b.profile_get(NoArgs {}).unwrap().township.name, "新装镇");
    }
    let restored = restore(Some(PASSPHRASE)).unwrap();
    assert_eq!(restored.profile.unwrap().township.name, "示范镇");
    // The ID number imported on A is found by its hash on B.
    assert_eq!(found(&b, id(1)), [name(1)]);
    assert!(found(&b, id(2)).is_empty());
    // B signs as the township A registered with the county.
    assert_eq!(b.sync_identity(NoArgs {}).unwrap().public_key, public_key);
    drop(b);
    let store = gongkai_store::Store::open_with(
        &dir.path().join("b.sqlite3"),
        Keystore::files(dir.path().join("keys-b")),
    )
    .unwrap();
    let secret = store.sync_identity().unwrap().unwrap().secret;
    let key = TownshipKey::from_secret_string(&secret).unwrap();
    let registered: PublicKey = public_key.parse().unwrap();
    let message = b"POST /v1/push";
    assert!(registered.verify(message, &key.sign(message)));
}
