-- Bulletin boards (公开栏): templates, boards with versioned layouts of zones, postings of printed
-- sheets with their notice periods, objections, and photos of the posted board.
--
-- Everything here is the township's data: boards, zones, cadences and minimum days differ by
-- province and county (docs: ../shared/domain/bulletin_boards.md), so even the templates are
-- rows the township edits, seeded below with the common shapes. Lengths are whole millimetres,
-- dates YYYY-MM-DD, timestamps RFC 3339 UTC.
--
-- A zone's cadence and due rule:
--   monthly | quarterly | half_yearly: the sheet of a period (2026-11, 2026-Q4, 2026-H2) is due
--     on day `due_day` of the month after the period ends (财务: the 15th of next month);
--   as_needed (随时): within `due_within_days` of the matter, counted in working days on the
--     official calendar when `due_in_working_days` = 1 (重大事项: within 10 days);
--   standing (长期): nothing falls due (监督电话 strip, QR strip, 服务 information).
-- `min_days`: the fewest calendar days a sheet stays up (Shandong ≥5, Chongqing ≥10); a sheet
-- taken down sooner, or before its notice period ends, must be posted again.

CREATE TABLE board_template (
    id         TEXT PRIMARY KEY NOT NULL,
    name       TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    -- who the template is for: the township's own board, or a village's/community's
    scope      TEXT NOT NULL CHECK (scope IN ('township', 'village')),
    width_mm   INTEGER NOT NULL CHECK (width_mm BETWEEN 300 AND 20000),
    height_mm  INTEGER NOT NULL CHECK (height_mm BETWEEN 300 AND 10000),
    -- where the shape comes from, shown to the clerk
    note       TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE board_template_zone (
    template_id         TEXT NOT NULL REFERENCES board_template (id) ON DELETE CASCADE,
    position            INTEGER NOT NULL CHECK (position >= 1),
    name                TEXT NOT NULL CHECK (length(trim(name)) > 0),
    x_mm                INTEGER NOT NULL CHECK (x_mm >= 0),
    y_mm                INTEGER NOT NULL CHECK (y_mm >= 0),
    width_mm            INTEGER NOT NULL CHECK (width_mm > 0),
    height_mm           INTEGER NOT NULL CHECK (height_mm > 0),
    cadence             TEXT NOT NULL
        CHECK (cadence IN ('monthly', 'quarterly', 'half_yearly', 'as_needed', 'standing')),
    due_day             INTEGER CHECK (due_day BETWEEN 1 AND 31),
    due_within_days     INTEGER CHECK (due_within_days BETWEEN 1 AND 365),
    due_in_working_days INTEGER NOT NULL DEFAULT 0 CHECK (due_in_working_days IN (0, 1)),
    min_days            INTEGER CHECK (min_days BETWEEN 1 AND 365),
    PRIMARY KEY (template_id, position),
    CHECK ((cadence IN ('monthly', 'quarterly', 'half_yearly')) = (due_day IS NOT NULL)),
    CHECK ((cadence = 'as_needed') = (due_within_days IS NOT NULL))
) STRICT;

-- A board stands in the township (village_id NULL: the 政务公开栏 of the 便民服务中心, the
-- 政务公开专区) or in a village or community; a village may have several.
CREATE TABLE board (
    id               TEXT PRIMARY KEY NOT NULL,
    village_id       TEXT REFERENCES village (id) ON DELETE RESTRICT,
    name             TEXT NOT NULL CHECK (length(trim(name)) > 0),
    location         TEXT NOT NULL DEFAULT '',
    -- the template applied (统一格式); NULL: drawn by hand
    template_id      TEXT REFERENCES board_template (id) ON DELETE SET NULL,
    -- why this board departs from the template the township applied
    deviation_reason TEXT CHECK (deviation_reason IS NULL OR length(trim(deviation_reason)) > 0),
    -- the layout in force; older versions stay for the postings placed on them
    layout_version   INTEGER NOT NULL DEFAULT 1 CHECK (layout_version >= 1),
    -- taken out of use: no new postings, its history stays
    retired_on       TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
) STRICT;

CREATE UNIQUE INDEX board_name ON board (ifnull(village_id, ''), name) WHERE retired_on IS NULL;

-- Layout versions are append-only: a changed layout is a new version, and a posting keeps the
-- version it was placed on.
CREATE TABLE board_layout (
    board_id  TEXT NOT NULL REFERENCES board (id) ON DELETE CASCADE,
    version   INTEGER NOT NULL CHECK (version >= 1),
    width_mm  INTEGER NOT NULL CHECK (width_mm BETWEEN 300 AND 20000),
    height_mm INTEGER NOT NULL CHECK (height_mm BETWEEN 300 AND 10000),
    made_at   TEXT NOT NULL,
    PRIMARY KEY (board_id, version)
) STRICT;

-- A zone (版块) of one layout version. `zone_id` names the zone across versions (the 财务公开
-- zone stays the same zone when it is moved), so what is due carries over a new layout.
CREATE TABLE board_zone (
    board_id            TEXT NOT NULL,
    version             INTEGER NOT NULL,
    zone_id             TEXT NOT NULL,
    position            INTEGER NOT NULL CHECK (position >= 1),
    name                TEXT NOT NULL CHECK (length(trim(name)) > 0),
    x_mm                INTEGER NOT NULL CHECK (x_mm >= 0),
    y_mm                INTEGER NOT NULL CHECK (y_mm >= 0),
    width_mm            INTEGER NOT NULL CHECK (width_mm > 0),
    height_mm           INTEGER NOT NULL CHECK (height_mm > 0),
    cadence             TEXT NOT NULL
        CHECK (cadence IN ('monthly', 'quarterly', 'half_yearly', 'as_needed', 'standing')),
    due_day             INTEGER CHECK (due_day BETWEEN 1 AND 31),
    due_within_days     INTEGER CHECK (due_within_days BETWEEN 1 AND 365),
    due_in_working_days INTEGER NOT NULL DEFAULT 0 CHECK (due_in_working_days IN (0, 1)),
    min_days            INTEGER CHECK (min_days BETWEEN 1 AND 365),
    PRIMARY KEY (board_id, version, zone_id),
    FOREIGN KEY (board_id, version) REFERENCES board_layout (board_id, version) ON DELETE CASCADE,
    CHECK ((cadence IN ('monthly', 'quarterly', 'half_yearly')) = (due_day IS NOT NULL)),
    CHECK ((cadence = 'as_needed') = (due_within_days IS NOT NULL))
) STRICT;

CREATE UNIQUE INDEX board_zone_position ON board_zone (board_id, version, position);

-- A sheet composed in the app: 公示 / 公告 / 通知.
CREATE TABLE composed_sheet (
    id                TEXT PRIMARY KEY NOT NULL,
    kind              TEXT NOT NULL CHECK (kind IN ('gongshi', 'gonggao', 'tongzhi')),
    title             TEXT NOT NULL CHECK (length(trim(title)) > 0),
    body              TEXT NOT NULL,
    -- a table pasted from Excel: {"columns": [..], "rows": [[..], ..]}; NULL: none
    table_json        TEXT CHECK (table_json IS NULL OR json_valid(table_json)),
    -- the notice period (公示期): NULL for a 通知 without one
    period_days       INTEGER CHECK (period_days BETWEEN 1 AND 365),
    period_unit       TEXT CHECK (period_unit IN ('calendar', 'working')),
    objection_phone   TEXT,
    objection_address TEXT,
    issuer            TEXT NOT NULL CHECK (length(trim(issuer)) > 0),
    issued_on         TEXT NOT NULL,
    paper             TEXT NOT NULL CHECK (paper IN ('A4', 'A3')),
    landscape         INTEGER NOT NULL DEFAULT 0 CHECK (landscape IN (0, 1)),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    CHECK ((period_days IS NULL) = (period_unit IS NULL))
) STRICT;

-- One printed sheet on one zone of one board for a period.
-- draft 草稿 → printed 已打印 → posted 已张贴 → taken_down 已撤下 → archived 已归档;
-- 公示期满 is not stored: it is a posted sheet whose notice_to has passed.
CREATE TABLE posting (
    id             TEXT PRIMARY KEY NOT NULL,
    board_id       TEXT NOT NULL,
    layout_version INTEGER NOT NULL,
    zone_id        TEXT NOT NULL,
    -- the posting round it is printed with (e.g. 2026年11月 财务公开, or a payout list's 公示)
    round          TEXT NOT NULL CHECK (length(trim(round)) > 0),
    -- the cadence period it serves (2026-11, 2026-Q4, 2026-H2); NULL for 随时 and 长期 zones
    period         TEXT,
    source         TEXT NOT NULL CHECK (source IN ('payout_notice', 'record', 'composed')),
    payout_list_id TEXT REFERENCES payout_list (id) ON DELETE RESTRICT,
    record_id      TEXT REFERENCES disclosure_record (id) ON DELETE RESTRICT,
    sheet_id       TEXT REFERENCES composed_sheet (id) ON DELETE RESTRICT,
    title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
    -- 登记号, printed in the sheet's footer
    register_no    TEXT NOT NULL UNIQUE,
    notice_from    TEXT NOT NULL,
    notice_to      TEXT NOT NULL,
    status         TEXT NOT NULL
        CHECK (status IN ('draft', 'printed', 'posted', 'taken_down', 'archived')),
    printed_at     TEXT,
    posted_on      TEXT,
    posted_by      TEXT,
    taken_down_on  TEXT,
    archived_at    TEXT,
    -- the posting this one puts up again after an early take-down
    reposts        TEXT REFERENCES posting (id) ON DELETE RESTRICT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    FOREIGN KEY (board_id, layout_version, zone_id)
        REFERENCES board_zone (board_id, version, zone_id) ON DELETE RESTRICT,
    CHECK ((source = 'payout_notice') = (payout_list_id IS NOT NULL)),
    CHECK ((source = 'record') = (record_id IS NOT NULL)),
    CHECK ((source = 'composed') = (sheet_id IS NOT NULL)),
    CHECK (notice_to >= notice_from),
    CHECK ((status IN ('printed', 'posted', 'taken_down', 'archived')) = (printed_at IS NOT NULL)),
    CHECK ((status IN ('posted', 'taken_down', 'archived')) = (posted_on IS NOT NULL AND posted_by IS NOT NULL)
        OR (status = 'archived' AND posted_on IS NULL)),
    CHECK ((status IN ('taken_down', 'archived')) OR taken_down_on IS NULL),
    CHECK (taken_down_on IS NULL OR posted_on IS NULL OR taken_down_on >= posted_on),
    CHECK ((status = 'archived') = (archived_at IS NOT NULL))
) STRICT;

CREATE INDEX posting_board ON posting (board_id, zone_id, period);
CREATE INDEX posting_status ON posting (status, notice_to);
CREATE INDEX posting_round ON posting (round);

-- 异议 received during the notice period, with the answer.
CREATE TABLE posting_objection (
    id          TEXT PRIMARY KEY NOT NULL,
    posting_id  TEXT NOT NULL REFERENCES posting (id) ON DELETE CASCADE,
    received_on TEXT NOT NULL,
    from_whom   TEXT NOT NULL CHECK (length(trim(from_whom)) > 0),
    content     TEXT NOT NULL CHECK (length(trim(content)) > 0),
    answer      TEXT,
    answered_on TEXT,
    recorded_at TEXT NOT NULL,
    CHECK ((answer IS NULL) = (answered_on IS NULL)),
    CHECK (answered_on IS NULL OR answered_on >= received_on)
) STRICT;

-- Photos of posted boards, stored once by the SHA-256 of the stored (downscaled) JPEG.
CREATE TABLE photo (
    sha256         TEXT PRIMARY KEY NOT NULL CHECK (length(sha256) = 64),
    content        BLOB NOT NULL,
    thumbnail      BLOB NOT NULL,
    width          INTEGER NOT NULL CHECK (width > 0),
    height         INTEGER NOT NULL CHECK (height > 0),
    -- the file as the clerk chose it: its name, size and SHA-256 (the same picture added twice
    -- is found by it before decoding)
    original_name  TEXT NOT NULL,
    original_size  INTEGER NOT NULL,
    original_sha256 TEXT NOT NULL CHECK (length(original_sha256) = 64),
    -- EXIF DateTimeOriginal (local time, as the camera wrote it) and GPS, when present
    taken_at       TEXT,
    gps_lat        REAL CHECK (gps_lat BETWEEN -90 AND 90),
    gps_lon        REAL CHECK (gps_lon BETWEEN -180 AND 180),
    added_at       TEXT NOT NULL,
    CHECK ((gps_lat IS NULL) = (gps_lon IS NULL))
) STRICT;

CREATE UNIQUE INDEX photo_original ON photo (original_sha256);

CREATE TABLE posting_photo (
    posting_id TEXT NOT NULL REFERENCES posting (id) ON DELETE CASCADE,
    sha256     TEXT NOT NULL REFERENCES photo (sha256) ON DELETE RESTRICT,
    added_at   TEXT NOT NULL,
    PRIMARY KEY (posting_id, sha256)
) STRICT;

CREATE INDEX posting_photo_photo ON posting_photo (sha256);

-- A layout a posting was placed on is what was printed on its 示意图: frozen.
CREATE TRIGGER board_zone_frozen_update BEFORE UPDATE ON board_zone
WHEN EXISTS (SELECT 1 FROM posting WHERE board_id = OLD.board_id AND layout_version = OLD.version)
BEGIN
    SELECT RAISE(ABORT, '已有张贴的版面不能修改：请另存为新版面');
END;

CREATE TRIGGER board_zone_frozen_delete BEFORE DELETE ON board_zone
WHEN EXISTS (SELECT 1 FROM posting WHERE board_id = OLD.board_id AND layout_version = OLD.version)
BEGIN
    SELECT RAISE(ABORT, '已有张贴的版面不能修改：请另存为新版面');
END;

-- No new posting on a retired board, nor on a layout other than the one in force.
CREATE TRIGGER posting_on_current_layout BEFORE INSERT ON posting
WHEN (SELECT retired_on FROM board WHERE id = NEW.board_id) IS NOT NULL
  OR (SELECT layout_version FROM board WHERE id = NEW.board_id) IS NOT NEW.layout_version
BEGIN
    SELECT RAISE(ABORT, '公开栏已停用或版面已更新：请在现行版面上张贴');
END;

-- Zones lie inside their board and do not overlap. The store checks this first and names the
-- zones in its message; these triggers hold it for any other writer.
CREATE TRIGGER board_zone_inside BEFORE INSERT ON board_zone
WHEN NEW.x_mm + NEW.width_mm > (SELECT width_mm FROM board_layout
                                WHERE board_id = NEW.board_id AND version = NEW.version)
  OR NEW.y_mm + NEW.height_mm > (SELECT height_mm FROM board_layout
                                 WHERE board_id = NEW.board_id AND version = NEW.version)
BEGIN
    SELECT RAISE(ABORT, '版块超出公开栏范围');
END;

CREATE TRIGGER board_zone_apart BEFORE INSERT ON board_zone
WHEN EXISTS (SELECT 1 FROM board_zone z
             WHERE z.board_id = NEW.board_id AND z.version = NEW.version
               AND z.zone_id <> NEW.zone_id
               AND z.x_mm < NEW.x_mm + NEW.width_mm AND NEW.x_mm < z.x_mm + z.width_mm
               AND z.y_mm < NEW.y_mm + NEW.height_mm AND NEW.y_mm < z.y_mm + z.height_mm)
BEGIN
    SELECT RAISE(ABORT, '版块相互重叠');
END;

CREATE TRIGGER board_template_zone_inside BEFORE INSERT ON board_template_zone
WHEN NEW.x_mm + NEW.width_mm > (SELECT width_mm FROM board_template WHERE id = NEW.template_id)
  OR NEW.y_mm + NEW.height_mm > (SELECT height_mm FROM board_template WHERE id = NEW.template_id)
BEGIN
    SELECT RAISE(ABORT, '版块超出公开栏范围');
END;

CREATE TRIGGER board_template_zone_apart BEFORE INSERT ON board_template_zone
WHEN EXISTS (SELECT 1 FROM board_template_zone z
             WHERE z.template_id = NEW.template_id AND z.position <> NEW.position
               AND z.x_mm < NEW.x_mm + NEW.width_mm AND NEW.x_mm < z.x_mm + z.width_mm
               AND z.y_mm < NEW.y_mm + NEW.height_mm AND NEW.y_mm < z.y_mm + z.height_mm)
BEGIN
    SELECT RAISE(ABORT, '版块相互重叠');
END;

-- The templates a township starts from (it edits them; nothing here is a rule). Seeded before
-- the change-log triggers: every installation starts from the same rows, nothing to replay. Boards of
-- 2400 × 1200 mm: no national size exists; large free-standing boards are about 2.5 m wide.
-- Zones hold whole A4 sheets (210 × 297 mm) with 20 mm between them. Cadences: 财务 monthly by
-- the 15th of next month and 村务 quarterly by the 15th of the quarter's first month
-- (Chongqing), 党务 every six months (local rules), ≥10 days on the board (Chongqing).
INSERT INTO board_template (id, name, scope, width_mm, height_mm, note, updated_at) VALUES
  ('sanwu', '三务公开栏（党务·村务·财务）', 'village', 2400, 1200,
   '党务/村务/财务三栏；周期按重庆市实施村委会组织法办法第28—31条，党务半年按地方规定',
   strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('siwu', '四务公开栏（党务·政务·事务·财务）', 'village', 2400, 1200,
   '党务/政务/事务/财务四栏（攀枝花2022年方案）',
   strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('township', '乡镇政务公开栏', 'township', 2400, 1200,
   '便民服务中心政务公开栏：每月集中更新，附便民服务和监督电话',
   strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

INSERT INTO board_template_zone (template_id, position, name, x_mm, y_mm, width_mm, height_mm,
    cadence, due_day, due_within_days, due_in_working_days, min_days) VALUES
  ('sanwu', 1, '党务公开', 60, 120, 700, 940, 'half_yearly', 15, NULL, 0, 10),
  ('sanwu', 2, '村务公开', 850, 120, 700, 940, 'quarterly', 15, NULL, 0, 10),
  ('sanwu', 3, '财务公开', 1640, 120, 700, 940, 'monthly', 15, NULL, 0, 10),
  ('sanwu', 4, '监督电话', 60, 1090, 2280, 80, 'standing', NULL, NULL, 0, NULL),
  ('siwu', 1, '党务公开', 48, 120, 540, 940, 'half_yearly', 15, NULL, 0, 10),
  ('siwu', 2, '政务公开', 636, 120, 540, 940, 'as_needed', NULL, 20, 1, 10),
  ('siwu', 3, '事务公开', 1224, 120, 540, 940, 'quarterly', 15, NULL, 0, 10),
  ('siwu', 4, '财务公开', 1812, 120, 540, 940, 'monthly', 15, NULL, 0, 10),
  ('siwu', 5, '监督电话', 48, 1090, 2304, 80, 'standing', NULL, NULL, 0, NULL),
  ('township', 1, '政务公开', 60, 120, 1400, 940, 'monthly', 10, NULL, 0, 10),
  ('township', 2, '重大事项', 1520, 120, 820, 620, 'as_needed', NULL, 20, 1, 10),
  ('township', 3, '便民服务', 1520, 770, 820, 290, 'standing', NULL, NULL, 0, NULL),
  ('township', 4, '监督电话', 60, 1090, 2280, 80, 'standing', NULL, NULL, 0, NULL);

-- The change log (migration 10's shape): every board table is synced state.

CREATE TRIGGER board_template_log_insert AFTER INSERT ON board_template BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('board_template', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER board_template_log_update AFTER UPDATE ON board_template BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    SELECT 'board_template', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE (OLD.id) IS NOT (NEW.id);
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('board_template', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER board_template_log_delete AFTER DELETE ON board_template BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('board_template', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER board_template_zone_log_insert AFTER INSERT ON board_template_zone BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('board_template_zone', NEW.template_id || '/' || NEW.position, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER board_template_zone_log_update AFTER UPDATE ON board_template_zone BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    SELECT 'board_template_zone', OLD.template_id || '/' || OLD.position, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE (OLD.template_id || '/' || OLD.position) IS NOT (NEW.template_id || '/' || NEW.position);
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('board_template_zone', NEW.template_id || '/' || NEW.position, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER board_template_zone_log_delete AFTER DELETE ON board_template_zone BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('board_template_zone', OLD.template_id || '/' || OLD.position, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER board_log_insert AFTER INSERT ON board BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('board', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER board_log_update AFTER UPDATE ON board BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    SELECT 'board', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE (OLD.id) IS NOT (NEW.id);
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('board', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER board_log_delete AFTER DELETE ON board BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('board', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER board_layout_log_insert AFTER INSERT ON board_layout BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('board_layout', NEW.board_id || '/' || NEW.version, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER board_layout_log_update AFTER UPDATE ON board_layout BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    SELECT 'board_layout', OLD.board_id || '/' || OLD.version, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE (OLD.board_id || '/' || OLD.version) IS NOT (NEW.board_id || '/' || NEW.version);
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('board_layout', NEW.board_id || '/' || NEW.version, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER board_layout_log_delete AFTER DELETE ON board_layout BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('board_layout', OLD.board_id || '/' || OLD.version, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER board_zone_log_insert AFTER INSERT ON board_zone BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('board_zone', NEW.board_id || '/' || NEW.version || '/' || NEW.zone_id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER board_zone_log_update AFTER UPDATE ON board_zone BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    SELECT 'board_zone', OLD.board_id || '/' || OLD.version || '/' || OLD.zone_id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE (OLD.board_id || '/' || OLD.version || '/' || OLD.zone_id) IS NOT (NEW.board_id || '/' || NEW.version || '/' || NEW.zone_id);
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('board_zone', NEW.board_id || '/' || NEW.version || '/' || NEW.zone_id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER board_zone_log_delete AFTER DELETE ON board_zone BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('board_zone', OLD.board_id || '/' || OLD.version || '/' || OLD.zone_id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER composed_sheet_log_insert AFTER INSERT ON composed_sheet BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('composed_sheet', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER composed_sheet_log_update AFTER UPDATE ON composed_sheet BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    SELECT 'composed_sheet', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE (OLD.id) IS NOT (NEW.id);
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('composed_sheet', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER composed_sheet_log_delete AFTER DELETE ON composed_sheet BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('composed_sheet', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER posting_log_insert AFTER INSERT ON posting BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('posting', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER posting_log_update AFTER UPDATE ON posting BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    SELECT 'posting', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE (OLD.id) IS NOT (NEW.id);
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('posting', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER posting_log_delete AFTER DELETE ON posting BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('posting', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER posting_objection_log_insert AFTER INSERT ON posting_objection BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('posting_objection', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER posting_objection_log_update AFTER UPDATE ON posting_objection BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    SELECT 'posting_objection', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE (OLD.id) IS NOT (NEW.id);
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('posting_objection', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER posting_objection_log_delete AFTER DELETE ON posting_objection BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('posting_objection', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER photo_log_insert AFTER INSERT ON photo BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('photo', NEW.sha256, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER photo_log_update AFTER UPDATE ON photo BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    SELECT 'photo', OLD.sha256, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE (OLD.sha256) IS NOT (NEW.sha256);
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('photo', NEW.sha256, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER photo_log_delete AFTER DELETE ON photo BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('photo', OLD.sha256, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER posting_photo_log_insert AFTER INSERT ON posting_photo BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('posting_photo', NEW.posting_id || '/' || NEW.sha256, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER posting_photo_log_update AFTER UPDATE ON posting_photo BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    SELECT 'posting_photo', OLD.posting_id || '/' || OLD.sha256, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE (OLD.posting_id || '/' || OLD.sha256) IS NOT (NEW.posting_id || '/' || NEW.sha256);
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('posting_photo', NEW.posting_id || '/' || NEW.sha256, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER posting_photo_log_delete AFTER DELETE ON posting_photo BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('posting_photo', OLD.posting_id || '/' || OLD.sha256, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

