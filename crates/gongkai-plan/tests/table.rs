//! The 任务分解表 reader on workbooks shaped like seed 000's.

mod support;

use chrono::NaiveDate;
use gongkai_plan::{Schedule, read_plan};
use support::seed000;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn read(bytes: Vec<u8>, year: Option<i32>) -> Result<gongkai_plan::PlanTable, Vec<String>> {
    read_named("任务分解表.xlsx", bytes, year)
}

fn read_named(
    name: &str,
    bytes: Vec<u8>,
    year: Option<i32>,
) -> Result<gongkai_plan::PlanTable, Vec<String>> {
    let workbook = gongkai_sheets::read_bytes(std::path::Path::new(name), bytes, None)
        .map_err(|e| vec![e.to_string()])?;
    read_plan(&workbook, year).map_err(|issues| issues.iter().map(ToString::to_string).collect())
}

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap_or(NaiveDate::MIN)
}

#[test]
fn seed_000s_table_reads_into_its_29_tasks() -> TestResult {
    let table = read(seed000::workbook(false, &[])?, None).map_err(|e| e.join("\n"))?;
    assert_eq!(table.year, 2021, "the year comes from the title");
    assert_eq!(table.sheet, "任务分解表");
    assert_eq!(table.title.as_deref(), Some(seed000::TITLE));
    assert_eq!(table.tasks.len(), 29);
    for (task, (seq, name, content, node)) in table.tasks.iter().zip(seed000::TASKS) {
        assert_eq!(task.seq, seq);
        assert_eq!(
            task.content, content,
            "task {seq}: content joined across the page"
        );
        assert_eq!(task.time_node, node);
        if name.is_empty() {
            assert_eq!(
                task.name,
                "强化权责清单、政务服务事项清单、办事指南等权力配置和办事服务"
            );
        } else {
            assert_eq!(task.name, name, "task {seq}");
        }
    }
    let by_seq = |seq: u32| &table.tasks[seq as usize - 1];
    assert_eq!(by_seq(2).schedule, Schedule::By(vec![day("2021-10-31")]));
    assert_eq!(by_seq(4).schedule, Schedule::By(vec![day("2021-09-30")]));
    assert_eq!(by_seq(6).schedule, Schedule::By(vec![day("2021-06-30")]));
    assert_eq!(by_seq(1).schedule, Schedule::YearRound);
    assert_eq!(by_seq(9).name, "优化依申请公开内部办理流程");
    assert_eq!(by_seq(20).name, "强化决策审议过程公众参与");
    assert_eq!(
        by_seq(10).row,
        14,
        "rows as Excel shows them, after the repeated header"
    );
    let year_round = table
        .tasks
        .iter()
        .filter(|t| t.schedule == Schedule::YearRound)
        .count();
    assert_eq!(year_round, 19);
    Ok(())
}

#[test]
fn office_person_and_evidence_columns_are_read() -> TestResult {
    let table = read(seed000::workbook(true, &[])?, Some(2021)).map_err(|e| e.join("\n"))?;
    let task = &table.tasks[25];
    assert_eq!(
        (
            task.office.as_str(),
            task.person.as_str(),
            task.evidence.as_str()
        ),
        ("党政办", "张伟", "培训通知、签到表、照片")
    );
    assert_eq!(table.tasks[0].office, "");
    Ok(())
}

#[test]
fn every_bad_time_node_is_named_by_sheet_row_and_column() -> TestResult {
    let bytes = seed000::workbook(true, &[(3, "尽快"), (11, ""), (29, "印发后20日内")])?;
    let issues = read(bytes, None).err().unwrap_or_default();
    assert_eq!(issues.len(), 3, "{issues:#?}");
    assert!(
        issues[0].starts_with("工作表“任务分解表”第 5 行 F 列（时间节点）：无法识别时间节点“尽快”"),
        "{}",
        issues[0]
    );
    assert!(
        issues[1].contains("第 15 行 F 列（时间节点）：没有时间节点"),
        "{}",
        issues[1]
    );
    assert!(
        issues[2].contains("第 35 行 F 列（时间节点）") && issues[2].contains("相对"),
        "{}",
        issues[2]
    );
    Ok(())
}

