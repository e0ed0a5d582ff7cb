-- 依申请公开: applications for government information from receipt to reply (条例第二十七条至
-- 第四十五条). The rules are gongkai-requests'; the API checks the order of the steps first and
-- gives the reason, the checks here hold whatever code writes. Applicants are personal data:
-- these tables are local to the township's PC, never synced (tables.rs), and an ID number is
-- kept only as an HMAC under the installation key and in masked form.

CREATE TABLE info_request (
    id               TEXT PRIMARY KEY NOT NULL,
    -- 登记号: the year of receipt and its running number (依申〔2026〕3号).
    year             INTEGER NOT NULL,
    serial           INTEGER NOT NULL CHECK (serial > 0),
    channel          TEXT NOT NULL CHECK (channel IN
        ('in_person', 'mail_signed', 'mail_unsigned', 'online', 'fax', 'oral')),
    -- The day it arrived and, for 平常信函/网络/传真, the day of confirmation (art. 31).
    arrived_on       TEXT NOT NULL,
    confirmed_on     TEXT,
    received_on      TEXT NOT NULL CHECK (received_on >= arrived_on),
    applicant_kind   TEXT NOT NULL CHECK (applicant_kind IN ('natural_person', 'commercial',
        'research', 'public_welfare', 'legal_service', 'other_org')),
    applicant_name   TEXT NOT NULL CHECK (length(trim(applicant_name)) > 0),
    contact          TEXT NOT NULL,
    address          TEXT NOT NULL,
    -- HMAC-SHA256 (hex) of the full ID number and its masked form; never the number itself.
    id_hash          TEXT CHECK (id_hash IS NULL OR length(id_hash) = 64),
    id_masked        TEXT,
    -- What is asked (名称、文号或描述) and the form wanted (提供形式、获取方式).
    subject          TEXT NOT NULL CHECK (length(trim(subject)) > 0),
    description      TEXT NOT NULL,
    form_wanted      TEXT NOT NULL,
    -- 补正 (art. 30): once; the period restarts when the correction arrives.
    correction_notice_on TEXT,
    correction_items     TEXT,
    correction_deadline  TEXT,
    corrected_on         TEXT,
    -- 延期 (art. 33 ¶2): once, ≤ 20 working days, approved by the head of the 公开工作机构.
    extension_notice_on  TEXT,
    extension_approver   TEXT,
    extension_workdays   INTEGER CHECK (extension_workdays BETWEEN 1 AND 20),
    extension_reason     TEXT,
    -- 信息处理费 (国办函〔2020〕109号).
    fee_method       TEXT CHECK (fee_method IN ('per_request', 'per_page')),
    fee_amount_fen   INTEGER CHECK (fee_amount_fen > 0),
    fee_basis        TEXT,
    fee_notice_on    TEXT,
    fee_delivered_on TEXT,
    fee_paid_on      TEXT,
    -- The reply: outcome kind and ground (gongkai-requests keys), the 表三 row it counts in,
    -- what the letter adds, the date; final only through the review gate below.
    outcome_kind     TEXT CHECK (outcome_kind IN
        ('granted', 'partial', 'denied', 'unable', 'not_processed', 'other')),
    outcome_ground   TEXT,
    result_row       TEXT,
    reply_note       TEXT,
    replied_on       TEXT,
    reply_final      INTEGER NOT NULL DEFAULT 0 CHECK (reply_final IN (0, 1)),
    -- 送达.
    delivery_method  TEXT,
    delivered_on     TEXT,
    -- The due date as last counted, for lists; the request's own dates decide.
    due_on           TEXT,
    calendar_version TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    UNIQUE (year, serial),
    CHECK ((id_hash IS NULL) = (id_masked IS NULL)),
    CHECK ((confirmed_on IS NULL) = (channel NOT IN ('mail_unsigned', 'online', 'fax'))),
    CHECK ((correction_notice_on IS NULL) = (correction_deadline IS NULL)),
    CHECK (correction_notice_on IS NULL OR
        (correction_notice_on >= received_on AND correction_deadline > correction_notice_on)),
    CHECK (corrected_on IS NULL OR corrected_on >= correction_notice_on),
    CHECK ((extension_notice_on IS NULL) = (extension_workdays IS NULL)),
    CHECK (extension_notice_on IS NULL OR length(trim(extension_approver)) > 0),
    CHECK ((fee_notice_on IS NULL) = (fee_amount_fen IS NULL)),
    CHECK (fee_paid_on IS NULL OR fee_paid_on >= fee_delivered_on),
    CHECK ((outcome_kind IS NULL) = (replied_on IS NULL)),
    CHECK ((outcome_kind IS NULL) = (result_row IS NULL)),
    CHECK (replied_on IS NULL OR replied_on >= received_on),
    CHECK (reply_final = 0 OR outcome_kind IS NOT NULL),
    CHECK (delivered_on IS NULL OR (reply_final = 1 AND delivered_on >= replied_on
        AND length(trim(delivery_method)) > 0))
) STRICT;

CREATE INDEX info_request_received ON info_request (received_on);
CREATE INDEX info_request_replied ON info_request (replied_on) WHERE replied_on IS NOT NULL;
CREATE INDEX info_request_id_hash ON info_request (id_hash) WHERE id_hash IS NOT NULL;

