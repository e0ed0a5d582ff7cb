-- Import templates: how one source (a finance system, the 一卡通 export, a clerk's own sheet)
-- names its columns, saved by the clerk in the import wizard and applied to later files.
CREATE TABLE import_template (
    id         TEXT PRIMARY KEY NOT NULL,
    name       TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

-- One header text of the source → the payout column it holds; NULL: ignore that column.
CREATE TABLE import_template_column (
    template_id TEXT NOT NULL REFERENCES import_template (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    header      TEXT NOT NULL CHECK (length(header) > 0),
    column_key  TEXT CHECK (column_key IN ('seq', 'village', 'group', 'name', 'id_number',
        'bank_account', 'phone', 'area', 'rate', 'amount', 'project', 'note')),
    PRIMARY KEY (template_id, position),
    UNIQUE (template_id, header)
) STRICT;
