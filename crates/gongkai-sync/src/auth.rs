//! Request authentication: every request carries the `Gongkai-*` headers below and an ed25519
//! signature over a canonical signing input that binds the portal it is meant for, method, path,
//! township, key, sequence, time and the SHA-256 of the exact body bytes sent (after gzip).
//!
//! Signing input (UTF-8, lines joined by `\n`, no trailing newline):
//!
//! ```text
//! gongkai-sync/2
//! POST
//! county.example.cn:443/gongkai
//! /v1/push
//! 341502101
//! 0b1c2d3e4f5a6b7c
//! 1767225600000001
//! 2026-01-01T00:00:00Z
//! 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
//! ```

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::{DateTime, SecondsFormat, Utc};

use crate::keys::{PublicKey, TownshipKey};
use crate::types::ErrorCode;

pub const H_PROTOCOL: &str = "gongkai-protocol";
/// The portal the request is signed for ([`crate::url::PortalUrl::signed_portal`]); sent so a
/// portal can tell a request meant for another portal from a forged one.
pub const H_PORTAL: &str = "gongkai-portal";
pub const H_TOWNSHIP: &str = "gongkai-township";
pub const H_KEY_ID: &str = "gongkai-key-id";
pub const H_SEQ: &str = "gongkai-seq";
pub const H_TIME: &str = "gongkai-time";
pub const H_CONTENT_SHA256: &str = "gongkai-content-sha256";
pub const H_SIGNATURE: &str = "gongkai-signature";

/// How far a request's `Gongkai-Time` may be from the portal's clock (township PCs drift).
pub const MAX_CLOCK_SKEW_HOURS: i64 = 48;

/// The authentication headers of one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestAuth {
    /// The portal signed for: `host:port` and base path, normalised.
    pub portal: String,
    pub township: String,
    pub key_id: String,
    pub seq: u64,
    /// RFC 3339 UTC, whole seconds, `Z` suffix.
    pub time: String,
    pub content_sha256: String,
    /// Standard base64 of the 64 signature bytes.
    pub signature: String,
}

/// Why a request was not authenticated. Maps one-to-one to an [`ErrorCode`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthError {
    /// A header is missing or malformed.
    Malformed,
    UnsupportedProtocol,
    /// Signed for another portal (another host, port or base path).
    WrongPortal,
    UnknownTownship,
    TownshipRevoked,
    /// Signature does not verify with the registered key (wrong key, forged headers).
    BadSignature,
    /// Headers are signed correctly but the body is not the one whose digest was signed.
    BodyTampered,
    /// Sequence number not greater than the last accepted one.
    Replayed,
    /// `Gongkai-Time` outside [`MAX_CLOCK_SKEW_HOURS`] of the portal clock.
    ClockSkew,
}

impl AuthError {
    pub fn code(self) -> ErrorCode {
        match self {
            Self::Malformed => ErrorCode::Malformed,
            Self::UnsupportedProtocol => ErrorCode::UnsupportedProtocol,
            Self::WrongPortal => ErrorCode::WrongPortal,
            Self::UnknownTownship => ErrorCode::UnknownTownship,
            Self::TownshipRevoked => ErrorCode::TownshipRevoked,
            Self::BadSignature => ErrorCode::BadSignature,
            Self::BodyTampered => ErrorCode::BodyTampered,
            Self::Replayed => ErrorCode::Replayed,
            Self::ClockSkew => ErrorCode::ClockSkew,
        }
    }
}

/// The canonical bytes that are signed.
#[allow(clippy::too_many_arguments)] // one argument per line of the signing input
pub fn signing_input(
    portal: &str,
    method: &str,
    path_and_query: &str,
    township: &str,
    key_id: &str,
    seq: u64,
    time: &str,
    content_sha256: &str,
) -> Vec<u8> {
    format!(
        "gongkai-sync/{}\n{}\n{portal}\n{path_and_query}\n{township}\n{key_id}\n{seq}\n{time}\n{content_sha256}",
        crate::PROTOCOL_VERSION,
        method.to_ascii_uppercase(),
    )
    .into_bytes()
}

