//! The columns a payout list may have, the many ways finance writes their headers, and finding
//! the header row below title rows.

use gongkai_sheets::{Cell, Sheet};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Seq,
    Village,
    Group,
    Name,
    IdNumber,
    BankAccount,
    Phone,
    Area,
    Rate,
    Amount,
    Project,
    Note,
}

impl Column {
    /// Every column, in the order the mapping step offers them.
    pub const ALL: [Column; 12] = [
        Column::Seq,
        Column::Village,
        Column::Group,
        Column::Name,
        Column::IdNumber,
        Column::BankAccount,
        Column::Phone,
        Column::Area,
        Column::Rate,
        Column::Amount,
        Column::Project,
        Column::Note,
    ];

    /// The stable name a saved mapping uses; never changes once released.
    pub fn key(self) -> &'static str {
        match self {
            Column::Seq => "seq",
            Column::Village => "village",
            Column::Group => "group",
            Column::Name => "name",
            Column::IdNumber => "id_number",
            Column::BankAccount => "bank_account",
            Column::Phone => "phone",
            Column::Area => "area",
            Column::Rate => "rate",
            Column::Amount => "amount",
            Column::Project => "project",
            Column::Note => "note",
        }
    }

    pub fn from_key(key: &str) -> Option<Column> {
        Column::ALL.into_iter().find(|c| c.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Column::Seq => "序号",
            Column::Village => "村（社区）",
            Column::Group => "村民小组",
            Column::Name => "姓名",
            Column::IdNumber => "身份证号",
            Column::BankAccount => "银行账号",
            Column::Phone => "联系电话",
            Column::Area => "面积（数量）",
            Column::Rate => "补贴标准",
            Column::Amount => "金额",
            Column::Project => "补贴项目",
            Column::Note => "备注",
        }
    }
}

/// Header texts seen on real lists, already normalised (see [`normalise`]).
const SYNONYMS: &[(Column, &[&str])] = &[
    (Column::Seq, &["序号", "编号", "顺序号"]),
    (
        Column::Village,
        &[
            "村",
            "村名",
            "行政村",
            "村(社区)",
            "村社区",
            "村居",
            "所属村",
            "村委会",
            "社区",
            "村别",
        ],
    ),
    (Column::Group, &["组", "村民小组", "小组", "组别", "所属组"]),
    (
        Column::Name,
        &[
            "姓名",
            "户主姓名",
            "户主",
            "补贴对象",
            "对象姓名",
            "领取人",
            "收款人",
            "收款人姓名",
            "享受人姓名",
            "补贴对象姓名",
            "农户姓名",
            "户名",
        ],
    ),
    (
        Column::IdNumber,
        &[
            "身份证号",
            "身份证号码",
            "证件号码",
            "身份证",
            "公民身份号码",
            "证件号",
            "户主身份证号",
            "身份证件号码",
        ],
    ),
    (
        Column::BankAccount,
        &[
            "银行账号",
            "银行卡号",
            "一卡通账号",
            "账号",
            "社保卡号",
            "卡号",
            "存折账号",
            "惠农卡号",
            "收款账号",
            "银行帐号",
            "帐号",
        ],
    ),
    (
        Column::Phone,
        &[
            "联系电话",
            "电话",
            "手机号",
            "手机号码",
            "联系方式",
            "电话号码",
        ],
    ),
    (
        Column::Area,
        &[
            "面积",
            "补贴面积",
            "计税面积",
            "耕地面积",
            "种植面积",
            "确权面积",
            "实际种植面积",
            "播种面积",
            "数量",
            "补贴数量",
        ],
    ),
    (Column::Rate, &["补贴标准", "标准", "单价", "补助标准"]),
    (
        Column::Amount,
        &[
            "金额",
            "补贴金额",
            "发放金额",
            "实发金额",
            "补助金额",
            "应发金额",
            "合计金额",
            "补贴资金",
        ],
    ),
    (
        Column::Project,
        &["补贴项目", "项目", "项目名称", "补贴类别", "补贴名称"],
    ),
    (Column::Note, &["备注", "说明"]),
];

