-- A plan task's 年终小结 (issue 14: "a year-end summary per task feeds section 一 of the annual
-- report draft"): what the clerk wrote of the task at its year's end. NULL until written; the
-- plan screen and the report's section 一 then show a draft made from the task's notes
-- (gongkai-plan year_end). Part of the task's row, so synced with it (migration 20's triggers).

ALTER TABLE plan_task ADD COLUMN year_end_summary TEXT
    CHECK (year_end_summary IS NULL OR length(trim(year_end_summary)) > 0);
