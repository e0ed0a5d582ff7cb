//! The catalog a county issues to its townships (乡镇（街道）政务公开事项标准目录), read from the
//! workbook or Word document it came as (`gongkai_sheets` reads `.xlsx`, `.xls` and `.docx`
//! tables into sheets, merged cells filled).
//!
//! The published layouts are all read: title rows above the header; a header of one row or two
//! (公开对象 over 全社会/特定群体, 公开方式 over 主动/依申请, 公开层级 over 县级/乡级, 公开事项
//! over 一级/二级事项); ticks as √ ✓ ● ■ or words; 一级事项 merged over its rows; a 序号 column;
//! the domain from a 领域 column, a section row (“一、社会救助领域”), a title above the header
//! or the sheet's name (one sheet per domain); 公开渠道和载体 as ■/□ boxes or the chosen
//! channels written out.
//!
//! Every cell is placed in an item or reported ([`UnplacedCell`]) by sheet, row and column;
//! a table that cannot be read as a whole is refused with every problem named
//! ([`CountyTableError`]). The township app and the county portal both read through here.

mod cells;
mod domains;
mod header;

use std::collections::HashMap;
use std::fmt;

use gongkai_sheets::{Row, Sheet, Workbook, column_letter};

use crate::{CatalogItem, Tick, workdays_in};
use cells::TickCell;
use header::{Field, Header};

/// A county table read whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountyTable {
    pub file: String,
    /// In table order.
    pub items: Vec<PlacedItem>,
    /// Cells with something written in them that no item holds.
    pub unplaced: Vec<UnplacedCell>,
    /// Per sheet read: where its header was and how many items it gave.
    pub sheets: Vec<SheetReading>,
}

/// An item and where it stood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacedItem {
    pub item: CatalogItem,
    pub sheet: String,
    pub row: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnplacedCell {
    pub sheet: String,
    pub row: u32,
    /// The column as the clerk finds it: Excel's letter (A, B, … AA), or its number (1, 2…)
    /// in a Word table, which has no letters.
    pub column: String,
    /// The column's header as written, empty above or without a header.
    pub header: String,
    pub text: String,
    /// Why it was not placed, in Chinese.
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetReading {
    pub sheet: String,
    /// The header's rows, e.g. (2, 3) for a two-row header under a title; `None` when the
    /// sheet has no header: a Word table continuing the one before under its header (`items`
    /// counts what it gave), else one whose cells are reported as unplaced (a hidden sheet too).
    pub header_rows: Option<(u32, u32)>,
    pub items: u32,
}

/// One reason a table is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableProblem {
    /// No sheet has a header naming a 二级事项 column.
    NoHeader {
        sheet: String,
        first_row: u32,
        last_row: u32,
    },
    UnknownDomain {
        sheet: String,
        row: u32,
        column: String,
        name: String,
        nearest: Option<String>,
    },
    /// An item row whose domain nothing names (no 领域 column, section row, title or sheet name).
    NoDomain { sheet: String, row: u32 },
    NoLevel2 {
        sheet: String,
        row: u32,
        column: String,
    },
    Duplicate {
        key: String,
        first: (String, u32),
        again: (String, u32),
    },
    /// A header was found but no item below it anywhere.
    NoItems,
}

/// A sheet as the clerk finds it: 工作表“社会救助”, or a Word document's table by its number
/// (表格2: Word has no sheets).
fn place(sheet: &str) -> String {
    if is_word_table(sheet) {
        format!("{sheet} ")
    } else {
        format!("工作表“{sheet}”")
    }
}

/// A column as the clerk finds it: its letter in a workbook, its number in a Word table.
fn column_place(sheet: &str, letter: &str) -> String {
    if is_word_table(sheet) {
        let number = letter.bytes().fold(0usize, |n, b| {
            n * 26 + usize::from(b.saturating_sub(b'A') + 1)
        });
        format!("第 {number} 列")
    } else {
        format!("{letter} 列")
    }
}

