//! A township entry's payload read as its kind says ([`Payload`]), straight from the JSON text
//! the portal received or from the client's JSON value; and [`each_text`], which hands every
//! text of a payload to the unmasked-number check without building a JSON tree.

use std::io;
use std::ops::ControlFlow;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_json::ser::{CharEscape, Formatter};

use crate::types::{
    CatalogAdjustmentPayload, Kind, Op, PayoutListPayload, PostingPayload, RecordPayload,
    RejectCode, RequestStatsPayload, WithdrawPayload,
};

/// The payload of a township entry, typed by its kind and operation.
#[derive(Debug, Clone, PartialEq)]
pub enum Payload {
    Record(RecordPayload),
    PayoutList(PayoutListPayload),
    CatalogAdjustment(CatalogAdjustmentPayload),
    RequestStats(RequestStatsPayload),
    Posting(PostingPayload),
    /// A withdrawal, with its reason when one was given (`null` otherwise).
    Withdraw(Option<WithdrawPayload>),
}

/// Why a payload did not read as its kind: the rejection's code and Chinese message.
pub type PayloadError = (RejectCode, String);

impl Payload {
    /// Reads the payload of an entry of `kind` and `op` from its JSON text (the portal: one
    /// entry's text of the received body, never a JSON tree of it).
    pub fn from_json(kind: Kind, op: Op, text: &str) -> Result<Payload, PayloadError> {
        Self::read(kind, op, &mut serde_json::Deserializer::from_str(text))
    }

    /// Reads the payload of an entry of `kind` and `op` from a JSON value (the client's
    /// outbox entry).
    pub fn from_value(kind: Kind, op: Op, value: &Value) -> Result<Payload, PayloadError> {
        Self::read(kind, op, value)
    }

    fn read<'de, D: serde::Deserializer<'de>>(
        kind: Kind,
        op: Op,
        from: D,
    ) -> Result<Payload, PayloadError>
    where
        D::Error: std::fmt::Display,
    {
        fn typed<'de, T: Deserialize<'de>, D: serde::Deserializer<'de>>(
            from: D,
        ) -> Result<T, PayloadError>
        where
            D::Error: std::fmt::Display,
        {
            T::deserialize(from)
                .map_err(|e| (RejectCode::InvalidPayload, format!("内容格式不正确：{e}")))
        }
        Ok(match (op, kind) {
            (Op::Withdraw, _) => Payload::Withdraw(typed::<Option<WithdrawPayload>, _>(from)?),
            (Op::Upsert, Kind::Record) => Payload::Record(typed(from)?),
            (Op::Upsert, Kind::PayoutList) => Payload::PayoutList(typed(from)?),
            (Op::Upsert, Kind::CatalogAdjustment) => Payload::CatalogAdjustment(typed(from)?),
            (Op::Upsert, Kind::RequestStats) => Payload::RequestStats(typed(from)?),
            (Op::Upsert, Kind::Posting) => Payload::Posting(typed(from)?),
            (Op::Upsert, county) => {
                return Err((
                    RejectCode::NotOwner,
                    format!("“{}”只能由县级平台发布，乡镇不能上传", county.label()),
                ));
            }
        })
    }

    /// The payload as the portal stores it: only what was read (and checked), in the field
    /// order of its type.
    pub fn to_json(&self) -> serde_json::Result<String> {
        serde_json::to_string(self)
    }
}

/// Written as the payload type it holds (untagged: the entry's kind says which).
impl Serialize for Payload {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Payload::Record(p) => p.serialize(serializer),
            Payload::PayoutList(p) => p.serialize(serializer),
            Payload::CatalogAdjustment(p) => p.serialize(serializer),
            Payload::RequestStats(p) => p.serialize(serializer),
            Payload::Posting(p) => p.serialize(serializer),
            Payload::Withdraw(p) => p.serialize(serializer),
        }
    }
}

