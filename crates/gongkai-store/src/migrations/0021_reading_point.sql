-- The public reading point (公开查阅点, issue 14): how long the screen waits before it returns
-- to its start, and the clerk's PIN that leaves the mode, kept as a salted scrypt hash (the
-- API makes and checks it; the PIN itself is never stored). One row; none: the defaults
-- (60 seconds, no PIN: the mode cannot be left from its window). The range is the API's too.
--
-- Local to this installation (tables.rs): a setting of this PC's screen, and a PIN hash that
-- must not travel to the county.
CREATE TABLE reading_point_setting (
    id           INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    idle_seconds INTEGER NOT NULL CHECK (idle_seconds BETWEEN 15 AND 3600),
    pin_hash     TEXT CHECK (pin_hash IS NULL OR pin_hash LIKE 'scrypt$%'),
    updated_at   TEXT NOT NULL
) STRICT;
