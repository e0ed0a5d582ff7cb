//! Pictures made here with the `image` encoder, EXIF written by hand, and files that must be
//! refused: through `process` as the API calls it.
#![allow(clippy::unwrap_used)] // test code

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use gongkai_photos::{MaxEdge, PhotoError, Sha256, THUMBNAIL_EDGE, process};
use image::codecs::jpeg::JpegEncoder;
use image::{DynamicImage, ImageFormat, Rgb, RgbImage, Rgba, RgbaImage};

/// A picture of `width`×`height`: the left half red, the right half blue, with some texture so
/// the encoder has work to do.
fn halves(width: u32, height: u32) -> RgbImage {
    RgbImage::from_fn(width, height, |x, y| {
        let grain = u8::try_from((x * 7 + y * 13) % 32).unwrap();
        if x < width / 2 {
            Rgb([223 + grain, grain, grain])
        } else {
            Rgb([grain, grain, 223 + grain])
        }
    })
}

fn jpeg(picture: &RgbImage) -> Vec<u8> {
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, 90)
        .encode_image(picture)
        .unwrap();
    out
}

fn png(picture: &DynamicImage) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    picture.write_to(&mut out, ImageFormat::Png).unwrap();
    out.into_inner()
}

/// A position as EXIF writes it: degrees, minutes, seconds (as hundredths) and N/S or E/W.
struct Dms(u32, u32, u32, u8);

/// An EXIF APP1 segment (little-endian TIFF) with Orientation in IFD0, DateTimeOriginal in the
/// Exif IFD and latitude and longitude in the GPS IFD, laid out by hand.
fn exif_app1(orientation: u16, taken: &str, lat: &Dms, lon: &Dms) -> Vec<u8> {
    fn entry(out: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: [u8; 4]) {
        out.extend_from_slice(&tag.to_le_bytes());
        out.extend_from_slice(&kind.to_le_bytes());
        out.extend_from_slice(&count.to_le_bytes());
        out.extend_from_slice(&value);
    }
    const SHORT: u16 = 3;
    const ASCII: u16 = 2;
    const LONG: u16 = 4;
    const RATIONAL: u16 = 5;
    let (exif_ifd, date, gps_ifd) = (50u32, 68u32, 88u32);
    let (lat_values, lon_values) = (142u32, 166u32);
    let mut tiff = b"II\x2a\x00\x08\x00\x00\x00".to_vec();
    tiff.extend_from_slice(&3u16.to_le_bytes());
    let mut short = [0; 4];
    short[..2].copy_from_slice(&orientation.to_le_bytes());
    entry(&mut tiff, 0x0112, SHORT, 1, short);
    entry(&mut tiff, 0x8769, LONG, 1, exif_ifd.to_le_bytes());
    entry(&mut tiff, 0x8825, LONG, 1, gps_ifd.to_le_bytes());
    tiff.extend_from_slice(&0u32.to_le_bytes());
    assert_eq!(tiff.len(), exif_ifd as usize);
    tiff.extend_from_slice(&1u16.to_le_bytes());
    entry(&mut tiff, 0x9003, ASCII, 20, date.to_le_bytes());
    tiff.extend_from_slice(&0u32.to_le_bytes());
    assert_eq!(tiff.len(), date as usize);
    assert_eq!(taken.len(), 19);
    tiff.extend_from_slice(taken.as_bytes());
    tiff.push(0);
    assert_eq!(tiff.len(), gps_ifd as usize);
    tiff.extend_from_slice(&4u16.to_le_bytes());
    entry(&mut tiff, 1, ASCII, 2, [lat.3, 0, 0, 0]);
    entry(&mut tiff, 2, RATIONAL, 3, lat_values.to_le_bytes());
    entry(&mut tiff, 3, ASCII, 2, [lon.3, 0, 0, 0]);
    entry(&mut tiff, 4, RATIONAL, 3, lon_values.to_le_bytes());
    tiff.extend_from_slice(&0u32.to_le_bytes());
    assert_eq!(tiff.len(), lat_values as usize);
    for Dms(degrees, minutes, hundredths, _) in [lat, lon] {
        for (num, denom) in [(*degrees, 1u32), (*minutes, 1), (*hundredths, 100)] {
            tiff.extend_from_slice(&num.to_le_bytes());
            tiff.extend_from_slice(&denom.to_le_bytes());
        }
    }
    let mut app1 = vec![0xFF, 0xE1];
    app1.extend_from_slice(&u16::try_from(2 + 6 + tiff.len()).unwrap().to_be_bytes());
    app1.extend_from_slice(b"Exif\0\0");
    app1.extend_from_slice(&tiff);
    app1
}

