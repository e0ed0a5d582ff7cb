-- The installation key and the sync signing secret leave this file (issue 10): a copy of the
-- database, a backup included, let anyone recover every ID number of a list by brute force and
-- push as the township. They live in the OS keystore (or a key file readable by the user
-- alone) under keystore_id; the Rust step of this migration moves them there, reads them back,
-- and only then runs this, in the same transaction. What stays here is not secret.
CREATE TABLE secret_vault (
    singleton              INTEGER PRIMARY KEY NOT NULL CHECK (singleton = 1),
    -- random; names this database's entries in the keystore
    keystore_id            TEXT NOT NULL CHECK (length(keystore_id) = 32),
    -- a one-way fingerprint of each secret once it exists, so a keystore that lost or swapped
    -- one is noticed before anything is hashed or signed with the wrong key
    installation_key_check TEXT,
    signing_secret_check   TEXT,
    -- for backups: an age X25519 recipient, its identity encrypted under the clerk's backup
    -- passphrase (age scrypt), and the secrets sealed to the recipient
    backup_recipient       TEXT,
    backup_identity        BLOB,
    sealed_secrets         BLOB,
    passphrase_set_at      TEXT,
    CHECK ((backup_recipient IS NULL) = (backup_identity IS NULL))
) STRICT;

DROP TABLE installation_key;
ALTER TABLE sync_identity DROP COLUMN secret;
