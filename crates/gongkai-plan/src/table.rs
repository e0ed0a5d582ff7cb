//! A 任务分解表 read from a workbook: 序号, 任务名称, 任务内容, 责任单位, 责任人, 时间节点,
//! 佐证材料, found by their names under any title rows.
//!
//! The tables townships receive were laid out in Word and pasted into Excel, so:
//! - the header is repeated where a page broke (skipped);
//! - a row cut by a page break goes on in the next row with no 序号 and no 时间节点 (joined to
//!   the task above, cell by cell, as seed 000's tasks 9 and 20 are);
//! - a heading row ("一、夯实政务公开工作基础") groups the tasks under it;
//! - a task may have no 任务名称 (its content's first clause names it), or one cell merged
//!   across 任务名称 and 任务内容 (its text is the content), and merged cells.
//!
//! A Word 任务分解表 (`.docx`) reads the same way: `gongkai_sheets` gives each table of the
//! document as a sheet 表格1, 表格2… with `gridSpan`/`vMerge` as merged regions, and the first
//! table with the header is the plan (a 工作要点 carries other tables, such as the 公开发布意见单,
//! before it). Its title is often a paragraph above the table (the sheet's heading), read as the
//! title when the table has no title row; else the year comes from the file's name
//! ("2021年店下镇政务公开工作要点.docx") or the caller.
//!
//! Notes under the table ("注：各责任单位于每月25日前报送佐证材料", "填表说明：…") are not
//! tasks, and a table numbering its tasks afresh under each heading (一、1 2 3, 二、1 2) is
//! numbered through, as the plan keeps one 序号 per task. A hidden sheet is not read.
//!
//! Every problem is named by sheet (or Word table), row and column, all at once; nothing is
//! returned on any.

use std::collections::HashMap;
use std::fmt;

use gongkai_sheets::{Cell, Row, Sheet, Workbook, column_letter};

use crate::{Schedule, TimeNodeError};

/// Rows searched for the header.
const HEADER_ROWS: usize = 15;
/// The longest paragraph above a Word table read as (part of) its title.
const TITLE_CHARS: usize = 40;
/// A name made from the content is cut at this many characters.
const NAME_FROM_CONTENT: usize = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Seq,
    Name,
    Content,
    Office,
    Person,
    TimeNode,
    Evidence,
}

impl Column {
    const ALL: [Column; 7] = [
        Column::Seq,
        Column::Content,
        Column::Office,
        Column::Person,
        Column::TimeNode,
        Column::Evidence,
        Column::Name,
    ];

    fn label(self) -> &'static str {
        match self {
            Column::Seq => "序号",
            Column::Name => "任务名称",
            Column::Content => "任务内容",
            Column::Office => "责任单位",
            Column::Person => "责任人",
            Column::TimeNode => "时间节点",
            Column::Evidence => "佐证材料",
        }
    }

    /// What offices head the column with. Matched whole first, then as a part of the header
    /// ("责任单位（科室）"), in the order of [`Column::ALL`].
    fn names(self) -> &'static [&'static str] {
        match self {
            Column::Seq => &["序号", "编号"],
            Column::Name => &[
                "任务名称",
                "重点任务",
                "工作任务",
                "重点工作",
                "工作重点",
                "主要任务",
                "工作项目",
                "任务事项",
                "工作事项",
                "任务",
                "事项",
            ],
            Column::Content => &[
                "任务内容",
                "工作内容",
                "具体内容",
                "工作措施",
                "具体措施",
                "主要内容",
                "工作要求",
                "具体任务",
            ],
            Column::Office => &[
                "责任单位",
                "牵头单位",
                "责任科室",
                "责任部门",
                "责任股室",
                "牵头科室",
                "责任办所",
                "负责单位",
                "责任站所",
                "牵头部门",
            ],
            Column::Person => &[
                "责任人",
                "负责人",
                "经办人",
                "联系人",
                "责任领导",
                "分管领导",
                "牵头领导",
            ],
            Column::TimeNode => &[
                "时间节点",
                "完成时限",
                "完成时间",
                "时限要求",
                "时间要求",
                "完成期限",
                "时间安排",
                "时限",
            ],
            Column::Evidence => &[
                "佐证材料",
                "佐证资料",
                "工作佐证",
                "佐证",
                "成果形式",
                "完成标准",
                "成果要求",
            ],
        }
    }

    fn of_header(text: &str) -> Option<Column> {
        let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        if text.is_empty() {
            return None;
        }
        Column::ALL
            .into_iter()
            .find(|c| c.names().contains(&text.as_str()))
            .or_else(|| {
                Column::ALL.into_iter().find(|c| {
                    c.names()
                        .iter()
                        .filter(|n| n.chars().count() >= 3 || **n == "时限" || **n == "佐证")
                        .any(|n| text.contains(n))
                })
            })
    }
}

