//! A whole workbook into payout lines, or every problem found. The caller imports only when
//! `errors` is empty: all or nothing.

use std::borrow::Cow;
use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use gongkai_sheets::{Cell, Row, Sheet, Workbook};

use crate::columns::{Column, Header, Override, find_header};
use crate::{Fen, IdNumber, IdProblem, Quantity};

/// What the validator needs to know besides the file.
#[derive(Debug, Clone)]
pub struct Context<'a> {
    /// The township's villages and communities, by name.
    pub villages: &'a [String],
    /// Given by the clerk; else read from a 补贴项目 column or the title row.
    pub project: Option<String>,
    pub year: Option<i32>,
    pub today: NaiveDate,
    pub overrides: &'a [Override],
}

/// One problem, located as the clerk will find it in Excel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub sheet: String,
    /// The row number Excel shows (CSV: the line number); 0 when the problem is the whole file.
    pub row: u32,
    /// The column's header as written in the file, or "" for a whole row.
    pub column: String,
    pub code: &'static str,
    pub message: String,
}

/// A person's payout, validated. Holds the full ID and bank numbers only until the store hashes
/// and masks them.
#[derive(Debug, Clone)]
pub struct PayoutLine {
    pub sheet: String,
    pub row: u32,
    pub village: String,
    pub group: Option<String>,
    pub name: String,
    pub id: IdNumber,
    pub bank_account: Option<String>,
    pub phone: Option<String>,
    pub area: Option<Quantity>,
    pub rate: Option<Quantity>,
    pub amount: Fen,
    pub project: String,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Outcome {
    pub year: i32,
    pub lines: Vec<PayoutLine>,
    pub errors: Vec<Issue>,
    pub warnings: Vec<Issue>,
    /// What became of every row read.
    pub rows: RowCounts,
}

/// What became of every row of the file. Nothing is silently lost: `read` always equals the sum
/// of the others, and a row the validator could not place is itself an error.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RowCounts {
    /// Rows the file holds (a streamed `.xlsx` leaves out rows with nothing in them).
    pub read: u32,
    /// People read without an error of their own.
    pub people: u32,
    /// Rows with an error on them, or under a header (or in a sheet) refused as a whole.
    pub reported: u32,
    /// Title rows above the header.
    pub titles: u32,
    /// Header rows (a stacked header counts each of its rows).
    pub headers: u32,
    /// Rows with nothing of their own (a merged cell reaching into them is not their own).
    pub blank: u32,
    /// 小计 and 合计 lines.
    pub totals: u32,
    /// Notes and signatures below a total, and sheets without a list.
    pub notes: u32,
}

impl RowCounts {
    pub fn accounted(&self) -> u32 {
        self.people
            + self.reported
            + self.titles
            + self.headers
            + self.blank
            + self.totals
            + self.notes
    }

    pub fn balances(&self) -> bool {
        self.read == self.accounted()
    }

    fn add(&mut self, fate: Fate) {
        self.read += 1;
        match fate {
            Fate::Person => self.people += 1,
            Fate::Reported => self.reported += 1,
            Fate::Title => self.titles += 1,
            Fate::Header => self.headers += 1,
            Fate::Blank => self.blank += 1,
            Fate::Total => self.totals += 1,
            Fate::Note => self.notes += 1,
        }
    }
}

/// What one row turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fate {
    Person,
    Reported,
    Title,
    Header,
    Blank,
    Total,
    Note,
}

/// 小计 closes a section (a village, a page); 合计 the sheet, or a section when more follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TotalKind {
    Sub,
    Grand,
}

impl TotalKind {
    fn label(self) -> &'static str {
        match self {
            TotalKind::Sub => "小计",
            TotalKind::Grand => "合计",
        }
    }
}

/// The amounts a total line is checked against.
#[derive(Debug, Clone, Copy, Default)]
struct Running {
    sum: Fen,
    rows: u32,
    /// False once a row of the span was reported: its sum is then unknown.
    clean: bool,
}