/// The time format of `Gongkai-Time`.
pub fn format_time(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The next sequence number: greater than `last`, and at least the current time in
/// microseconds, so a township database restored from an old backup still moves forward.
pub fn next_seq(last: u64, now: DateTime<Utc>) -> u64 {
    let clock = u64::try_from(now.timestamp_micros()).unwrap_or(0);
    last.saturating_add(1).max(clock)
}

impl RequestAuth {
    /// Signs a request for `portal` ([`crate::url::PortalUrl::signed_portal`]).
    /// `path_and_query` is the API path as sent relative to the portal base (`/v1/push`,
    /// `/v1/pull/catalog?after=12`); `body` the exact bytes sent (gzip or raw chunk).
    #[allow(clippy::too_many_arguments)] // what is signed, one argument each
    pub fn sign(
        key: &TownshipKey,
        portal: &str,
        township: &str,
        method: &str,
        path_and_query: &str,
        seq: u64,
        time: DateTime<Utc>,
        body: &[u8],
    ) -> Self {
        let key_id = key.public_key().key_id();
        let time = format_time(time);
        let content_sha256 = crate::sha256_hex(body);
        let input = signing_input(
            portal,
            method,
            path_and_query,
            township,
            &key_id,
            seq,
            &time,
            &content_sha256,
        );
        Self {
            portal: portal.to_owned(),
            township: township.to_owned(),
            key_id,
            seq,
            time,
            content_sha256,
            signature: STANDARD.encode(key.sign(&input)),
        }
    }

    /// The headers to send (names lower case), `Gongkai-Protocol` included.
    pub fn headers(&self) -> Vec<(&'static str, String)> {
        vec![
            (H_PROTOCOL, crate::PROTOCOL_VERSION.to_string()),
            (H_PORTAL, self.portal.clone()),
            (H_TOWNSHIP, self.township.clone()),
            (H_KEY_ID, self.key_id.clone()),
            (H_SEQ, self.seq.to_string()),
            (H_TIME, self.time.clone()),
            (H_CONTENT_SHA256, self.content_sha256.clone()),
            (H_SIGNATURE, self.signature.clone()),
        ]
    }

    /// Reads the headers through `get` (name lower case → value).
    pub fn from_headers<'a>(get: impl Fn(&str) -> Option<&'a str>) -> Result<Self, AuthError> {
        let protocol = get(H_PROTOCOL).ok_or(AuthError::Malformed)?;
        if protocol.trim() != crate::PROTOCOL_VERSION.to_string() {
            return Err(AuthError::UnsupportedProtocol);
        }
        let field = |name: &str| {
            get(name)
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_owned)
                .ok_or(AuthError::Malformed)
        };
        let auth = Self {
            portal: field(H_PORTAL)?,
            township: field(H_TOWNSHIP)?,
            key_id: field(H_KEY_ID)?,
            seq: field(H_SEQ)?.parse().map_err(|_| AuthError::Malformed)?,
            time: field(H_TIME)?,
            content_sha256: field(H_CONTENT_SHA256)?,
            signature: field(H_SIGNATURE)?,
        };
        if !crate::is_sha256_hex(&auth.content_sha256)
            || DateTime::parse_from_rfc3339(&auth.time).is_err()
            || auth.portal.contains('\n')
            || auth.township.contains('\n')
            || auth.key_id.contains('\n')
        {
            return Err(AuthError::Malformed);
        }
        Ok(auth)
    }

    /// The signing input these headers claim to sign.
    pub fn signing_input(&self, method: &str, path_and_query: &str) -> Vec<u8> {
        signing_input(
            &self.portal,
            method,
            path_and_query,
            &self.township,
            &self.key_id,
            self.seq,
            &self.time,
            &self.content_sha256,
        )
    }

    /// Whether the request was signed for `portal`, the verifying portal's own public URL
    /// ([`crate::url::PortalUrl::signed_portal`]).
    pub fn check_portal(&self, portal: &str) -> Result<(), AuthError> {
        if self.portal == portal {
            Ok(())
        } else {
            Err(AuthError::WrongPortal)
        }
    }

    /// Verifies the signature with the registered key over the signing input for `portal` (the
    /// verifying portal's own, whatever the header claims), then the body against the signed
    /// digest.
    pub fn verify(
        &self,
        key: &PublicKey,
        portal: &str,
        method: &str,
        path_and_query: &str,
        body: &[u8],
    ) -> Result<(), AuthError> {
        self.check_portal(portal)?;
        if self.key_id != key.key_id() {
            return Err(AuthError::BadSignature);
        }
        let signature = STANDARD
            .decode(&self.signature)
            .map_err(|_| AuthError::BadSignature)?;
        if !key.verify(&self.signing_input(method, path_and_query), &signature) {
            return Err(AuthError::BadSignature);
        }
        if crate::sha256_hex(body) != self.content_sha256 {
            return Err(AuthError::BodyTampered);
        }
        Ok(())
    }

    /// The replay rule: the sequence must exceed the township's last accepted one.
    pub fn check_replay(&self, last_seq: u64) -> Result<(), AuthError> {
        if self.seq <= last_seq {
            return Err(AuthError::Replayed);
        }
        Ok(())
    }

    /// The time must be within [`MAX_CLOCK_SKEW_HOURS`] of `now`. Checked after the sequence
    /// number is consumed: a request refused for its time cannot be sent again later.
    pub fn check_clock(&self, now: DateTime<Utc>) -> Result<(), AuthError> {
        let sent = DateTime::parse_from_rfc3339(&self.time)
            .map_err(|_| AuthError::Malformed)?
            .with_timezone(&Utc);
        if (now - sent).num_hours().abs() >= MAX_CLOCK_SKEW_HOURS {
            return Err(AuthError::ClockSkew);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    const PORTAL: &str = "county.example.cn:443/gongkai";

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap()
    }

    fn signed(body: &[u8]) -> (TownshipKey, RequestAuth) {
        let key = TownshipKey::from_seed(&[1; 32]);
        let auth = RequestAuth::sign(
            &key,
            PORTAL,
            "341502101",
            "POST",
            "/v1/push",
            5,
            now(),
            body,
        );
        (key, auth)
    }

    fn reparse(auth: &RequestAuth) -> RequestAuth {
        let headers = auth.headers();
        RequestAuth::from_headers(|name| {
            headers
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.as_str())
        })
        .unwrap()
    }

    #[test]
    fn signing_input_is_exactly_the_documented_text() {
        let input = signing_input(
            "county.example.cn:443",
            "post",
            "/v1/push",
            "341502101",
            "0b1c",
            7,
            "2026-01-01T00:00:00Z",
            "ab",
        );
        assert_eq!(
            String::from_utf8(input).unwrap(),
            "gongkai-sync/2\nPOST\ncounty.example.cn:443\n/v1/push\n341502101\n0b1c\n7\n2026-01-01T00:00:00Z\nab"
        );
    }

    #[test]
    fn a_signed_request_verifies_after_a_header_round_trip() {
        let (key, auth) = signed(b"body");
        let auth = reparse(&auth);
        assert_eq!(auth.time, "2026-01-01T00:00:00Z");
        assert_eq!(
            auth.verify(&key.public_key(), PORTAL, "POST", "/v1/push", b"body"),
            Ok(())
        );
        assert_eq!(auth.portal, PORTAL);
        assert_eq!(auth.check_replay(4), Ok(()));
        assert_eq!(auth.check_clock(now()), Ok(()));
    }

    #[test]
    fn tampering_is_detected_and_told_apart_from_a_bad_signature() {
        let (key, auth) = signed(b"body");
        let public = key.public_key();
        // body changed in transit, headers intact
        assert_eq!(
            auth.verify(&public, PORTAL, "POST", "/v1/push", b"bodY"),
            Err(AuthError::BodyTampered)
        );
        // digest header rewritten to match the new body: the signature no longer holds
        let mut forged = auth.clone();
        forged.content_sha256 = crate::sha256_hex(b"bodY");
        assert_eq!(
            forged.verify(&public, PORTAL, "POST", "/v1/push", b"bodY"),
            Err(AuthError::BadSignature)
        );
        // sequence, time, path, township bumped by a replayer
        for change in 0..4 {
            let mut forged = auth.clone();
            let path = match change {
                0 => {
                    forged.seq += 1;
                    "/v1/push"
                }
                1 => {
                    forged.time = "2026-01-01T00:00:01Z".into();
                    "/v1/push"
                }
                2 => "/v1/attachments/x",
                _ => {
                    forged.township = "341502102".into();
                    "/v1/push"
                }
            };
            assert_eq!(
                forged.verify(&public, PORTAL, "POST", path, b"body"),
                Err(AuthError::BadSignature),
                "{change}"
            );
        }
        // another township's key
        let other = TownshipKey::from_seed(&[2; 32]).public_key();
        assert_eq!(
            auth.verify(&other, PORTAL, "POST", "/v1/push", b"body"),
            Err(AuthError::BadSignature)
        );
        let mut same_id = auth.clone();
        same_id.key_id = other.key_id();
        assert_eq!(
            same_id.verify(&other, PORTAL, "POST", "/v1/push", b"body"),
            Err(AuthError::BadSignature)
        );
    }

    #[test]
    fn a_request_signed_for_another_portal_does_not_verify() {
        let (key, auth) = signed(b"body");
        let public = key.public_key();
        for other in [
            "county-b.example.cn:443/gongkai",
            "county.example.cn:8443/gongkai",
            "county.example.cn:443",
            "county.example.cn:443/other",
        ] {
            assert_eq!(
                auth.verify(&public, other, "POST", "/v1/push", b"body"),
                Err(AuthError::WrongPortal),
                "{other}"
            );
            // The header rewritten to name the other portal: the signature does not hold there.
            let mut forged = auth.clone();
            forged.portal = other.to_owned();
            assert_eq!(
                forged.verify(&public, other, "POST", "/v1/push", b"body"),
                Err(AuthError::BadSignature),
                "{other}"
            );
        }
    }

    #[test]
    fn replays_and_skewed_clocks_are_refused() {
        let (_, auth) = signed(b"");
        assert_eq!(auth.check_replay(5), Err(AuthError::Replayed));
        assert_eq!(auth.check_replay(6), Err(AuthError::Replayed));
        let later = now() + chrono::Duration::hours(MAX_CLOCK_SKEW_HOURS);
        assert_eq!(auth.check_clock(later), Err(AuthError::ClockSkew));
        let earlier = now() - chrono::Duration::hours(MAX_CLOCK_SKEW_HOURS);
        assert_eq!(auth.check_clock(earlier), Err(AuthError::ClockSkew));
    }

    #[test]
    fn missing_or_bad_headers_are_malformed() {
        let (_, auth) = signed(b"");
        let headers = auth.headers();
        for skip in 0..headers.len() {
            let result = RequestAuth::from_headers(|name| {
                headers
                    .iter()
                    .enumerate()
                    .find(|(i, (n, _))| *n == name && *i != skip)
                    .map(|(_, (_, v))| v.as_str())
            });
            assert!(result.is_err(), "{skip}");
        }
        let wrong_protocol = RequestAuth::from_headers(|name| {
            if name == H_PROTOCOL {
                Some("1")
            } else {
                Some("x")
            }
        });
        assert_eq!(wrong_protocol, Err(AuthError::UnsupportedProtocol));
    }

    #[test]
    fn next_seq_moves_forward_even_after_a_restore() {
        let clock = u64::try_from(now().timestamp_micros()).unwrap();
        assert_eq!(next_seq(0, now()), clock);
        assert_eq!(next_seq(clock, now()), clock + 1);
        assert_eq!(next_seq(clock + 10, now()), clock + 11);
    }
}
