//! The yearly work plan through the commands: a table shaped like seed 000's imported into a
//! real database (from Excel and from Word), refusals that write nothing, progress with
//! evidence, due states on the 待办 home, each task's 年终小结 in the annual report's section 一.

#[path = "../../gongkai-plan/tests/support/seed000.rs"]
mod seed000;
mod support;

use chrono::{Datelike, Days, Local, NaiveDate};
use gongkai_api::Api;
use gongkai_api::wire::{
    IdArgs, NoArgs, PlanDueState, PlanEvidenceSaveArgs, PlanImportArgs, PlanListArgs,
    PlanProgressArgs, PlanScheduleKind, PlanStatus, PlanSummaryArgs, PlanTaskInput,
    PlanYearEndOutcome, ReportYearArgs, TodoKind,
};
use tempfile::TempDir;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn table(
    dir: &TempDir,
    name: &str,
    time_nodes: &[(u32, &str)],
) -> Result<String, Box<dyn std::error::Error>> {
    let path = dir.path().join(name);
    std::fs::write(&path, seed000::workbook(true, time_nodes)?)?;
    Ok(path.display().to_string())
}

fn import(
    api: &Api,
    path: &str,
    dry_run: bool,
    replace: bool,
) -> Result<gongkai_api::wire::PlanImportReport, gongkai_api::ApiError> {
    api.plan_import(PlanImportArgs {
        path: path.to_owned(),
        year: None,
        replace,
        dry_run,
    })
}

fn today() -> NaiveDate {
    Local::now().date_naive()
}

#[test]
fn seed_000s_table_is_imported_whole() -> TestResult {
    let dir = TempDir::new()?;
    let api = support::demo(&dir);
    let path = table(&dir, "2021年任务分解表.xlsx", &[])?;

    let preview = import(&api, &path, true, false)?;
    assert!(!preview.written);
    assert_eq!((preview.year, preview.tasks.len()), (2021, 29));
    assert_eq!(
        api.plan_list(PlanListArgs { year: Some(2021) })?
            .tasks
            .len(),
        0,
        "a dry run writes nothing"
    );

    let report = import(&api, &path, false, false)?;
    assert!(report.written);
    let list = api.plan_list(PlanListArgs::default())?;
    assert_eq!(list.year, Some(2021), "the only year with a plan");
    assert_eq!(list.tasks.len(), 29);
    let task = &list.tasks[25];
    assert_eq!((task.seq, task.name.as_str()), (26, "切实提高工作培训实效"));
    assert_eq!(
        (task.office.as_str(), task.person.as_str()),
        ("党政办", "张伟")
    );
    assert_eq!(task.evidence_required, "培训通知、签到表、照片");
    assert_eq!(
        (task.due_on.as_str(), task.schedule),
        ("2021-10-31", PlanScheduleKind::Deadline)
    );
    assert_eq!(task.source, "2021年任务分解表.xlsx");
    // 2021 is over: every task not done is late, by its own last date.
    assert!(list.tasks.iter().all(|t| t.due_state == PlanDueState::Late));
    assert_eq!(list.late, 29);
    assert_eq!(list.tasks[0].schedule, PlanScheduleKind::YearRound);
    assert_eq!(list.tasks[0].state_due_on.as_deref(), Some("2021-12-31"));

    let again = import(&api, &path, false, false)
        .err()
        .map(|e| e.message)
        .unwrap_or_default();
    assert!(again.contains("已经导入（29 项任务）"), "{again}");
    Ok(())
}

#[test]
fn a_bad_table_is_refused_naming_each_place_and_nothing_is_written() -> TestResult {
    let dir = TempDir::new()?;
    let api = support::demo(&dir);
    let path = table(
        &dir,
        "任务分解表.xlsx",
        &[(3, "尽快"), (29, "本要点印发后20日内")],
    )?;
    let error = import(&api, &path, false, false).err().ok_or("imported")?;
    assert_eq!(error.code, "invalid_input");
    assert!(
        error
            .message
            .starts_with("“任务分解表.xlsx”未导入，有 2 处问题"),
        "{}",
        error.message
    );
    assert!(
        error
            .message
            .contains("工作表“任务分解表”第 5 行 F 列（时间节点）：无法识别时间节点“尽快”"),
        "{}",
        error.message
    );
    assert!(
        error.message.contains("第 35 行 F 列（时间节点）"),
        "{}",
        error.message
    );
    assert!(
        api.plan_list(PlanListArgs::default())?.years.is_empty(),
        "nothing written"
    );

    let not_a_table = dir.path().join("空.xlsx");
    std::fs::write(&not_a_table, b"PK\x03\x04 not really")?;
    let error = import(&api, &not_a_table.display().to_string(), false, false)
        .err()
        .ok_or("imported")?;
    assert!(error.message.contains("空.xlsx"), "{}", error.message);
    Ok(())
}