impl Running {
    fn new() -> Self {
        Running {
            sum: Fen(0),
            rows: 0,
            clean: true,
        }
    }

    fn add(&mut self, amount: Fen) {
        self.sum.0 += amount.0;
        self.rows += 1;
    }

    fn reported(&mut self) {
        self.rows += 1;
        self.clean = false;
    }

    /// The span's sum, when every row of it was read.
    fn known(&self) -> Option<Fen> {
        (self.clean && self.rows > 0).then_some(self.sum)
    }
}

impl Outcome {
    pub fn total(&self) -> Fen {
        self.lines.iter().map(|l| l.amount).sum()
    }
}

pub fn validate(book: &Workbook, cx: &Context<'_>) -> Outcome {
    let mut v = Validator {
        cx,
        outcome: Outcome::default(),
        seen: HashMap::new(),
        projects: Vec::new(),
        sheets: Vec::new(),
        title_year: None,
        title_project: None,
        year_from_rows: None,
        project_from_rows: None,
        project_reported: false,
        last_village: None,
    };
    // Finance often names the file after the list's title: it is the last place to look.
    let stem = book
        .file_name
        .rsplit_once('.')
        .map_or(book.file_name.as_str(), |(s, _)| s);
    v.title_year = year_in(stem);
    v.title_project = project_in(stem);
    for sheet in &book.sheets {
        v.sheet(sheet);
    }
    let counts = v.outcome.rows;
    if !counts.balances() || counts.people as usize != v.outcome.lines.len() {
        // Unreachable by construction (every row gets a fate); if it ever happens the list must
        // not be imported short.
        v.outcome.errors.push(Issue {
            sheet: String::new(),
            row: 0,
            column: String::new(),
            code: "rows_unaccounted",
            message: format!(
                "读取的 {} 行与各类行数之和 {} 行不符（名单 {} 行，实得 {} 人），本次不导入，请把文件发给技术支持",
                counts.read,
                counts.accounted(),
                counts.people,
                v.outcome.lines.len()
            ),
        });
    }
    v.outcome.year = cx
        .year
        .or(v.year_from_rows)
        .or(v.title_year)
        .unwrap_or_else(|| {
            let year = cx.today.year();
            v.outcome.warnings.push(Issue {
                sheet: String::new(),
                row: 0,
                column: String::new(),
                code: "year_assumed",
                message: format!("未能从标题识别年度，按 {year} 年处理"),
            });
            year
        });
    if v.outcome.lines.is_empty() && v.outcome.errors.is_empty() {
        v.outcome.errors.push(Issue {
            sheet: String::new(),
            row: 0,
            column: String::new(),
            code: "no_rows",
            message: format!("文件“{}”中没有找到发放名单", book.file_name),
        });
    }
    v.outcome
}

struct Validator<'a> {
    cx: &'a Context<'a>,
    outcome: Outcome,
    /// (project, ID) → (sheet, row) where it was first seen, to refuse the same person twice.
    /// Projects and sheets are indexes into `projects` and `sheets`: a 100,000-row list has one
    /// or two of each, and cloning their names for every row showed in the import benchmark.
    seen: HashMap<(usize, IdNumber), (usize, u32)>,
    projects: Vec<String>,
    /// Names of the sheets read so far; the last is the one being read.
    sheets: Vec<String>,
    /// From the file name.
    title_year: Option<i32>,
    title_project: Option<String>,
    /// From title rows above a header; these win over the file name.
    year_from_rows: Option<i32>,
    project_from_rows: Option<String>,
    /// "Project unknown" is said once per file, not on every row.
    project_reported: bool,
    /// The village cell last read and the village it named: a list is sorted by village, so
    /// the next row most often names the same one.
    last_village: Option<(String, Option<String>)>,
}

