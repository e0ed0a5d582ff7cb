-- How personal numbers are masked on this township's notices (see gongkai_payouts::MaskRules).
-- One row; absent means the defaults.
CREATE TABLE mask_rules (
    singleton        INTEGER PRIMARY KEY NOT NULL CHECK (singleton = 1),
    -- never long enough to reveal the birth date (characters 7–14 of an ID)
    id_keep_start    INTEGER NOT NULL CHECK (id_keep_start BETWEEN 0 AND 6),
    id_keep_end      INTEGER NOT NULL CHECK (id_keep_end BETWEEN 0 AND 4),
    bank_keep_end    INTEGER NOT NULL CHECK (bank_keep_end BETWEEN 0 AND 4),
    phone_keep_start INTEGER NOT NULL CHECK (phone_keep_start BETWEEN 0 AND 3),
    phone_keep_end   INTEGER NOT NULL CHECK (phone_keep_end BETWEEN 0 AND 4),
    updated_at       TEXT NOT NULL
) STRICT;
