//! The township's signing key.
//!
//! Text forms: public key `ed25519:` + standard base64 of the 32 key bytes (what the county
//! registers with `gongkai-portal township add --public-key`); secret key `ed25519-secret:` +
//! standard base64 of the 32 seed bytes (kept only in the township's database). The key id is the
//! first 16 hex digits of SHA-256 over the 32 public key bytes.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};

use crate::SyncError;

const PUBLIC_PREFIX: &str = "ed25519:";
const SECRET_PREFIX: &str = "ed25519-secret:";

/// A township's ed25519 signing key. `Debug` never shows the secret.
#[derive(Clone)]
pub struct TownshipKey(SigningKey);

impl std::fmt::Debug for TownshipKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "TownshipKey({})", self.public_key().key_id())
    }
}

impl TownshipKey {
    /// A new key from the operating system's random source.
    pub fn generate() -> Result<Self, SyncError> {
        let mut seed = [0u8; 32];
        getrandom::fill(&mut seed).map_err(|e| SyncError::Random(e.to_string()))?;
        Ok(Self(SigningKey::from_bytes(&seed)))
    }

    /// The key from its 32 seed bytes.
    pub fn from_seed(seed: &[u8; 32]) -> Self {
        Self(SigningKey::from_bytes(seed))
    }

    /// Parses the `ed25519-secret:` text form.
    pub fn from_secret_string(text: &str) -> Result<Self, SyncError> {
        let bytes = decode_prefixed(text.trim(), SECRET_PREFIX)?;
        Ok(Self(SigningKey::from_bytes(&bytes)))
    }

    /// The `ed25519-secret:` text form, for the township's own database only.
    pub fn secret_string(&self) -> String {
        format!("{SECRET_PREFIX}{}", STANDARD.encode(self.0.to_bytes()))
    }

    pub fn public_key(&self) -> PublicKey {
        PublicKey(self.0.verifying_key())
    }

    /// The 64-byte ed25519 signature of `message`.
    pub fn sign(&self, message: &[u8]) -> [u8; 64] {
        self.0.sign(message).to_bytes()
    }
}

/// A township's public key as registered at the county.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct PublicKey(VerifyingKey);

impl std::fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PublicKey({self})")
    }
}

impl std::fmt::Display for PublicKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{PUBLIC_PREFIX}{}", STANDARD.encode(self.0.as_bytes()))
    }
}

impl std::str::FromStr for PublicKey {
    type Err = SyncError;

    fn from_str(text: &str) -> Result<Self, SyncError> {
        let bytes = decode_prefixed(text.trim(), PUBLIC_PREFIX)?;
        VerifyingKey::from_bytes(&bytes)
            .map(Self)
            .map_err(|_| SyncError::BadKey("不是有效的 ed25519 公钥".to_owned()))
    }
}

impl PublicKey {
    /// First 16 hex digits of SHA-256 over the key bytes.
    pub fn key_id(&self) -> String {
        let mut id = crate::sha256_hex(self.0.as_bytes());
        id.truncate(16);
        id
    }

    /// Strict verification (refuses malleable and small-order signatures).
    pub fn verify(&self, message: &[u8], signature: &[u8]) -> bool {
        let Ok(bytes) = <[u8; 64]>::try_from(signature) else {
            return false;
        };
        self.0
            .verify_strict(message, &Signature::from_bytes(&bytes))
            .is_ok()
    }
}

fn decode_prefixed(text: &str, prefix: &str) -> Result<[u8; 32], SyncError> {
    let body = text
        .strip_prefix(prefix)
        .ok_or_else(|| SyncError::BadKey(format!("应以“{prefix}”开头")))?;
    let bytes = STANDARD
        .decode(body)
        .map_err(|_| SyncError::BadKey("base64 编码不正确".to_owned()))?;
    <[u8; 32]>::try_from(bytes.as_slice())
        .map_err(|_| SyncError::BadKey(format!("应为 32 字节，实为 {} 字节", bytes.len())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_forms_round_trip_and_debug_hides_the_secret() {
        let key = TownshipKey::generate().unwrap();
        let again = TownshipKey::from_secret_string(&key.secret_string()).unwrap();
        assert_eq!(key.public_key(), again.public_key());
        let public: PublicKey = key.public_key().to_string().parse().unwrap();
        assert_eq!(public, key.public_key());
        assert!(public.to_string().starts_with("ed25519:"));
        assert_eq!(public.key_id().len(), 16);
        let debug = format!("{key:?}");
        assert!(!debug.contains(&key.secret_string()[15..]));
        assert_ne!(
            TownshipKey::generate().unwrap().public_key(),
            key.public_key()
        );
    }

    #[test]
    fn bad_text_is_refused() {
        for bad in ["", "ed25519:", "ed25519:AAAA", "rsa:AAAA", "ed25519:!!!"] {
            assert!(bad.parse::<PublicKey>().is_err(), "{bad}");
        }
        assert!(TownshipKey::from_secret_string("ed25519:AAAA").is_err());
    }

    #[test]
    fn signatures_verify_only_with_the_right_key_and_message() {
        let key = TownshipKey::from_seed(&[7; 32]);
        let other = TownshipKey::from_seed(&[8; 32]);
        let signature = key.sign(b"message");
        assert!(key.public_key().verify(b"message", &signature));
        assert!(!key.public_key().verify(b"messagE", &signature));
        assert!(!other.public_key().verify(b"message", &signature));
        assert!(!key.public_key().verify(b"message", &signature[..63]));
    }
}