/// A task as read from the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskDraft {
    pub seq: u32,
    /// The heading row above it, if the table has them.
    pub section: Option<String>,
    pub name: String,
    pub content: String,
    pub office: String,
    pub person: String,
    /// As written.
    pub time_node: String,
    pub schedule: Schedule,
    pub evidence: String,
    /// The row it starts on, as the spreadsheet shows it.
    pub row: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanTable {
    pub year: i32,
    pub sheet: String,
    /// The title rows above the header, joined.
    pub title: Option<String>,
    pub tasks: Vec<TaskDraft>,
}

/// One problem of the table, where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanIssue {
    pub sheet: Option<String>,
    /// The sheet is a table of a Word document: named 表格N, its columns counted (Word shows
    /// no column letters).
    pub word_table: bool,
    pub row: Option<u32>,
    /// Column index (0 = A / the first) and the column's name.
    pub column: Option<(usize, &'static str)>,
    pub message: String,
}

impl fmt::Display for PlanIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.sheet {
            Some(table) if self.word_table => write!(f, "{table} ")?,
            Some(sheet) => write!(f, "工作表“{sheet}”")?,
            None => {}
        }
        if let Some(row) = self.row {
            write!(f, "第 {row} 行")?;
        }
        match &self.column {
            Some((index, name)) if self.word_table => write!(f, "第 {} 列（{name}）", index + 1)?,
            Some((index, name)) => write!(f, " {} 列（{name}）", column_letter(*index))?,
            None => {}
        }
        if self.sheet.is_some() || self.row.is_some() {
            f.write_str("：")?;
        }
        f.write_str(&self.message)
    }
}

struct Header {
    row_index: usize,
    columns: Vec<(usize, Column)>,
}

impl Header {
    fn at(&self, column: Column) -> Option<usize> {
        self.columns
            .iter()
            .find(|(_, c)| *c == column)
            .map(|(i, _)| *i)
    }
}

fn find_header(sheet: &Sheet) -> Option<Header> {
    sheet
        .rows
        .iter()
        .take(HEADER_ROWS)
        .enumerate()
        .find_map(|(row_index, row)| {
            let mut columns: Vec<(usize, Column)> = Vec::new();
            for (i, cell) in row.cells.iter().enumerate() {
                if let Some(column) = Column::of_header(&cell.shown())
                    && !columns.iter().any(|(_, c)| *c == column)
                {
                    columns.push((i, column));
                }
            }
            let has = |c: Column| columns.iter().any(|(_, found)| *found == c);
            ((has(Column::Name) || has(Column::Content)) && has(Column::TimeNode))
                .then_some(Header { row_index, columns })
        })
}

/// The year a title like "2021年店下镇政务公开工作要点任务分解表" names.
fn year_in(text: &str) -> Option<i32> {
    let chars: Vec<char> = text.chars().map(gongkai_domain::fold_digit).collect();
    chars.windows(5).find_map(|w| {
        let digits: String = w[..4].iter().collect();
        (w[4] == '年' && w[..4].iter().all(char::is_ascii_digit) && w[0] == '2')
            .then(|| digits.parse().ok())
            .flatten()
    })
}

