//! Posting photos end to end through the API: pictures made here (JPEG with a hand-written
//! EXIF date, PNG without one, text named .jpg) added to a posted sheet of the demo township's
//! 乡镇政务公开栏, listed with thumbnails, fetched whole, refused where they must be, and stored
//! at the township's long edge.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use chrono::{Duration, Local, NaiveDateTime};
use gongkai_api::Api;
use gongkai_api::wire::{
    ComposedSheetInput, NoArgs, PhotoGetArgs, PhotoSettingsInput, PostingAddArgs,
    PostingMarkPostedArgs, PostingPhotoAddArgs, PostingPhotosArgs, PostingsPrintArgs, SheetKind,
};
use gongkai_store::{ApplyTarget, Store};
use image::codecs::jpeg::JpegEncoder;
use image::{DynamicImage, ImageFormat, Rgb, RgbImage};
use support::demo;
use tempfile::TempDir;

/// The demo township with its 乡镇政务公开栏, and a posting on its 政务公开 zone: printed and
/// posted (`posted`) or left a draft.
fn posting(dir: &TempDir, posted: bool) -> (Api, String) {
    let api = demo(dir);
    let mut store = Store::open(&dir.path().join("demo.sqlite3")).unwrap();
    store
        .apply_board_template("township", &ApplyTarget::Township, false)
        .unwrap();
    let board = store
        .boards(false)
        .unwrap()
        .into_iter()
        .find(|b| b.village_name.is_none())
        .unwrap();
    let zone_id = store
        .board_layout(board.id, None)
        .unwrap()
        .zones
        .into_iter()
        .find(|z| z.zone.name == "政务公开")
        .unwrap()
        .id;
    drop(store);
    let round = format!("照片测试 {}", posted);
    let detail = api
        .posting_add(PostingAddArgs {
            board_id: board.id.to_string(),
            zone_id,
            round: Some(round.clone()),
            period: None,
            payout_list_id: None,
            record_id: None,
            sheet: Some(ComposedSheetInput {
                kind: SheetKind::Gonggao,
                title: "关于冬季防火的公告".to_owned(),
                body: "请各村做好冬季防火工作。".to_owned(),
                table: None,
                period_days: Some(7),
                period_unit: Some("calendar".to_owned()),
                objection_phone: None,
                objection_address: None,
                issuer: "示范镇人民政府".to_owned(),
                issued_on: Local::now().date_naive().to_string(),
                paper: None,
                landscape: false,
            }),
            title: None,
            notice_from: None,
            notice_to: None,
            reposts: None,
        })
        .unwrap();
    let id = detail.posting.id;
    if posted {
        let out = dir.path().join("打印");
        std::fs::create_dir_all(&out).unwrap();
        api.postings_print(PostingsPrintArgs {
            round,
            out_dir: out.display().to_string(),
            one_file: Some(true),
        })
        .unwrap();
        api.posting_mark_posted(PostingMarkPostedArgs {
            id: id.clone(),
            on: Local::now().date_naive().to_string(),
            by: "党政办李明".to_owned(),
            photos: None,
        })
        .unwrap();
    }
    (api, id)
}

/// A textured picture, so sizes are those of a photo rather than of a flat colour.
fn picture(width: u32, height: u32) -> RgbImage {
    RgbImage::from_fn(width, height, |x, y| {
        let v = u8::try_from((x / 8 + y / 8) % 64).unwrap();
        Rgb([120 + v, 90 + v, 60 + v])
    })
}

