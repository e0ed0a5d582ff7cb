use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::IdNumber;

/// The per-installation secret under which ID numbers are hashed. With it, a clerk who types a
/// full ID can find that person's payouts; without it, a copied database reveals nothing.
///
/// Held as the HMAC state already keyed: keying hashes the padded key twice (inner and outer
/// pad), which is half the work of hashing one 18-character ID. An import hashes every row
/// with the same key, so each ID starts from a copy of this state instead.
#[derive(Clone)]
pub struct InstallationKey(Hmac<Sha256>);

impl InstallationKey {
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        // HMAC accepts keys of any length; 32 bytes can never be refused.
        Self(
            <Hmac<Sha256> as Mac>::new_from_slice(&bytes)
                .unwrap_or_else(|_| unreachable!("HMAC takes any key length")),
        )
    }

    pub fn hash(&self, id: &IdNumber) -> IdHash {
        let mut mac = self.0.clone();
        mac.update(id.as_secret_str().as_bytes());
        IdHash(mac.finalize().into_bytes().into())
    }
}

impl std::fmt::Debug for InstallationKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("InstallationKey(..)")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct IdHash(pub [u8; 32]);

#[cfg(test)]
mod tests {
    use super::*;

    /// Stored hashes must never change: the figures are HMAC-SHA256 as Python's `hmac` computes
    /// them, so keying once and cloning gives what keying per ID gave.
    #[test]
    fn hashes_are_plain_hmac_sha256() {
        let today = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
        let id = IdNumber::parse("11010519491231002X", today).unwrap();
        let key = InstallationKey::from_bytes([7; 32]);
        let hex = |h: IdHash| h.0.iter().map(|b| format!("{b:02x}")).collect::<String>();
        let expected = "e36da84fef3a1c6a3ea976b0ae4b9fe3dec7f484c700ccc7492e231095d58ec5";
        assert_eq!(hex(key.hash(&id)), expected);
        // The same state serves the next ID unchanged.
        assert_eq!(hex(key.hash(&id)), expected);
    }
}
