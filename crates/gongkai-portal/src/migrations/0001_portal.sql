-- The county portal: registered townships, signed push batches with the entries they carried,
-- the current version of every township object, county publications, attachments.

CREATE TABLE township (
    code        TEXT PRIMARY KEY NOT NULL CHECK (length(code) BETWEEN 6 AND 12 AND code NOT GLOB '*[^0-9]*'),
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    public_key  TEXT NOT NULL,
    key_id      TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('active', 'revoked')),
    -- highest request sequence number accepted: anything not above it is a replay
    last_seq    INTEGER NOT NULL DEFAULT 0,
    last_sync   TEXT,
    added_at    TEXT NOT NULL,
    revoked_at  TEXT
) STRICT;

-- One row per push that stored something: the exact signed bytes, so the county can prove
-- which township published what (re-verify `signature` over `signing_input` with its key, and
-- the SHA-256 of `body` against the digest line of `signing_input`).
CREATE TABLE push_batch (
    id            INTEGER PRIMARY KEY,
    township      TEXT NOT NULL REFERENCES township (code),
    seq           INTEGER NOT NULL,
    sent_at       TEXT NOT NULL,
    received_at   TEXT NOT NULL,
    signing_input TEXT NOT NULL,
    signature     TEXT NOT NULL,
    body          BLOB NOT NULL,
    UNIQUE (township, seq)
) STRICT;

-- Every entry stored exactly once per township.
CREATE TABLE entry (
    township    TEXT NOT NULL REFERENCES township (code),
    id          TEXT NOT NULL,
    batch_id    INTEGER NOT NULL REFERENCES push_batch (id),
    kind        TEXT NOT NULL,
    object_id   TEXT NOT NULL,
    op          TEXT NOT NULL CHECK (op IN ('upsert', 'withdraw')),
    replaces    TEXT,
    created_at  TEXT NOT NULL,
    payload     TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (township, id)
) STRICT;

CREATE INDEX entry_object ON entry (township, object_id, id);

-- The version in force of each object: the entry with the greatest (UUIDv7, time-ordered) id.
CREATE TABLE object_head (
    township     TEXT NOT NULL REFERENCES township (code),
    object_id    TEXT NOT NULL,
    kind         TEXT NOT NULL,
    entry_id     TEXT NOT NULL,
    withdrawn    INTEGER NOT NULL CHECK (withdrawn IN (0, 1)),
    title        TEXT NOT NULL,
    domain       TEXT NOT NULL,
    published_on TEXT NOT NULL,
    row_count    INTEGER NOT NULL,
    PRIMARY KEY (township, object_id),
    FOREIGN KEY (township, entry_id) REFERENCES entry (township, id)
) STRICT;

CREATE INDEX object_head_kind ON object_head (township, kind, withdrawn, published_on);

CREATE TABLE entry_attachment (
    township  TEXT NOT NULL,
    entry_id  TEXT NOT NULL,
    sha256    TEXT NOT NULL,
    file_name TEXT NOT NULL,
    PRIMARY KEY (township, entry_id, sha256),
    FOREIGN KEY (township, entry_id) REFERENCES entry (township, id)
) STRICT;

CREATE TABLE county_change (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    id           TEXT NOT NULL UNIQUE,
    stream       TEXT NOT NULL CHECK (stream IN ('catalog', 'calendar', 'notices')),
    kind         TEXT NOT NULL,
    op           TEXT NOT NULL CHECK (op IN ('upsert', 'withdraw')),
    version      TEXT NOT NULL CHECK (length(trim(version)) > 0),
    payload      TEXT NOT NULL,
    published_at TEXT NOT NULL,
    UNIQUE (stream, version)
) STRICT;

CREATE TABLE attachment (
    township    TEXT NOT NULL REFERENCES township (code),
    sha256      TEXT NOT NULL,
    size        INTEGER NOT NULL,
    content     BLOB NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (township, sha256)
) STRICT;

CREATE TABLE attachment_part (
    township TEXT NOT NULL REFERENCES township (code),
    sha256   TEXT NOT NULL,
    offset   INTEGER NOT NULL,
    total    INTEGER NOT NULL,
    content  BLOB NOT NULL,
    PRIMARY KEY (township, sha256, offset)
) STRICT;