/// `jpeg` with `app1` put right after its start-of-image marker.
fn with_exif(jpeg: &[u8], app1: &[u8]) -> Vec<u8> {
    [&jpeg[..2], app1, &jpeg[2..]].concat()
}

fn decoded(bytes: &[u8]) -> RgbImage {
    image::load_from_memory_with_format(bytes, ImageFormat::Jpeg)
        .unwrap()
        .into_rgb8()
}

fn is_reddish(pixel: Rgb<u8>) -> bool {
    pixel[0] > 150 && pixel[2] < 100
}

fn is_bluish(pixel: Rgb<u8>) -> bool {
    pixel[2] > 150 && pixel[0] < 100
}

#[test]
fn a_large_picture_is_scaled_to_the_long_edge_with_a_thumbnail_and_both_hashes() {
    let original = jpeg(&halves(2400, 1800));
    let photo = process("IMG_0001.jpg", &original, MaxEdge::DEFAULT).unwrap();
    assert_eq!((photo.width, photo.height), (1600, 1200));
    let stored = decoded(&photo.jpeg);
    assert_eq!(stored.dimensions(), (1600, 1200));
    assert!(is_reddish(*stored.get_pixel(100, 600)));
    assert!(is_bluish(*stored.get_pixel(1500, 600)));
    assert_eq!(
        decoded(&photo.thumbnail).dimensions(),
        (THUMBNAIL_EDGE, 180)
    );
    assert_eq!(photo.sha256, Sha256::of(&photo.jpeg));
    assert_eq!(photo.original.sha256, Sha256::of(&original));
    assert_eq!(photo.original.size, original.len() as u64);
    assert_eq!(photo.original.name, "IMG_0001.jpg");
    assert!(
        photo.jpeg.len() < original.len() / 3,
        "{}",
        photo.jpeg.len()
    );
    assert_eq!((photo.taken_at, photo.gps), (None, None));
    // The same file gives the same stored bytes: the store finds it again by either hash.
    assert_eq!(
        process("副本.jpg", &original, MaxEdge::DEFAULT)
            .unwrap()
            .sha256,
        photo.sha256
    );
}

#[test]
fn the_township_max_edge_is_applied_and_a_small_picture_is_not_enlarged() {
    let original = jpeg(&halves(1500, 2000));
    let photo = process("竖拍.jpg", &original, MaxEdge::new(1000).unwrap()).unwrap();
    assert_eq!((photo.width, photo.height), (750, 1000));
    let small = process("小图.jpg", &jpeg(&halves(640, 480)), MaxEdge::DEFAULT).unwrap();
    assert_eq!((small.width, small.height), (640, 480));
    assert_eq!(
        MaxEdge::new(100).unwrap_err().to_string(),
        "照片长边上限须在 800 到 4096 像素之间，“100”不在此范围"
    );
    assert!(MaxEdge::new(5000).is_err());
    assert_eq!(MaxEdge::new(4096).unwrap().pixels(), 4096);
}

#[test]
fn exif_date_gps_and_orientation_are_read_and_the_picture_turned_upright() {
    // Landscape pixels with Orientation 6: the camera was turned, the picture is shown turned
    // 90° clockwise, so the stored photo is portrait with the left (red) half on top.
    let app1 = exif_app1(
        6,
        "2026:11:20 09:30:15",
        &Dms(30, 30, 1800, b'N'),
        &Dms(114, 15, 0, b'E'),
    );
    let bytes = with_exif(&jpeg(&halves(400, 200)), &app1);
    let photo = process("张贴.jpg", &bytes, MaxEdge::DEFAULT).unwrap();
    assert_eq!((photo.width, photo.height), (200, 400));
    let stored = decoded(&photo.jpeg);
    assert!(is_reddish(*stored.get_pixel(100, 50)));
    assert!(is_bluish(*stored.get_pixel(100, 350)));
    assert_eq!(
        photo.taken_at,
        NaiveDate::from_ymd_opt(2026, 11, 20)
            .unwrap()
            .and_hms_opt(9, 30, 15)
    );
    let gps = photo.gps.unwrap();
    assert!((gps.lat - 30.505).abs() < 1e-9, "{gps:?}");
    assert!((gps.lon - 114.25).abs() < 1e-9, "{gps:?}");
    // The stored JPEG is re-encoded: the camera's EXIF (the position) is not in it.
    assert!(!photo.jpeg.windows(4).any(|w| w == b"Exif"));
}

