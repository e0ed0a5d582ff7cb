-- Defaults of the payout notices, per 补贴项目: the length of the 公示期 and what the footer
-- names (监督举报电话, 制表人, 审核人). The post, print and archive commands fall back to them
-- when the clerk gives none; the dialogs show them prefilled. project '' holds the default for
-- projects without a row of their own.
--
-- Local to this installation (tables.rs): what a notice actually carried is kept with the
-- archived notice itself (payout_archive_file), so these defaults never need to travel.
CREATE TABLE payout_notice_setting (
    project     TEXT PRIMARY KEY NOT NULL,
    notice_days INTEGER NOT NULL CHECK (notice_days BETWEEN 1 AND 365),
    hotline     TEXT CHECK (hotline IS NULL OR length(trim(hotline)) > 0),
    prepared_by TEXT CHECK (prepared_by IS NULL OR length(trim(prepared_by)) > 0),
    reviewed_by TEXT CHECK (reviewed_by IS NULL OR length(trim(reviewed_by)) > 0),
    updated_at  TEXT NOT NULL
) STRICT;
