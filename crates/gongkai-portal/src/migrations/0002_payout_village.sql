-- What the public payouts page shows of each payout list in force, per village, kept when the
-- list is pushed: the page then never parses the lists themselves (100,000 rows each).
-- `position` keeps the villages in the order the list gives them.

CREATE TABLE payout_village (
    township     TEXT NOT NULL,
    object_id    TEXT NOT NULL,
    position     INTEGER NOT NULL,
    village_code TEXT NOT NULL,
    village_name TEXT NOT NULL,
    notice_from  TEXT NOT NULL,
    notice_to    TEXT NOT NULL,
    row_count    INTEGER NOT NULL,
    amount_fen   INTEGER NOT NULL,
    PRIMARY KEY (township, object_id, position),
    FOREIGN KEY (township, object_id) REFERENCES object_head (township, object_id)
) STRICT;

-- The lists already held.
INSERT INTO payout_village (township, object_id, position, village_code, village_name,
                            notice_from, notice_to, row_count, amount_fen)
SELECT h.township, h.object_id, v.key,
       COALESCE(CAST(json_extract(v.value, '$.village_code') AS TEXT), ''),
       COALESCE(CAST(json_extract(v.value, '$.village_name') AS TEXT), ''),
       COALESCE(CAST(json_extract(v.value, '$.notice_from') AS TEXT), ''),
       COALESCE(CAST(json_extract(v.value, '$.notice_to') AS TEXT), ''),
       COALESCE(CAST(json_extract(v.value, '$.summary.rows') AS INTEGER), 0),
       COALESCE(CAST(json_extract(v.value, '$.summary.amount_fen') AS INTEGER), 0)
FROM object_head h
JOIN entry e ON e.township = h.township AND e.id = h.entry_id
JOIN json_each(e.payload, '$.villages') v
WHERE h.kind = 'payout_list' AND h.withdrawn = 0 AND json_valid(e.payload);
