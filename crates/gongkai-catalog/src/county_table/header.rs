//! Finding the header of a county table below its title rows, in one row or two (公开对象 over
//! 全社会/特定群体, 公开事项 over 一级事项/二级事项), and what each column holds.

use gongkai_sheets::{Cell, Row};

use super::cells::level_named;
use crate::{Audience, Level, Mode};

/// How many rows from the top of a sheet a header is looked for in.
pub(crate) const HEADER_SEARCH_ROWS: usize = 20;

/// What a column of the standard table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Seq,
    Domain,
    Level1,
    Level2,
    /// 三级事项, in the tables that break a 二级事项 down once more: read into the 二级事项.
    Level3,
    Content,
    Basis,
    TimeLimit,
    Subject,
    Channels,
    /// One value's tick column (under a group header), or with `None` the group's single
    /// column holding the values in words.
    Audience(Option<Audience>),
    Mode(Option<Mode>),
    Level(Option<Level>),
    /// 公开事项 over 一级/二级事项: names no column by itself.
    ItemGroup,
}

impl Field {
    /// The fields a second header row names under a group.
    fn is_sub_header(self) -> bool {
        matches!(
            self,
            Field::Level1
                | Field::Level2
                | Field::Level3
                | Field::Audience(Some(_))
                | Field::Mode(Some(_))
                | Field::Level(Some(_))
        )
    }
}

/// A header title without spaces, line breaks and bracket style.
pub(crate) fn compact(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            other => other,
        })
        .collect()
}

/// The field a header title names, if it names one.
pub(crate) fn classify(title: &str) -> Option<Field> {
    let t = compact(title);
    let field = if t.is_empty() {
        return None;
    } else if t == "序号" || t == "编号" {
        Field::Seq
    } else if t.contains("领域") && t.chars().count() <= 6 {
        Field::Domain
    } else if t.starts_with("一级事项") {
        Field::Level1
    } else if t.starts_with("二级事项") {
        Field::Level2
    } else if t.starts_with("三级事项") {
        Field::Level3
    } else if t == "公开事项" || t == "事项" {
        Field::ItemGroup
    } else if t.starts_with("公开内容") {
        Field::Content
    } else if t.starts_with("公开依据") {
        Field::Basis
    } else if ["公开时限", "公开期限", "公开时间"]
        .iter()
        .any(|w| t.starts_with(w))
    {
        Field::TimeLimit
    } else if ["公开主体", "公开责任主体", "责任主体"]
        .iter()
        .any(|w| t.starts_with(w))
    {
        Field::Subject
    } else if t.starts_with("公开渠道") || t.starts_with("公开载体") {
        Field::Channels
    } else if t.starts_with("公开对象") || t.starts_with("公开范围") {
        Field::Audience(None)
    } else if t.starts_with("公开方式") || t.starts_with("公开属性") {
        // 公开属性: 主动公开 or 依申请公开, as some counties head the column.
        Field::Mode(None)
    } else if t.starts_with("公开层级") {
        Field::Level(None)
    } else if t == "全社会" || t == "社会公众" {
        Field::Audience(Some(Audience::Public))
    } else if t.starts_with("特定") {
        Field::Audience(Some(Audience::Specific))
    } else if t.starts_with("主动") {
        Field::Mode(Some(Mode::Active))
    } else if t.starts_with("依申请") {
        Field::Mode(Some(Mode::OnRequest))
    } else if t.ends_with('级') && t.chars().count() <= 8 {
        Field::Level(Some(level_named(&t)?))
    } else {
        return None;
    };
    Some(field)
}

/// The header found: where it is and each column's field and title.
#[derive(Debug, Clone)]
pub(crate) struct Header {
    /// The number of the header's last row: items start below it.
    pub last_row: u32,
    /// Per column: what it holds (`None`: not a column of the standard table) and its title as
    /// written (`公开对象/全社会` for a two-row header).
    pub columns: Vec<(Option<Field>, String)>,
    /// Each header row's titles as written in it (compacted; empty where a cell holds none of
    /// its own), to know the header when a table repeats it below.
    rows: Vec<Vec<String>>,
}

impl Header {
    pub fn column_of(&self, field: Field) -> Option<usize> {
        self.columns.iter().position(|(f, _)| *f == Some(field))
    }

    /// This header over a table that continues the one it heads (split at a page break
    /// without the header repeated): every row of it is below the header.
    pub fn continued(&self) -> Header {
        Header {
            last_row: 0,
            ..self.clone()
        }
    }

    /// Whether `row` is one of the header's rows again: a table converted from a PDF or split
    /// over pages repeats its header, both rows of a two-row one. Two titles in their own
    /// columns, and no own text that is not the header's, say so.
    pub fn repeated_in(&self, row: &Row) -> bool {
        self.rows.iter().any(|titles| {
            let mut matched = 0;
            for (c, cell) in row.cells.iter().enumerate() {
                if cell.is_blank() || row.is_copied(c) {
                    continue;
                }
                if titles
                    .get(c)
                    .is_some_and(|t| *t == compact(&cell.display_text()))
                {
                    matched += 1;
                } else {
                    return false;
                }
            }
            matched >= 2
        })
    }
}

/// A header row's own titles, compacted, per column.
fn own_titles(row: &Row) -> Vec<String> {
    (0..row.cells.len())
        .map(|c| {
            if row.is_copied(c) {
                String::new()
            } else {
                compact(&text(row, c))
            }
        })
        .collect()
}

fn text(row: &Row, column: usize) -> String {
    match row.cell(column) {
        Cell::Empty => String::new(),
        cell => cell.display_text(),
    }
}

