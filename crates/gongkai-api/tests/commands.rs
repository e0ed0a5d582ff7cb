//! The commands as the UI and the CLI call them, on a real SQLite file.

use gongkai_api::wire::{
    BackupArgs, BackupPassphraseArgs, DbState, IdArgs, NoArgs, OfficeInput, PersonInput,
    RestoreArgs, Role, TownshipInput, VillageInput, VillageKind,
};
use gongkai_api::{Api, Keystore};
use tempfile::TempDir;

const PASSPHRASE: &str = "示范镇政务公开备份";

/// A demo installation whose secrets are key files in `dir`, with a backup passphrase set.
#[allow(clippy::unwrap_used)] // test code
fn ready_to_back_up(dir: &TempDir, db: &std::path::Path) -> Api {
    let api = Api::with_keystore(db, Keystore::files(dir.path().join("keys")));
    api.setup_demo(NoArgs {}).unwrap();
    api.backup_passphrase_set(BackupPassphraseArgs {
        current: None,
        new: PASSPHRASE.to_owned(),
    })
    .unwrap();
    api
}

fn township(name: &str) -> TownshipInput {
    TownshipInput {
        name: name.to_owned(),
        division_code: Some("360982101".to_owned()),
        credit_code: Some(String::new()),
        county: "樟树市".to_owned(),
    }
}

#[test]
fn first_start_then_create_then_ready() {
    let dir = TempDir::new().unwrap();
    let api = Api::new(dir.path().join("data").join("gongkai.sqlite3"));
    let status = api.app_status(NoArgs {}).unwrap();
    assert_eq!(status.state, DbState::Missing);
    assert!(
        !api.db_path().exists(),
        "asking for status must not create the file"
    );

    let err = api.profile_get(NoArgs {}).unwrap_err();
    assert_eq!(err.code, "no_database");

    let profile = api.setup_create(township("店下镇")).unwrap();
    assert_eq!(profile.township.name, "店下镇");
    assert_eq!(
        profile.township.credit_code, None,
        "blank code counts as absent"
    );

    let status = Api::new(api.db_path()).app_status(NoArgs {}).unwrap();
    assert_eq!(status.state, DbState::Ready);
    assert_eq!(status.profile.unwrap().township.county, "樟树市");
}

#[test]
fn bad_input_is_explained_in_chinese_and_nothing_is_created() {
    let dir = TempDir::new().unwrap();
    let api = Api::new(dir.path().join("g.sqlite3"));
    let mut input = township("店下镇");
    input.division_code = Some("3609821".to_owned());
    let err = api.setup_create(input).unwrap_err();
    assert_eq!(err.code, "invalid_input");
    assert_eq!(
        err.message,
        "行政区划代码“3609821”格式不正确：应为 9 位或 12 位，现为 7 位"
    );
    assert!(!api.db_path().exists());

    let mut input = township("店下镇");
    input.division_code = None;
    input.credit_code = None;
    let err = api.setup_create(input).unwrap_err();
    assert_eq!(err.message, "行政区划代码和统一社会信用代码至少填写一项");
}

#[test]
fn villages_offices_and_people_round_trip() {
    let dir = TempDir::new().unwrap();
    let api = Api::new(dir.path().join("g.sqlite3"));
    api.setup_create(township("店下镇")).unwrap();

    let profile = api
        .village_save(VillageInput {
            id: None,
            name: "  樟溪村 ".to_owned(),
            code: "360982101201".to_owned(),
            kind: VillageKind::Village,
        })
        .unwrap();
    let village = &profile.villages[0];
    assert_eq!(village.name, "樟溪村");

    let profile = api
        .village_save(VillageInput {
            id: Some(village.id.clone()),
            name: "樟溪社区".to_owned(),
            code: village.code.clone(),
            kind: VillageKind::Community,
        })
        .unwrap();
    assert_eq!(profile.villages.len(), 1);
    assert_eq!(profile.villages[0].kind, VillageKind::Community);

    let err = api
        .village_save(VillageInput {
            id: None,
            name: "外乡村".to_owned(),
            code: "360982102201".to_owned(),
            kind: VillageKind::Village,
        })
        .unwrap_err();
    assert!(
        err.message
            .contains("应以本镇（街道）区划代码“360982101”开头")
    );

    let profile = api
        .office_save(OfficeInput {
            id: None,
            name: "党政综合办公室".to_owned(),
            phone: Some("0795-7871001".to_owned()),
        })
        .unwrap();
    let office_id = profile.offices[0].id.clone();
    let profile = api
        .person_save(PersonInput {
            id: None,
            name: "李明".to_owned(),
            office_id: Some(office_id.clone()),
            roles: vec![Role::Approve, Role::Draft],
        })
        .unwrap();
    assert_eq!(
        profile.people[0].office_name.as_deref(),
        Some("党政综合办公室")
    );
    assert_eq!(profile.people[0].roles, [Role::Draft, Role::Approve]);

    let err = api.office_delete(IdArgs { id: office_id }).unwrap_err();
    assert_eq!(err.code, "in_use");

    let village_id = profile.villages[0].id.clone();
    let profile = api.village_delete(IdArgs { id: village_id }).unwrap();
    assert!(profile.villages.is_empty());
}

