//! The commands as the UI and the CLI call them, on a real SQLite file.

use gongkai_api::Api;
use gongkai_api::wire::{
    BackupArgs, DbState, IdArgs, NoArgs, OfficeInput, PersonInput, RestoreArgs, Role,
    TownshipInput, VillageInput, VillageKind,
};
use tempfile::TempDir;

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
    let api = Api::new(dir.path().join("demo.sqlite3"));
    let profile = api.setup_demo(NoArgs {}).unwrap();
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
