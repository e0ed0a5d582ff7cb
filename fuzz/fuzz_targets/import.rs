//! Fuzz target: any bytes, named as any of the accepted file kinds, through the reader and the
//! whole-workbook validator. Neither may panic, whatever finance's file holds.
//!
//! Run: `RUSTC_BOOTSTRAP=1 cargo fuzz run import -- -max_total_time=60` (in `fuzz/`).

#![no_main]

use chrono::NaiveDate;
use gongkai_payouts::validate::{Context, validate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // libfuzzer-sys aborts in its panic hook, before `catch_unwind` can act. The reader guards
    // the third-party parsers with `catch_unwind` on purpose, so the hook must let unwinding
    // happen; a panic that nothing catches still unwinds out of this target and aborts.
    static QUIET: std::sync::Once = std::sync::Once::new();
    QUIET.call_once(|| std::panic::set_hook(Box::new(|_| {})));
    let Some((&kind, bytes)) = data.split_first() else {
        return;
    };
    let extension = ["xlsx", "xls", "csv"][usize::from(kind) % 3];
    let Ok(dir) = tempfile_dir() else { return };
    let path = dir.join(format!("清册.{extension}"));
    if std::fs::write(&path, bytes).is_err() {
        return;
    }
    if let Ok(book) = gongkai_sheets::read(&path, None) {
        let villages = ["东山村".to_owned(), "西河村".to_owned()];
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default();
        let _ = validate(
            &book,
            &Context {
                villages: &villages,
                project: None,
                year: None,
                today,
                overrides: &[],
            },
        );
    }
    let _ = std::fs::remove_file(&path);
});

/// One directory per fuzzing process, reused for every input.
fn tempfile_dir() -> std::io::Result<std::path::PathBuf> {
    let dir = std::env::temp_dir().join(format!("gongkai-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
