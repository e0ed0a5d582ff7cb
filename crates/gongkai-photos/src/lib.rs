//! Photos of posted boards (张贴照片), the evidence that a sheet was on the wall. No I/O, no SQL:
//! the bytes of a file the clerk chose become a [`Photo`] ready to store.
//!
//! Only JPEG and PNG are taken, told from the content, never the file name. The header is read
//! first ([`header`]): a file too large to decode safely is refused before a pixel is allocated,
//! a JPEG cut short before the decoder fills it with grey. The EXIF date, GPS position and
//! orientation are read ([`metadata`]); the picture is decoded under [`image::Limits`], scaled
//! down so its long edge is at most [`MaxEdge`] (a phone's 5–10 MB becomes a few hundred KB),
//! turned upright, and stored as a JPEG with a thumbnail. Scaling comes before turning so the
//! full-size picture is held once.

mod digest;
mod error;
mod header;
mod metadata;

use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};

use chrono::NaiveDateTime;
use image::codecs::jpeg::{JpegDecoder, JpegEncoder};
use image::codecs::png::PngDecoder;
use image::error::{LimitError, LimitErrorKind};
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageError, Limits, RgbImage};

pub use digest::Sha256;
pub use error::PhotoError;
pub use metadata::Gps;

use header::{Format, Header, Refusal};

/// Either side of a picture may be at most this many pixels.
pub const MAX_SIDE: u32 = 20_000;
/// A picture may have at most this many pixels (a 50-megapixel camera's; phones take 12–48).
pub const MAX_PIXELS: u64 = 50_000_000;
/// The thumbnail's long edge, in pixels: what a list of a posting's photos shows.
pub const THUMBNAIL_EDGE: u32 = 240;
/// JPEG quality of the stored photo: text on a sheet stays readable at 1600 px.
const QUALITY: u8 = 80;
const THUMBNAIL_QUALITY: u8 = 75;
/// What a decoder may allocate: the largest picture allowed, in 8-bit RGBA.
const MAX_DECODE_BYTES: u64 = MAX_PIXELS * 4;

/// The long edge, in pixels, a stored photo is scaled down to: a township's setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MaxEdge(u32);

impl MaxEdge {
    pub const DEFAULT: Self = Self(1600);
    /// Below this a posted sheet's text cannot be read on the photo.
    pub const MIN: u32 = 800;
    /// Above this a stored photo is a phone's original again.
    pub const MAX: u32 = 4096;

    pub fn new(pixels: u32) -> Result<Self, PhotoError> {
        if (Self::MIN..=Self::MAX).contains(&pixels) {
            Ok(Self(pixels))
        } else {
            Err(PhotoError::MaxEdgeOutOfRange {
                value: pixels,
                min: Self::MIN,
                max: Self::MAX,
            })
        }
    }

    pub fn pixels(self) -> u32 {
        self.0
    }
}

impl Default for MaxEdge {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// A photo ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct Photo {
    /// The stored picture: upright, scaled down, JPEG, without the original's metadata.
    pub jpeg: Vec<u8>,
    pub sha256: Sha256,
    pub width: u32,
    pub height: u32,
    pub thumbnail: Vec<u8>,
    pub original: Original,
    /// EXIF DateTimeOriginal: the camera's local time.
    pub taken_at: Option<NaiveDateTime>,
    pub gps: Option<Gps>,
}

/// The file as the clerk chose it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Original {
    pub name: String,
    pub size: u64,
    pub sha256: Sha256,
}

/// Reads the picture in `bytes` (the file `name`) into a photo whose long edge is at most
/// `max_edge`.
pub fn process(name: &str, bytes: &[u8], max_edge: MaxEdge) -> Result<Photo, PhotoError> {
    let named = |refusal| refused(name, refusal);
    if bytes.is_empty() {
        return Err(PhotoError::Empty {
            name: name.to_owned(),
        });
    }
    let header = header::read(bytes).map_err(named)?;
    if header.width > MAX_SIDE
        || header.height > MAX_SIDE
        || u64::from(header.width) * u64::from(header.height) > MAX_PIXELS
    {
        return Err(too_large(name, header.width, header.height));
    }
    let metadata = metadata::read(bytes);
    let picture = decode(name, header, bytes)?;
    let mut picture = if picture.width().max(picture.height()) > max_edge.pixels() {
        picture.thumbnail(max_edge.pixels(), max_edge.pixels())
    } else {
        picture
    };
    if let Some(orientation) = metadata.orientation.and_then(Orientation::from_exif) {
        picture.apply_orientation(orientation);
    }
    let picture = on_white(picture);
    let jpeg = encode(name, &picture, QUALITY)?;
    let thumbnail = encode(
        name,
        &DynamicImage::ImageRgb8(picture.clone())
            .thumbnail(THUMBNAIL_EDGE, THUMBNAIL_EDGE)
            .into_rgb8(),
        THUMBNAIL_QUALITY,
    )?;
    Ok(Photo {
        sha256: Sha256::of(&jpeg),
        jpeg,
        width: picture.width(),
        height: picture.height(),
        thumbnail,
        original: Original {
            name: name.to_owned(),
            size: u64::try_from(bytes.len()).unwrap_or(u64::MAX),
            sha256: Sha256::of(bytes),
        },
        taken_at: metadata.taken_at,
        gps: metadata.gps,
    })
}