/// The 表三 of an annual report (收到和处理政府信息公开申请情况) as the township finalized it: the
/// format's column and row keys with their labels, and every cell. Only counts and the
/// format's own words: no applicant is named in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnnualReportFigures {
    /// The year the report is about.
    pub year: i32,
    pub columns: Vec<FigureColumn>,
    pub rows: Vec<FigureRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FigureColumn {
    pub key: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FigureRow {
    pub key: String,
    pub label: String,
    /// One count per column, in the columns' order.
    pub cells: Vec<u32>,
}

/// The years an annual report can be about: the 条例 took effect in 2008.
pub const REPORT_YEARS: std::ops::RangeInclusive<i32> = 2008..=2999;

impl AnnualReportFigures {
    /// The shape the county sums by: a year of the 条例, keys present and each once, every row
    /// as wide as the columns. Sums are not rechecked here: the township refuses to finalize an
    /// unbalanced 表三, and the county adds cells, it does not judge them.
    pub fn check(&self) -> Result<(), String> {
        if !REPORT_YEARS.contains(&self.year) {
            return Err(format!("年度报告的年度“{}”不对", self.year));
        }
        if self.columns.is_empty() || self.rows.is_empty() {
            return Err("年度报告表三没有行或列".to_owned());
        }
        let mut seen = std::collections::HashSet::new();
        for key in self.columns.iter().map(|c| &c.key) {
            if key.trim().is_empty() || !seen.insert(("column", key)) {
                return Err(format!("年度报告表三的列“{key}”为空或重复"));
            }
        }
        for row in &self.rows {
            if row.key.trim().is_empty() || !seen.insert(("row", &row.key)) {
                return Err(format!("年度报告表三的行“{}”为空或重复", row.key));
            }
            if row.cells.len() != self.columns.len() {
                return Err(format!(
                    "年度报告表三“{}”一行有 {} 个数，应有 {} 个",
                    row.label,
                    row.cells.len(),
                    self.columns.len()
                ));
            }
        }
        Ok(())
    }

    /// The count at a row and column, by key.
    pub fn cell(&self, row: &str, column: &str) -> Option<u32> {
        let c = self.columns.iter().position(|c| c.key == column)?;
        self.rows
            .iter()
            .find(|r| r.key == row)?
            .cells
            .get(c)
            .copied()
    }
}

/// Hands every text of `value` as JSON would write it — each string and object key unescaped,
/// each number as written — to `visit`, until it breaks (its value is returned). Nothing is
/// copied but the one text being visited: a 100,000-row list is walked, not rebuilt.
pub fn each_text<T: Serialize + ?Sized, B>(
    value: &T,
    visit: impl FnMut(&str) -> ControlFlow<B>,
) -> Option<B> {
    let mut texts = Texts {
        current: String::new(),
        visit,
        broke: None,
    };
    let mut serializer = serde_json::Serializer::with_formatter(io::sink(), &mut texts);
    // An error is the visitor breaking (or a value JSON cannot hold, which has no text left).
    let _ = value.serialize(&mut serializer);
    texts.broke
}

/// A JSON formatter that writes nothing and gathers each text for its visitor.
struct Texts<F, B> {
    current: String,
    visit: F,
    broke: Option<B>,
}

impl<F: FnMut(&str) -> ControlFlow<B>, B> Texts<F, B> {
    fn visit(&mut self, text: &str) -> io::Result<()> {
        match (self.visit)(text) {
            ControlFlow::Continue(()) => Ok(()),
            ControlFlow::Break(found) => {
                self.broke = Some(found);
                Err(io::Error::other("found"))
            }
        }
    }

    fn number(&mut self, number: impl std::fmt::Display) -> io::Result<()> {
        self.visit(&number.to_string())
    }
}

impl<F: FnMut(&str) -> ControlFlow<B>, B> Formatter for &mut Texts<F, B> {
    fn begin_string<W: ?Sized + io::Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.current.clear();
        Ok(())
    }

    fn end_string<W: ?Sized + io::Write>(&mut self, _: &mut W) -> io::Result<()> {
        let text = std::mem::take(&mut self.current);
        let visited = self.visit(&text);
        self.current = text;
        visited
    }

    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        _: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        self.current.push_str(fragment);
        Ok(())
    }

    fn write_char_escape<W: ?Sized + io::Write>(
        &mut self,
        _: &mut W,
        escape: CharEscape,
    ) -> io::Result<()> {
        self.current.push(match escape {
            CharEscape::Quote => '"',
            CharEscape::ReverseSolidus => '\\',
            CharEscape::Solidus => '/',
            CharEscape::Backspace => '\u{8}',
            CharEscape::FormFeed => '\u{c}',
            CharEscape::LineFeed => '\n',
            CharEscape::CarriageReturn => '\r',
            CharEscape::Tab => '\t',
            CharEscape::AsciiControl(byte) => char::from(byte),
        });
        Ok(())
    }

    fn write_i8<W: ?Sized + io::Write>(&mut self, _: &mut W, v: i8) -> io::Result<()> {
        self.number(v)
    }
    fn write_i16<W: ?Sized + io::Write>(&mut self, _: &mut W, v: i16) -> io::Result<()> {
        self.number(v)
    }
    fn write_i32<W: ?Sized + io::Write>(&mut self, _: &mut W, v: i32) -> io::Result<()> {
        self.number(v)
    }
    fn write_i64<W: ?Sized + io::Write>(&mut self, _: &mut W, v: i64) -> io::Result<()> {
        self.number(v)
    }
    fn write_i128<W: ?Sized + io::Write>(&mut self, _: &mut W, v: i128) -> io::Result<()> {
        self.number(v)
    }
    fn write_u8<W: ?Sized + io::Write>(&mut self, _: &mut W, v: u8) -> io::Result<()> {
        self.number(v)
    }
    fn write_u16<W: ?Sized + io::Write>(&mut self, _: &mut W, v: u16) -> io::Result<()> {
        self.number(v)
    }
    fn write_u32<W: ?Sized + io::Write>(&mut self, _: &mut W, v: u32) -> io::Result<()> {
        self.number(v)
    }
    fn write_u64<W: ?Sized + io::Write>(&mut self, _: &mut W, v: u64) -> io::Result<()> {
        self.number(v)
    }
    fn write_u128<W: ?Sized + io::Write>(&mut self, _: &mut W, v: u128) -> io::Result<()> {
        self.number(v)
    }
    fn write_f32<W: ?Sized + io::Write>(&mut self, _: &mut W, v: f32) -> io::Result<()> {
        self.number(v)
    }
    fn write_f64<W: ?Sized + io::Write>(&mut self, _: &mut W, v: f64) -> io::Result<()> {
        self.number(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn texts(value: &Value) -> Vec<String> {
        let mut seen = Vec::new();
        let none: Option<()> = each_text(value, |t| {
            seen.push(t.to_owned());
            ControlFlow::Continue(())
        });
        assert_eq!(none, None);
        seen
    }

    #[test]
    fn every_string_key_and_number_is_visited_unescaped() {
        let value =
            json!({"标题": "甲\"乙\n丙\\丁\u{1}", "n": [12, -3, 1.5], "t": true, "z": null});
        let seen = texts(&value);
        for expected in [
            "标题",
            "甲\"乙\n丙\\丁\u{1}",
            "n",
            "12",
            "-3",
            "1.5",
            "t",
            "z",
        ] {
            assert!(seen.iter().any(|s| s == expected), "{expected} in {seen:?}");
        }
        assert!(!seen.iter().any(|s| s == "true" || s == "null"), "{seen:?}");
    }

    #[test]
    fn the_walk_stops_where_the_visitor_breaks() {
        let value = json!(["a", "b", "c"]);
        let mut visited = 0;
        let found = each_text(&value, |t| {
            visited += 1;
            if t == "b" {
                ControlFlow::Break(t.to_owned())
            } else {
                ControlFlow::Continue(())
            }
        });
        assert_eq!((found.as_deref(), visited), (Some("b"), 2));
    }

    #[test]
    fn a_payload_reads_from_text_as_from_a_value_and_writes_back_what_it_read() {
        let text = r#"{"reason":"内容有误","extra":"不保存"}"#;
        let value: Value = serde_json::from_str(text).unwrap();
        let from_text = Payload::from_json(Kind::Record, Op::Withdraw, text).unwrap();
        assert_eq!(
            from_text,
            Payload::from_value(Kind::Record, Op::Withdraw, &value).unwrap()
        );
        assert_eq!(from_text.to_json().unwrap(), r#"{"reason":"内容有误"}"#);
        assert_eq!(
            Payload::from_json(Kind::Record, Op::Withdraw, "null").unwrap(),
            Payload::Withdraw(None)
        );
        let (code, _) = Payload::from_json(Kind::Record, Op::Upsert, r#"{"title":1}"#).unwrap_err();
        assert_eq!(code, RejectCode::InvalidPayload);
        let (code, _) = Payload::from_json(Kind::Notice, Op::Upsert, "{}").unwrap_err();
        assert_eq!(code, RejectCode::NotOwner);
    }
}

#[cfg(test)]
mod annual_report_tests {
    use super::*;
    use crate::check::check_entry;
    use crate::types::Entry;
    use serde_json::json;

    fn report_record(figures: Value) -> Entry {
        let mut payload = json!({
            "item_key": "政务公开工作/政府信息公开工作年度报告/年度报告",
            "domain": "政务公开工作", "item_name": "年度报告",
            "title": "示范镇2025年政府信息公开工作年度报告",
            "formed_on": "2026-01-10", "published_on": "2026-01-12",
            "body": "", "channels": ["政府网站"], "attachments": []
        });
        if !figures.is_null() {
            payload["annual_report"] = figures;
        }
        Entry {
            id: uuid::Uuid::now_v7().to_string(),
            kind: "record".into(),
            object_id: uuid::Uuid::now_v7().to_string(),
            op: Op::Upsert,
            replaces: None,
            created_at: "2026-01-12T08:00:00+08:00".into(),
            payload,
        }
    }

    fn figures(year: i32, cells: Value) -> Value {
        json!({
            "year": year,
            "columns": [{"key": "natural", "label": "自然人"}, {"key": "total", "label": "总计"}],
            "rows": [{"key": "new", "label": "一、本年新收政府信息公开申请数量", "cells": cells}]
        })
    }

    #[test]
    fn a_report_record_carries_its_table3_and_a_plain_record_does_not() {
        let entry = report_record(figures(2025, json!([3, 3])));
        assert_eq!(check_entry(&entry), Ok(Kind::Record));
        let Payload::Record(record) = Payload::from_value(Kind::Record, Op::Upsert, &entry.payload)
            .unwrap_or_else(|e| panic!("{e:?}"))
        else {
            panic!("a record");
        };
        let read = record
            .annual_report
            .as_ref()
            .map(|f| f.cell("new", "natural"));
        assert_eq!(read, Some(Some(3)));
        // Written back as read, so the portal keeps the figures it checked.
        let again: Value =
            serde_json::from_str(&Payload::Record(record).to_json().unwrap_or_default())
                .unwrap_or_default();
        assert_eq!(again["annual_report"]["rows"][0]["cells"], json!([3, 3]));

        // A record of before the field (or of any other item) reads without it and writes none.
        let plain = report_record(Value::Null);
        assert_eq!(check_entry(&plain), Ok(Kind::Record));
        let Ok(Payload::Record(record)) =
            Payload::from_value(Kind::Record, Op::Upsert, &plain.payload)
        else {
            panic!("a record");
        };
        assert_eq!(record.annual_report, None);
        assert!(
            !Payload::Record(record)
                .to_json()
                .unwrap_or_default()
                .contains("annual_report")
        );
    }

    #[test]
    fn a_table3_the_county_could_not_sum_is_refused() {
        for (bad, says) in [
            (figures(2025, json!([3])), "应有 2 个"),
            (figures(1999, json!([3, 3])), "年度"),
            (figures(2025, json!([-1, 3])), "内容格式不正确"),
        ] {
            let rejection = check_entry(&report_record(bad)).unwrap_err();
            assert_eq!(
                rejection.code,
                RejectCode::InvalidPayload,
                "{}",
                rejection.message
            );
            assert!(rejection.message.contains(says), "{}", rejection.message);
        }
        let mut twice = figures(2025, json!([1, 1]));
        twice["columns"][1]["key"] = json!("natural");
        let rejection = check_entry(&report_record(twice)).unwrap_err();
        assert!(rejection.message.contains("重复"), "{}", rejection.message);
    }
}