/// Strips spaces, full-width brackets and a trailing unit such as `(元)` or `(元/亩)`.
pub fn normalise(header: &str) -> String {
    let mut text: String = header
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            other => other,
        })
        .collect();
    if let Some(open) = text.rfind('(')
        && text.ends_with(')')
    {
        let unit = &text[open + 1..text.len() - 1];
        if ["元", "亩", "元/亩", "人", "户", "元/人", "万元", "平方米"].contains(&unit)
        {
            text.truncate(open);
        }
    }
    text
}

pub fn recognise(header: &str) -> Option<Column> {
    let key = normalise(header);
    SYNONYMS
        .iter()
        .find(|(_, names)| names.contains(&key.as_str()))
        .map(|(column, _)| *column)
}

/// The clerk's correction of how a source names its columns: header text (as written; compared
/// after [`normalise`]) → the column it holds, or `None` to ignore a column a synonym would
/// otherwise claim. Saved per source as an import template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    pub header: String,
    pub column: Option<Column>,
}

/// The header of a sheet — one row, or several when headers are stacked (`补贴面积（亩）` over
/// `确权面积` and `实际种植面积`) — and what each of its columns holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// Index into `Sheet::rows` of the header's first row.
    pub row_index: usize,
    /// Index of its last row: data starts below it.
    pub last_index: usize,
    /// (column index, column, header as written: the texts of a stacked header joined by `/`)
    pub columns: Vec<(usize, Column, String)>,
    /// Columns that several headers claim, which the clerk must choose between.
    pub ambiguous: Vec<Ambiguity>,
}

/// Two or more headers that each could be one column (`确权面积` and `实际种植面积` are both an
/// area): reading either silently could pay on the wrong one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ambiguity {
    pub column: Column,
    pub headers: Vec<String>,
}

impl Ambiguity {
    pub fn message(&self) -> String {
        let headers: Vec<String> = self.headers.iter().map(|h| format!("“{h}”")).collect();
        format!(
            "表头中有 {} 列都可作为“{}”：{}。请在导入向导中选定其中一列（其余设为“忽略”），选择会保存在导入模板中",
            self.headers.len(),
            self.column.label(),
            headers.join("、")
        )
    }
}

impl Header {
    pub fn find(&self, column: Column) -> Option<(usize, &str)> {
        self.columns
            .iter()
            .find(|(_, c, _)| *c == column)
            .map(|(i, _, text)| (*i, text.as_str()))
    }

    fn has(&self, column: Column) -> bool {
        self.find(column).is_some()
    }
}

/// How many rows below the top a header may sit (titles, units, merged banners).
const HEADER_SEARCH_ROWS: usize = 30;

/// The most rows one stacked header may take.
const MAX_HEADER_ROWS: usize = 4;

/// Columns where two different headers meaning the same thing must be settled by the clerk.
/// A second 序号, 电话 or 备注 changes no one's money or identity: the first is read.
fn must_be_unique(column: Column) -> bool {
    !matches!(column, Column::Seq | Column::Phone | Column::Note)
}

/// The header texts of a stacked header, column by column: the texts of its rows from the top,
/// a text repeated by a merge taken once, joined by `/`.
fn header_paths(sheet: &Sheet, first: usize, last: usize) -> Vec<(usize, String)> {
    let rows = &sheet.rows[first..=last];
    let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    (0..width)
        .filter_map(|c| {
            let mut parts: Vec<String> = Vec::new();
            for row in rows {
                let text = row.cell(c).display_text();
                if !text.is_empty() && parts.last() != Some(&text) {
                    parts.push(text);
                }
            }
            (!parts.is_empty()).then(|| (c, parts.join("/")))
        })
        .collect()
}