#[test]
fn a_table_without_its_header_or_year_is_refused() -> TestResult {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "姓名")?;
    sheet.write_string(0, 1, "金额")?;
    let issues = read(book.save_to_buffer()?, Some(2021))
        .err()
        .unwrap_or_default();
    assert_eq!(issues.len(), 1);
    assert!(
        issues[0].contains("找不到任务分解表的表头") && issues[0].contains("Sheet1"),
        "{}",
        issues[0]
    );

    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["序号", "任务名称", "时间节点"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h)?;
    }
    sheet.write_number(1, 0, 1.0)?;
    sheet.write_string(1, 1, "公开年报")?;
    sheet.write_string(1, 2, "1月底前")?;
    let bytes = book.save_to_buffer()?;
    let issues = read(bytes.clone(), None).err().unwrap_or_default();
    assert!(issues[0].contains("没有写年度"), "{issues:?}");
    let table = read(bytes, Some(2026)).map_err(|e| e.join("\n"))?;
    assert_eq!(
        table.tasks[0].schedule,
        Schedule::By(vec![day("2026-01-31")])
    );
    Ok(())
}

#[test]
fn a_heading_row_groups_the_tasks_under_it() -> TestResult {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["序号", "任务名称", "时间节点"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h)?;
    }
    sheet.merge_range(
        1,
        0,
        1,
        2,
        "一、夯实政务公开工作基础",
        &rust_xlsxwriter::Format::new(),
    )?;
    sheet.write_number(2, 0, 1.0)?;
    sheet.write_string(2, 1, "规范信息管理")?;
    sheet.write_string(2, 2, "每月")?;
    let table = read(book.save_to_buffer()?, Some(2021)).map_err(|e| e.join("\n"))?;
    assert_eq!(table.tasks.len(), 1);
    assert_eq!(
        table.tasks[0].section.as_deref(),
        Some("一、夯实政务公开工作基础")
    );
    assert_eq!(table.tasks[0].schedule, Schedule::Monthly);
    Ok(())
}

#[test]
fn duplicate_numbers_and_rows_without_a_task_are_refused() -> TestResult {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("2024年任务")?;
    for (c, h) in ["序号", "任务名称", "任务内容", "完成时限"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *h)?;
    }
    let rows: [(&str, &str, &str, &str); 5] = [
        ("1", "公开年报", "", "1月底前"),
        ("一、夯实基础", "", "", ""),
        ("1", "更新目录", "", "每季度"),
        ("3", "", "", "6月底前"),
        ("第四项", "宣传", "", "全年"),
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in [row.0, row.1, row.2, row.3].iter().enumerate() {
            if !text.is_empty() {
                sheet.write_string(r as u32 + 1, c as u16, *text)?;
            }
        }
    }
    let issues = read(book.save_to_buffer()?, None).err().unwrap_or_default();
    assert_eq!(issues.len(), 3, "{issues:#?}");
    assert!(
        issues[0].contains("工作表“2024年任务”第 6 行 A 列（序号）：序号“第四项”不是正整数"),
        "{}",
        issues[0]
    );
    assert!(
        issues[1].contains("第 4 行 A 列（序号）：序号 1 与第 2 行重复"),
        "{}",
        issues[1]
    );
    assert!(
        issues[2].contains("第 5 行 B 列（任务名称）")
            && issues[2].contains("没有任务名称和任务内容"),
        "{}",
        issues[2]
    );
    Ok(())
}

