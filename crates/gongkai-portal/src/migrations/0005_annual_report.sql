-- Annual reports (政府信息公开工作年度报告): a township's record that carries its 表三
-- (`annual_report` in the record payload), kept at push time like `board_posting`, so the
-- township page lists the reports and `stats --json` sums 表三 without parsing entries.
-- `table3` is the figures as checked (`AnnualReportFigures`: year, column and row keys with
-- labels, every cell), as JSON. One row per record in force; none once it is withdrawn.

CREATE TABLE annual_report (
    township    TEXT NOT NULL,
    object_id   TEXT NOT NULL,
    year        INTEGER NOT NULL,
    title       TEXT NOT NULL,
    published_on TEXT NOT NULL,
    -- The report's PDF among the record's attachments, linked from the township page.
    pdf_sha256  TEXT,
    pdf_name    TEXT,
    table3      TEXT NOT NULL,
    PRIMARY KEY (township, object_id),
    FOREIGN KEY (township, object_id) REFERENCES object_head (township, object_id)
) STRICT;

CREATE INDEX annual_report_year ON annual_report (year, township);
