//! Photos of posted boards (张贴现场照片), the evidence that a sheet was on the wall.
//!
//! Files are read and decoded by `gongkai-photos` before any write transaction, one at a time
//! (a phone's picture is 5–10 MB; ten of them are not held at once), each scaled to the
//! township's long edge ([`MaxEdge`], `photo_settings_*`). A file already stored is found by
//! the SHA-256 of its bytes and not decoded again. Linking is one transaction that also queues
//! the posting, with its photos, for the county. [`Api::read_photos`], [`refs_with`] and
//! [`warnings`] are what marking a posting posted with its photos uses in its own transaction.

use std::io::Read;
use std::path::Path;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use chrono::{DateTime, Local, NaiveDateTime};
use gongkai_domain::RowId;
use gongkai_photos::{MaxEdge, Sha256};
use gongkai_store::{Judge, NewPhoto, Store, StoreError, StoredPhoto, StoredPosting};
use gongkai_sync::PhotoRef;
use gongkai_sync::posting::MAX_POSTING_PHOTOS;

use crate::session::OpenMode;
use crate::{Api, ApiError, postings, wire};

/// A larger file is not read: phones write 3–15 MB, a 50-megapixel camera some 30 MB.
const MAX_FILE_BYTES: u64 = 64 << 20;

/// How a camera's time is shown: the clerk compares it with the posting's dates.
const TAKEN_AT_FORMAT: &str = "%Y-%m-%d %H:%M:%S";

impl Api {
    /// Reads the photo files at `paths`: each checked, decoded and scaled, or taken as stored
    /// when the same file was stored before. Every refused file is named in one error.
    pub(crate) fn read_photos(&self, paths: &[String]) -> Result<Vec<NewPhoto>, ApiError> {
        if paths.is_empty() {
            return Err(ApiError::invalid("请选择至少一张现场照片".to_owned()));
        }
        let max_edge = self.with_store(OpenMode::Existing, |store| max_edge(store))?;
        let mut photos = Vec::with_capacity(paths.len());
        let mut refused = Vec::new();
        for path in paths {
            match self.read_photo(Path::new(path.trim()), max_edge) {
                Ok(photo) => photos.push(photo),
                Err(e) => refused.push(e.message),
            }
        }
        if refused.is_empty() {
            Ok(photos)
        } else {
            Err(ApiError::invalid(refused.join("；")))
        }
    }

    fn read_photo(&self, path: &Path, max_edge: MaxEdge) -> Result<NewPhoto, ApiError> {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let bytes = read_capped(path, &name)?;
        let original = Sha256::of(&bytes).to_hex();
        let known = self.with_store(OpenMode::Existing, |store| {
            Ok(store.photo_from_original(&original)?)
        })?;
        if let Some((stored, jpeg)) = known {
            return Ok(from_stored(stored, jpeg));
        }
        let photo = gongkai_photos::process(&name, &bytes, max_edge)
            .map_err(|e| ApiError::invalid(e.to_string()))?;
        Ok(NewPhoto {
            sha256: photo.sha256.to_hex(),
            content: photo.jpeg,
            thumbnail: photo.thumbnail,
            width: photo.width,
            height: photo.height,
            original_name: photo.original.name,
            original_size: photo.original.size,
            original_sha256: photo.original.sha256.to_hex(),
            taken_at: photo.taken_at,
            gps: photo.gps.map(|g| (g.lat, g.lon)),
        })
    }

