-- The long edge, in pixels, posting photos are stored at (a phone's 4000 px picture scaled
-- down to it). One row; none: the binary's default (1600). The range is the API's too.
--
-- Local to this installation (tables.rs): a stored photo carries its own size, so the setting
-- never needs to travel.
CREATE TABLE photo_setting (
    id         INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    max_edge   INTEGER NOT NULL CHECK (max_edge BETWEEN 800 AND 4096),
    updated_at TEXT NOT NULL
) STRICT;
