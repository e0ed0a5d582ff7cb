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
