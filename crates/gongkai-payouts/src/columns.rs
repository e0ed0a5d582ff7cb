//! The columns a payout list may have, the many ways finance writes their headers, and finding
//! the header row below title rows.

use gongkai_sheets::Sheet;

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
}

/// How many rows below the top a header may sit (titles, units, merged banners).
const HEADER_SEARCH_ROWS: usize = 30;

/// The first row, near the top, that names at least a person and an amount. `overrides` maps
/// normalised header texts to columns for sources whose headers no synonym covers (the
/// clerk's saved mapping).
pub fn find_header(sheet: &Sheet, overrides: &[(String, Column)]) -> Option<Header> {
    sheet
        .rows
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .enumerate()
        .find_map(|(row_index, row)| {
            let mut columns: Vec<(usize, Column, String)> = Vec::new();
            for (i, cell) in row.cells.iter().enumerate() {
                let text = cell.display_text();
                let key = normalise(&text);
                let column = overrides
                    .iter()
                    .find(|(h, _)| normalise(h) == key)
                    .map(|(_, c)| *c)
                    .or_else(|| recognise(&text));
                // The first column of a kind wins: "金额" may repeat in a 其中 sub-header.
                if let Some(column) = column
                    && !columns.iter().any(|(_, c, _)| *c == column)
                {
                    columns.push((i, column, text));
                }
            }
            let has = |c: Column| columns.iter().any(|(_, k, _)| *k == c);
            (has(Column::Name) && has(Column::Amount)).then_some(Header { row_index, columns })
        })
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
}
