//! What a file is, told from its first bytes and its header alone: format and dimensions are
//! known before any decoder allocates pixels, so a decompression bomb is refused having cost
//! nothing, and a JPEG cut short (which the decoder would fill with grey) is caught.

/// The two formats taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Jpeg,
    Png,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Header {
    pub format: Format,
    pub width: u32,
    pub height: u32,
}

/// Why the header alone already refuses the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Refusal {
    NotAnImage,
    /// A picture of a format not taken, by the name the clerk knows it.
    Unsupported(&'static str),
    Truncated,
    Damaged(&'static str),
}

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

pub(crate) fn read(bytes: &[u8]) -> Result<Header, Refusal> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        jpeg(bytes)
    } else if bytes.starts_with(PNG_SIGNATURE) {
        png(bytes)
    } else if PNG_SIGNATURE.starts_with(bytes) || bytes == [0xFF, 0xD8] {
        Err(Refusal::Truncated)
    } else {
        Err(other_format(bytes).map_or(Refusal::NotAnImage, Refusal::Unsupported))
    }
}

/// Formats a phone or a computer commonly hands the clerk instead of a JPEG.
fn other_format(bytes: &[u8]) -> Option<&'static str> {
    let brand = bytes.get(4..12);
    if matches!(
        brand,
        Some(b"ftypheic" | b"ftypheix" | b"ftyphevc" | b"ftypmif1" | b"ftypmsf1")
    ) {
        Some("HEIC（苹果手机的“高效”照片）")
    } else if matches!(brand, Some(b"ftypavif" | b"ftypavis")) {
        Some("AVIF")
    } else if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        Some("WebP")
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some("GIF")
    } else if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        Some("TIFF")
    } else if bytes.starts_with(b"BM") && bytes.len() >= 26 && bytes.get(6..10) == Some(&[0; 4]) {
        Some("BMP")
    } else {
        None
    }
}

/// The PNG's IHDR, which the format requires to be the first chunk.
fn png(bytes: &[u8]) -> Result<Header, Refusal> {
    let ihdr = bytes.get(8..24).ok_or(Refusal::Truncated)?;
    if &ihdr[4..8] != b"IHDR" {
        return Err(Refusal::Damaged("缺少图像头（IHDR）"));
    }
    let width = u32::from_be_bytes([ihdr[8], ihdr[9], ihdr[10], ihdr[11]]);
    let height = u32::from_be_bytes([ihdr[12], ihdr[13], ihdr[14], ihdr[15]]);
    sized(Format::Png, width, height)
}

/// Walks the JPEG's segments to its frame header (SOFn) for the dimensions, and on past the
/// start of scan to its end marker (EOI): a file without one was cut short.
fn jpeg(bytes: &[u8]) -> Result<Header, Refusal> {
    let mut position = 2;
    let mut frame = None;
    loop {
        if bytes.get(position) != Some(&0xFF) {
            return Err(if position >= bytes.len() {
                Refusal::Truncated
            } else {
                Refusal::Damaged("段标记错误")
            });
        }
        // Any number of 0xFF fill bytes may precede a marker.
        while bytes.get(position) == Some(&0xFF) {
            position += 1;
        }
        let marker = *bytes.get(position).ok_or(Refusal::Truncated)?;
        position += 1;
        match marker {
            // Markers standing alone, without a length.
            0x01 | 0xD0..=0xD8 => continue,
            0xD9 => return Err(Refusal::Damaged("没有图像数据")),
            _ => {}
        }
        let length = bytes
            .get(position..position + 2)
            .map(|b| usize::from(u16::from_be_bytes([b[0], b[1]])))
            .ok_or(Refusal::Truncated)?;
        if length < 2 {
            return Err(Refusal::Damaged("段长度错误"));
        }
        let segment = bytes
            .get(position + 2..position + length)
            .ok_or(Refusal::Truncated)?;
        position += length;
        match marker {
            // SOF0..SOF15 but DHT (C4), JPG (C8) and DAC (CC), which share the range.
            0xC0..=0xCF if !matches!(marker, 0xC4 | 0xC8 | 0xCC) => {
                let dimensions = segment.get(1..5).ok_or(Refusal::Damaged("帧头过短"))?;
                let height = u16::from_be_bytes([dimensions[0], dimensions[1]]);
                let width = u16::from_be_bytes([dimensions[2], dimensions[3]]);
                frame = Some(sized(Format::Jpeg, width.into(), height.into())?);
            }
            0xDA => {
                let header = frame.ok_or(Refusal::Damaged("扫描数据前没有帧头"))?;
                // In entropy-coded data a 0xFF byte is followed by 0x00 (stuffing), a restart
                // marker or a marker of the next segment, so FF D9 is the end of the image.
                let rest = bytes.get(position..).unwrap_or_default();
                return if rest.windows(2).any(|pair| pair == [0xFF, 0xD9]) {
                    Ok(header)
                } else {
                    Err(Refusal::Truncated)
                };
            }
            _ => {}
        }
    }
}

fn sized(format: Format, width: u32, height: u32) -> Result<Header, Refusal> {
    if width == 0 || height == 0 {
        return Err(Refusal::Damaged("图像尺寸为 0"));
    }
    Ok(Header {
        format,
        width,
        height,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_jpeg_without_its_end_marker_is_truncated_and_one_without_a_frame_is_damaged() {
        // SOI, APP0 of 4 bytes, SOF0 100×50, SOS, scan bytes, no EOI.
        let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, b'J', b'F'];
        jpeg.extend_from_slice(&[
            0xFF, 0xC0, 0x00, 0x0B, 8, 0x00, 50, 0x00, 100, 1, 1, 0x11, 0,
        ]);
        jpeg.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x08, 1, 1, 0, 0, 63, 0, 0x12, 0xFF, 0x00]);
        assert_eq!(read(&jpeg), Err(Refusal::Truncated));
        jpeg.extend_from_slice(&[0xFF, 0xD9]);
        assert_eq!(
            read(&jpeg),
            Ok(Header {
                format: Format::Jpeg,
                width: 100,
                height: 50
            })
        );
        assert_eq!(
            read(&[0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02, 0xFF, 0xD9]),
            Err(Refusal::Damaged("扫描数据前没有帧头"))
        );
        assert_eq!(read(&jpeg[..20]), Err(Refusal::Truncated));
    }

    #[test]
    fn other_pictures_are_named_and_text_is_not_an_image() {
        assert_eq!(
            read(b"\0\0\0\x18ftypheic\0\0\0\0"),
            Err(Refusal::Unsupported("HEIC（苹果手机的“高效”照片）"))
        );
        assert_eq!(read(b"GIF89a\x01\0"), Err(Refusal::Unsupported("GIF")));
        assert_eq!(read("公示照片".as_bytes()), Err(Refusal::NotAnImage));
        assert_eq!(read(b"\x89PNG"), Err(Refusal::Truncated));
    }
}