#[test]
fn south_and_west_are_negative_and_a_blank_date_is_no_date() {
    let app1 = exif_app1(
        1,
        "    :  :     :  :  ",
        &Dms(33, 52, 0, b'S'),
        &Dms(70, 40, 0, b'W'),
    );
    let photo = process(
        "x.jpg",
        &with_exif(&jpeg(&halves(40, 20)), &app1),
        MaxEdge::DEFAULT,
    )
    .unwrap();
    assert_eq!(photo.taken_at, None);
    let gps = photo.gps.unwrap();
    assert!(gps.lat < -33.8 && gps.lon < -70.6, "{gps:?}");
    assert_eq!((photo.width, photo.height), (40, 20));
}

#[test]
fn a_png_is_taken_by_its_content_and_transparency_becomes_white() {
    let picture = RgbaImage::from_fn(300, 100, |x, _| {
        if x < 150 {
            Rgba([0, 0, 200, 255])
        } else {
            Rgba([0, 0, 0, 0])
        }
    });
    // Named .jpg: the content decides, not the name.
    let photo = process(
        "截图.jpg",
        &png(&DynamicImage::ImageRgba8(picture)),
        MaxEdge::DEFAULT,
    )
    .unwrap();
    let stored = decoded(&photo.jpeg);
    assert_eq!(stored.dimensions(), (300, 100));
    assert!(is_bluish(*stored.get_pixel(50, 50)));
    let white = stored.get_pixel(250, 50);
    assert!(white.0.iter().all(|&c| c > 240), "{white:?}");
}

#[test]
fn a_truncated_jpeg_or_png_is_refused_naming_the_file() {
    let whole = jpeg(&halves(800, 600));
    let cut = &whole[..whole.len() * 6 / 10];
    assert_eq!(
        process("断了.jpg", cut, MaxEdge::DEFAULT),
        Err(PhotoError::Truncated {
            name: "断了.jpg".to_owned()
        })
    );
    let whole = png(&DynamicImage::ImageRgb8(halves(800, 600)));
    let error = process("断了.png", &whole[..whole.len() / 2], MaxEdge::DEFAULT).unwrap_err();
    assert_eq!(
        error.to_string(),
        "照片“断了.png”的数据不完整（文件可能没有传完或已损坏），请从手机重新复制"
    );
}

/// A PNG of 100,000 × 100,000 pixels: signature and IHDR only. Decoding it would need 30 GB.
#[test]
fn a_decompression_bomb_is_refused_from_its_header_at_once() {
    let mut bomb = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR".to_vec();
    bomb.extend_from_slice(&100_000u32.to_be_bytes());
    bomb.extend_from_slice(&100_000u32.to_be_bytes());
    bomb.extend_from_slice(&[8, 2, 0, 0, 0]);
    bomb.extend_from_slice(&[0; 4]); // CRC, never read
    bomb.extend_from_slice(b"\x00\x00\x00\x00IEND\xae\x42\x60\x82");
    let started = Instant::now();
    let error = process("炸弹.png", &bomb, MaxEdge::DEFAULT).unwrap_err();
    assert!(started.elapsed() < Duration::from_millis(50));
    assert_eq!(
        error.to_string(),
        "照片“炸弹.png”的尺寸为 100000×100000 像素，超过上限（每边不超过 20000 像素、共不超过 50 百万像素），为免占满内存不予读取"
    );
    // Within each side's limit but over the pixel count: 10,000 × 8,000 = 80 MP.
    let mut wide = jpeg(&halves(16, 16));
    let frame = wide.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
    wide[frame + 5..frame + 9].copy_from_slice(&[0x1F, 0x40, 0x27, 0x10]);
    assert!(matches!(
        process("大.jpg", &wide, MaxEdge::DEFAULT),
        Err(PhotoError::TooLarge {
            width: 10_000,
            height: 8_000,
            ..
        })
    ));
}

