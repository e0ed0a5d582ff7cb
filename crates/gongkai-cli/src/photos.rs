//! `gongkai photos …`: photos of posted sheets (张贴现场照片) and the size they are stored at.
//!
//! `--json` prints: `add` `{photos, added, warnings}`, `list` an array of photos (thumbnails as
//! base64), `get` `{path, bytes}`, `settings` `{maxEdge, defaultMaxEdge, minMaxEdge,
//! maxMaxEdge}` — the wire types of `posting_photo*`, `photo_*` (camelCase).

use std::path::PathBuf;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use clap::Subcommand;
use gongkai_api::wire::{
    BackupResult, NoArgs, PhotoGetArgs, PhotoSettings, PhotoSettingsInput, PostingPhoto,
    PostingPhotoAddArgs, PostingPhotosAdded, PostingPhotosArgs,
};
use gongkai_api::{Api, ApiError};

use crate::Db;
use crate::output::Report;

#[derive(Debug, Subcommand)]
pub enum PhotosCommand {
    /// 给已张贴的张贴单添加现场照片（JPEG 或 PNG）
    Add {
        #[command(flatten)]
        db: Db,
        /// 张贴的编号
        #[arg(long)]
        id: String,
        /// 照片文件，可多个
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// 列出张贴单的现场照片：拍摄时间、尺寸、大小、SHA-256
    List {
        #[command(flatten)]
        db: Db,
        /// 张贴的编号
        #[arg(long)]
        id: String,
    },
    /// 把一张现场照片另存为 JPEG 文件
    Get {
        #[command(flatten)]
        db: Db,
        /// 照片的 SHA-256（photos list 可查）
        #[arg(long)]
        sha256: String,
        /// 保存为
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// 查看或设置照片保存尺寸（长边像素，缺省 1600）
    Settings {
        #[command(flatten)]
        db: Db,
        /// 新的长边像素数（800 到 4096），只对以后添加的照片有效
        #[arg(long)]
        max_edge: Option<u32>,
    },
}

#[derive(Debug)]
pub enum PhotosReport {
    Added(PostingPhotosAdded),
    Photos(Vec<PostingPhoto>),
    Saved(BackupResult),
    Settings(PhotoSettings),
}

pub fn run(command: PhotosCommand) -> (bool, Result<Report, ApiError>) {
    let open = |db: &Db| Api::new(&db.db);
    let (json, result) = match command {
        PhotosCommand::Add { db, id, files } => (
            db.json,
            open(&db)
                .posting_photo_add(PostingPhotoAddArgs {
                    posting_id: id,
                    paths: files.iter().map(|f| f.display().to_string()).collect(),
                })
                .map(PhotosReport::Added),
        ),
        PhotosCommand::List { db, id } => (
            db.json,
            open(&db)
                .posting_photos(PostingPhotosArgs { posting_id: id })
                .map(|p| PhotosReport::Photos(p.photos)),
        ),
        PhotosCommand::Get { db, sha256, out } => (
            db.json,
            open(&db)
                .photo_get(PhotoGetArgs { sha256 })
                .and_then(|photo| save(&photo.jpeg_base64, &out)),
        ),
        PhotosCommand::Settings { db, max_edge } => {
            let api = open(&db);
            let settings = match max_edge {
                Some(max_edge) => api.photo_settings_save(PhotoSettingsInput { max_edge }),
                None => api.photo_settings_get(NoArgs {}),
            };
            (db.json, settings.map(PhotosReport::Settings))
        }
    };
    (json, result.map(Report::Photos))
}

fn save(jpeg_base64: &str, out: &std::path::Path) -> Result<PhotosReport, ApiError> {
    let shown = out.display().to_string();
    let failed = |detail: String| ApiError::internal(format!("无法写入文件“{shown}”：{detail}"));
    let jpeg = BASE64
        .decode(jpeg_base64)
        .map_err(|e| failed(e.to_string()))?;
    std::fs::write(out, &jpeg).map_err(|e| failed(e.to_string()))?;
    Ok(PhotosReport::Saved(BackupResult {
        path: shown,
        bytes: jpeg.len() as u64,
    }))
}

fn photo_line(p: &PostingPhoto) -> String {
    format!(
        "{}\t{}\t{}×{}\t{} KB\t{}",
        p.original_name,
        p.taken_at.as_deref().unwrap_or("（无拍摄时间）"),
        p.width,
        p.height,
        p.size.div_ceil(1024),
        p.sha256
    )
}

impl PhotosReport {
    /// The value `--json` prints: a list as an array, the rest as objects.
    pub fn json(&self) -> serde_json::Value {
        let value = match self {
            PhotosReport::Added(a) => serde_json::to_value(a),
            PhotosReport::Photos(p) => serde_json::to_value(p),
            PhotosReport::Saved(s) => serde_json::to_value(s),
            PhotosReport::Settings(s) => serde_json::to_value(s),
        };
        // Wire types always serialise; a failure would print null rather than half a value.
        value.unwrap_or_default()
    }

    pub fn text(&self) -> String {
        match self {
            PhotosReport::Added(a) => {
                let mut lines = vec![format!(
                    "新添加 {} 张，本张贴共有 {} 张现场照片：",
                    a.added,
                    a.photos.len()
                )];
                lines.extend(a.photos.iter().map(photo_line));
                lines.extend(a.warnings.iter().map(|w| format!("注意：{w}")));
                lines.join("\n")
            }
            PhotosReport::Photos(p) if p.is_empty() => "没有现场照片".to_owned(),
            PhotosReport::Photos(p) => p.iter().map(photo_line).collect::<Vec<_>>().join("\n"),
            PhotosReport::Saved(s) => format!("已保存到 {}（{} 字节）", s.path, s.bytes),
            PhotosReport::Settings(s) => format!(
                "照片保存尺寸：长边 {} 像素（缺省 {}，可设 {} 到 {}）",
                s.max_edge, s.default_max_edge, s.min_max_edge, s.max_max_edge
            ),
        }
    }
}