impl Issue {
    /// Messages echo cells; every long digit run in them is masked (see [`crate::scrub`]).
    fn at(sheet: &Sheet, row: u32, column: &str, code: &'static str, message: String) -> Self {
        Issue {
            sheet: sheet.name.clone(),
            row,
            column: column.to_owned(),
            code,
            message: crate::scrub(&message),
        }
    }
}

impl Validator<'_> {
    fn error(
        &mut self,
        sheet: &Sheet,
        row: u32,
        column: &str,
        code: &'static str,
        message: String,
    ) {
        self.outcome
            .errors
            .push(Issue::at(sheet, row, column, code, message));
    }

    fn warning(
        &mut self,
        sheet: &Sheet,
        row: u32,
        column: &str,
        code: &'static str,
        message: String,
    ) {
        self.outcome
            .warnings
            .push(Issue::at(sheet, row, column, code, message));
    }

    fn sheet(&mut self, sheet: &Sheet) {
        self.sheets.push(sheet.name.clone());
        let mut fates: Vec<Option<Fate>> = vec![None; sheet.rows.len()];
        self.read_sheet(sheet, &mut fates);
        for (row, fate) in sheet.rows.iter().zip(fates) {
            let fate = fate.unwrap_or_else(|| {
                self.error(
                    sheet,
                    row.number,
                    "",
                    "row_unaccounted",
                    "这一行既未读入也未归类（程序缺陷），本次不导入，请把文件发给技术支持"
                        .to_owned(),
                );
                Fate::Reported
            });
            self.outcome.rows.add(fate);
        }
    }

    /// Gives every row of the sheet its fate.
    fn read_sheet(&mut self, sheet: &Sheet, fates: &mut [Option<Fate>]) {
        let blank_or = |row: &Row, fate: Fate| {
            if row.has_own_content() {
                fate
            } else {
                Fate::Blank
            }
        };
        let Some(header) = find_header(sheet, self.cx.overrides) else {
            let filled = sheet.rows.iter().filter(|r| r.has_own_content()).count();
            let fate = if filled > 3 {
                self.error(
                    sheet,
                    1,
                    "",
                    "no_header",
                    "找不到表头行：表头应包含“姓名”“身份证号”“金额”等列名；列名不同时请在导入向导中指定各列".to_owned(),
                );
                Fate::Reported
            } else {
                if filled > 0 {
                    self.warning(
                        sheet,
                        1,
                        "",
                        "sheet_skipped",
                        "没有发放名单，已跳过".to_owned(),
                    );
                }
                Fate::Note
            };
            for (row, slot) in sheet.rows.iter().zip(fates.iter_mut()) {
                *slot = Some(blank_or(row, fate));
            }
            return;
        };
        for (row, slot) in sheet.rows[..header.row_index].iter().zip(fates.iter_mut()) {
            *slot = Some(blank_or(row, Fate::Title));
        }
        for slot in &mut fates[header.row_index..=header.last_index] {
            *slot = Some(Fate::Header);
        }
        self.read_title(sheet, header.row_index);
        let data_start = header.last_index + 1;
        if !self.header_usable(sheet, &header) {
            for (row, slot) in sheet.rows[data_start..]
                .iter()
                .zip(fates[data_start..].iter_mut())
            {
                *slot = Some(blank_or(row, Fate::Reported));
            }
            return;
        }
        let sheet_village = self.match_village(&sheet.name);

        let mut section = Running::new();
        let mut whole = Running::new();
        let mut after_grand_total = false;
        for (row, slot) in sheet.rows[data_start..]
            .iter()
            .zip(fates[data_start..].iter_mut())
        {
            let fate = if !row.has_own_content() || only_sequence_number(row, &header) {
                Fate::Blank
            } else if let Some(kind) = totals_label(row, &header) {
                if self.check_total(sheet, &header, row, kind, section, whole) == TotalKind::Grand {
                    after_grand_total = true;
                }
                section = Running::new();
                Fate::Total
            } else if after_grand_total && !looks_like_person(row, &header) {
                Fate::Note
            } else {
                match self.line(sheet, &header, row, sheet_village.as_deref()) {
                    Some(line) => {
                        section.add(line.amount);
                        whole.add(line.amount);
                        self.outcome.lines.push(line);
                        Fate::Person
                    }
                    None => {
                        section.reported();
                        whole.reported();
                        Fate::Reported
                    }
                }
            };
            *slot = Some(fate);
        }
    }

    /// Reports what keeps the header from being read; true when nothing does.
    fn header_usable(&mut self, sheet: &Sheet, header: &Header) -> bool {
        let header_row = sheet.rows[header.row_index].number;
        let errors_before = self.outcome.errors.len();
        for required in [Column::IdNumber, Column::Amount, Column::Name] {
            if header.find(required).is_none() {
                self.error(
                    sheet,
                    header_row,
                    "",
                    "column_missing",
                    format!("表头中没有“{}”列", required.label()),
                );
            }
        }
        if header.find(Column::Village).is_none() && self.match_village(&sheet.name).is_none() {
            self.error(
                sheet,
                header_row,
                "",
                "village_unknown",
                format!(
                    "表头中没有“村（社区）”列，工作表名“{}”也不是本镇（街道）的村（社区）名称",
                    sheet.name
                ),
            );
        }
        for ambiguity in &header.ambiguous {
            self.error(
                sheet,
                header_row,
                "",
                "column_ambiguous",
                ambiguity.message(),
            );
        }
        self.outcome.errors.len() == errors_before
    }

    /// Year and project from the title rows above the header, e.g.
    /// “2025年示范镇耕地地力保护补贴发放清册”.
    fn read_title(&mut self, sheet: &Sheet, header_index: usize) {
        for row in &sheet.rows[..header_index] {
            for cell in &row.cells {
                let text = cell.display_text();
                if let Some(year) = year_in(&text) {
                    self.year_from_rows.get_or_insert(year);
                }
                if let Some(project) = project_in(&text) {
                    self.project_from_rows.get_or_insert(project);
                }
            }
        }
    }

    /// Checks a 小计/合计 line against the rows above it and says which kind it turned out to be:
    /// a 合计 that matches only its section (`东山村合计` with more villages below) is a
    /// section's total.
    fn check_total(
        &mut self,
        sheet: &Sheet,
        header: &Header,
        row: &Row,
        kind: TotalKind,
        section: Running,
        whole: Running,
    ) -> TotalKind {
        let Some((col, title)) = header.find(Column::Amount) else {
            return kind;
        };
        let cell = row.cell(col);
        if cell.is_blank() {
            return kind;
        }
        let stated = match Fen::from_cell(cell) {
            Ok(stated) => stated,
            Err(problem) => {
                self.error(
                    sheet,
                    row.number,
                    title,
                    problem.code(),
                    problem.message(&format!("{}金额", kind.label())),
                );
                return kind;
            }
        };
        let matches_section = section.known() == Some(stated);
        let matches_whole = whole.known() == Some(stated);
        let found = match kind {
            TotalKind::Sub => matches_section,
            TotalKind::Grand => matches_section || matches_whole,
        };
        // A span with a reported row has no known sum; that row's error already refuses the
        // file. An empty span (a 小计 right after another) sums to nothing.
        let section_sum = section.known().or((section.rows == 0).then_some(Fen(0)));
        let whole_sum = whole.known().or((whole.rows == 0).then_some(Fen(0)));
        let checkable = match kind {
            TotalKind::Sub => section_sum.is_some(),
            TotalKind::Grand => whole_sum.is_some(),
        };
        if checkable && !found {
            let expected = match (kind, section_sum, whole_sum) {
                (TotalKind::Sub, Some(sum), _) => format!("上一个小计以来各行金额之和 {sum} 元"),
                (TotalKind::Grand, Some(part), Some(sum)) if part != sum && section.rows > 0 => {
                    format!("上面各行金额之和 {sum} 元（或上一个小计以来 {part} 元）")
                }
                (_, _, sum) => format!("上面各行金额之和 {} 元", sum.unwrap_or(Fen(0))),
            };
            self.error(
                sheet,
                row.number,
                title,
                "total_mismatch",
                format!("{}行金额 {stated} 元与{expected}不一致", kind.label()),
            );
        }
        if kind == TotalKind::Grand && matches_section && !matches_whole {
            TotalKind::Sub
        } else {
            kind
        }
    }

    fn line(
        &mut self,
        sheet: &Sheet,
        header: &Header,
        row: &Row,
        sheet_village: Option<&str>,
    ) -> Option<PayoutLine> {
        let errors_before = self.outcome.errors.len();
        let text = |column: Column| {
            header
                .find(column)
                .map(|(i, _)| row.cell(i).shown())
                .filter(|t| !t.is_empty())
        };
        let title = |column: Column| header.find(column).map_or("", |(_, t)| t).to_owned();
        // A person's own values cannot come from a cell merged over several people: whose
        // amount, whose ID would it be?
        for column in [
            Column::Name,
            Column::IdNumber,
            Column::BankAccount,
            Column::Area,
            Column::Amount,
        ] {
            if let Some((i, t)) = header.find(column)
                && row.is_copied(i)
                && let Some(merge) = sheet.merge_at(row.number, i)
                && merge.first_row < row.number
            {
                self.error(
                    sheet,
                    row.number,
                    t,
                    "merged_personal",
                    format!(
                        "“{t}”单元格与上方合并（{}），每人的{}应分别填写，请取消合并后逐行填写",
                        merge.reference(),
                        column.label()
                    ),
                );
            }
        }

        let village = match text(Column::Village) {
            Some(raw) => match self.village_in_cell(&raw) {
                Some(v) => Some(v),
                None => {
                    let hint = closest(&raw, self.cx.villages)
                        .map(|s| format!("，是否为“{s}”？"))
                        .unwrap_or_else(|| "，请先在“设置 → 村（社区）”中登记".to_owned());
                    self.error(
                        sheet,
                        row.number,
                        &title(Column::Village),
                        "village_unknown",
                        format!("“{raw}”不是本镇（街道）的村（社区）{hint}"),
                    );
                    None
                }
            },
            None => {
                if sheet_village.is_none() {
                    self.error(
                        sheet,
                        row.number,
                        &title(Column::Village),
                        "village_missing",
                        "村（社区）为空：请填写这一行的村（社区），或把它与上方同村的单元格合并"
                            .to_owned(),
                    );
                }
                sheet_village.map(str::to_owned)
            }
        };

        let name = text(Column::Name).map(Cow::into_owned).unwrap_or_default();
        if let Some(problem) = name_problem(&name) {
            self.error(
                sheet,
                row.number,
                &title(Column::Name),
                problem.0,
                problem.1,
            );
        } else if name.chars().count() == 1 {
            self.warning(
                sheet,
                row.number,
                &title(Column::Name),
                "name_short",
                format!("姓名“{name}”只有一个字，请核对"),
            );
        }

        let id = header.find(Column::IdNumber).and_then(|(i, t)| {
            match id_from_cell(row.cell(i), self.cx.today) {
                Ok(id) => Some(id),
                Err(problem) => {
                    self.error(sheet, row.number, t, problem.code(), problem.message());
                    None
                }
            }
        });

        let bank_account = header.find(Column::BankAccount).and_then(|(i, t)| {
            let cell = row.cell(i);
            match account_from_cell(cell) {
                Ok(account) => account,
                Err(message) => {
                    self.error(sheet, row.number, t, "bank_account", message);
                    None
                }
            }
        });
        let phone =
            text(Column::Phone).map(|p| p.chars().filter(char::is_ascii_digit).collect::<String>());

        let amount =
            header
                .find(Column::Amount)
                .and_then(|(i, t)| match Fen::from_cell(row.cell(i)) {
                    Ok(fen) => Some(fen),
                    Err(problem) => {
                        self.error(
                            sheet,
                            row.number,
                            t,
                            problem.code(),
                            problem.message("金额"),
                        );
                        None
                    }
                });
        let quantity = |column: Column, this: &mut Self| {
            header.find(column).and_then(|(i, t)| {
                let cell = row.cell(i);
                if cell.is_blank() {
                    return None;
                }
                match Quantity::from_cell(cell) {
                    Ok(q) => Some(q),
                    Err(problem) => {
                        this.error(
                            sheet,
                            row.number,
                            t,
                            problem.code(),
                            problem.message(column.label()),
                        );
                        None
                    }
                }
            })
        };
        let area = quantity(Column::Area, self);
        let rate = quantity(Column::Rate, self);
        if let (Some(area), Some(rate), Some(amount)) = (area, rate, amount)
            && let Some(expected) = area.times_rate(rate)
            && (expected.0 - amount.0).abs() > 1
        {
            self.error(
                sheet,
                row.number,
                &title(Column::Amount),
                "amount_mismatch",
                format!("金额 {amount} 元与面积（数量）×补贴标准 = {expected} 元不一致"),
            );
        }

        let project = text(Column::Project)
            .map(Cow::into_owned)
            .or_else(|| self.cx.project.clone())
            .or_else(|| self.project_from_rows.clone())
            .or_else(|| self.title_project.clone());
        if project.is_none() && !self.project_reported {
            self.project_reported = true;
            self.error(
                sheet,
                row.number,
                "",
                "project_unknown",
                "无法确定补贴项目：请在文件标题或“补贴项目”列注明，或导入时指定补贴项目".to_owned(),
            );
        }

        if let (Some(id), Some(project)) = (&id, &project) {
            let project_index = match self.projects.iter().position(|p| p == project) {
                Some(i) => i,
                None => {
                    self.projects.push(project.clone());
                    self.projects.len() - 1
                }
            };
            let key = (project_index, id.clone());
            if let Some(&(first_sheet, first_row)) = self.seen.get(&key) {
                let first_sheet = self.sheets[first_sheet].clone();
                self.error(
                    sheet,
                    row.number,
                    &title(Column::IdNumber),
                    "duplicate_person",
                    format!("同一补贴项目“{project}”中，此人已在工作表“{first_sheet}”第 {first_row} 行出现"),
                );
            } else {
                self.seen.insert(key, (self.sheets.len() - 1, row.number));
            }
        }

        if self.outcome.errors.len() > errors_before {
            return None;
        }
        let (Some(village), Some(id), Some(amount), Some(project)) = (village, id, amount, project)
        else {
            // Each missing part above reported itself, but for a project left unknown, which is
            // said once for the file: that error covers this row.
            if !self.project_reported {
                self.error(
                    sheet,
                    row.number,
                    "",
                    "row_unaccounted",
                    "这一行未能读入（程序缺陷），本次不导入，请把文件发给技术支持".to_owned(),
                );
            }
            return None;
        };
        Some(PayoutLine {
            sheet: sheet.name.clone(),
            row: row.number,
            village,
            group: text(Column::Group).map(Cow::into_owned),
            name,
            id,
            bank_account,
            phone: phone.filter(|p| !p.is_empty()),
            area,
            rate,
            amount,
            project,
            note: text(Column::Note).map(Cow::into_owned),
        })
    }

    fn match_village(&self, raw: &str) -> Option<String> {
        village_named(raw, self.cx.villages)
    }

    /// As [`Self::match_village`], remembering the last cell's answer.
    fn village_in_cell(&mut self, raw: &str) -> Option<String> {
        if let Some((seen, village)) = &self.last_village
            && seen == raw
        {
            return village.clone();
        }
        let village = self.match_village(raw);
        self.last_village = Some((raw.to_owned(), village.clone()));
        village
    }
}