/// Decodes under limits, with the decoders' own panics (on input nobody foresaw) turned into
/// a damaged file: a clerk's bad picture is an error to report, not a crash.
fn decode(name: &str, header: Header, bytes: &[u8]) -> Result<DynamicImage, PhotoError> {
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    let run = || match header.format {
        Format::Jpeg => {
            let mut decoder = JpegDecoder::new(Cursor::new(bytes))?;
            decoder.set_limits(limits)?;
            within_memory(decoder)
        }
        Format::Png => within_memory(PngDecoder::with_limits(Cursor::new(bytes), limits)?),
    };
    match catch_unwind(AssertUnwindSafe(run)) {
        Ok(Ok(picture)) => Ok(picture),
        // Within the pixel limit but not the byte limit: a 16-bit picture with transparency.
        Ok(Err(ImageError::Limits(_))) => Err(PhotoError::TooMuchMemory {
            name: name.to_owned(),
            width: header.width,
            height: header.height,
        }),
        Ok(Err(error)) => Err(decode_error(name, error)),
        Err(_) => Err(PhotoError::Damaged {
            name: name.to_owned(),
            detail: "图像数据结构错误".to_owned(),
        }),
    }
}

/// Decodes unless the pixels would take more than [`MAX_DECODE_BYTES`]: the decoders do not all
/// hold to `Limits::max_alloc` for the picture's own buffer.
fn within_memory(decoder: impl ImageDecoder) -> Result<DynamicImage, ImageError> {
    if decoder.total_bytes() > MAX_DECODE_BYTES {
        return Err(ImageError::Limits(LimitError::from_kind(
            LimitErrorKind::InsufficientMemory,
        )));
    }
    DynamicImage::from_decoder(decoder)
}

fn decode_error(name: &str, error: ImageError) -> PhotoError {
    match error {
        ImageError::IoError(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
            PhotoError::Truncated {
                name: name.to_owned(),
            }
        }
        other => PhotoError::Damaged {
            name: name.to_owned(),
            detail: other.to_string(),
        },
    }
}

/// 8-bit RGB, a transparent part (a PNG screenshot's) shown on white as it would print.
fn on_white(picture: DynamicImage) -> RgbImage {
    if !picture.color().has_alpha() {
        return picture.into_rgb8();
    }
    let rgba = picture.into_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let blend = |channel: u8| {
            let mixed = (u16::from(channel) * u16::from(a) + 255 * (255 - u16::from(a))) / 255;
            u8::try_from(mixed).unwrap_or(u8::MAX)
        };
        image::Rgb([blend(r), blend(g), blend(b)])
    })
}

fn encode(name: &str, picture: &RgbImage, quality: u8) -> Result<Vec<u8>, PhotoError> {
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, quality)
        .encode_image(picture)
        .map_err(|error| PhotoError::Encode {
            name: name.to_owned(),
            detail: error.to_string(),
        })?;
    Ok(out)
}

fn refused(name: &str, refusal: Refusal) -> PhotoError {
    let name = name.to_owned();
    match refusal {
        Refusal::NotAnImage => PhotoError::NotAnImage { name },
        Refusal::Unsupported(format) => PhotoError::Unsupported { name, format },
        Refusal::Truncated => PhotoError::Truncated { name },
        Refusal::Damaged(detail) => PhotoError::Damaged {
            name,
            detail: detail.to_owned(),
        },
    }
}

fn too_large(name: &str, width: u32, height: u32) -> PhotoError {
    PhotoError::TooLarge {
        name: name.to_owned(),
        width,
        height,
        max_side: MAX_SIDE,
        max_megapixels: MAX_PIXELS / 1_000_000,
    }
}
