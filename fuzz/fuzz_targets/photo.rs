//! Fuzz target: any bytes as a photo the clerk chose, through header check, EXIF, decoding,
//! scaling and encoding. It may refuse, never panic or allocate past its limits.
//!
//! Run: `RUSTC_BOOTSTRAP=1 cargo fuzz run photo -- -max_total_time=60 -rss_limit_mb=1024`
//! (in `fuzz/`).

#![no_main]

use gongkai_photos::{MaxEdge, process};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The decoders run under `catch_unwind` on purpose; let unwinding reach it (see import.rs).
    static QUIET: std::sync::Once = std::sync::Once::new();
    QUIET.call_once(|| std::panic::set_hook(Box::new(|_| {})));
    let _ = process("现场照片.jpg", data, MaxEdge::DEFAULT);
});
