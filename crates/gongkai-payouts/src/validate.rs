//! A whole workbook into payout lines, or every problem found. The caller imports only when
//! `errors` is empty: all or nothing.

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
}

impl Issue {
    fn at(sheet: &Sheet, row: u32, column: &str, code: &'static str, message: String) -> Self {
        Issue {
            sheet: sheet.name.clone(),
            row,
            column: column.to_owned(),
            code,
            message,
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
        let Some(header) = find_header(sheet, self.cx.overrides) else {
            let filled = sheet.rows.iter().filter(|r| !r.is_blank()).count();
            if filled > 3 {
                self.error(
                    sheet,
                    1,
                    "",
                    "no_header",
                    "找不到表头行：表头应包含“姓名”“身份证号”“金额”等列名；列名不同时请在导入向导中指定各列".to_owned(),
                );
            } else if filled > 0 {
                self.warning(
                    sheet,
                    1,
                    "",
                    "sheet_skipped",
                    "没有发放名单，已跳过".to_owned(),
                );
            }
            return;
        };
        self.read_title(sheet, header.row_index);
        let header_row = sheet.rows[header.row_index].number;
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
        let sheet_village = self.match_village(&sheet.name);
        if header.find(Column::Village).is_none() && sheet_village.is_none() {
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
        if self
            .outcome
            .errors
            .iter()
            .any(|e| e.sheet == sheet.name && e.row == header_row)
        {
            return;
        }

        let mut since_subtotal = Fen(0);
        let mut sheet_total = Fen(0);
        for row in &sheet.rows[header.row_index + 1..] {
            if row.is_blank() {
                continue;
            }
            if let Some(kind) = totals_label(row) {
                self.check_total(sheet, &header, row, kind, since_subtotal, sheet_total);
                since_subtotal = Fen(0);
                if kind != "小计" {
                    break; // below the grand total come signatures and notes, not people
                }
                continue;
            }
            if let Some(line) = self.line(sheet, &header, row, sheet_village.as_deref()) {
                since_subtotal.0 += line.amount.0;
                sheet_total.0 += line.amount.0;
                self.outcome.lines.push(line);
            }
        }
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

    fn check_total(
        &mut self,
        sheet: &Sheet,
        header: &Header,
        row: &Row,
        kind: &str,
        since_subtotal: Fen,
        sheet_total: Fen,
    ) {
        let Some((col, title)) = header.find(Column::Amount) else {
            return;
        };
        let cell = row.cell(col);
        if cell.is_blank() {
            return;
        }
        let expected = if kind == "小计" {
            since_subtotal
        } else {
            sheet_total
        };
        match Fen::from_cell(cell) {
            Ok(stated) if stated == expected => {}
            Ok(stated) => self.error(
                sheet,
                row.number,
                title,
                "total_mismatch",
                format!("{kind}行金额 {stated} 元与上面各行金额之和 {expected} 元不一致"),
            ),
            Err(problem) => self.error(
                sheet,
                row.number,
                title,
                problem.code(),
                problem.message(&format!("{kind}金额")),
            ),
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
                .map(|(i, _)| row.cell(i).display_text())
                .filter(|t| !t.is_empty())
        };
        let title = |column: Column| header.find(column).map_or("", |(_, t)| t).to_owned();

        let village = match text(Column::Village) {
            Some(raw) => match self.match_village(&raw) {
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
            None => sheet_village.map(str::to_owned),
        };

        let name = text(Column::Name).unwrap_or_default();
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
        Some(PayoutLine {
            sheet: sheet.name.clone(),
            row: row.number,
            village: village?,
            group: text(Column::Group),
            name,
            id: id?,
            bank_account,
            phone: phone.filter(|p| !p.is_empty()),
            area,
            rate,
            amount: amount?,
            project: project?,
            note: text(Column::Note),
        })
    }

    fn match_village(&self, raw: &str) -> Option<String> {
        village_named(raw, self.cx.villages)
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
        Cell::Number(f) => Err(IdProblem::PrecisionLost(format!("{f:E}"))),
        Cell::Integer(i) => Err(IdProblem::PrecisionLost(i.to_string())),
        other => IdNumber::parse(&other.display_text(), today),
    }
}

fn account_from_cell(cell: &Cell) -> Result<Option<String>, String> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Number(f) => Err(format!(
            "银行账号被 Excel 存成了数字（{f:E}），后几位已经丢失。请把这一列设为“文本”格式后重新导出"
        )),
        other => {
            let text = other.display_text();
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

fn totals_label(row: &Row) -> Option<&'static str> {
    row.cells.iter().take(4).find_map(|cell| {
        let text: String = cell
            .display_text()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        ["合计", "总计", "共计", "小计"]
            .into_iter()
            .find(|label| text.starts_with(label))
            .map(|label| {
                if label == "小计" {
                    "小计"
                } else {
                    "合计"
                }
            })
    })
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