#[test]
fn seed_000s_word_document_reads_into_the_same_29_tasks() -> TestResult {
    let bytes = seed000::document(&[], false)?;
    let table = read_named(seed000::DOCUMENT_NAME, bytes, None).map_err(|e| e.join("\n"))?;
    assert_eq!(table.year, 2021);
    assert_eq!(
        table.sheet, "表格2",
        "the 公开发布意见单 before it is not the plan"
    );
    assert_eq!(
        table.title.as_deref(),
        Some(seed000::TITLE),
        "the title is the paragraph above the table (附表2 above it names no year)"
    );
    assert_eq!(table.tasks.len(), 29);
    for (task, (seq, name, content, node)) in table.tasks.iter().zip(seed000::TASKS) {
        assert_eq!(
            (task.seq, task.content.as_str(), task.time_node.as_str()),
            (seq, content, node)
        );
        assert_eq!(task.row, seed000::document_row(seq, false));
        if name.is_empty() {
            assert_eq!(
                task.name, "强化权责清单、政务服务事项清单、办事指南等权力配置和办事服务",
                "one cell over 任务名称 and 任务内容 is the content"
            );
        } else {
            assert_eq!(task.name, name, "task {seq}");
        }
        let office = if seed000::OFFICE_MERGED.contains(&seq) {
            "党政办"
        } else {
            seed000::extra(seq).0
        };
        assert_eq!(task.office, office, "task {seq}: merged down by vMerge");
    }
    assert_eq!(
        table.tasks[22].schedule,
        Schedule::YearRound,
        "a 时间节点 merged down holds for every task under it"
    );
    assert_eq!(table.tasks[25].evidence, "培训通知、签到表、照片");
    assert_eq!(
        table.tasks[1].schedule,
        Schedule::By(vec![day("2021-10-31")])
    );
    Ok(())
}

#[test]
fn a_word_table_with_its_title_row_inside() -> TestResult {
    let bytes = seed000::document(&[], true)?;
    let table = read_named("任务分解表.docx", bytes, None).map_err(|e| e.join("\n"))?;
    assert_eq!(table.year, 2021, "the year is the title row's");
    assert_eq!(table.title.as_deref(), Some(seed000::TITLE));
    assert_eq!(table.tasks.len(), 29);
    assert_eq!(table.tasks[9].row, seed000::document_row(10, true));
    Ok(())
}

#[test]
fn problems_of_a_word_table_are_named_by_table_row_and_column() -> TestResult {
    let bytes = seed000::document(&[(3, "尽快"), (22, "印发后20日内")], false)?;
    let issues = read_named("任务分解表.docx", bytes.clone(), Some(2021))
        .err()
        .unwrap_or_default();
    assert_eq!(issues.len(), 2, "{issues:#?}");
    assert!(
        issues[0].starts_with("表格2 第 4 行第 6 列（时间节点）：无法识别时间节点“尽快”"),
        "{}",
        issues[0]
    );
    assert!(
        issues[1].starts_with("表格2 第 23 行第 6 列（时间节点）") && issues[1].contains("相对"),
        "{}",
        issues[1]
    );

    // A file name without a year: the title paragraph above the table gives it.
    let table = read_named("任务分解表.docx", seed000::document(&[], false)?, None)
        .map_err(|e| e.join("\n"))?;
    assert_eq!(table.year, 2021);
    Ok(())
}

