//! A phone's 12-megapixel picture is read within a bounded amount of memory. Alone in its test
//! binary, so no other test's allocations count; Linux only (it reads the process's peak
//! resident size from `/proc`).
#![cfg(target_os = "linux")]
#![allow(clippy::unwrap_used)] // test code

use gongkai_photos::{MaxEdge, process};
use image::codecs::jpeg::JpegEncoder;
use image::{Rgb, RgbImage};

/// Peak resident set size in bytes (`VmHWM`).
fn peak_resident() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    let kib: u64 = line
        .trim_start_matches("VmHWM:")
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .unwrap();
    kib * 1024
}

#[test]
fn a_twelve_megapixel_photo_peaks_well_under_150_mb() {
    let bytes = {
        let picture = RgbImage::from_fn(4000, 3000, |x, y| {
            let noise = u8::try_from((x * 31 + y * 17 + x * y) % 251).unwrap();
            Rgb([noise, noise.wrapping_mul(3), 255 - noise])
        });
        let mut out = Vec::new();
        JpegEncoder::new_with_quality(&mut out, 92)
            .encode_image(&picture)
            .unwrap();
        out
    };
    // Forget the peak of making the picture: from here on only reading it counts.
    std::fs::write("/proc/self/clear_refs", "5").unwrap();
    let before = peak_resident();
    let photo = process("IMG_4000x3000.jpg", &bytes, MaxEdge::DEFAULT).unwrap();
    let peak = peak_resident();
    assert_eq!((photo.width, photo.height), (1600, 1200));
    let used = peak.saturating_sub(before);
    eprintln!(
        "12 MP JPEG of {} KB → stored {} KB, thumbnail {} KB; peak {} MB above {} MB before",
        bytes.len() / 1024,
        photo.jpeg.len() / 1024,
        photo.thumbnail.len() / 1024,
        used >> 20,
        before >> 20
    );
    assert!(peak < 150 << 20, "peak resident {} MB", peak >> 20);
}
