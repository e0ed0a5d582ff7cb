use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::IdNumber;

/// The per-installation secret under which ID numbers are hashed. With it, a clerk who types a
/// full ID can find that person's payouts; without it, a copied database reveals nothing.
#[derive(Clone)]
pub struct InstallationKey([u8; 32]);

impl InstallationKey {
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(bytes)
    }

    pub fn hash(&self, id: &IdNumber) -> IdHash {
        // HMAC accepts keys of any length; 32 bytes can never be refused.
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.0)
            .unwrap_or_else(|_| unreachable!("HMAC takes any key length"));
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