/// The shape of seed 000's table as offices send it with 工作任务/具体内容/完成时限: numbered
/// afresh under each heading, notes under the table (one in the 序号 column, one merged across),
/// and a hidden sheet before it holding last year's plan.
#[test]
fn numbers_restarting_per_heading_notes_below_and_a_hidden_sheet() -> TestResult {
    let mut book = rust_xlsxwriter::Workbook::new();
    let plain = rust_xlsxwriter::Format::new();
    let header = [
        "序号",
        "工作任务",
        "具体内容",
        "责任单位",
        "分管领导",
        "完成时限",
        "佐证材料",
    ];
    let old = book.add_worksheet();
    old.set_name("2025年")?;
    for (c, h) in header.iter().enumerate() {
        old.write_string(0, c as u16, *h)?;
    }
    old.write_row(1, 0, ["1", "去年的任务", "", "", "", "全年", ""])?;
    old.set_hidden(true);
    let sheet = book.add_worksheet();
    // The sheet shown on opening; the first one, before it, can then be hidden.
    sheet.set_name("任务分解表")?.set_active(true);
    sheet.merge_range(0, 0, 0, 6, "2026年示范镇政务公开工作要点任务分解表", &plain)?;
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(1, c as u16, *h)?;
    }
    sheet.merge_range(2, 0, 2, 6, "一、夯实基础", &plain)?;
    sheet.write_row(
        3,
        0,
        [
            "1",
            "规范文本",
            "对照法规库更新",
            "党政办",
            "张三",
            "每月",
            "更新截图",
        ],
    )?;
    sheet.write_row(
        4,
        0,
        [
            "2",
            "统一公开",
            "清理规范性文件",
            "司法所",
            "李四",
            "6月底前",
            "清单",
        ],
    )?;
    sheet.merge_range(5, 0, 5, 6, "二、加强解读", &plain)?;
    sheet.write_row(
        6,
        0,
        [
            "1",
            "扩大解读",
            "新增文件都要解读",
            "党政办",
            "张三",
            "全年",
            "解读稿",
        ],
    )?;
    sheet.write_row(
        7,
        0,
        [
            "2",
            "二次解读",
            "跟踪解读",
            "党政办",
            "张三",
            "2026年6月30日",
            "",
        ],
    )?;
    sheet.write_row(
        8,
        0,
        [
            "3",
            "公开平台",
            "持续优化专栏",
            "党政办",
            "王五",
            "持续推进",
            "",
        ],
    )?;
    sheet.write_string(9, 0, "注：各责任单位于每月25日前报送佐证材料。")?;
    sheet.merge_range(10, 0, 10, 6, "填表说明：完成时限以县级文件为准", &plain)?;
    sheet.write_string(11, 0, "填报单位（盖章）：示范镇党政办")?;
    sheet.write_string(11, 3, "填表人：张三")?;
    sheet.write_string(11, 5, "联系电话：0000-1234567")?;
    let table = read(book.save_to_buffer()?, None).map_err(|e| e.join("\n"))?;
    assert_eq!(table.year, 2026);
    assert_eq!(table.sheet, "任务分解表");
    let got: Vec<(u32, Option<&str>, &str, &str, u32)> = table
        .tasks
        .iter()
        .map(|t| {
            (
                t.seq,
                t.section.as_deref(),
                t.name.as_str(),
                t.evidence.as_str(),
                t.row,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (1, Some("一、夯实基础"), "规范文本", "更新截图", 4),
            (2, Some("一、夯实基础"), "统一公开", "清单", 5),
            (3, Some("二、加强解读"), "扩大解读", "解读稿", 7),
            (4, Some("二、加强解读"), "二次解读", "", 8),
            (5, Some("二、加强解读"), "公开平台", "", 9),
        ]
    );
    assert_eq!(table.tasks[0].schedule, Schedule::Monthly);
    assert_eq!(
        table.tasks[3].schedule,
        Schedule::By(vec![day("2026-06-30")])
    );
    assert_eq!(
        table.tasks[4].content, "持续优化专栏",
        "the notes are not joined to it"
    );
    assert_eq!(
        table.tasks[4].person, "王五",
        "分管领导 is the person answering for it"
    );
    Ok(())
}

#[test]
fn a_number_twice_under_one_heading_is_still_refused() -> TestResult {
    let mut book = rust_xlsxwriter::Workbook::new();
    let plain = rust_xlsxwriter::Format::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["序号", "工作任务", "完成时限"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h)?;
    }
    sheet.merge_range(1, 0, 1, 2, "一、夯实基础", &plain)?;
    sheet.write_row(2, 0, ["1", "甲", "全年"])?;
    sheet.merge_range(3, 0, 3, 2, "二、加强解读", &plain)?;
    sheet.write_row(4, 0, ["1", "乙", "全年"])?;
    sheet.write_row(5, 0, ["1", "丙", "全年"])?;
    let issues = read(book.save_to_buffer()?, Some(2026))
        .err()
        .unwrap_or_default();
    assert_eq!(issues.len(), 1, "{issues:#?}");
    assert!(
        issues[0].contains("第 6 行 A 列（序号）：序号 1 与第 5 行重复"),
        "{}",
        issues[0]
    );
    Ok(())
}

