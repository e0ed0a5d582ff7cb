//! Wire types of posting photos (张贴现场照片): adding them from files the clerk chose, a
//! posting's thumbnails, one photo whole, and the size photos are stored at.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// `gongkai photos add`: photos (JPEG or PNG files) of a posted sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PostingPhotoAddArgs {
    pub posting_id: String,
    pub paths: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PostingPhotosArgs {
    pub posting_id: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PhotoGetArgs {
    pub sha256: String,
}

/// Where a photo was taken, from its EXIF, in degrees (south and west negative).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PhotoPlace {
    pub lat: f64,
    pub lon: f64,
}

/// One photo of a posting, with its thumbnail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PostingPhoto {
    /// SHA-256 of the stored JPEG: `photo_get` fetches it whole.
    pub sha256: String,
    pub original_name: String,
    /// When the camera says it was taken (its own clock, local time): YYYY-MM-DD HH:MM:SS.
    pub taken_at: Option<String>,
    pub place: Option<PhotoPlace>,
    pub width: u32,
    pub height: u32,
    /// Bytes of the stored JPEG.
    #[ts(type = "number")]
    pub size: u64,
    /// JPEG, long edge 240 px.
    pub thumbnail_base64: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PostingPhotos {
    pub photos: Vec<PostingPhoto>,
}

/// The posting's photos after adding, how many were new to it, and what the clerk should check
/// (a photo taken before the sheet was printed, one already shown).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PostingPhotosAdded {
    pub photos: Vec<PostingPhoto>,
    pub added: u32,
    pub warnings: Vec<String>,
}

/// One stored photo whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PhotoContent {
    pub sha256: String,
    pub original_name: String,
    pub width: u32,
    pub height: u32,
    pub jpeg_base64: String,
}

/// The long edge photos are stored at, and the range it may be set in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PhotoSettings {
    pub max_edge: u32,
    pub default_max_edge: u32,
    pub min_max_edge: u32,
    pub max_max_edge: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PhotoSettingsInput {
    pub max_edge: u32,
}