fn own_text(row: &Row, column: Option<usize>) -> String {
    match column {
        Some(c) if !row.is_copied(c) => visible(&row.cell(c).shown()),
        _ => String::new(),
    }
}

fn text(row: &Row, column: Option<usize>) -> String {
    column.map_or_else(String::new, |c| visible(&row.cell(c).shown()))
}

/// A cell's text without control characters (a carriage return pasted from Word, a stray
/// BEL): nothing a clerk can see or print; line breaks and tabs kept.
fn visible(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect()
}

/// 序号 as written: `1`, `1.`, `1、`, `（1）`, an Excel number.
fn seq_number(cell: &Cell) -> Option<u32> {
    match cell {
        Cell::Integer(i) => u32::try_from(*i).ok().filter(|n| *n > 0),
        Cell::Number(f) if f.fract() == 0.0 && *f >= 1.0 && *f < 1e6 => Some(*f as u32),
        other => {
            let shown = other.shown();
            let digits: String = shown
                .trim_matches(|c: char| matches!(c, '.' | '、' | '（' | '）' | '(' | ')' | ' '))
                .chars()
                .map(gongkai_domain::fold_digit)
                .collect();
            digits.parse().ok().filter(|n| *n > 0)
        }
    }
}

/// A task's number under another's (`2.1`, `2.1.3`) or a circled one (①…⑳).
fn is_sub_number(text: &str) -> bool {
    let text = text.trim_end_matches(['.', '．', '、']);
    let dotted = text.split(['.', '．']).count() > 1
        && text
            .split(['.', '．'])
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    let circled = text.chars().count() == 1 && text.chars().all(|c| ('①'..='⑳').contains(&c));
    dotted || circled
}

fn name_from_content(content: &str) -> String {
    content
        .split(['，', '。', '；', ',', ';', '：'])
        .next()
        .unwrap_or(content)
        .chars()
        .take(NAME_FROM_CONTENT)
        .collect()
}

/// A row of its own reading as a heading: one text (or one merged across the row), no 序号.
fn heading(row: &Row, header: &Header) -> Option<String> {
    let texts: Vec<String> = row
        .cells
        .iter()
        .map(|c| c.shown().into_owned())
        .filter(|t| !t.is_empty())
        .collect();
    let first = texts.first()?;
    let one_text = texts.iter().all(|t| t == first);
    let seq_blank = header
        .at(Column::Seq)
        .is_none_or(|c| row.cell(c).is_blank());
    let numbered_heading = first
        .chars()
        .next()
        .is_some_and(|c| "一二三四五六七八九十".contains(c))
        && first.contains('、');
    (one_text && ((texts.len() > 1 && seq_blank) || numbered_heading)).then(|| first.clone())
}

fn is_header_repeat(row: &Row, header: &Header) -> bool {
    header
        .columns
        .iter()
        .filter(|(i, column)| Column::of_header(&row.cell(*i).shown()) == Some(*column))
        .count()
        >= 2
}

/// Whether the workbook is a Word document's tables (named so in messages).
fn is_word_document(file_name: &str) -> bool {
    file_name.to_lowercase().ends_with(".docx")
}

/// A cell merged across 任务名称 and 任务内容 is the content: Word tables often give a task
/// without a name of its own one cell over both columns.
fn name_merged_into_content(sheet: &Sheet, row: &Row, header: &Header) -> bool {
    match (header.at(Column::Name), header.at(Column::Content)) {
        (Some(name), Some(content)) if name < content => {
            row.is_copied(content)
                && sheet
                    .merge_at(row.number, content)
                    .is_some_and(|m| m.first_col <= name && m.first_row == row.number)
        }
        _ => false,
    }
}

struct Located {
    draft: TaskDraft,
    /// Its 序号 as the table numbers it (`3`, or `2.1` under task 2), for telling repeats.
    seq_key: String,
    time_row: u32,
    /// The sheet (Word table) it stands in.
    sheet: usize,
}