/// A Word 任务分解表 split where a page broke: the second part a table of its own, once with
/// the header copied above it and once without; a table after the plan (联系人) is not read.
#[test]
fn a_word_plan_split_into_tables_is_read_through() -> TestResult {
    use gongkai_docx::{Cell, Document, Paragraph, Table};
    let header = ["序号", "工作任务", "具体内容", "责任单位", "完成时限"];
    let part = |rows: &[[&str; 5]], with_header: bool| {
        let mut table = Table::new("任务分解表", vec![1, 3, 6, 2, 2]);
        if with_header {
            table.row(header.iter().map(|h| Cell::new(*h).bold()).collect());
            table.header_rows = 1;
        }
        for row in rows {
            table.row(row.iter().map(|t| Cell::new(*t)).collect());
        }
        table
    };
    let mut doc = Document::new("工作要点");
    doc.push(Paragraph::title("2026年示范镇政务公开工作要点任务分解表"));
    doc.table(part(&[["1", "规范文本", "更新", "党政办", "每月"]], true));
    doc.table(part(
        &[["2", "统一公开", "清理", "司法所", "6月底前"]],
        true,
    ));
    doc.table(part(
        &[
            ["", "", "（接上页）清单公开", "", ""],
            ["3", "扩大解读", "解读", "党政办", "全年"],
        ],
        false,
    ));
    doc.push(Paragraph::plain("联系人"));
    let mut contacts = Table::new("联系人", vec![1, 3]);
    contacts.row(vec![Cell::new("1"), Cell::new("张三 13800000000")]);
    doc.table(contacts);
    let table = read_named("工作要点.docx", doc.to_bytes()?, None).map_err(|e| e.join("\n"))?;
    assert_eq!(table.sheet, "表格1、表格2、表格3");
    let got: Vec<(u32, &str, &str)> = table
        .tasks
        .iter()
        .map(|t| (t.seq, t.name.as_str(), t.content.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (1, "规范文本", "更新"),
            (2, "统一公开", "清理（接上页）清单公开"),
            (3, "扩大解读", "解读"),
        ]
    );
    Ok(())
}

/// Tasks numbered under others (2.1, 2.2) or circled (①) are numbered through; a number given
/// twice is still refused, named as written.
#[test]
fn sub_numbered_tasks_are_numbered_through() -> TestResult {
    let write = |rows: &[[&str; 3]]| -> Result<Vec<u8>, Box<dyn std::error::Error>> {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_row(0, 0, ["序号", "重点工作", "完成时限"])?;
        for (r, row) in rows.iter().enumerate() {
            sheet.write_row(r as u32 + 1, 0, *row)?;
        }
        Ok(book.save_to_buffer()?)
    };
    let rows = [
        ["1", "甲\u{7}\r", "全年"],
        ["2", "推进决策公开", ""],
        ["2.1", "乙", "6月底前"],
        ["2.2", "丙", "全年"],
        ["①", "丁", "每月"],
        ["3", "戊", "全年"],
    ];
    let table = read(write(&rows)?, Some(2026)).map_err(|e| e.join("\n"))?;
    let got: Vec<(u32, &str)> = table
        .tasks
        .iter()
        .map(|t| (t.seq, t.name.as_str()))
        .collect();
    assert_eq!(
        got,
        [(1, "甲"), (2, "乙"), (3, "丙"), (4, "丁"), (5, "戊")],
        "重点工作 names the task, without the control characters pasted into it"
    );
    let sections: Vec<Option<&str>> = table.tasks.iter().map(|t| t.section.as_deref()).collect();
    assert_eq!(
        sections,
        [
            None,
            Some("2、推进决策公开"),
            Some("2、推进决策公开"),
            None,
            None
        ],
        "task 2 without a time node heads 2.1 and 2.2"
    );
    let mut twice = rows.to_vec();
    twice.push(["2.2", "己", "全年"]);
    let issues = read(write(&twice)?, Some(2026)).err().unwrap_or_default();
    assert_eq!(issues.len(), 1, "{issues:#?}");
    assert!(
        issues[0].contains("第 8 行 A 列（序号）：序号 2.2 与第 5 行重复"),
        "{}",
        issues[0]
    );
    Ok(())
}