/// The header whose first row is `top` (and second, when it is one, `below`).
pub(crate) fn header_at(top: &Row, below: Option<&Row>) -> Option<Header> {
    let width = top.cells.len().max(below.map_or(0, |b| b.cells.len()));
    let top_fields: Vec<Option<Field>> = (0..width).map(|c| classify(&text(top, c))).collect();
    let level2_top = top_fields.iter().position(|f| *f == Some(Field::Level2));
    let below_fields: Vec<Option<Field>> = (0..width)
        .map(|c| {
            below.and_then(|b| {
                // A title merged down from the row above is not a sub-header of its own.
                (!b.is_copied(c)).then(|| classify(&text(b, c))).flatten()
            })
        })
        .collect();
    // A second header row names sub-columns, and holds no item in the 二级事项 column (a data
    // row under a one-row header can read “全社会” in a 公开对象 column).
    // And the upper row is itself a header row, not a title above a one-row header.
    let below_is_header = below.is_some_and(|b| {
        top_fields.iter().any(Option::is_some)
            && below_fields.iter().flatten().any(|f| f.is_sub_header())
            && level2_top.is_none_or(|c| {
                b.cell(c).is_blank()
                    || b.is_copied(c)
                    || classify(&text(b, c)) == Some(Field::Level2)
            })
    });
    let mut columns = Vec::with_capacity(width);
    for c in 0..width {
        let top_title = text(top, c);
        let (field, title) = match (below_is_header, below_fields[c]) {
            (true, Some(sub)) => {
                let sub_title = below.map(|b| text(b, c)).unwrap_or_default();
                let title = if top_title.is_empty() || top_title == sub_title {
                    sub_title
                } else {
                    format!("{top_title}/{sub_title}")
                };
                (Some(sub), title)
            }
            _ => (top_fields[c], top_title),
        };
        let field = field.filter(|f| *f != Field::ItemGroup);
        // A field claimed twice keeps its first column; the other's cells are not placed.
        let field = field.filter(|f| !columns.iter().any(|(g, _)| *g == Some(*f)));
        columns.push((field, title));
    }
    if !columns.iter().any(|(f, _)| *f == Some(Field::Level2)) {
        return None;
    }
    let (last_row, rows) = match (below_is_header, below) {
        (true, Some(b)) => (b.number, vec![own_titles(top), own_titles(b)]),
        _ => (top.number, vec![own_titles(top)]),
    };
    Some(Header {
        last_row,
        columns,
        rows,
    })
}

/// The header of a sheet: the first of its top rows that, alone or with the next row, names a
/// 二级事项 column. `Err` gives the rows tried, for the message.
pub(crate) fn find(rows: &[Row]) -> Result<(usize, Header), (u32, u32)> {
    let tried = rows.len().min(HEADER_SEARCH_ROWS);
    for i in 0..tried {
        let below = rows.get(i + 1).filter(|b| b.number == rows[i].number + 1);
        if let Some(header) = header_at(&rows[i], below) {
            return Ok((i, header));
        }
    }
    let first = rows.first().map_or(1, |r| r.number);
    let last = rows
        .get(tried.saturating_sub(1))
        .map_or(first, |r| r.number);
    Err((first, last))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(number: u32, texts: &[&str]) -> Row {
        Row::new(
            number,
            texts
                .iter()
                .map(|t| {
                    if t.is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text((*t).into())
                    }
                })
                .collect(),
        )
    }

    #[test]
    fn titles_name_their_fields() {
        assert_eq!(classify("公开内容\n（要素）"), Some(Field::Content));
        assert_eq!(
            classify("特定群众"),
            Some(Field::Audience(Some(Audience::Specific)))
        );
        assert_eq!(
            classify("依申请公开"),
            Some(Field::Mode(Some(Mode::OnRequest)))
        );
        assert_eq!(
            classify("乡、村级"),
            Some(Field::Level(Some(Level::Township)))
        );
        assert_eq!(classify("区级"), Some(Field::Level(Some(Level::County))));
        assert_eq!(classify("备注"), None);
        assert_eq!(classify("公开\n属性"), Some(Field::Mode(None)));
        assert_eq!(classify("公开范围"), Some(Field::Audience(None)));
        assert_eq!(classify("公开责任主体"), Some(Field::Subject));
        assert_eq!(classify("公开期限"), Some(Field::TimeLimit));
    }

    #[test]
    fn a_two_row_header_reads_the_sub_columns() {
        let top = row(
            2,
            &[
                "序号",
                "公开事项",
                "",
                "公开内容",
                "公开对象",
                "",
                "公开层级",
                "",
            ],
        );
        let below = row(
            3,
            &[
                "",
                "一级事项",
                "二级事项",
                "",
                "全社会",
                "特定群体",
                "县级",
                "乡级",
            ],
        );
        let header = header_at(&top, Some(&below)).expect("header");
        assert_eq!(header.last_row, 3);
        assert_eq!(header.column_of(Field::Level2), Some(2));
        assert_eq!(
            header.column_of(Field::Audience(Some(Audience::Specific))),
            Some(5)
        );
        assert_eq!(
            header.column_of(Field::Level(Some(Level::Township))),
            Some(7)
        );
        assert_eq!(header.columns[4].1, "公开对象/全社会");
    }

    #[test]
    fn a_data_row_is_not_taken_for_a_second_header_row() {
        let top = row(1, &["一级事项", "二级事项", "公开对象"]);
        let data = row(2, &["低保", "审批", "全社会"]);
        let header = header_at(&top, Some(&data)).expect("header");
        assert_eq!(header.last_row, 1);
        assert_eq!(header.column_of(Field::Audience(None)), Some(2));
    }

    #[test]
    fn no_header_names_the_rows_tried() {
        let rows: Vec<Row> = (1..=30).map(|n| row(n, &["姓名", "金额"])).collect();
        assert_eq!(find(&rows).err(), Some((1, 20)));
    }
}