-- 征求第三方 / 其他机关意见 (arts. 32, 34): each holds the clock until answered (15 working days
-- at most).
CREATE TABLE request_consultation (
    request_id  TEXT NOT NULL REFERENCES info_request (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL CHECK (seq >= 0),
    party       TEXT NOT NULL CHECK (party IN ('third_party', 'other_agency')),
    party_name  TEXT NOT NULL CHECK (length(trim(party_name)) > 0),
    sent_on     TEXT NOT NULL,
    answered_on TEXT CHECK (answered_on IS NULL OR answered_on >= sent_on),
    opinion     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (request_id, seq)
) STRICT;

-- Scans of the application and of the applicant's ID, kept in the database like a record's
-- attachments.
CREATE TABLE request_attachment (
    id         TEXT PRIMARY KEY NOT NULL,
    request_id TEXT NOT NULL REFERENCES info_request (id) ON DELETE CASCADE,
    role       TEXT NOT NULL CHECK (role IN ('application', 'id_document', 'other')),
    file_name  TEXT NOT NULL,
    sha256     TEXT NOT NULL,
    size       INTEGER NOT NULL,
    content    BLOB NOT NULL,
    added_at   TEXT NOT NULL
) STRICT;

CREATE INDEX request_attachment_request ON request_attachment (request_id);

-- 三审 and 保密审查 of the reply, append-only as a record's are: a changed reply clears them.
CREATE TABLE request_review (
    seq         INTEGER PRIMARY KEY,
    request_id  TEXT NOT NULL REFERENCES info_request (id) ON DELETE CASCADE,
    stage       TEXT NOT NULL CHECK (stage IN ('draft', 'review', 'approve')),
    person_id   TEXT NOT NULL,
    person_name TEXT NOT NULL,
    decided_on  TEXT NOT NULL,
    opinion     TEXT NOT NULL,
    passed      INTEGER NOT NULL CHECK (passed IN (0, 1)),
    cleared     INTEGER NOT NULL DEFAULT 0 CHECK (cleared IN (0, 1)),
    recorded_at TEXT NOT NULL
) STRICT;

CREATE UNIQUE INDEX request_review_in_force ON request_review (request_id, stage) WHERE cleared = 0;

CREATE TABLE request_secrecy (
    seq           INTEGER PRIMARY KEY,
    request_id    TEXT NOT NULL REFERENCES info_request (id) ON DELETE CASCADE,
    reviewer_id   TEXT NOT NULL,
    reviewer_name TEXT NOT NULL,
    decided_on    TEXT NOT NULL,
    answers       TEXT NOT NULL,
    opinion       TEXT NOT NULL,
    passed        INTEGER NOT NULL CHECK (passed IN (0, 1)),
    cleared       INTEGER NOT NULL DEFAULT 0 CHECK (cleared IN (0, 1)),
    recorded_at   TEXT NOT NULL
) STRICT;

CREATE UNIQUE INDEX request_secrecy_in_force ON request_secrecy (request_id) WHERE cleared = 0;

-- The review gate, held by the database itself: a reply is final only with all three review
-- levels and a passed secrecy check in force; a final reply is what the applicant received.
CREATE TRIGGER request_reply_final_needs_controls BEFORE UPDATE OF reply_final ON info_request
WHEN NEW.reply_final = 1 AND OLD.reply_final = 0 AND (
    (SELECT count(*) FROM request_review
     WHERE request_id = NEW.id AND cleared = 0 AND passed = 1) < 3
    OR NOT EXISTS (SELECT 1 FROM request_secrecy
     WHERE request_id = NEW.id AND cleared = 0 AND passed = 1))
BEGIN
    SELECT RAISE(ABORT, '答复未完成三审和保密审查，不能定稿');
END;

CREATE TRIGGER request_final_reply_frozen BEFORE UPDATE OF outcome_kind, outcome_ground,
    result_row, reply_note, replied_on ON info_request
WHEN OLD.reply_final = 1 AND (NEW.outcome_kind IS NOT OLD.outcome_kind
    OR NEW.outcome_ground IS NOT OLD.outcome_ground OR NEW.result_row IS NOT OLD.result_row
    OR NEW.reply_note IS NOT OLD.reply_note OR NEW.replied_on IS NOT OLD.replied_on)
BEGIN
    SELECT RAISE(ABORT, '答复已定稿，不能修改');
END;

-- Art. 44: several applicants asked for the same information, and the township decided to
-- disclose it proactively as this record.
CREATE TABLE request_proactive (
    request_id TEXT PRIMARY KEY NOT NULL REFERENCES info_request (id) ON DELETE CASCADE,
    record_id  TEXT NOT NULL REFERENCES disclosure_record (id),
    decided_on TEXT NOT NULL
) STRICT;

-- The township's choices where the 条例 leaves room ([M] points), with the common defaults,
-- and where a reply's remedy clause sends the applicant (blank: the county's 人民政府/人民法院).
CREATE TABLE request_setting (
    singleton          INTEGER PRIMARY KEY CHECK (singleton = 1),
    due_soon_workdays  INTEGER NOT NULL DEFAULT 5 CHECK (due_soon_workdays BETWEEN 0 AND 20),
    fee_pauses_clock   INTEGER NOT NULL DEFAULT 1 CHECK (fee_pauses_clock IN (0, 1)),
    extension_notice_within_period INTEGER NOT NULL DEFAULT 1
        CHECK (extension_notice_within_period IN (0, 1)),
    review_body        TEXT NOT NULL DEFAULT '',
    court              TEXT NOT NULL DEFAULT '',
    updated_at         TEXT NOT NULL
) STRICT;
