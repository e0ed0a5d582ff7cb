//! gzip bodies. Requests and JSON responses travel with `Content-Encoding: gzip`; decompression
//! is bounded so a small body cannot expand without limit.

use std::io::{Read, Write};

use flate2::Compression;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;

use crate::SyncError;

/// Compresses `bytes` (default level).
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(
        Vec::with_capacity(bytes.len() / 4 + 64),
        Compression::default(),
    );
    // Writing into a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

/// Decompresses `bytes`, refusing output longer than `limit`.
pub fn gunzip(bytes: &[u8], limit: usize) -> Result<Vec<u8>, SyncError> {
    let mut decoder = GzDecoder::new(bytes).take(limit as u64 + 1);
    let mut out = Vec::new();
    decoder
        .read_to_end(&mut out)
        .map_err(|e| SyncError::BadGzip(e.to_string()))?;
    if out.len() > limit {
        return Err(SyncError::TooLarge { limit });
    }
    Ok(out)
}

/// Serializes `value` to JSON and compresses it.
pub fn to_gzip_json<T: serde::Serialize>(value: &T) -> Result<Vec<u8>, SyncError> {
    let json = serde_json::to_vec(value).map_err(|e| SyncError::BadJson(e.to_string()))?;
    Ok(gzip(&json))
}

/// Decompresses (bounded by [`crate::MAX_JSON_BYTES`]) and parses a JSON body.
pub fn from_gzip_json<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, SyncError> {
    let json = gunzip(bytes, crate::MAX_JSON_BYTES)?;
    serde_json::from_slice(&json).map_err(|e| SyncError::BadJson(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_limit() {
        let text = "基层政务公开".repeat(1000);
        let packed = gzip(text.as_bytes());
        assert!(packed.len() < text.len() / 10);
        assert_eq!(gunzip(&packed, 1 << 20).unwrap(), text.as_bytes());
        assert_eq!(
            gunzip(&packed, 100),
            Err(SyncError::TooLarge { limit: 100 })
        );
        assert!(matches!(
            gunzip(b"not gzip", 100),
            Err(SyncError::BadGzip(_))
        ));
    }
}
