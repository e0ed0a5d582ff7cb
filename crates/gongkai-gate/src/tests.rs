#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};

use gongkai_api::wire;

use super::*;

/// A database folder with the app's folders made, and a home folder elsewhere with a secret.
struct Machine {
    _dir: tempfile::TempDir,
    gate: Gate,
    home: PathBuf,
}

impl Machine {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let home = dir.path().join("home");
        fs::create_dir_all(&data).unwrap();
        fs::create_dir_all(home.join(".ssh")).unwrap();
        fs::write(home.join(".ssh/id_ed25519"), "secret").unwrap();
        let folders = AppFolders::beside(&data.join("gongkai.sqlite3"));
        folders.create().unwrap();
        fs::create_dir_all(&folders.backup).unwrap();
        Self {
            _dir: dir,
            gate: Gate::new(folders),
            home,
        }
    }

    fn folders(&self) -> &AppFolders {
        self.gate.folders()
    }

    fn check(&self, access: Access, path: &Path) -> Result<(), GateError> {
        let path = path.to_str().unwrap();
        self.gate.check(&[PathRequest { access, path }])
    }
}

fn file(path: PathBuf) -> PathBuf {
    fs::write(&path, "x").unwrap();
    path
}

#[test]
fn a_file_the_window_names_on_its_own_is_refused_for_every_use() {
    let m = Machine::new();
    let secret = m.home.join(".ssh/id_ed25519");
    for access in [Access::Read, Access::Restore, Access::Write] {
        match m.check(access, &secret) {
            Err(GateError::ReadRefused { .. } | GateError::WriteRefused { .. }) => {}
            other => panic!("{access:?} of a file nobody picked: {other:?}"),
        }
    }
    assert!(m.check(Access::WriteInto, &m.home).is_err());
}

#[test]
fn the_refusal_tells_the_clerk_in_chinese_what_to_do() {
    let m = Machine::new();
    let secret = m.home.join(".ssh/id_ed25519");
    let message = m.check(Access::Read, &secret).unwrap_err().to_string();
    assert!(message.contains("不能读取"), "{message}");
    assert!(message.contains("id_ed25519"), "names the file: {message}");
    assert!(
        message.contains("导入"),
        "names the folder to use: {message}"
    );
}

#[test]
fn a_picked_file_may_be_read_but_not_overwritten() {
    let m = Machine::new();
    let list = file(m.home.join("清册.xlsx"));
    m.gate.picked_file(&list);
    assert_eq!(m.check(Access::Read, &list), Ok(()));
    assert!(m.check(Access::Write, &list).is_err());
    // Only that file: its neighbour was not picked.
    let neighbour = file(m.home.join("其他.xlsx"));
    assert!(m.check(Access::Read, &neighbour).is_err());
}

#[test]
fn a_save_target_is_that_exact_file_not_its_folder() {
    let m = Machine::new();
    let target = m.home.join("登记表.xlsx");
    m.gate.picked_save_target(&target);
    assert_eq!(m.check(Access::Write, &target), Ok(()));
    assert!(m.check(Access::Write, &m.home.join("别的.xlsx")).is_err());
    assert!(m.check(Access::WriteInto, &m.home).is_err());
    assert!(m.check(Access::Read, &file(target)).is_err());
}

#[test]
fn a_picked_folder_takes_printed_notices_but_not_its_parent() {
    let m = Machine::new();
    let notices = m.home.join("公示单");
    fs::create_dir_all(&notices).unwrap();
    m.gate.picked_folder(&notices);
    assert_eq!(m.check(Access::WriteInto, &notices), Ok(()));
    assert!(m.check(Access::WriteInto, &m.home).is_err());
}

#[test]
fn the_app_folders_serve_their_own_use_only() {
    let m = Machine::new();
    let dropped = file(m.folders().import.join("清册.csv"));
    let backup = file(m.folders().backup.join("备份.sqlite3"));
    assert_eq!(m.check(Access::Read, &dropped), Ok(()));
    assert_eq!(m.check(Access::Restore, &backup), Ok(()));
    assert_eq!(
        m.check(Access::Write, &m.folders().export.join("目录.pdf")),
        Ok(())
    );
    assert_eq!(m.check(Access::WriteInto, &m.folders().export), Ok(()));
    // A backup holds the whole database: attaching one to a record would publish it.
    assert!(m.check(Access::Read, &backup).is_err());
    assert!(m.check(Access::Restore, &dropped).is_err());
    // Nothing writes over the files the clerk dropped to import.
    assert!(m.check(Access::Write, &dropped).is_err());
    // Nor beside the database itself.
    let database = m.folders().import.parent().unwrap().join("gongkai.sqlite3");
    assert!(m.check(Access::Write, &database).is_err());
}

#[test]
fn dot_dot_and_relative_paths_do_not_climb_out_of_a_folder() {
    let m = Machine::new();
    let climbing = m.folders().import.join("../../home/.ssh/id_ed25519");
    assert!(matches!(
        m.check(Access::Read, &climbing),
        Err(GateError::NotAbsolute { .. })
    ));
    assert!(matches!(
        m.check(Access::Read, Path::new("导入/清册.csv")),
        Err(GateError::NotAbsolute { .. })
    ));
}

#[cfg(unix)]
#[test]
fn a_link_in_an_app_folder_is_judged_by_what_it_points_to() {
    let m = Machine::new();
    let link = m.folders().import.join("看起来像清册.csv");
    std::os::unix::fs::symlink(m.home.join(".ssh/id_ed25519"), &link).unwrap();
    assert!(m.check(Access::Read, &link).is_err());
    let export_link = m.folders().export.join("出口");
    std::os::unix::fs::symlink(&m.home, &export_link).unwrap();
    assert!(m.check(Access::WriteInto, &export_link).is_err());
    assert!(m.check(Access::Write, &export_link.join("x.pdf")).is_err());
}

#[test]
fn only_pdfs_the_app_may_have_written_are_opened() {
    let m = Machine::new();
    let notices = m.home.join("公示单");
    fs::create_dir_all(&notices).unwrap();
    let printed = file(notices.join("东山村.pdf"));
    let elsewhere = file(m.home.join("别处.pdf"));
    let script = file(notices.join("run.sh"));
    let path = |p: &Path| p.to_str().unwrap().to_owned();
    assert!(
        m.gate.check_openable(&path(&printed)).is_err(),
        "not picked yet"
    );
    m.gate.picked_folder(&notices);
    assert!(m.gate.check_openable(&path(&printed)).is_ok());
    assert!(m.gate.check_openable(&path(&elsewhere)).is_err());
    assert!(m.gate.check_openable(&path(&script)).is_err());
    let exported = file(m.folders().export.join("目录.pdf"));
    assert!(m.gate.check_openable(&path(&exported)).is_ok());
}

#[test]
fn commands_declare_the_paths_their_arguments_name() {
    let import = wire::PayoutImportArgs {
        path: "/a/清册.xlsx".into(),
        ..Default::default()
    };
    assert_eq!(
        import.paths(),
        [PathRequest {
            access: Access::Read,
            path: "/a/清册.xlsx"
        }]
    );
    let print = wire::PayoutPrintArgs {
        out_dir: "/a/公示单".into(),
        ..Default::default()
    };
    assert_eq!(print.paths()[0].access, Access::WriteInto);
    assert!(wire::BackupArgs { out: None }.paths().is_empty());
    let backup_to = wire::BackupArgs {
        out: Some("/c".into()),
    };
    assert_eq!(backup_to.paths()[0].access, Access::Write);
    let forget_ca = wire::SyncCountyCaArgs::default();
    assert!(forget_ca.paths().is_empty());
}