/// What a header (possibly a path `上/下`) means: the clerk's override of the whole path first,
/// then the synonyms for the whole text, its last part, and the parts above it, nearest first.
/// The flag is true when the clerk's override decided it.
fn column_of_path(path: &str, overrides: &[Override]) -> (Option<Column>, bool) {
    let key = normalise(path);
    if let Some(o) = overrides.iter().find(|o| normalise(&o.header) == key) {
        return (o.column, true);
    }
    if let Some(column) = recognise(path) {
        return (Some(column), false);
    }
    (path.rsplit('/').find_map(recognise), false)
}

/// Reads rows `first..=last` as a header: the columns they name under `overrides`.
fn read_header(sheet: &Sheet, first: usize, last: usize, overrides: &[Override]) -> Header {
    // (column index, column, header, named by the clerk)
    let candidates: Vec<(usize, Column, String, bool)> = header_paths(sheet, first, last)
        .into_iter()
        .filter_map(|(i, path)| {
            let (column, by_clerk) = column_of_path(&path, overrides);
            column.map(|c| (i, c, path, by_clerk))
        })
        .collect();
    let mut columns = Vec::new();
    let mut ambiguous = Vec::new();
    for kind in Column::ALL {
        let of_kind: Vec<&(usize, Column, String, bool)> =
            candidates.iter().filter(|(_, c, ..)| *c == kind).collect();
        // A column the clerk named wins over ones only a synonym claims.
        let chosen: Vec<&&(usize, Column, String, bool)> = if of_kind.iter().any(|c| c.3) {
            of_kind.iter().filter(|c| c.3).collect()
        } else {
            of_kind.iter().collect()
        };
        let Some(first_chosen) = chosen.first() else {
            continue;
        };
        // The same header twice ("金额" repeated in a 其中 sub-header) is one column: the first.
        let mut distinct: Vec<&str> = Vec::new();
        for c in &chosen {
            if !distinct.iter().any(|d| normalise(d) == normalise(&c.2)) {
                distinct.push(&c.2);
            }
        }
        if distinct.len() > 1 && must_be_unique(kind) {
            ambiguous.push(Ambiguity {
                column: kind,
                headers: distinct.iter().map(|d| (*d).to_owned()).collect(),
            });
        }
        columns.push((first_chosen.0, kind, first_chosen.2.clone()));
    }
    columns.sort_by_key(|(i, ..)| *i);
    Header {
        row_index: first,
        last_index: last,
        columns,
        ambiguous,
    }
}

/// The last row of a header starting at `first`: rows held by a merged header cell that
/// reaches down, or a row right below that only names columns (a stacked header written
/// without merges).
fn header_end(sheet: &Sheet, first: usize, overrides: &[Override]) -> usize {
    let rows = &sheet.rows;
    let mut last = first;
    loop {
        let (top, bottom) = (rows[first].number, rows[last].number);
        let reach = sheet
            .merges
            .iter()
            .filter(|m| (top..=bottom).contains(&m.first_row) && m.last_row > bottom)
            .map(|m| m.last_row)
            .max();
        let next = last + 1;
        let grows = next < rows.len()
            && next - first < MAX_HEADER_ROWS
            && rows[next].number == bottom + 1
            && (reach.is_some_and(|r| r >= rows[next].number)
                || names_columns_only(sheet, first, last, next, overrides));
        if !grows {
            return last;
        }
        last = next;
    }
}