#[test]
fn seed_000s_word_document_is_imported_like_the_workbook() -> TestResult {
    let dir = TempDir::new()?;
    let api = support::demo(&dir);
    let path = dir.path().join(seed000::DOCUMENT_NAME);
    std::fs::write(&path, seed000::document(&[], false)?)?;
    let path = path.display().to_string();

    let preview = import(&api, &path, true, false)?;
    assert_eq!(
        (preview.year, preview.sheet.as_str(), preview.tasks.len()),
        (2021, "表格2", 29)
    );
    assert!(api.plan_list(PlanListArgs::default())?.years.is_empty());
    import(&api, &path, false, false)?;
    let list = api.plan_list(PlanListArgs { year: Some(2021) })?;
    assert_eq!(list.tasks.len(), 29);
    let task = &list.tasks[12];
    assert_eq!(
        (task.seq, task.office.as_str(), task.time_node.as_str()),
        (13, "党政办", "全年")
    );
    assert_eq!(task.source, seed000::DOCUMENT_NAME);
    assert_eq!(
        list.tasks[6].content,
        seed000::TASKS[6].2,
        "one cell over 任务名称 and 任务内容 is the content"
    );
    Ok(())
}

#[test]
fn a_bad_word_document_is_refused_naming_its_places_and_nothing_is_written() -> TestResult {
    let dir = TempDir::new()?;
    let api = support::demo(&dir);
    let path = dir.path().join("任务分解表.docx");
    std::fs::write(&path, seed000::document(&[(5, "尽快")], true)?)?;
    let error = import(&api, &path.display().to_string(), false, false)
        .err()
        .ok_or("imported")?;
    assert!(
        error
            .message
            .starts_with("“任务分解表.docx”未导入，有 1 处问题")
            && error
                .message
                .contains("表格2 第 7 行第 6 列（时间节点）：无法识别时间节点“尽快”"),
        "{}",
        error.message
    );

    let mut text_only = gongkai_docx::Document::new("通知");
    text_only.push(gongkai_docx::Paragraph::body(
        "各村：请于10月底前报送政务公开工作要点落实情况。",
    ));
    let letter = dir.path().join("通知.docx");
    std::fs::write(&letter, text_only.to_bytes()?)?;
    let error = import(&api, &letter.display().to_string(), true, false)
        .err()
        .ok_or("read")?;
    assert!(
        error
            .message
            .contains("Word 文件“通知.docx”中没有表格：任务分解表须用 Word 的表格制作"),
        "{}",
        error.message
    );
    assert!(
        api.plan_list(PlanListArgs::default())?.years.is_empty(),
        "nothing written"
    );
    Ok(())
}