/// A village of the township named `raw`, allowing the committee suffixes finance adds.
pub fn village_named(raw: &str, villages: &[String]) -> Option<String> {
    let name: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    let candidates = [
        name.clone(),
        name.trim_end_matches("村民委员会").to_owned() + "村",
        name.trim_end_matches("居民委员会").to_owned() + "社区",
        name.trim_end_matches("委会").to_owned(),
        name.trim_end_matches("村委会").to_owned() + "村",
    ];
    villages
        .iter()
        .find(|v| candidates.iter().any(|c| c == *v))
        .cloned()
}

fn id_from_cell(cell: &Cell, today: NaiveDate) -> Result<IdNumber, IdProblem> {
    match cell {
        // Excel holds 15 significant digits: any ID stored as a number has lost its tail.
        Cell::Number(f) => Err(IdProblem::lost_precision(&format!("{f:E}"))),
        Cell::Integer(i) => Err(IdProblem::lost_precision(&i.to_string())),
        other => IdNumber::parse(&other.shown(), today),
    }
}

fn account_from_cell(cell: &Cell) -> Result<Option<String>, String> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Number(f) => Err(format!(
            "银行账号被 Excel 存成了数字（{f:E}），后几位已经丢失。请把这一列设为“文本”格式后重新导出"
        )),
        other => {
            let text = other.shown();
            let digits: String = text
                .chars()
                .filter(|c| !matches!(c, ' ' | '-' | '\u{3000}'))
                .collect();
            if digits.is_empty() {
                Ok(None)
            } else if digits.chars().all(|c| c.is_ascii_digit()) && (8..=30).contains(&digits.len())
            {
                Ok(Some(digits))
            } else {
                Err(format!(
                    "银行账号“{}”格式不正确：应为 8 到 30 位数字",
                    mask_for_message(&digits)
                ))
            }
        }
    }
}

