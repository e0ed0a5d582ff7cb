//! The columns a payout list may have, the many ways finance writes their headers, and finding
//! the header row below title rows.

use gongkai_sheets::{Cell, Row, Sheet};

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

/// What a header text means under `overrides`, falling back to the synonyms.
pub fn column_of(text: &str, overrides: &[Override]) -> Option<Column> {
    let key = normalise(text);
    match overrides.iter().find(|o| normalise(&o.header) == key) {
        Some(o) => o.column,
        None => recognise(text),
    }
}

/// The header row of a sheet and what each of its columns holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// Index into `Sheet::rows`.
    pub row_index: usize,
    /// (column index, column, header text as written)
    pub columns: Vec<(usize, Column, String)>,
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

/// Reads one row as a header: the columns it names under `overrides`.
fn read_header(row_index: usize, row: &Row, overrides: &[Override]) -> Header {
    let mut columns: Vec<(usize, Column, String)> = Vec::new();
    for (i, cell) in row.cells.iter().enumerate() {
        let text = cell.display_text();
        // The first column of a kind wins: "金额" may repeat in a 其中 sub-header.
        if let Some(column) = column_of(&text, overrides)
            && !columns.iter().any(|(_, c, _)| *c == column)
        {
            columns.push((i, column, text));
        }
    }
    Header { row_index, columns }
}

/// The first row, near the top, that names at least a person and an amount.
pub fn find_header(sheet: &Sheet, overrides: &[Override]) -> Option<Header> {
    sheet
        .rows
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .enumerate()
        .map(|(i, row)| read_header(i, row, overrides))
        .find(|h| h.has(Column::Name) && h.has(Column::Amount))
}

/// One sheet as the mapping step shows it: the header row (found, or the likeliest one when
/// no row names a person and an amount yet) and what each of its cells is taken to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Survey {
    /// Index into `Sheet::rows`; `None` for a sheet with no text near the top.
    pub row_index: Option<usize>,
    /// True when the row names at least a person and an amount, so validation will use it.
    pub recognised: bool,
    /// Every non-blank header cell: (column index, header text, column it is taken to be).
    pub cells: Vec<(usize, String, Option<Column>)>,
}

pub fn survey(sheet: &Sheet, overrides: &[Override]) -> Survey {
    let (row_index, recognised) = match find_header(sheet, overrides) {
        Some(header) => (Some(header.row_index), true),
        // Below the titles, the header is the row with the most text cells.
        None => {
            let likeliest = sheet
                .rows
                .iter()
                .take(HEADER_SEARCH_ROWS)
                .enumerate()
                .map(|(i, row)| (i, row.cells.iter().filter(|c| is_label(c)).count()))
                .filter(|(_, labels)| *labels >= 2)
                .max_by_key(|(i, labels)| (*labels, std::cmp::Reverse(*i)))
                .map(|(i, _)| i);
            (likeliest, false)
        }
    };
    let cells = row_index.map_or_else(Vec::new, |index| {
        let header = read_header(index, &sheet.rows[index], overrides);
        sheet.rows[index]
            .cells
            .iter()
            .enumerate()
            .filter(|(_, cell)| !cell.is_blank())
            .map(|(i, cell)| {
                let column = header
                    .columns
                    .iter()
                    .find(|(c, ..)| *c == i)
                    .map(|(_, k, _)| *k);
                (i, cell.display_text(), column)
            })
            .collect()
    });
    Survey {
        row_index,
        recognised,
        cells,
    }
}

fn is_label(cell: &Cell) -> bool {
    matches!(cell, Cell::Text(t) if !t.trim().is_empty() && t.trim().parse::<f64>().is_err())
}

#[cfg(test)]
mod tests {
    use super::*;

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
                .map(|(cells, number)| Row {
                    number,
                    cells: cells.iter().map(|t| Cell::Text((*t).to_owned())).collect(),
                })
                .collect(),
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