/// Reads the first sheet with a 任务分解表 header. `year`: the plan's year, else the one its
/// title (or the sheet's name) gives.
pub fn read_plan(workbook: &Workbook, year: Option<i32>) -> Result<PlanTable, Vec<PlanIssue>> {
    let word_table = is_word_document(&workbook.file_name);
    let Some((sheet, header)) = workbook
        .sheets
        .iter()
        .filter(|s| !s.hidden)
        .find_map(|s| find_header(s).map(|h| (s, h)))
    else {
        let places = if word_table {
            workbook
                .sheets
                .iter()
                .map(|s| s.name.clone())
                .collect::<Vec<_>>()
                .join("、")
        } else {
            let sheets: Vec<String> = workbook
                .sheets
                .iter()
                .map(|s| format!("“{}”", s.name))
                .collect();
            format!("工作表 {}", sheets.join("、"))
        };
        return Err(vec![PlanIssue {
            sheet: None,
            word_table,
            row: None,
            column: None,
            message: format!(
                "在 {} 的前 {HEADER_ROWS} 行中找不到任务分解表的表头：需要“任务名称”或“任务内容”列，以及“时间节点”（或“完成时限”）列",
                if workbook.sheets.is_empty() {
                    "文件".to_owned()
                } else {
                    places
                }
            ),
        }]);
    };
    let title_rows: Vec<String> = sheet.rows[..header.row_index]
        .iter()
        .map(|r| {
            let mut texts: Vec<String> = Vec::new();
            for cell in &r.cells {
                let t = cell.shown().into_owned();
                if !t.is_empty() && !texts.contains(&t) {
                    texts.push(t);
                }
            }
            texts.join(" ")
        })
        .filter(|t| !t.is_empty())
        .collect();
    let title_rows = if title_rows.is_empty() {
        // A Word table's title is the paragraphs above it (附表2, the title): short lines,
        // not the prose of the 工作要点 that may come just before.
        sheet
            .heading
            .iter()
            .filter(|line| line.chars().count() <= TITLE_CHARS)
            .cloned()
            .collect()
    } else {
        title_rows
    };
    let title = (!title_rows.is_empty()).then(|| title_rows.join(" "));
    // A Word plan may go on in the tables after the first (a table split at a page break).
    let mut parts: Vec<(&Sheet, usize)> = vec![(sheet, header.row_index + 1)];
    if word_table {
        parts.extend(continued_in(workbook, sheet, &header));
    }
    let issue_in =
        |part: usize, row: Option<u32>, column: Option<Column>, message: String| PlanIssue {
            sheet: Some(parts[part].0.name.clone()),
            word_table,
            row,
            column: column.and_then(|c| header.at(c).map(|i| (i, c.label()))),
            message,
        };
    let issue = |row, column, message| issue_in(0, row, column, message);
    let mut issues = Vec::new();
    let year = match year
        .or_else(|| title.as_deref().and_then(year_in))
        .or_else(|| year_in(&sheet.name))
        .or_else(|| year_in(&workbook.file_name))
    {
        Some(y) => y,
        None => {
            return Err(vec![issue(
                None,
                None,
                format!(
                    "{}和文件名都没有写年度（如“2021年”）：请在导入时指定年度",
                    if word_table {
                        "表格的标题行"
                    } else {
                        "表头以上的标题、工作表名"
                    }
                ),
            )]);
        }
    };

    let seq_col = header.at(Column::Seq);
    let time_col = header.at(Column::TimeNode);
    let mut section: Option<String> = None;
    let mut tasks: Vec<Located> = Vec::new();
    let mut numbered_through = false;
    let rows = parts.iter().enumerate().flat_map(|(part, (sheet, first))| {
        sheet.rows[(*first).min(sheet.rows.len())..]
            .iter()
            .map(move |row| (part, *sheet, row))
    });
    for (part, sheet, row) in rows {
        if row.is_blank() || !row.has_own_content() || is_header_repeat(row, &header) {
            continue;
        }
        if is_note(row) {
            continue;
        }
        let seq_own = own_text(row, seq_col);
        let time_own = own_text(row, time_col);
        if time_own.is_empty()
            && let Some(title) = heading(row, &header)
        {
            section = Some(title);
            continue;
        }
        if seq_own.is_empty()
            && time_own.is_empty()
            && let Some(last) = tasks.last_mut()
        {
            let draft = &mut last.draft;
            for (field, column) in [
                (&mut draft.name, Column::Name),
                (&mut draft.content, Column::Content),
                (&mut draft.office, Column::Office),
                (&mut draft.person, Column::Person),
                (&mut draft.evidence, Column::Evidence),
            ] {
                field.push_str(&own_text(row, header.at(column)));
            }
            continue;
        }
        let next = tasks.last().map_or(1, |t| t.draft.seq + 1);
        let (seq, seq_key) = if seq_own.is_empty() {
            (next, String::new())
        } else {
            match seq_col.and_then(|c| seq_number(row.cell(c))) {
                Some(n) => (n, n.to_string()),
                // 2.1, 2.2 under task 2, or ①②: numbered through with the rest.
                None if is_sub_number(&seq_own) => {
                    numbered_through = true;
                    (next, seq_own.clone())
                }
                None => {
                    issues.push(issue_in(
                        part,
                        Some(row.number),
                        Some(Column::Seq),
                        format!("序号“{seq_own}”不是正整数"),
                    ));
                    continue;
                }
            }
        };
        let name = if name_merged_into_content(sheet, row, &header) {
            String::new()
        } else {
            text(row, header.at(Column::Name))
        };
        tasks.push(Located {
            draft: TaskDraft {
                seq,
                section: section.clone(),
                name,
                content: text(row, header.at(Column::Content)),
                office: text(row, header.at(Column::Office)),
                person: text(row, header.at(Column::Person)),
                time_node: text(row, time_col),
                schedule: Schedule::YearRound,
                evidence: text(row, header.at(Column::Evidence)),
                row: row.number,
            },
            seq_key,
            time_row: row.number,
            sheet: part,
        });
    }

    if headings_over_sub_numbers(&mut tasks) {
        numbered_through = true;
    }
    let numbered_per_section = numbers_restart_per_section(&tasks);
    let mut seen: HashMap<(Option<String>, String), (usize, u32)> = HashMap::new();
    for Located {
        draft,
        seq_key,
        time_row,
        sheet: part,
    } in &mut tasks
    {
        let part = *part;
        if draft.name.is_empty() && draft.content.is_empty() {
            issues.push(issue_in(
                part,
                Some(draft.row),
                Some(if header.at(Column::Name).is_some() {
                    Column::Name
                } else {
                    Column::Content
                }),
                "这一行有序号或时间节点，却没有任务名称和任务内容".into(),
            ));
        } else if draft.name.is_empty() {
            draft.name = name_from_content(&draft.content);
        }
        let scope = numbered_per_section
            .then(|| draft.section.clone())
            .flatten();
        let key = if seq_key.is_empty() {
            draft.seq.to_string()
        } else {
            seq_key.clone()
        };
        match seen.get(&(scope.clone(), key.clone())) {
            Some((first_part, first_row)) => issues.push(issue_in(
                part,
                Some(draft.row),
                Some(Column::Seq),
                if *first_part == part {
                    format!("序号 {key} 与第 {first_row} 行重复")
                } else {
                    format!(
                        "序号 {key} 与{}第 {first_row} 行重复",
                        parts[*first_part].0.name
                    )
                },
            )),
            None => {
                seen.insert((scope, key), (part, draft.row));
            }
        }
        match Schedule::parse(&draft.time_node, year) {
            Ok(schedule) => draft.schedule = schedule,
            Err(e) => issues.push(issue_in(
                part,
                Some(*time_row),
                Some(Column::TimeNode),
                match e {
                    TimeNodeError::Empty => "没有时间节点".to_owned(),
                    other => other.to_string(),
                },
            )),
        }
    }
    if tasks.is_empty() && issues.is_empty() {
        issues.push(issue(
            Some(sheet.rows[header.row_index].number),
            None,
            "表头下面没有任务".into(),
        ));
    }
    if !issues.is_empty() {
        return Err(issues);
    }
    let mut tasks: Vec<TaskDraft> = tasks.into_iter().map(|t| t.draft).collect();
    if numbered_per_section || numbered_through {
        for (task, seq) in tasks.iter_mut().zip(1..) {
            task.seq = seq;
        }
    }
    Ok(PlanTable {
        year,
        sheet: parts
            .iter()
            .map(|(s, _)| s.name.as_str())
            .collect::<Vec<_>>()
            .join("、"),
        title,
        tasks,
    })
}