/// Even in an error message a possibly-real account number is shown masked.
fn mask_for_message(value: &str) -> String {
    crate::MaskRules::default().mask_bank(value)
}

fn name_problem(name: &str) -> Option<(&'static str, String)> {
    if name.is_empty() {
        return Some(("name_missing", "姓名为空".to_owned()));
    }
    let odd = name.chars().find(|c| {
        c.is_ascii_digit()
            || c.is_ascii_punctuation() && *c != '.'
            || matches!(c, '？' | '?' | '＊' | '*')
    });
    if let Some(c) = odd {
        return Some((
            "name_implausible",
            format!("姓名“{name}”含有“{c}”，不像是人名"),
        ));
    }
    if name.chars().count() > 30 {
        return Some(("name_implausible", format!("姓名“{name}”过长，不像是人名")));
    }
    None
}

/// Whether the row is a 小计 or 合计 line: a cell anywhere (the 村名 column, `东山村小计`; the
/// 姓名 column, `合 计`) that is such a label, on a row that holds no ID number.
fn totals_label(row: &Row, header: &Header) -> Option<TotalKind> {
    if header
        .find(Column::IdNumber)
        .is_some_and(|(i, _)| id_like(&row.cell(i).shown()))
    {
        return None;
    }
    let note = header.find(Column::Note).map(|(i, _)| i);
    row.cells
        .iter()
        .enumerate()
        .filter(|(c, _)| Some(*c) != note)
        .find_map(|(_, cell)| total_kind(&cell.display_text()))
}