    /// `posting_photo_add`: photos of a posted (or taken down) sheet, with what to check.
    pub fn posting_photo_add(
        &self,
        args: wire::PostingPhotoAddArgs,
    ) -> Result<wire::PostingPhotosAdded, ApiError> {
        let id: RowId = args.posting_id.trim().parse()?;
        let photos = self.read_photos(&args.paths)?;
        let done = self.with_store(OpenMode::Existing, |store| {
            let posting = store.board_posting(id)?;
            let existing = postings::photos_of(store, id)?;
            let refs = refs_with(existing, &photos);
            if refs.len() > MAX_POSTING_PHOTOS {
                return Err(ApiError::invalid(format!(
                    "一张张贴单最多留 {MAX_POSTING_PHOTOS} 张现场照片，加上这次将有 {} 张",
                    refs.len()
                )));
            }
            let judge = |before: &StoredPosting, after: &StoredPosting| {
                photos_allowed(before)?;
                postings::queue(after, &refs)
            };
            let judge: Judge<'_> = &judge;
            let linked = store.add_posting_photos(id, &photos, judge)?;
            let mut notes = warnings(&posting, &photos);
            for (photo, link) in photos.iter().zip(&linked) {
                if link.already_linked {
                    notes.push(format!(
                        "照片“{}”已在本张贴的现场照片中，未重复添加",
                        photo.original_name
                    ));
                }
            }
            let added = linked.iter().filter(|l| !l.already_linked).count();
            Ok(wire::PostingPhotosAdded {
                photos: listed(store, id)?,
                added: u32::try_from(added).unwrap_or(u32::MAX),
                warnings: notes,
            })
        })?;
        if done.added > 0 {
            self.queued_for_county();
        }
        Ok(done)
    }

    /// `posting_photos`: a posting's photos with thumbnails, in the order they were added.
    pub fn posting_photos(
        &self,
        args: wire::PostingPhotosArgs,
    ) -> Result<wire::PostingPhotos, ApiError> {
        let id: RowId = args.posting_id.trim().parse()?;
        self.with_store(OpenMode::Existing, |store| {
            store.board_posting(id)?;
            Ok(wire::PostingPhotos {
                photos: listed(store, id)?,
            })
        })
    }

    /// `photo_get`: one stored photo whole.
    pub fn photo_get(&self, args: wire::PhotoGetArgs) -> Result<wire::PhotoContent, ApiError> {
        let sha256 = Sha256::from_hex(args.sha256.trim()).ok_or_else(|| {
            ApiError::invalid(format!(
                "照片编号“{}”不对：应为 64 位十六进制的 SHA-256",
                args.sha256.trim()
            ))
        })?;
        let found = self.with_store(OpenMode::Existing, |store| {
            Ok(store.photo(&sha256.to_hex())?)
        })?;
        let (stored, jpeg) =
            found.ok_or_else(|| ApiError::invalid(format!("找不到照片 {sha256}，可能已被删除")))?;
        Ok(wire::PhotoContent {
            sha256: stored.sha256,
            original_name: stored.original_name,
            width: stored.width,
            height: stored.height,
            jpeg_base64: BASE64.encode(jpeg),
        })
    }

    /// `photo_settings_get`: the long edge photos are stored at.
    pub fn photo_settings_get(&self, _: wire::NoArgs) -> Result<wire::PhotoSettings, ApiError> {
        self.with_store(OpenMode::Existing, |store| Ok(settings(max_edge(store)?)))
    }

    /// `photo_settings_save`: photos added from now on are stored at this long edge; those
    /// stored keep theirs.
    pub fn photo_settings_save(
        &self,
        args: wire::PhotoSettingsInput,
    ) -> Result<wire::PhotoSettings, ApiError> {
        let max_edge = MaxEdge::new(args.max_edge).map_err(|e| ApiError::invalid(e.to_string()))?;
        self.with_store(OpenMode::Existing, |store| {
            store.set_photo_max_edge(max_edge.pixels())?;
            Ok(settings(max_edge))
        })
    }
}

/// The township's long edge, the default when never set.
fn max_edge(store: &Store) -> Result<MaxEdge, ApiError> {
    match store.photo_max_edge()? {
        Some(pixels) => MaxEdge::new(pixels).map_err(|e| ApiError::internal(e.to_string())),
        None => Ok(MaxEdge::DEFAULT),
    }
}

fn settings(max_edge: MaxEdge) -> wire::PhotoSettings {
    wire::PhotoSettings {
        max_edge: max_edge.pixels(),
        default_max_edge: MaxEdge::DEFAULT.pixels(),
        min_max_edge: MaxEdge::MIN,
        max_max_edge: MaxEdge::MAX,
    }
}