/// Whether row `next` continues the header `first..=last` written without merges: every text of
/// its own is a column name, or stands below a header cell that is blank or spans columns; no
/// numbers; nothing of its own under the person's name or ID.
fn names_columns_only(
    sheet: &Sheet,
    first: usize,
    last: usize,
    next: usize,
    overrides: &[Override],
) -> bool {
    let above = read_header(sheet, first, last, overrides);
    let row = &sheet.rows[next];
    let own: Vec<(usize, &Cell)> = row
        .cells
        .iter()
        .enumerate()
        .filter(|(c, cell)| !cell.is_blank() && !row.is_copied(*c))
        .collect();
    let personal = [Column::Name, Column::IdNumber];
    !own.is_empty()
        && own.iter().all(|(c, cell)| {
            let header_above = sheet.rows[last].cell(*c);
            let spans = sheet.rows[last].is_copied(*c)
                || sheet.merge_at(sheet.rows[last].number, *c).is_some();
            is_label(cell)
                && !personal
                    .iter()
                    .any(|p| above.find(*p).is_some_and(|(i, _)| i == *c))
                && (column_of_path(&cell.display_text(), overrides).0.is_some()
                    || is_unit(&cell.display_text())
                    || header_above.is_blank()
                    || spans)
        })
}

/// Whether a header may start at row `i`: it names a column by itself. A title merged across
/// the table (`2026年…发放清册`) names none, so it stays a title above the header.
fn may_start_header(sheet: &Sheet, i: usize, overrides: &[Override]) -> bool {
    sheet.rows[i].has_own_content() && !read_header(sheet, i, i, overrides).columns.is_empty()
}

/// A row of units under the header: `（元）`, `(亩)`, `单位：元`.
fn is_unit(text: &str) -> bool {
    let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let bracketed = (text.starts_with('（') || text.starts_with('('))
        && (text.ends_with('）') || text.ends_with(')'))
        && text.chars().count() <= 8;
    bracketed || text.starts_with("单位")
}

/// The first header near the top that names at least a person and an amount.
pub fn find_header(sheet: &Sheet, overrides: &[Override]) -> Option<Header> {
    (0..sheet.rows.len().min(HEADER_SEARCH_ROWS))
        .filter(|&i| may_start_header(sheet, i, overrides))
        .map(|i| read_header(sheet, i, header_end(sheet, i, overrides), overrides))
        .find(|h| h.has(Column::Name) && h.has(Column::Amount))
}

/// One sheet as the mapping step shows it: the header (found, or the likeliest row when no row
/// names a person and an amount yet) and what each of its cells is taken to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Survey {
    /// Index into `Sheet::rows` of the header's first row; `None` for a sheet with no text near
    /// its top.
    pub row_index: Option<usize>,
    /// Index of the header's last row (the same as `row_index` for a one-row header).
    pub last_index: Option<usize>,
    /// True when the header names at least a person and an amount and no column is claimed by
    /// two headers, so validation will use it.
    pub recognised: bool,
    /// Every non-blank header: (column index, header text, column it is taken to be).
    pub cells: Vec<(usize, String, Option<Column>)>,
    pub ambiguous: Vec<Ambiguity>,
}

pub fn survey(sheet: &Sheet, overrides: &[Override]) -> Survey {
    let header = find_header(sheet, overrides).or_else(|| {
        // Below the titles, the header is the row with the most text cells.
        sheet
            .rows
            .iter()
            .take(HEADER_SEARCH_ROWS)
            .enumerate()
            .map(|(i, row)| (i, row.cells.iter().filter(|c| is_label(c)).count()))
            .filter(|(_, labels)| *labels >= 2)
            .max_by_key(|(i, labels)| (*labels, std::cmp::Reverse(*i)))
            .map(|(i, _)| read_header(sheet, i, header_end(sheet, i, overrides), overrides))
    });
    let Some(header) = header else {
        return Survey {
            row_index: None,
            last_index: None,
            recognised: false,
            cells: Vec::new(),
            ambiguous: Vec::new(),
        };
    };
    let cells = header_paths(sheet, header.row_index, header.last_index)
        .into_iter()
        .map(|(i, path)| {
            let column = header
                .columns
                .iter()
                .find(|(c, ..)| *c == i)
                .map(|(_, k, _)| *k)
                .or_else(|| {
                    // A header that lost to another of its kind still shows what it could be.
                    header
                        .ambiguous
                        .iter()
                        .find(|a| a.headers.contains(&path))
                        .map(|a| a.column)
                });
            (i, path, column)
        })
        .collect();
    Survey {
        row_index: Some(header.row_index),
        last_index: Some(header.last_index),
        recognised: header.has(Column::Name)
            && header.has(Column::Amount)
            && header.ambiguous.is_empty(),
        cells,
        ambiguous: header.ambiguous,
    }
}