/// The Word tables right after the plan's that go on with it, each with where its tasks start:
/// one under the same header (repeated by hand where the table was split), or one without a
/// header, as wide, whose first row is a task (a 序号 and a time node that reads). The first
/// other table ends the plan.
fn continued_in<'a>(
    workbook: &'a Workbook,
    plan: &Sheet,
    header: &Header,
) -> Vec<(&'a Sheet, usize)> {
    let width = |s: &Sheet| s.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let task_row = |row: &Row| {
        let time = header.at(Column::TimeNode).map(|c| row.cell(c).shown());
        header
            .at(Column::Seq)
            .is_some_and(|c| seq_number(row.cell(c)).is_some())
            && time.is_some_and(|t| {
                // Read as a time node, whichever year it names.
                !matches!(
                    Schedule::parse(&t, 2000),
                    Err(TimeNodeError::Empty | TimeNodeError::Unknown(_))
                )
            })
    };
    workbook
        .sheets
        .iter()
        .skip_while(|s| !std::ptr::eq(*s, plan))
        .skip(1)
        .map_while(|s| match find_header(s) {
            Some(h) if h.columns == header.columns => Some((s, h.row_index + 1)),
            Some(_) => None,
            None => {
                // Its first numbered row: rows before it may end the task cut by the break.
                let seq = header.at(Column::Seq)?;
                let first = s.rows.iter().find(|r| !r.cell(seq).is_blank())?;
                (width(s) == width(plan) && task_row(first)).then_some((s, 0))
            }
        })
        .collect()
}