/// `小计`, `东山村小计`, `小计（东山村）`, `合 计：`, `全镇合计`, `本页合计` → the kind of total.
fn total_kind(text: &str) -> Option<TotalKind> {
    let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let text = text.trim_end_matches([':', '：']);
    if text.is_empty() || text.chars().count() > 24 {
        return None;
    }
    // A bracketed unit or place after the label: `合计（元）`, `小计(东山村)`.
    let core = match text.find(['（', '(']) {
        Some(open) if text.ends_with(['）', ')']) && open > 0 => &text[..open],
        _ => text,
    };
    let at_edge = |label: &str| core.starts_with(label) || core.ends_with(label);
    if at_edge("小计") || core.starts_with("本页") && at_edge("合计") {
        Some(TotalKind::Sub)
    } else if ["合计", "总计", "共计"].into_iter().any(at_edge) {
        Some(TotalKind::Grand)
    } else {
        None
    }
}

/// Fifteen or more digits: an ID number, whatever state it is in.
fn id_like(text: &str) -> bool {
    text.chars().filter(char::is_ascii_digit).count() >= 15
}

/// Below a grand total come notes and signatures (`制表人：`, `审核人：`); a row there is read
/// as a person only when it carries what a person's row carries.
fn looks_like_person(row: &Row, header: &Header) -> bool {
    let cell = |column: Column| header.find(column).map(|(i, _)| row.cell(i));
    cell(Column::IdNumber).is_some_and(|c| id_like(&c.shown()))
        || cell(Column::Name).is_some_and(|c| !c.is_blank())
            && cell(Column::Amount).is_some_and(|c| Fen::from_cell(c).is_ok())
}