/// A column's name in a list of cells: its letter in a workbook, its number in a Word table.
fn column_as_found(sheet: &str, index: usize) -> String {
    if is_word_table(sheet) {
        (index + 1).to_string()
    } else {
        column_letter(index)
    }
}

/// The names `gongkai_sheets` gives a Word document's tables: 表格1, 表格2…
fn is_word_table(sheet: &str) -> bool {
    sheet
        .strip_prefix("表格")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

impl fmt::Display for TableProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TableProblem::NoHeader {
                sheet,
                first_row,
                last_row,
            } => write!(
                f,
                "{}找不到目录表头（已查找第 {first_row}–{last_row} 行）：表头须有“二级事项”一列",
                place(sheet)
            ),
            TableProblem::UnknownDomain {
                sheet,
                row,
                column,
                name,
                nearest,
            } => {
                write!(
                    f,
                    "{}第 {row} 行 {}：领域“{name}”不认识",
                    place(sheet),
                    column_place(sheet, column)
                )?;
                match nearest {
                    Some(n) => write!(f, "，是否为“{n}”？"),
                    None => write!(f, "，请写成目录中已有的领域名称"),
                }
            }
            TableProblem::NoDomain { sheet, row } => write!(
                f,
                "{}第 {row} 行：无法确定所属领域（表中没有“领域”列，工作表名、标题和分组行也未写明领域）",
                place(sheet)
            ),
            TableProblem::NoLevel2 { sheet, row, column } => write!(
                f,
                "{}第 {row} 行：有内容但没有二级事项（{}为空）",
                place(sheet),
                column_place(sheet, column)
            ),
            TableProblem::Duplicate { key, first, again } => write!(
                f,
                "事项“{key}”重复：{}第 {} 行与{}第 {} 行",
                place(&first.0),
                first.1,
                place(&again.0),
                again.1
            ),
            TableProblem::NoItems => write!(f, "找到了表头，但表头下没有任何事项"),
        }
    }
}

/// Why a table is refused: every problem found, in table order.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("目录表“{file}”无法导入：{}", problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("；"))]
pub struct CountyTableError {
    pub file: String,
    pub problems: Vec<TableProblem>,
}