#[test]
fn demo_backup_and_check() {
    let dir = TempDir::new().unwrap();
    let api = ready_to_back_up(&dir, &dir.path().join("demo.sqlite3"));
    let profile = api.profile_get(NoArgs {}).unwrap();
    assert_eq!(profile.township.name, "示范镇");
    assert_eq!(profile.villages.len(), 6);

    let backup = api.backup_create(BackupArgs { out: None }).unwrap();
    assert!(backup.path.contains("备份"), "{}", backup.path);
    assert!(backup.bytes > 0);
    let copy = Api::new(&backup.path).profile_get(NoArgs {}).unwrap();
    assert_eq!(copy.villages, profile.villages);

    api.village_delete(IdArgs {
        id: profile.villages[0].id.clone(),
    })
    .unwrap();
    let restored = api
        .backup_restore(RestoreArgs {
            from: backup.path.clone(),
            passphrase: Some(PASSPHRASE.to_owned()),
        })
        .unwrap();
    assert_eq!(restored.profile.unwrap().villages.len(), 6);
    let before = Api::new(&restored.previous_saved_to)
        .profile_get(NoArgs {})
        .unwrap();
    assert_eq!(before.villages.len(), 5);

    let report = api.db_check(NoArgs {}).unwrap();
    assert!(report.ok);
    assert_eq!((report.villages, report.offices, report.people), (6, 5, 6));
}

/// A restore from a bad file is refused with the file and the reason named, and the database
/// in use keeps every row and still opens; a good backup then restores.
#[test]
fn a_bad_backup_is_refused_and_the_database_keeps_working() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("gongkai.sqlite3");
    let api = ready_to_back_up(&dir, &db);
    let profile = api.profile_get(NoArgs {}).unwrap();
    let good = dir.path().join("好的备份.sqlite3");
    api.backup_create(BackupArgs {
        out: Some(good.display().to_string()),
    })
    .unwrap();
    let bytes = std::fs::read(&good).unwrap();

    // A development build's history: one migration's recorded checksum edited in place.
    let released = b"a71ec6defa14619b";
    let at = bytes
        .windows(released.len())
        .position(|w| w == released)
        .unwrap();
    let mut edited = bytes.clone();
    edited[at + released.len() - 1] = b'c';
    let cases = [
        (
            "不是数据库.sqlite3",
            "这不是数据库".repeat(1000).into_bytes(),
            "不是 SQLite 数据库",
        ),
        ("空文件.sqlite3", Vec::new(), "空数据库"),
        ("截断.sqlite3", bytes[..bytes.len() / 2].to_vec(), "损坏"),
        ("改过.sqlite3", edited, "第 3 号结构升级"),
    ];
    for (name, content, reason) in cases {
        let bad = dir.path().join(name);
        std::fs::write(&bad, content).unwrap();
        let result = api.backup_restore(RestoreArgs {
            from: bad.display().to_string(),
            passphrase: Some(PASSPHRASE.to_owned()),
        });
        // The database in use, through this Api and through a fresh one (as after a restart).
        for api in [&api, &Api::new(&db)] {
            match api.profile_get(NoArgs {}) {
                Ok(now) => assert_eq!(now.villages, profile.villages, "after {name}"),
                Err(e) => panic!("after restoring from {name} the database is unusable: {e:?}"),
            }
            assert!(api.db_check(NoArgs {}).unwrap().ok, "after {name}");
        }
        let err = match result {
            Ok(_) => panic!("restore from {name} was accepted"),
            Err(e) => e,
        };
        assert_eq!(err.code, "restore_refused", "{name}: {}", err.message);
        assert!(
            err.message.contains(&bad.display().to_string())
                && err.message.contains(reason)
                && err.message.contains("当前数据库没有改动"),
            "{name}: {}",
            err.message
        );
    }

    api.village_delete(IdArgs {
        id: profile.villages[0].id.clone(),
    })
    .unwrap();
    let restored = api
        .backup_restore(RestoreArgs {
            from: good.display().to_string(),
            passphrase: Some(PASSPHRASE.to_owned()),
        })
        .unwrap();
    assert_eq!(restored.profile.unwrap().villages, profile.villages);
}

#[test]
fn a_broken_file_is_reported_not_thrown() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("g.sqlite3");
    std::fs::write(&path, "这不是数据库".repeat(1000)).unwrap();
    let status = Api::new(&path).app_status(NoArgs {}).unwrap();
    assert_eq!(status.state, DbState::Broken);
    assert!(status.problem.unwrap().contains("不是工作台的数据库文件"));
}

#[test]
fn wire_json_is_camel_case() {
    let dir = TempDir::new().unwrap();
    let api = Api::new(dir.path().join("g.sqlite3"));
    api.setup_demo(NoArgs {}).unwrap();
    let json = serde_json::to_value(api.app_status(NoArgs {}).unwrap()).unwrap();
    assert_eq!(json["state"], "ready");
    assert_eq!(json["wireVersion"], 1);
    assert_eq!(json["profile"]["township"]["divisionCode"], "999901101");
    assert_eq!(json["profile"]["villages"][0]["kind"], "community");
}