/// A numbered row without a time node over tasks numbered under it (`1` over `1.1`, `1.2`) is
/// their heading, not a task: taken out, its text the section of the tasks under it. Whether
/// there was one.
fn headings_over_sub_numbers(tasks: &mut Vec<Located>) -> bool {
    let mut found = false;
    let mut i = 0;
    while i < tasks.len() {
        let prefix = format!("{}.", tasks[i].seq_key);
        let parent = !tasks[i].seq_key.is_empty()
            && tasks[i].draft.time_node.is_empty()
            && tasks
                .get(i + 1)
                .is_some_and(|next| next.seq_key.starts_with(&prefix));
        if !parent {
            i += 1;
            continue;
        }
        let heading = tasks.remove(i).draft;
        let title = if heading.name.is_empty() {
            heading.content
        } else {
            heading.name
        };
        let section = format!("{}、{title}", prefix.trim_end_matches('.'));
        for task in tasks[i..]
            .iter_mut()
            .take_while(|t| t.seq_key.starts_with(&prefix))
        {
            task.draft.section = Some(section.clone());
        }
        found = true;
    }
    found
}

/// Whether the table numbers its tasks afresh under each heading: some task under a new
/// heading is numbered no higher than the task under the heading before.
fn numbers_restart_per_section(tasks: &[Located]) -> bool {
    tasks.windows(2).any(|pair| {
        let (before, task) = (&pair[0].draft, &pair[1].draft);
        before.section.is_some()
            && task.section.is_some()
            && task.section != before.section
            && task.seq <= before.seq
    })
}

/// A row whose first text starts a note ("注：", "备注:", "填表说明：", "注1.") or the form's
/// sign-off ("填报单位（盖章）：", "填表人：", with 联系电话 in another cell).
fn is_note(row: &Row) -> bool {
    row.cells
        .iter()
        .map(|c| c.shown())
        .find(|t| !t.is_empty())
        .is_some_and(|first| gongkai_sheets::starts_a_note(&first))
}