/// Reads a county table. `known_domains` are the domain names the catalog has: every item's
/// domain must be one of them (a county's spelling is matched to it).
pub fn read_county_table(
    book: &Workbook,
    known_domains: &[String],
) -> Result<CountyTable, CountyTableError> {
    let mut reading = Reading {
        file: &book.file_name,
        known: known_domains,
        items: Vec::new(),
        unplaced: Vec::new(),
        problems: Vec::new(),
        seen: HashMap::new(),
    };
    let mut sheets = Vec::new();
    let mut no_header = Vec::new();
    let word = book.file_name.to_lowercase().ends_with(".docx");
    // The header, width and domain in force at the end of the table read last.
    let mut previous: Option<(Header, usize, Option<String>)> = None;
    for sheet in &book.sheets {
        let rows: Vec<&Row> = sheet.rows.iter().filter(|r| !r.is_blank()).collect();
        if rows.is_empty() {
            continue;
        }
        if sheet.hidden {
            // What a person opening the file does not see is not the catalog they were sent
            // (an old version kept, the lists behind a drop-down); said once, not imported.
            reading.hidden_sheet(sheet);
            sheets.push(SheetReading {
                sheet: sheet.name.clone(),
                header_rows: None,
                items: 0,
            });
            continue;
        }
        let owned: Vec<Row> = rows.iter().map(|r| (*r).clone()).collect();
        let width = |s: &Sheet| s.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
        match header::find(&owned) {
            Ok((at, header)) => {
                let before = reading.items.len();
                let domain = reading.sheet(sheet, &owned[..at], &header, None);
                sheets.push(SheetReading {
                    sheet: sheet.name.clone(),
                    header_rows: Some((owned[at].number, header.last_row)),
                    items: u32::try_from(reading.items.len() - before).unwrap_or(u32::MAX),
                });
                previous = Some((header, width(sheet), domain));
            }
            // A Word table split where a page broke goes on in a table of its own without the
            // header: as wide as the one before, it is read under that one's header and domain.
            Err(_)
                if word
                    && let Some((header, before_width, domain)) =
                        previous.as_ref().filter(|(_, w, _)| *w == width(sheet)) =>
            {
                let header = header.continued();
                let before = reading.items.len();
                let domain = reading.sheet(sheet, &[], &header, domain.clone());
                sheets.push(SheetReading {
                    sheet: sheet.name.clone(),
                    header_rows: None,
                    items: u32::try_from(reading.items.len() - before).unwrap_or(u32::MAX),
                });
                previous = Some((header, *before_width, domain));
            }
            Err((first_row, last_row)) => {
                no_header.push(TableProblem::NoHeader {
                    sheet: sheet.name.clone(),
                    first_row,
                    last_row,
                });
                sheets.push(SheetReading {
                    sheet: sheet.name.clone(),
                    header_rows: None,
                    items: 0,
                });
                reading.unplace_all(&sheet.name, &owned, "工作表中找不到目录表头，未导入");
                previous = None;
            }
        }
    }
    let found_header = sheets.iter().any(|s| s.header_rows.is_some());
    if !found_header {
        // Nothing to read: the problems are the sheets' missing headers.
        reading.problems = no_header;
        if reading.problems.is_empty() {
            reading.problems.push(TableProblem::NoItems);
        }
    } else if reading.items.is_empty() && reading.problems.is_empty() {
        reading.problems.push(TableProblem::NoItems);
    }
    if !reading.problems.is_empty() {
        return Err(CountyTableError {
            file: book.file_name.clone(),
            problems: reading.problems,
        });
    }
    Ok(CountyTable {
        file: book.file_name.clone(),
        items: reading.items,
        unplaced: reading.unplaced,
        sheets,
    })
}

struct Reading<'a> {
    file: &'a str,
    known: &'a [String],
    items: Vec<PlacedItem>,
    unplaced: Vec<UnplacedCell>,
    problems: Vec<TableProblem>,
    /// Item key → where it first stood.
    seen: HashMap<String, (String, u32)>,
}