#[test]
fn progress_with_evidence_moves_a_task_and_blocks_a_replace() -> TestResult {
    let dir = TempDir::new()?;
    let api = support::demo(&dir);
    let path = table(&dir, "任务分解表.xlsx", &[])?;
    import(&api, &path, false, false)?;
    let list = api.plan_list(PlanListArgs { year: Some(2021) })?;
    let task = list.tasks.iter().find(|t| t.seq == 26).ok_or("task 26")?;

    let evidence = dir.path().join("签到表.pdf");
    std::fs::write(&evidence, b"%PDF-1.4 sign-in sheet")?;
    let detail = api.plan_progress(PlanProgressArgs {
        task_id: task.id.clone(),
        status: PlanStatus::Done,
        note: "10月15日开展全镇政务公开培训".into(),
        noted_on: Some("2021-10-15".into()),
        evidence: vec![evidence.display().to_string()],
    })?;
    assert_eq!(detail.task.status, PlanStatus::Done);
    assert_eq!(detail.task.due_state, PlanDueState::Done);
    assert_eq!(detail.task.done_on.as_deref(), Some("2021-10-15"));
    assert_eq!(detail.notes.len(), 1);
    assert_eq!(detail.notes[0].evidence[0].file_name, "签到表.pdf");

    let out = dir.path().join("导出的签到表.pdf");
    api.plan_evidence_save(PlanEvidenceSaveArgs {
        id: detail.notes[0].evidence[0].id.clone(),
        out: out.display().to_string(),
    })?;
    assert_eq!(std::fs::read(&out)?, b"%PDF-1.4 sign-in sheet");

    let refused = api.plan_progress(PlanProgressArgs {
        task_id: task.id.clone(),
        status: PlanStatus::InProgress,
        note: "".into(),
        noted_on: None,
        evidence: vec![dir.path().join("不存在.pdf").display().to_string()],
    });
    assert!(refused.is_err());
    assert_eq!(
        api.plan_task_get(IdArgs {
            id: task.id.clone()
        })?
        .notes
        .len(),
        1,
        "nothing written"
    );

    let future = today().checked_add_days(Days::new(3)).ok_or("date")?;
    let refused = api.plan_progress(PlanProgressArgs {
        task_id: task.id.clone(),
        status: PlanStatus::InProgress,
        note: "提前写".into(),
        noted_on: Some(future.to_string()),
        evidence: vec![],
    });
    assert!(refused.err().is_some_and(|e| e.message.contains("在今天")));

    let replace = import(&api, &path, false, true)
        .err()
        .map(|e| e.message)
        .unwrap_or_default();
    assert!(replace.contains("1 项任务记录了进展"), "{replace}");
    Ok(())
}

#[test]
fn tasks_late_or_due_soon_are_on_the_todo_home() -> TestResult {
    let dir = TempDir::new()?;
    let api = support::demo(&dir);
    let today = today();
    let year = today.year();
    let late_on = today.checked_sub_days(Days::new(3)).ok_or("date")?;
    let soon_on = today.checked_add_days(Days::new(5)).ok_or("date")?;
    let later_on = today.checked_add_days(Days::new(60)).ok_or("date")?;
    let typed = |name: &str, node: NaiveDate| PlanTaskInput {
        id: None,
        year: node.year(),
        seq: None,
        section: None,
        name: name.into(),
        content: String::new(),
        office: "党政办".into(),
        person: "李明".into(),
        time_node: format!("{}年{}月{}日", node.year(), node.month(), node.day()),
        evidence_required: String::new(),
    };
    let late = api.plan_task_save(typed("公开年度报告", late_on))?;
    assert_eq!(late.task.source, "手工录入");
    let soon = api.plan_task_save(typed("更新标准目录", soon_on))?;
    api.plan_task_save(typed("年中检查", later_on))?;
    assert_eq!(
        soon.task.seq,
        if soon_on.year() == late_on.year() {
            2
        } else {
            1
        }
    );

    let home = api.home_todo(NoArgs {})?;
    let plan: Vec<_> = home
        .rows
        .iter()
        .filter(|r| matches!(r.kind, TodoKind::PlanLate | TodoKind::PlanDueSoon))
        .collect();
    assert_eq!(plan.len(), 2, "{plan:#?}");
    assert_eq!(plan[0].kind, TodoKind::PlanLate);
    assert_eq!(plan[0].target_id.as_deref(), Some(late.task.id.as_str()));
    assert!(
        plan[0].detail.contains("已逾期 3 天") && plan[0].detail.contains("党政办 李明"),
        "{}",
        plan[0].detail
    );
    assert_eq!(plan[0].screen, "/plan");
    assert_eq!(plan[1].kind, TodoKind::PlanDueSoon);
    assert!(plan[1].detail.contains("还剩 5 天"), "{}", plan[1].detail);

    api.plan_progress(PlanProgressArgs {
        task_id: late.task.id.clone(),
        status: PlanStatus::Done,
        note: "已公开".into(),
        noted_on: None,
        evidence: vec![],
    })?;
    let home = api.home_todo(NoArgs {})?;
    assert!(
        !home.rows.iter().any(|r| r.kind == TodoKind::PlanLate),
        "done leaves the home"
    );
    assert!(
        api.plan_list(PlanListArgs { year: Some(year) })?
            .years
            .iter()
            .any(|y| y.year == year)
    );

    let bad = api.plan_task_save(PlanTaskInput {
        time_node: "尽快".into(),
        ..typed("甲", later_on)
    });
    assert!(
        bad.err()
            .is_some_and(|e| e.message.contains("无法识别时间节点“尽快”"))
    );
    Ok(())
}