/// A row with nothing of its own but a 序号: an unused line of a pre-numbered form.
fn only_sequence_number(row: &Row, header: &Header) -> bool {
    let Some((seq, _)) = header.find(Column::Seq) else {
        return false;
    };
    let numbered = match row.cell(seq) {
        Cell::Integer(_) | Cell::Number(_) => true,
        Cell::Text(t) => t.trim().chars().all(|c| c.is_ascii_digit()),
        _ => false,
    };
    numbered
        && row
            .cells
            .iter()
            .enumerate()
            .all(|(c, cell)| c == seq || cell.is_blank() || row.is_copied(c))
}

fn year_in(text: &str) -> Option<i32> {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(5).find_map(|w| {
        let digits: String = w[..4].iter().collect();
        (w[4] == '年' && digits.chars().all(|c| c.is_ascii_digit()))
            .then(|| digits.parse().ok())
            .flatten()
            .filter(|y| (2000..=2100).contains(y))
    })
}

/// “2025年××镇耕地地力保护补贴发放清册” → “耕地地力保护补贴”.
fn project_in(text: &str) -> Option<String> {
    let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let suffixes = [
        "资金发放清册",
        "发放清册",
        "发放花名册",
        "发放明细表",
        "发放表",
        "清册",
        "花名册",
        "公示表",
        "名册",
    ];
    let body = suffixes.iter().find_map(|s| text.strip_suffix(s))?;
    let start = ["街道", "镇", "乡", "年度", "年"]
        .iter()
        .filter_map(|m| body.rfind(m).map(|i| i + m.len()))
        .max()
        .unwrap_or(0);
    let project = body[start..].trim_start_matches(['（', '(', '）', ')']);
    (project.chars().count() >= 2).then(|| project.to_owned())
}

