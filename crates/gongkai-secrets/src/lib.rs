//! The secrets of an installation, kept out of its database (issue 10).
//!
//! Two secrets make a stolen database file dangerous: the installation key (the HMAC key of the
//! ID numbers, which have so little entropy that a hash is as good as the number to whoever
//! holds the key) and the township's ed25519 signing secret (whoever holds it pushes as the
//! township). They live in the OS keystore ([`Keystore`]), or, where none answers, in a key file
//! readable by the user alone, addressed by a random per-database [`KeystoreId`] that the
//! database keeps. The database keeps only what is not secret, and a copy of the secrets sealed
//! for backups ([`seal`]): an age X25519 identity, itself encrypted under the clerk's backup
//! passphrase with age's scrypt recipient, so a backup restores on a new PC with the passphrase
//! and is ciphertext without it. No SQL, no storage of its own besides the key files.

mod error;
mod keystore;
mod passphrase;
pub mod seal;

pub use error::SecretsError;
pub use keystore::{Keystore, KeystoreId, SECRET_DIR_ENV, SecretName, fingerprint};
pub use passphrase::Passphrase;
pub use zeroize::Zeroizing;

/// A secret's bytes, wiped from memory when dropped.
pub type SecretBytes = Zeroizing<Vec<u8>>;