#[test]
fn each_tasks_year_end_summary_is_drafted_written_and_told_in_the_report() -> TestResult {
    let dir = TempDir::new()?;
    let api = support::demo(&dir);
    import(&api, &table(&dir, "任务分解表.xlsx", &[])?, false, false)?;
    let list = api.plan_list(PlanListArgs { year: Some(2021) })?;
    let id_of = |seq: u32| {
        list.tasks
            .iter()
            .find(|t| t.seq == seq)
            .map(|t| t.id.clone())
            .unwrap_or_default()
    };
    let evidence = dir.path().join("签到表.pdf");
    std::fs::write(&evidence, b"%PDF-1.4 sign-in sheet")?;
    api.plan_progress(PlanProgressArgs {
        task_id: id_of(26),
        status: PlanStatus::Done,
        note: "10月15日开展全镇政务公开培训".into(),
        noted_on: Some("2021-10-15".into()),
        evidence: vec![evidence.display().to_string()],
    })?;
    let progressed = api.plan_progress(PlanProgressArgs {
        task_id: id_of(16),
        status: PlanStatus::InProgress,
        note: "已梳理决策事项".into(),
        noted_on: Some("2021-06-01".into()),
        evidence: vec![],
    })?;
    assert_eq!(progressed.year_end.outcome, PlanYearEndOutcome::InProgress);

    let done = api.plan_task_get(IdArgs { id: id_of(26) })?.year_end;
    assert_eq!(done.outcome, PlanYearEndOutcome::Done);
    assert!(!done.written);
    assert_eq!(
        done.summary,
        "已于10月15日完成。10月15日开展全镇政务公开培训。留存佐证材料 1 份。"
    );
    assert_eq!(done.summary, done.draft);

    let written = api.plan_summary_save(PlanSummaryArgs {
        task_id: id_of(16),
        summary: "  已梳理重大行政决策事项 12 项，目录待 2022 年初发布。\n".into(),
    })?;
    assert!(written.year_end.written);
    assert_eq!(
        written.year_end.summary,
        "已梳理重大行政决策事项 12 项，目录待 2022 年初发布。"
    );
    assert_eq!(
        written.year_end.draft,
        "推进中，全年记录进展 1 次。最近一次6月1日：已梳理决策事项。未留存佐证材料。"
    );

    let overview = api
        .report_build(ReportYearArgs { year: Some(2021) })?
        .overview_suggestion;
    for line in [
        "对照2021年政务公开工作要点任务分解表，全年共 29 项任务，已完成 1 项，推进中 1 项，未开展 27 项。",
        "16. 实行重大行政决策事项目录管理（推进中）：已梳理重大行政决策事项 12 项，目录待 2022 年初发布。",
        "26. 切实提高工作培训实效（已完成）：已于10月15日完成。10月15日开展全镇政务公开培训。留存佐证材料 1 份。",
        "1. 规范行政法规权威文本使用（未开展）：年内未记录进展。",
    ] {
        assert!(overview.contains(line), "{line}\n{overview}");
    }
    let other_year = api
        .report_build(ReportYearArgs { year: Some(2022) })?
        .overview_suggestion;
    assert!(!other_year.contains("工作要点任务分解表"), "{other_year}");

    let cleared = api.plan_summary_save(PlanSummaryArgs {
        task_id: id_of(16),
        summary: " ".into(),
    })?;
    assert!(!cleared.year_end.written, "blank goes back to the draft");
    assert_eq!(cleared.year_end.summary, cleared.year_end.draft);
    assert!(
        api.plan_summary_save(PlanSummaryArgs {
            task_id: "任务".into(),
            summary: "x".into(),
        })
        .is_err()
    );
    Ok(())
}