impl Reading<'_> {
    fn unplace(
        &mut self,
        sheet: &str,
        row: u32,
        column: usize,
        header: &str,
        text: &str,
        reason: &str,
    ) {
        self.unplaced.push(UnplacedCell {
            sheet: sheet.to_owned(),
            row,
            column: column_as_found(sheet, column),
            header: header.to_owned(),
            text: text.to_owned(),
            reason: reason.to_owned(),
        });
    }

    /// Every written cell of `rows` (not the copies of a merged region), as not placed.
    fn unplace_all(&mut self, sheet: &str, rows: &[Row], reason: &str) {
        for row in rows {
            for (c, cell) in row.cells.iter().enumerate() {
                if !cell.is_blank() && !row.is_copied(c) {
                    self.unplace(sheet, row.number, c, "", &cell.display_text(), reason);
                }
            }
        }
    }

    /// A hidden sheet: its first written cell reported for the whole sheet.
    fn hidden_sheet(&mut self, sheet: &Sheet) {
        let mut written = sheet.rows.iter().flat_map(|row| {
            (0..row.cells.len())
                .filter(|c| !row.cell(*c).is_blank() && !row.is_copied(*c))
                .map(move |c| (row, c))
        });
        let Some((row, column)) = written.next() else {
            return;
        };
        let count = 1 + written.count();
        self.unplace(
            &sheet.name,
            row.number,
            column,
            "",
            &clean(row.cell(column).display_text()),
            &format!("工作表已隐藏（打开文件时看不到），整表未导入：共 {count} 个单元格有内容"),
        );
    }

    /// The items of one sheet below its header. `above`: the rows above the header;
    /// `inherited`: the domain in force where the table this one continues ended. Returns the
    /// domain in force at its end.
    fn sheet(
        &mut self,
        sheet: &Sheet,
        above: &[Row],
        header: &Header,
        inherited: Option<String>,
    ) -> Option<String> {
        // Title rows may name the domain; whatever else they hold is not an item.
        let mut title_domain = None;
        for row in above {
            let text: Vec<String> = row
                .cells
                .iter()
                .filter(|c| !c.is_blank())
                .map(|c| c.display_text())
                .collect();
            match domains::named_in(&text.concat(), self.known) {
                Some(domain) if title_domain.is_none() => title_domain = Some(domain),
                _ => self.unplace_all(
                    &sheet.name,
                    std::slice::from_ref(row),
                    "表头上方的标题或说明，未导入",
                ),
            }
        }
        // A Word table's heading paragraph (“一、社会救助领域”), the nearest first: Word keeps
        // it outside the table. A short line is a heading; a paragraph of prose is not.
        if title_domain.is_none() {
            title_domain = sheet
                .heading
                .iter()
                .rev()
                .filter(|line| line.chars().count() <= HEADING_CHARS)
                .find_map(|line| domains::named_in(line, self.known));
        }
        let title_domain = title_domain.or(inherited);
        let sheet_domain = domains::named_in(&sheet.name, self.known);
        let mut section_domain: Option<String> = None;
        let level2_column = header.column_of(Field::Level2).unwrap_or_default();
        for row in sheet.rows.iter().filter(|r| r.number > header.last_row) {
            if row.is_blank() || !row.has_own_content() {
                continue;
            }
            let own = |c: usize| -> String { clean(row.cell(c).display_text()) };
            if header::classify(&own(level2_column)) == Some(Field::Level2)
                || header.repeated_in(row)
            {
                continue; // the header repeated (a Word table split over pages, a PDF converted)
            }
            let texts: Vec<(usize, String)> = (0..row.cells.len())
                .filter(|c| !row.cell(*c).is_blank())
                .map(|c| (c, own(c)))
                .collect();
            let distinct: std::collections::BTreeSet<&str> =
                texts.iter().map(|(_, t)| t.as_str()).collect();
            let level2_blank = row.cell(level2_column).is_blank() || row.is_copied(level2_column);
            if distinct.len() == 1 && level2_blank {
                let (column, text) = &texts[0];
                match domains::named_in(text, self.known) {
                    Some(domain) if text.chars().count() <= 20 => section_domain = Some(domain),
                    _ => self.unplace(
                        &sheet.name,
                        row.number,
                        *column,
                        "",
                        text,
                        "表中的说明或分组行，未作为事项导入",
                    ),
                }
                continue;
            }
            let level1_blank = header
                .column_of(Field::Level1)
                .is_none_or(|c| row.cell(c).is_blank());
            if level2_blank && level1_blank && gongkai_sheets::starts_a_note(&texts[0].1) {
                // 注 over several cells, or the 落款 under a form (填报单位、填表人、联系电话).
                self.unplace_all(
                    &sheet.name,
                    std::slice::from_ref(row),
                    "表下的注释或落款，未作为事项导入",
                );
                continue;
            }
            if row.cell(level2_column).is_blank() {
                self.problems.push(TableProblem::NoLevel2 {
                    sheet: sheet.name.clone(),
                    row: row.number,
                    column: column_letter(level2_column),
                });
                continue;
            }
            let domain_cell = header
                .column_of(Field::Domain)
                .map(|c| (c, own(c)))
                .filter(|(_, t)| !t.is_empty());
            let domain = match domain_cell {
                Some((c, name)) => match domains::matching(&name, self.known) {
                    Some(domain) => domain,
                    None => {
                        self.problems.push(TableProblem::UnknownDomain {
                            sheet: sheet.name.clone(),
                            row: row.number,
                            column: column_letter(c),
                            nearest: domains::nearest(&name, self.known),
                            name,
                        });
                        continue;
                    }
                },
                None => match section_domain
                    .clone()
                    .or_else(|| title_domain.clone())
                    .or_else(|| sheet_domain.clone())
                {
                    Some(domain) => domain,
                    None => {
                        self.problems.push(TableProblem::NoDomain {
                            sheet: sheet.name.clone(),
                            row: row.number,
                        });
                        continue;
                    }
                },
            };
            let source = format!(
                "县级目录《{}》工作表“{}”第 {} 行",
                self.file, sheet.name, row.number
            );
            let item = self.item(&sheet.name, &source, row, header, domain);
            if self.continues_item(sheet, row, level2_column, &item) {
                continue;
            }
            let key = item.key();
            if let Some(first) = self.seen.get(&key) {
                self.problems.push(TableProblem::Duplicate {
                    key,
                    first: first.clone(),
                    again: (sheet.name.clone(), row.number),
                });
                continue;
            }
            self.seen.insert(key, (sheet.name.clone(), row.number));
            self.items.push(PlacedItem {
                item,
                sheet: sheet.name.clone(),
                row: row.number,
            });
        }
        section_domain.or(title_domain).or(sheet_domain)
    }

    /// A row under a 二级事项 merged down from the item above (the county split the item's
    /// 公开内容 or 依据 over rows): its cells are more of that item, not an item again.
    fn continues_item(
        &mut self,
        sheet: &Sheet,
        row: &Row,
        level2_column: usize,
        item: &CatalogItem,
    ) -> bool {
        if !row.is_copied(level2_column) {
            return false;
        }
        let Some(merge) = sheet.merge_at(row.number, level2_column) else {
            return false;
        };
        let Some(above) = self
            .items
            .last_mut()
            .filter(|p| p.sheet == sheet.name && p.row == merge.first_row)
        else {
            return false;
        };
        if above.item.key() != item.key() {
            return false;
        }
        let into = &mut above.item;
        for (text, more) in [
            (&mut into.content, &item.content),
            (&mut into.basis, &item.basis),
            (&mut into.time_limit, &item.time_limit),
            (&mut into.subject, &item.subject),
        ] {
            // A cell merged over both rows reads the same in each: said once.
            if !more.is_empty() && !text.split('\n').any(|line| line == more) {
                if !text.is_empty() {
                    text.push('\n');
                }
                text.push_str(more);
            }
        }
        into.time_limit_workdays = workdays_in(&into.time_limit);
        if !item.channels_other.is_empty() && !into.channels_other.contains(&item.channels_other) {
            if !into.channels_other.is_empty() {
                into.channels_other.push('、');
            }
            into.channels_other.push_str(&item.channels_other);
        }
        union(&mut into.channels, &item.channels);
        union(&mut into.audience, &item.audience);
        union(&mut into.mode, &item.mode);
        union(&mut into.level, &item.level);
        true
    }

    /// The item of one row; cells it cannot hold are reported.
    fn item(
        &mut self,
        sheet: &str,
        source: &str,
        row: &Row,
        header: &Header,
        domain: String,
    ) -> CatalogItem {
        let mut item = CatalogItem {
            domain,
            level1: String::new(),
            level2: String::new(),
            content: String::new(),
            basis: String::new(),
            time_limit: String::new(),
            time_limit_workdays: None,
            subject: String::new(),
            channels: Vec::new(),
            channels_other: String::new(),
            audience: Vec::new(),
            mode: Vec::new(),
            level: Vec::new(),
            source: source.to_owned(),
        };
        let mut level3 = String::new();
        for (c, (field, title)) in header.columns.iter().enumerate() {
            let cell = row.cell(c);
            if cell.is_blank() {
                continue;
            }
            let text = clean(cell.display_text());
            let mut unplace = |me: &mut Self, reason: &str| {
                // A merged cell is reported once, at the row it was written in.
                if !row.is_copied(c) {
                    me.unplace(sheet, row.number, c, title, &text, reason);
                }
            };
            match field {
                None => unplace(self, "不是标准目录的列，未导入"),
                Some(Field::Seq | Field::Domain | Field::ItemGroup) => {}
                Some(Field::Level1) => item.level1 = one_line(&text),
                Some(Field::Level2) => item.level2 = one_line(&text),
                Some(Field::Level3) => level3 = one_line(&text),
                Some(Field::Content) => item.content = text,
                Some(Field::Basis) => item.basis = text,
                Some(Field::TimeLimit) => {
                    item.time_limit_workdays = workdays_in(&text);
                    item.time_limit = text;
                }
                Some(Field::Subject) => item.subject = text,
                Some(Field::Channels) => {
                    let (channels, other) = cells::channels_in(&text);
                    if channels.is_empty() {
                        unplace(self, "公开渠道和载体中没有勾选或写明的渠道");
                    }
                    item.channels = channels;
                    item.channels_other = other;
                }
                Some(Field::Audience(Some(value))) => {
                    if self.tick(&text, value, &mut unplace) {
                        item.audience.push(*value);
                    }
                }
                Some(Field::Mode(Some(value))) => {
                    if self.tick(&text, value, &mut unplace) {
                        item.mode.push(*value);
                    }
                }
                Some(Field::Level(Some(value))) => {
                    if self.tick(&text, value, &mut unplace) {
                        item.level.push(*value);
                    }
                }
                Some(Field::Audience(None)) => match cells::audiences_in(&text) {
                    Some(values) => item.audience = values,
                    None => unplace(self, "公开对象无法识别（应为全社会或特定群体）"),
                },
                Some(Field::Mode(None)) => match cells::modes_in(&text) {
                    Some(values) => item.mode = values,
                    None => unplace(self, "公开方式无法识别（应为主动或依申请）"),
                },
                Some(Field::Level(None)) => match cells::levels_in(&text) {
                    Some(values) => item.level = values,
                    None => unplace(self, "公开层级无法识别（应为县级或乡级）"),
                },
            }
        }
        if !level3.is_empty() {
            // Each 三级事项 is an item of its own, named under its 二级事项.
            item.level2 = format!("{}（{level3}）", item.level2);
        }
        item.audience.sort();
        item.audience.dedup();
        item.mode.sort();
        item.mode.dedup();
        item.level.sort();
        item.level.dedup();
        item
    }

    /// Whether a tick cell ticks `value`; words in it are reported as not placed.
    fn tick<T: Tick>(
        &mut self,
        text: &str,
        value: &T,
        unplace: &mut impl FnMut(&mut Self, &str),
    ) -> bool {
        match cells::tick_cell(text, value.label()) {
            TickCell::Ticked => true,
            TickCell::NotTicked => false,
            TickCell::TickedWithWords(_) => {
                unplace(self, "视为已勾选；格中的文字无处存放，未导入");
                true
            }
        }
    }
}

/// The longest line above a Word table read as its heading.
const HEADING_CHARS: usize = 40;

/// `values` with those of `more` it lacks, in order.
fn union<T: Ord + Copy>(values: &mut Vec<T>, more: &[T]) {
    values.extend(more.iter().copied());
    values.sort();
    values.dedup();
}

/// A cell's text without control characters (a carriage return pasted from Word, a stray
/// BEL or form feed): nothing a clerk can see or print; line breaks and tabs kept.
fn clean(text: String) -> String {
    if text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        text.chars()
            .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
            .collect()
    } else {
        text
    }
}

/// 二级事项 and 一级事项 name an item in its key: a line break typed into the cell is a space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