/// Reads a file of at most [`MAX_FILE_BYTES`], without reading more to find out.
fn read_capped(path: &Path, name: &str) -> Result<Vec<u8>, ApiError> {
    let cannot = |e: std::io::Error| ApiError::invalid(format!("无法读取照片“{name}”：{e}"));
    let file = std::fs::File::open(path).map_err(cannot)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ApiError::invalid(format!(
            "照片“{name}”超过 {} MB，不像手机或相机拍的照片，请换一张",
            MAX_FILE_BYTES >> 20
        )));
    }
    Ok(bytes)
}

/// A photo stored before, to link again.
fn from_stored(stored: StoredPhoto, jpeg: Vec<u8>) -> NewPhoto {
    NewPhoto {
        sha256: stored.sha256,
        content: jpeg,
        thumbnail: stored.thumbnail,
        width: stored.width,
        height: stored.height,
        original_name: stored.original_name,
        original_size: stored.original_size,
        original_sha256: stored.original_sha256,
        taken_at: stored.taken_at,
        gps: stored.gps,
    }
}

/// Photos show a sheet on the wall: one posted, or taken down since.
fn photos_allowed(posting: &StoredPosting) -> Result<(), StoreError> {
    match posting.status.as_str() {
        "posted" | "taken_down" => Ok(()),
        "archived" => Err(StoreError::ListState(format!(
            "“{}”已归档，不能再添加现场照片",
            posting.title
        ))),
        _ => Err(StoreError::ListState(format!(
            "“{}”还没有张贴：请先标记已张贴，再添加现场照片",
            posting.title
        ))),
    }
}

/// The photos a posting will show: `existing`, then those of `photos` not among them.
pub(crate) fn refs_with(mut existing: Vec<PhotoRef>, photos: &[NewPhoto]) -> Vec<PhotoRef> {
    for photo in photos {
        if !existing.iter().any(|r| r.sha256 == photo.sha256) {
            existing.push(PhotoRef {
                sha256: photo.sha256.clone(),
                size: photo.content.len() as u64,
            });
        }
    }
    existing
}

/// What the clerk should check about photos of `posting`: a photo taken before the sheet was
/// printed cannot show it on the wall; one without a date (sent through a chat app, which drops
/// it) proves no day.
pub(crate) fn warnings(posting: &StoredPosting, photos: &[NewPhoto]) -> Vec<String> {
    let printed = posting
        .printed_at
        .as_deref()
        .and_then(|at| DateTime::parse_from_rfc3339(at).ok())
        .map(|at| at.with_timezone(&Local).naive_local());
    photos
        .iter()
        .filter_map(|photo| match (photo.taken_at, printed) {
            (Some(taken), Some(printed)) if taken < printed => Some(format!(
                "照片“{}”的拍摄时间（{}）早于张贴单打印时间（{}），可能不是这次张贴的照片，请核对",
                photo.original_name,
                shown(taken),
                shown(printed)
            )),
            (None, _) => Some(format!(
                "照片“{}”没有拍摄时间（经聊天软件转发的照片常会丢失），不能证明张贴日期；最好用手机相册里的原图",
                photo.original_name
            )),
            _ => None,
        })
        .collect()
}

fn shown(at: NaiveDateTime) -> String {
    at.format(TAKEN_AT_FORMAT).to_string()
}

fn listed(store: &Store, id: RowId) -> Result<Vec<wire::PostingPhoto>, ApiError> {
    Ok(store
        .posting_photos(id)?
        .into_iter()
        .map(|p| wire::PostingPhoto {
            taken_at: p.taken_at.map(shown),
            place: p.gps.map(|(lat, lon)| wire::PhotoPlace { lat, lon }),
            sha256: p.sha256,
            original_name: p.original_name,
            width: p.width,
            height: p.height,
            size: p.size,
            thumbnail_base64: BASE64.encode(p.thumbnail),
        })
        .collect())
}
