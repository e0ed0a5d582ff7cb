//! Section 一 (总体情况) as a first draft: the year's figures from the data that exists —
//! the 工作要点's tasks with their outcome and 年终小结, records published by domain, payout
//! lists posted, boards kept, requests received and answered — in the five parts the format
//! asks for (主动公开、依申请公开、政府信息管理、平台建设、监督保障). The clerk rewrites it; the
//! parts without data say what to add.

use gongkai_report::{CARRIED_OVER, CARRY_FORWARD, Format, NEW_RECEIVED, RESULTS_TOTAL, Report};
use gongkai_store::YearActivity;

use crate::plan::TaskYearEnd;
use crate::wire::PlanYearEndOutcome;

pub(crate) fn suggestion(
    township: &str,
    year: i32,
    activity: &YearActivity,
    plan: &[TaskYearEnd],
    report: &Report,
    format: &Format,
) -> String {
    let mut parts = vec![format!(
        "{year}年，{township}认真贯彻落实《中华人民共和国政府信息公开条例》，按照上级政务公开工作要点，扎实推进政府信息公开工作。现将有关情况报告如下。"
    )];
    parts.extend(work_plan(year, plan));
    parts.push(proactive(activity));
    parts.push(on_request(report, format));
    parts.push(
        "（三）政府信息管理。（请补充：公开属性认定、保密审查、三审程序的执行情况。）".to_owned(),
    );
    parts.push(
        "（四）政府信息公开平台建设。（请补充：政府网站、公开栏、政务新媒体等平台的建设和维护情况。）"
            .to_owned(),
    );
    parts.push("（五）监督保障。（请补充：组织领导、培训、考核和监督情况。）".to_owned());
    parts.join("\n")
}

/// The year's 工作要点: how many tasks ended how, then each task with its outcome and 年终小结.
/// Nothing when the year has no plan.
fn work_plan(year: i32, plan: &[TaskYearEnd]) -> Vec<String> {
    if plan.is_empty() {
        return Vec::new();
    }
    let counts: Vec<String> = PlanYearEndOutcome::ALL
        .iter()
        .map(|outcome| {
            let n = plan
                .iter()
                .filter(|t| t.year_end.outcome == *outcome)
                .count();
            (outcome, n)
        })
        .filter(|(_, n)| *n > 0)
        .map(|(outcome, n)| format!("{} {n} 项", outcome.label()))
        .collect();
    let mut lines = vec![format!(
        "对照{year}年政务公开工作要点任务分解表，全年共 {} 项任务，{}。各项任务落实情况如下：",
        plan.len(),
        counts.join("，")
    )];
    lines.extend(plan.iter().map(|t| {
        format!(
            "{}. {}（{}）：{}",
            t.seq,
            t.name,
            t.year_end.outcome.label(),
            t.year_end.summary
        )
    }));
    lines
}

fn proactive(activity: &YearActivity) -> String {
    let published: u32 = activity.records_by_domain.iter().map(|(_, n)| n).sum();
    let mut text = format!("（一）主动公开。全年主动公开政府信息 {published} 条");
    if !activity.records_by_domain.is_empty() {
        let domains: Vec<String> = activity
            .records_by_domain
            .iter()
            .map(|(domain, n)| format!("{domain} {n} 条"))
            .collect();
        text.push_str(&format!("，其中{}", domains.join("、")));
    }
    text.push_str(&format!(
        "；公示惠民惠农补贴清册 {} 批，在各村（社区）张贴公示 {} 次；维护政务公开栏 {} 块，张贴更新公开内容 {} 次。",
        activity.payout_lists_posted,
        activity.payout_village_postings,
        activity.boards_kept,
        activity.board_postings
    ));
    text
}

fn on_request(report: &Report, format: &Format) -> String {
    let cell = |row: &str| report.table3_cell(format, row, "total").unwrap_or(0);
    let rows = &format.table3.rows;
    let results: Vec<String> = rows
        .iter()
        .filter(|row| row.level == 1 && row.key != RESULTS_TOTAL)
        .map(|row| (row.label.clone(), cell(&row.key)))
        .chain(group_totals(report, format))
        .filter(|(_, n)| *n > 0)
        .map(|(label, n)| format!("{label} {n} 件"))
        .collect();
    let mut text = format!(
        "（二）依申请公开。全年新收政府信息公开申请 {} 件，上年结转 {} 件，办结 {} 件",
        cell(NEW_RECEIVED),
        cell(CARRIED_OVER),
        cell(RESULTS_TOTAL)
    );
    if !results.is_empty() {
        text.push_str(&format!("（{}）", results.join("，")));
    }
    text.push_str(&format!(
        "，结转下年度继续办理 {} 件。",
        cell(CARRY_FORWARD)
    ));
    text
}

/// （三）–（六）: the groups of level-2 rows, each summed, named by the group without its
/// number's parentheses kept (（三）不予公开).
fn group_totals(report: &Report, format: &Format) -> Vec<(String, u32)> {
    let mut groups: Vec<(String, u32)> = Vec::new();
    for row in format.table3.rows.iter().filter(|row| row.level == 2) {
        let Some(parent) = &row.parent else { continue };
        let n = report.table3_cell(format, &row.key, "total").unwrap_or(0);
        match groups.iter_mut().find(|(label, _)| label == parent) {
            Some((_, total)) => *total += n,
            None => groups.push((parent.clone(), n)),
        }
    }
    groups
}
