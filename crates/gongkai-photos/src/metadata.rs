//! What the camera wrote in the picture's EXIF: when it was taken, where, and which way up.

use std::io::Cursor;

use chrono::{NaiveDate, NaiveDateTime};
use exif::{Exif, In, Reader, Tag, Value};

/// A position in degrees (WGS 84 as phones write it), south and west negative.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Gps {
    pub lat: f64,
    pub lon: f64,
}

/// EXIF data a photo carries; any of it may be missing or unreadable, which is no reason to
/// refuse the photo.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct Metadata {
    /// DateTimeOriginal: local time as the camera's clock had it, no zone.
    pub taken_at: Option<NaiveDateTime>,
    pub gps: Option<Gps>,
    /// The EXIF Orientation value (1–8), when present and valid.
    pub orientation: Option<u8>,
}

pub(crate) fn read(bytes: &[u8]) -> Metadata {
    let Ok(exif) = Reader::new().read_from_container(&mut Cursor::new(bytes)) else {
        return Metadata::default();
    };
    Metadata {
        taken_at: taken_at(&exif),
        gps: gps(&exif),
        orientation: exif
            .get_field(Tag::Orientation, In::PRIMARY)
            .and_then(|field| field.value.get_uint(0))
            .and_then(|value| u8::try_from(value).ok())
            .filter(|value| (1..=8).contains(value)),
    }
}

fn taken_at(exif: &Exif) -> Option<NaiveDateTime> {
    let field = exif.get_field(Tag::DateTimeOriginal, In::PRIMARY)?;
    let Value::Ascii(texts) = &field.value else {
        return None;
    };
    let at = exif::DateTime::from_ascii(texts.first()?).ok()?;
    NaiveDate::from_ymd_opt(at.year.into(), at.month.into(), at.day.into())?.and_hms_opt(
        at.hour.into(),
        at.minute.into(),
        at.second.into(),
    )
}

fn gps(exif: &Exif) -> Option<Gps> {
    let lat = coordinate(exif, Tag::GPSLatitude, Tag::GPSLatitudeRef, b'S')?;
    let lon = coordinate(exif, Tag::GPSLongitude, Tag::GPSLongitudeRef, b'W')?;
    ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)).then_some(Gps { lat, lon })
}

/// Degrees, minutes and seconds as three rationals, negated when the reference is `negative`.
fn coordinate(exif: &Exif, tag: Tag, reference: Tag, negative: u8) -> Option<f64> {
    let Value::Rational(parts) = &exif.get_field(tag, In::PRIMARY)?.value else {
        return None;
    };
    let [degrees, minutes, seconds] = parts.as_slice() else {
        return None;
    };
    if [degrees, minutes, seconds]
        .iter()
        .any(|part| part.denom == 0)
    {
        return None;
    }
    let value = degrees.to_f64() + minutes.to_f64() / 60.0 + seconds.to_f64() / 3600.0;
    let Value::Ascii(texts) = &exif.get_field(reference, In::PRIMARY)?.value else {
        return None;
    };
    let sign = if texts.first()?.first() == Some(&negative) {
        -1.0
    } else {
        1.0
    };
    value.is_finite().then_some(sign * value)
}