fn is_label(cell: &Cell) -> bool {
    matches!(cell, Cell::Text(t) if !t.trim().is_empty() && t.trim().parse::<f64>().is_err())
}

#[cfg(test)]
mod tests {
    use super::*;
    use gongkai_sheets::Row;

    #[test]
    fn synonyms_with_units_and_brackets() {
        assert_eq!(recognise("补贴金额（元）"), Some(Column::Amount));
        assert_eq!(recognise(" 身份证号码 "), Some(Column::IdNumber));
        assert_eq!(recognise("村（社区）"), Some(Column::Village));
        assert_eq!(recognise("补贴标准(元/亩)"), Some(Column::Rate));
        assert_eq!(recognise("户 主 姓 名"), Some(Column::Name));
        assert_eq!(recognise("签字"), None);
    }

    #[test]
    fn keys_round_trip() {
        for column in Column::ALL {
            assert_eq!(Column::from_key(column.key()), Some(column));
        }
        assert_eq!(Column::from_key("姓名"), None);
    }

    fn sheet(rows: &[&[&str]]) -> Sheet {
        Sheet {
            name: "Sheet1".to_owned(),
            rows: rows
                .iter()
                .zip(1..)
                .map(|(cells, number)| {
                    Row::new(
                        number,
                        cells.iter().map(|t| Cell::Text((*t).into())).collect(),
                    )
                })
                .collect(),
            merges: Vec::new(),
            hidden: false,
            heading: Vec::new(),
        }
    }

    #[test]
    fn a_header_no_synonym_knows_is_offered_then_taken_with_overrides() {
        let s = sheet(&[
            &["2025年示范镇耕地地力保护补贴发放清册"],
            &["序号", "所在村", "持卡人", "公民身份证", "本次发放"],
            &["1", "樟溪村", "张三", "360982199001011234", "100"],
        ]);
        let found = survey(&s, &[]);
        assert!(!found.recognised);
        assert_eq!(found.row_index, Some(1));
        assert_eq!(found.cells.len(), 5);
        assert_eq!(found.cells[0].2, Some(Column::Seq));
        assert_eq!(found.cells[2], (2, "持卡人".to_owned(), None));
        assert!(find_header(&s, &[]).is_none());

        let mapping = [
            ("所在村", Some(Column::Village)),
            ("持卡人", Some(Column::Name)),
            ("公民身份证", Some(Column::IdNumber)),
            ("本次发放", Some(Column::Amount)),
        ]
        .map(|(header, column)| Override {
            header: header.to_owned(),
            column,
        });
        let found = survey(&s, &mapping);
        assert!(found.recognised);
        assert_eq!(found.cells[3].2, Some(Column::IdNumber));
        let header = find_header(&s, &mapping).expect("header with the mapping");
        assert_eq!(header.find(Column::Amount), Some((4, "本次发放")));
    }

    #[test]
    fn an_override_can_ignore_a_column_a_synonym_claims() {
        let s = sheet(&[
            &["姓名", "账号", "金额"],
            &["张三", "6217001234567890", "100"],
        ]);
        assert!(
            find_header(&s, &[])
                .expect("header")
                .has(Column::BankAccount)
        );
        let ignore = [Override {
            header: "账号".to_owned(),
            column: None,
        }];
        assert!(
            !find_header(&s, &ignore)
                .expect("header")
                .has(Column::BankAccount)
        );
    }
}