/// A JPEG taken at `taken` by its EXIF (IFD0 pointing at an Exif IFD with DateTimeOriginal).
fn jpeg_taken(width: u32, height: u32, taken: NaiveDateTime) -> Vec<u8> {
    let mut plain = Vec::new();
    JpegEncoder::new_with_quality(&mut plain, 90)
        .encode_image(&picture(width, height))
        .unwrap();
    let mut tiff = b"II\x2a\x00\x08\x00\x00\x00".to_vec();
    // IFD0 at 8: one entry (ExifIFD pointer → 26), no next IFD.
    tiff.extend_from_slice(&1u16.to_le_bytes());
    tiff.extend_from_slice(&0x8769u16.to_le_bytes());
    tiff.extend_from_slice(&4u16.to_le_bytes());
    tiff.extend_from_slice(&1u32.to_le_bytes());
    tiff.extend_from_slice(&26u32.to_le_bytes());
    tiff.extend_from_slice(&0u32.to_le_bytes());
    // Exif IFD at 26: DateTimeOriginal, 20 ASCII bytes at 44.
    tiff.extend_from_slice(&1u16.to_le_bytes());
    tiff.extend_from_slice(&0x9003u16.to_le_bytes());
    tiff.extend_from_slice(&2u16.to_le_bytes());
    tiff.extend_from_slice(&20u32.to_le_bytes());
    tiff.extend_from_slice(&44u32.to_le_bytes());
    tiff.extend_from_slice(&0u32.to_le_bytes());
    assert_eq!(tiff.len(), 44);
    tiff.extend_from_slice(taken.format("%Y:%m:%d %H:%M:%S").to_string().as_bytes());
    tiff.push(0);
    let mut app1 = vec![0xFF, 0xE1];
    app1.extend_from_slice(&u16::try_from(8 + tiff.len()).unwrap().to_be_bytes());
    app1.extend_from_slice(b"Exif\0\0");
    app1.extend_from_slice(&tiff);
    [&plain[..2], &app1, &plain[2..]].concat()
}

fn png(width: u32, height: u32) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    DynamicImage::ImageRgb8(picture(width, height))
        .write_to(&mut out, ImageFormat::Png)
        .unwrap();
    out.into_inner()
}

fn file(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path: PathBuf = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.display().to_string()
}

fn add(
    api: &Api,
    id: &str,
    paths: &[&str],
) -> Result<gongkai_api::wire::PostingPhotosAdded, String> {
    api.posting_photo_add(PostingPhotoAddArgs {
        posting_id: id.to_owned(),
        paths: paths.iter().map(|p| (*p).to_owned()).collect(),
    })
    .map_err(|e| e.message)
}

fn photos_of(api: &Api, id: &str) -> Vec<gongkai_api::wire::PostingPhoto> {
    api.posting_photos(PostingPhotosArgs {
        posting_id: id.to_owned(),
    })
    .unwrap()
    .photos
}

fn size_of_jpeg(base64: &str) -> (u32, u32) {
    let bytes = BASE64.decode(base64).unwrap();
    let picture = image::load_from_memory_with_format(&bytes, ImageFormat::Jpeg).unwrap();
    (picture.width(), picture.height())
}

#[test]
fn photos_of_a_posted_sheet_are_stored_scaled_listed_and_checked() {
    let dir = TempDir::new().unwrap();
    let (api, id) = posting(&dir, true);
    let later = Local::now().naive_local() + Duration::minutes(30);
    let taken = file(
        dir.path(),
        "IMG_20261201.jpg",
        &jpeg_taken(3000, 2000, later),
    );
    let before_print = "2020-01-01T08:00:00".parse().unwrap();
    let old = file(
        dir.path(),
        "旧照片.jpg",
        &jpeg_taken(800, 600, before_print),
    );
    let forwarded = file(dir.path(), "微信图片.png", &png(1200, 1600));

    let added = add(&api, &id, &[&taken, &old, &forwarded]).unwrap();
    assert_eq!(added.added, 3);
    assert_eq!(added.photos.len(), 3);
    assert_eq!(
        added.warnings.len(),
        2,
        "one taken before printing, one without a date: {:?}",
        added.warnings
    );
    assert!(
        added.warnings[0]
            .starts_with("照片“旧照片.jpg”的拍摄时间（2020-01-01 08:00:00）早于张贴单打印时间"),
        "{:?}",
        added.warnings
    );
    assert!(added.warnings[1].starts_with("照片“微信图片.png”没有拍摄时间"));

    let photos = photos_of(&api, &id);
    assert_eq!(photos, added.photos);
    let first = &photos[0];
    assert_eq!(first.original_name, "IMG_20261201.jpg");
    assert_eq!((first.width, first.height), (1600, 1067));
    assert_eq!(
        first.taken_at.as_deref(),
        Some(later.format("%Y-%m-%d %H:%M:%S").to_string().as_str())
    );
    assert_eq!(size_of_jpeg(&first.thumbnail_base64), (240, 160));
    assert_eq!((photos[2].width, photos[2].height), (1200, 1600));
    assert_eq!(photos[2].taken_at, None);

    // Queued for the county in the same transaction: the posting's entry names every photo.
    let store = Store::open(&dir.path().join("demo.sqlite3")).unwrap();
    let entry = store
        .pending_entries(1000)
        .unwrap()
        .into_iter()
        .rfind(|e| e.object_id == id)
        .unwrap();
    assert_eq!(entry.kind, "posting");
    for photo in &photos {
        assert!(entry.payload.contains(&photo.sha256), "{}", entry.payload);
    }
    drop(store);

    let whole = api
        .photo_get(PhotoGetArgs {
            sha256: first.sha256.to_uppercase(),
        })
        .unwrap();
    assert_eq!(size_of_jpeg(&whole.jpeg_base64), (1600, 1067));
    assert_eq!(
        BASE64.decode(&whole.jpeg_base64).unwrap().len() as u64,
        first.size
    );

    // The same file again, under another name too: nothing new, said so.
    let copy = file(dir.path(), "副本.jpg", &std::fs::read(&taken).unwrap());
    let again = add(&api, &id, &[&taken, &copy]).unwrap();
    assert_eq!(again.added, 0);
    assert_eq!(again.photos.len(), 3);
    assert!(
        again
            .warnings
            .iter()
            .all(|w| w == "照片“IMG_20261201.jpg”已在本张贴的现场照片中，未重复添加"),
        "{:?}",
        again.warnings
    );
}

