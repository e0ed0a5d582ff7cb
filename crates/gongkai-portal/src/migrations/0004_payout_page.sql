-- The public page of each payout list in force, rendered when the list is pushed: a list of
-- 100,000 rows is megabytes of HTML, which a view then streams from here in pieces instead of
-- parsing the list and building the page whole. `villages` is the page from the first
-- village's heading to the last table; the head (title, township, totals) is written at view
-- time from `title`, `row_count` and `amount_fen`. `entry_id` is the version rendered.
-- The lists already held are rendered by the portal when it first opens the file
-- (`db::render_missing_payout_pages`): the HTML is the pages module's, not SQL's.

CREATE TABLE payout_page (
    township   TEXT NOT NULL,
    object_id  TEXT NOT NULL,
    entry_id   TEXT NOT NULL,
    title      TEXT NOT NULL,
    row_count  INTEGER NOT NULL,
    amount_fen INTEGER NOT NULL,
    villages   BLOB NOT NULL,
    PRIMARY KEY (township, object_id),
    FOREIGN KEY (township, object_id) REFERENCES object_head (township, object_id)
) STRICT;