/// The known name closest to `raw`, to suggest a correction: one character off for short
/// names, about a third of the characters for longer ones.
fn closest<'a>(raw: &str, names: &'a [String]) -> Option<&'a str> {
    names
        .iter()
        .map(|n| (edit_distance(raw, n), n))
        .filter(|(d, n)| *d <= (n.chars().count() / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, n)| n.as_str())
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            current.push(
                (previous[j] + cost)
                    .min(previous[j + 1] + 1)
                    .min(current[j] + 1),
            );
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles() {
        assert_eq!(year_in("2025年示范镇耕地地力保护补贴发放清册"), Some(2025));
        assert_eq!(
            project_in("2025年示范镇耕地地力保护补贴发放清册").as_deref(),
            Some("耕地地力保护补贴")
        );
        assert_eq!(
            project_in("城南街道2024年度高龄津贴发放花名册").as_deref(),
            Some("高龄津贴")
        );
        assert_eq!(project_in("单位：元"), None);
    }

    #[test]
    fn suggestions() {
        let names = vec!["东山村".to_owned(), "西河村".to_owned()];
        assert_eq!(closest("东山", &names), Some("东山村"));
        assert_eq!(closest("东三村", &names), Some("东山村"));
        assert_eq!(closest("北塘村", &names), None);
    }
}
