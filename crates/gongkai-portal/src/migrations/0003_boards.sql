-- Bulletin-board postings (kind `posting`): what the public boards page and the stats need of
-- each posting in force, kept at push time like `payout_village`, so neither parses entries.
-- `village_code` and `village_name` are '' for a board of the township itself. Dates are
-- YYYY-MM-DD; `cadence` and `status` are the protocol's keys.

CREATE TABLE board_posting (
    township         TEXT NOT NULL,
    object_id        TEXT NOT NULL,
    village_code     TEXT NOT NULL,
    village_name     TEXT NOT NULL,
    board_id         TEXT NOT NULL,
    board_name       TEXT NOT NULL,
    zone_id          TEXT NOT NULL,
    zone_name        TEXT NOT NULL,
    cadence          TEXT NOT NULL,
    due_day          INTEGER,
    period           TEXT,
    title            TEXT NOT NULL,
    register_no      TEXT NOT NULL,
    notice_from      TEXT NOT NULL,
    notice_to        TEXT NOT NULL,
    status           TEXT NOT NULL,
    posted_on        TEXT,
    taken_down_on    TEXT,
    taken_down_early INTEGER NOT NULL CHECK (taken_down_early IN (0, 1)),
    sheet_sha256     TEXT,
    sheet_name       TEXT,
    PRIMARY KEY (township, object_id),
    FOREIGN KEY (township, object_id) REFERENCES object_head (township, object_id)
) STRICT;

-- The sheets up now, per township.
CREATE INDEX board_posting_up ON board_posting (township, status, notice_to);