#[test]
fn a_bad_file_refuses_the_whole_batch_naming_each_file() {
    let dir = TempDir::new().unwrap();
    let (api, id) = posting(&dir, true);
    let good = file(
        dir.path(),
        "张贴.jpg",
        &jpeg_taken(640, 480, Local::now().naive_local()),
    );
    let text = file(dir.path(), "说明.jpg", "这不是照片".as_bytes());
    let whole = jpeg_taken(640, 480, Local::now().naive_local());
    let cut = file(dir.path(), "没传完.jpg", &whole[..whole.len() / 2]);
    let missing = dir.path().join("不存在.jpg").display().to_string();

    let err = add(&api, &id, &[&good, &text, &cut, &missing]).unwrap_err();
    assert!(err.contains("“说明.jpg”不是 JPEG 或 PNG 照片"), "{err}");
    assert!(err.contains("照片“没传完.jpg”的数据不完整"), "{err}");
    assert!(err.contains("无法读取照片“不存在.jpg”"), "{err}");
    assert!(!err.contains("张贴.jpg"), "{err}");
    assert!(photos_of(&api, &id).is_empty());
    assert!(add(&api, &id, &[]).unwrap_err().contains("请选择至少一张"));
}

#[test]
fn a_sheet_not_yet_posted_takes_no_photos() {
    let dir = TempDir::new().unwrap();
    let (api, id) = posting(&dir, false);
    let photo = file(
        dir.path(),
        "早拍.jpg",
        &jpeg_taken(640, 480, Local::now().naive_local()),
    );
    let err = add(&api, &id, &[&photo]).unwrap_err();
    assert_eq!(
        err,
        "“关于冬季防火的公告”还没有张贴：请先标记已张贴，再添加现场照片"
    );
    assert!(photos_of(&api, &id).is_empty());
    let err = api
        .photo_get(PhotoGetArgs {
            sha256: "not-a-hash".to_owned(),
        })
        .unwrap_err();
    assert!(err.message.contains("64 位十六进制"), "{}", err.message);
}

#[test]
fn the_township_sets_the_long_edge_photos_are_stored_at() {
    let dir = TempDir::new().unwrap();
    let (api, id) = posting(&dir, true);
    let settings = api.photo_settings_get(NoArgs {}).unwrap();
    assert_eq!((settings.max_edge, settings.default_max_edge), (1600, 1600));
    let err = api
        .photo_settings_save(PhotoSettingsInput { max_edge: 100 })
        .unwrap_err();
    assert!(err.message.contains("800 到 4096"), "{}", err.message);
    let saved = api
        .photo_settings_save(PhotoSettingsInput { max_edge: 1000 })
        .unwrap();
    assert_eq!(saved.max_edge, 1000);
    assert_eq!(api.photo_settings_get(NoArgs {}).unwrap().max_edge, 1000);

    let photo = file(
        dir.path(),
        "竖拍.jpg",
        &jpeg_taken(
            1500,
            2000,
            Local::now().naive_local() + Duration::minutes(5),
        ),
    );
    let added = add(&api, &id, &[&photo]).unwrap();
    assert_eq!((added.photos[0].width, added.photos[0].height), (750, 1000));
}
