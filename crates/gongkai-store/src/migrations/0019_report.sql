-- 19 report: the annual report (政府信息公开工作年度报告) of each year as the clerk drafts it, and
-- the administrative reviews and lawsuits about disclosure that feed its 表四.
-- 表三 and 表二's 规范性文件 are counted from the requests and the document library when the
-- report is built; only what has no other source is kept here.

CREATE TABLE annual_report (
    year                  INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2999),
    -- 一、总体情况; 五、存在的主要问题及改进情况; 六、其他需要报告的事项 (prose).
    overview              TEXT NOT NULL DEFAULT '',
    problems_text         TEXT NOT NULL DEFAULT '',
    other_text            TEXT NOT NULL DEFAULT '',
    -- The information-processing fee section 六 states, in fen; NULL until the clerk says.
    stated_fees_fen       INTEGER CHECK (stated_fees_fen >= 0),
    -- 表二 counts a township enters: 规章 (almost always none), 第二十条第（五）（六）（八）项.
    regulations_issued    INTEGER NOT NULL DEFAULT 0 CHECK (regulations_issued >= 0),
    regulations_repealed  INTEGER NOT NULL DEFAULT 0 CHECK (regulations_repealed >= 0),
    regulations_in_force  INTEGER NOT NULL DEFAULT 0 CHECK (regulations_in_force >= 0),
    licensing_decisions   INTEGER NOT NULL DEFAULT 0 CHECK (licensing_decisions >= 0),
    penalty_decisions     INTEGER NOT NULL DEFAULT 0 CHECK (penalty_decisions >= 0),
    enforcement_decisions INTEGER NOT NULL DEFAULT 0 CHECK (enforcement_decisions >= 0),
    admin_fees_fen        INTEGER NOT NULL DEFAULT 0 CHECK (admin_fees_fen >= 0),
    -- The disclosure record the report was published as, once exported as final, and the
    -- tables as they were then (JSON), which next year's report compares with.
    record_id             TEXT REFERENCES disclosure_record (id),
    final_tables          TEXT,
    finalized_at          TEXT,
    updated_at            TEXT NOT NULL,
    CHECK ((final_tables IS NULL) = (finalized_at IS NULL))
);

CREATE TABLE disclosure_case (
    id           TEXT PRIMARY KEY,
    -- 表四's groups: 行政复议, 行政诉讼 未经复议直接起诉, 复议后起诉.
    kind         TEXT NOT NULL CHECK (kind IN ('review', 'lit_direct', 'lit_after_review')),
    case_number  TEXT NOT NULL DEFAULT '',
    subject      TEXT NOT NULL CHECK (length(trim(subject)) > 0),
    filed_on     TEXT NOT NULL CHECK (filed_on = date(filed_on)),
    -- Decided with an outcome, or still pending (neither set).
    outcome      TEXT CHECK (outcome IN ('upheld', 'corrected', 'other')),
    decided_on   TEXT CHECK (decided_on = date(decided_on)),
    note         TEXT NOT NULL DEFAULT '',
    updated_at   TEXT NOT NULL,
    CHECK ((outcome IS NULL) = (decided_on IS NULL)),
    CHECK (decided_on IS NULL OR decided_on >= filed_on)
);

CREATE INDEX disclosure_case_filed ON disclosure_case (filed_on);