/// 48 MP is allowed, but not at 16 bits a channel with transparency (384 MB): refused by the
/// decoder's limits before it allocates, named as such.
#[test]
fn a_picture_needing_more_memory_than_allowed_is_refused_before_decoding() {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut chunk = |kind: &[u8], data: &[u8]| {
        png.extend_from_slice(&u32::try_from(data.len()).unwrap().to_be_bytes());
        png.extend_from_slice(kind);
        png.extend_from_slice(data);
        png.extend_from_slice(&crc32(&[kind, data].concat()).to_be_bytes());
    };
    let mut ihdr = 8000u32.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&6000u32.to_be_bytes());
    ihdr.extend_from_slice(&[16, 6, 0, 0, 0]);
    chunk(b"IHDR", &ihdr);
    chunk(b"IDAT", &[]);
    chunk(b"IEND", &[]);
    let started = Instant::now();
    assert_eq!(
        process("十六位.png", &png, MaxEdge::DEFAULT),
        Err(PhotoError::TooMuchMemory {
            name: "十六位.png".to_owned(),
            width: 8000,
            height: 6000
        })
    );
    assert!(started.elapsed() < Duration::from_millis(50));
}

/// CRC-32 (ISO-HDLC) as PNG chunks carry it.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = u32::MAX;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[test]
fn text_named_jpg_an_empty_file_and_a_heic_are_refused_in_chinese() {
    assert_eq!(
        process("公示.jpg", "这是一份文字说明".as_bytes(), MaxEdge::DEFAULT)
            .unwrap_err()
            .to_string(),
        "“公示.jpg”不是 JPEG 或 PNG 照片，不能作为张贴照片"
    );
    assert_eq!(
        process("空.jpg", b"", MaxEdge::DEFAULT)
            .unwrap_err()
            .to_string(),
        "照片“空.jpg”是空文件（0 字节），请重新选择"
    );
    let heic = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic";
    assert!(
        process("IMG_2001.HEIC", heic, MaxEdge::DEFAULT)
            .unwrap_err()
            .to_string()
            .contains("HEIC")
    );
}

#[test]
fn damaged_scan_data_is_an_error_not_a_panic() {
    let mut bytes = jpeg(&halves(64, 64));
    let scan = bytes.windows(2).position(|w| w == [0xFF, 0xDA]).unwrap();
    let end = bytes.len() - 2;
    for byte in &mut bytes[scan + 20..end] {
        *byte = 0xFF;
    }
    // Either decoded as a grey mess or refused, but never a panic.
    match process("乱码.jpg", &bytes, MaxEdge::DEFAULT) {
        Ok(photo) => assert_eq!((photo.width, photo.height), (64, 64)),
        Err(error) => assert!(error.to_string().contains("乱码.jpg"), "{error}"),
    }
}

/// Bytes flipped and files cut at seeded places, in a JPEG carrying EXIF and in a PNG: each
/// is read or refused, never a panic (the fuzz target `photo` does this at length).
#[test]
fn mutated_pictures_are_read_or_refused_never_a_panic() {
    let app1 = exif_app1(
        3,
        "2026:11:20 09:30:15",
        &Dms(30, 30, 0, b'N'),
        &Dms(114, 15, 0, b'E'),
    );
    let seeds = [
        with_exif(&jpeg(&halves(48, 32)), &app1),
        png(&DynamicImage::ImageRgb8(halves(48, 32))),
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |below: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        usize::try_from(state % below as u64).unwrap()
    };
    let (mut read, mut refused) = (0, 0);
    for seed in &seeds {
        for _ in 0..200 {
            let mut bytes = seed.clone();
            for _ in 0..=next(4) {
                let at = next(bytes.len());
                bytes[at] = u8::try_from(next(256)).unwrap();
            }
            if next(3) == 0 {
                bytes.truncate(next(bytes.len()));
            }
            match process("变异.jpg", &bytes, MaxEdge::DEFAULT) {
                Ok(photo) => {
                    assert!(photo.width <= 1600 && photo.height <= 1600);
                    read += 1;
                }
                Err(error) => {
                    assert!(error.to_string().contains("变异.jpg"), "{error}");
                    refused += 1;
                }
            }
        }
    }
    // Both outcomes happen: the mutations reach the decoders, not only the header check.
    assert!(read > 20 && refused > 20, "read {read}, refused {refused}");
}
