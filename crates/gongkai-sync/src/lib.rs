//! Gongkai sync protocol v2 (`docs/sync-protocol.md`), shared by the township client and the
//! county portal.
//!
//! - [`types`]: the JSON bodies (entries, pushes, acks, pull pages, county publications, errors);
//! - [`keys`]: the township's ed25519 key, its public-key string and key id;
//! - [`auth`]: the canonical signing input of a request, signing and verification, and the
//!   freshness (replay) rule;
//! - [`check`]: entry validation shared by both sides: ownership, payload shapes, and the refusal
//!   of anything that looks like a full ID or bank number in a payout list;
//! - [`payload`]: a township entry's payload typed by its kind, read from the received text
//!   without a JSON tree, and every text of a payload walked for that check;
//! - [`posting`]: the shape of a bulletin-board posting and the periods of a periodic zone;
//! - [`batch`]: outbox entries split into pushes within the portal's limits;
//! - [`gzip`] and [`url`]: compressed bodies, the loopback rule and the portal as signed for;
//! - `client` (feature `client`): [`client::PortalClient`] with `push`, `pull` and resumable
//!   attachment upload over reqwest + rustls.

pub mod auth;
pub mod batch;
pub mod check;
pub mod error;
pub mod gzip;
pub mod keys;
pub mod payload;
pub mod posting;
pub mod types;
pub mod url;

#[cfg(feature = "client")]
pub mod client;

pub use auth::{AuthError, RequestAuth};
pub use error::SyncError;
pub use keys::{PublicKey, TownshipKey};
pub use types::*;

/// The protocol version this crate speaks; sent in the `Gongkai-Protocol` header, the first
/// line of the signing input and the push body. Version 2 signs the portal's URL too; a
/// version 1 request is refused (`unsupported_protocol`): accepting it would keep a request
/// signed for one portal good at every other portal holding the same township key.
pub const PROTOCOL_VERSION: u32 = 2;

/// Largest compressed request body a portal accepts (bytes).
pub const MAX_BODY_BYTES: usize = 16 * 1024 * 1024;
/// Largest response body the client reads from the portal, as received (gzip or not).
pub const MAX_RESPONSE_BYTES: usize = MAX_BODY_BYTES;
/// Largest decompressed JSON body (bytes): a gzip bomb stops here.
pub const MAX_JSON_BYTES: usize = 64 * 1024 * 1024;
/// Largest payload of one entry, as JSON (bytes): the portal reads payloads into their types
/// one entry at a time, and only below this. A payout list of 100,000 rows is about 10 MB.
pub const MAX_ENTRY_JSON_BYTES: usize = 32 * 1024 * 1024;
/// Most entries in one push.
pub const MAX_BATCH_ENTRIES: usize = 1000;
/// Largest attachment chunk (bytes).
pub const MAX_CHUNK_BYTES: usize = 1024 * 1024;
/// Largest attachment (bytes).
pub const MAX_ATTACHMENT_BYTES: u64 = 200 * 1024 * 1024;

/// Hex SHA-256 of `bytes` (lower case), as used for body digests and attachment addresses.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    to_hex(&sha2::Sha256::digest(bytes))
}

pub(crate) fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    out
}

/// Whether `text` is a lower-case hex SHA-256 digest.
pub fn is_sha256_hex(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}
