//! Bulletin-board postings (`posting` entries): the shape check both sides run, and the periods
//! of a periodic zone as the county reads them (`2026-11`, `2026-Q4`, `2026-H2`) with the day
//! each falls due.

use chrono::{Datelike, NaiveDate};

use crate::types::{PostingPayload, PostingStatus, RejectCode, ZoneCadence};

/// Most photos one posting carries.
pub const MAX_POSTING_PHOTOS: usize = 50;
/// Longest title, board or zone name, register number (characters).
const MAX_TEXT_CHARS: usize = 200;

type Check = Result<(), (RejectCode, String)>;

fn invalid(message: String) -> (RejectCode, String) {
    (RejectCode::InvalidPayload, message)
}

/// The shape of a posting: names present and short, the village given whole or not at all,
/// the period written for the zone's cadence, the lifecycle's dates as its status says (the
/// township database's own rules), file references by content and within the attachment limit.
pub(crate) fn check_posting(p: &PostingPayload) -> Check {
    let title = p.title.trim();
    for (name, text) in [
        ("标题", title),
        ("公开栏名称", p.board_name.trim()),
        ("版块名称", p.zone_name.trim()),
        ("登记号", p.register_no.trim()),
        ("公开栏编号", p.board_id.trim()),
        ("版块编号", p.zone_id.trim()),
    ] {
        if text.is_empty() {
            return Err(invalid(format!("张贴记录的{name}不能为空")));
        }
        if text.chars().count() > MAX_TEXT_CHARS {
            return Err(invalid(format!(
                "张贴“{title}”的{name}超过 {MAX_TEXT_CHARS} 个字"
            )));
        }
    }
    let at = |what: &str| format!("张贴“{title}”{what}");
    match (&p.village_code, &p.village_name) {
        (None, None) => {}
        (Some(code), Some(name)) => {
            if !(6..=12).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
                return Err(invalid(at(&format!(
                    "的村（社区）代码“{code}”应为 6–12 位数字"
                ))));
            }
            if name.trim().is_empty() {
                return Err(invalid(at("的村（社区）名称不能为空")));
            }
        }
        _ => return Err(invalid(at("的村（社区）代码和名称应同时给出"))),
    }
    if p.notice_from > p.notice_to {
        return Err(invalid(at("的公示期起日晚于止日")));
    }
    match (p.cadence.is_periodic(), p.due_day, p.period.as_deref()) {
        (true, Some(1..=31), Some(period)) => {
            if Period::parse(p.cadence, period).is_none() {
                return Err(invalid(at(&format!(
                    "的周期“{period}”与版块的更新周期不符（按月 2026-11，按季 2026-Q4，按半年 2026-H2）"
                ))));
            }
        }
        (true, _, _) => return Err(invalid(at("所在版块按周期更新，应给出周期和截止日"))),
        (false, None, None) => {}
        (false, _, _) => return Err(invalid(at("所在版块不按周期更新，不应有周期或截止日"))),
    }
    check_lifecycle(p, &at)?;
    if let Some(reposts) = &p.reposts
        && !crate::check::is_uuid(reposts)
    {
        return Err(invalid(at(&format!(
            "重贴的原张贴编号“{reposts}”不是 UUID"
        ))));
    }
    check_files(p, &at)
}

fn check_lifecycle(p: &PostingPayload, at: &dyn Fn(&str) -> String) -> Check {
    use PostingStatus::{Archived, Draft, Posted, Printed, TakenDown};
    let is_time = |t: &Option<String>| {
        t.as_deref()
            .is_some_and(|t| chrono::DateTime::parse_from_rfc3339(t).is_ok())
    };
    if (p.status != Draft) != is_time(&p.printed_at)
        || (p.status == Draft && p.printed_at.is_some())
    {
        return Err(invalid(at(
            "的打印时间与状态不符（打印后才有，RFC 3339 时间）",
        )));
    }
    let posted = p.posted_on.is_some()
        && p.posted_by
            .as_deref()
            .is_some_and(|who| !who.trim().is_empty());
    let must_be_posted = matches!(p.status, Posted | TakenDown);
    // An archived sheet may never have gone up (printed, then archived unposted).
    if (must_be_posted && !posted)
        || (matches!(p.status, Draft | Printed) && (p.posted_on.is_some() || p.posted_by.is_some()))
    {
        return Err(invalid(at("的张贴日期和张贴人与状态不符")));
    }
    match (p.status, p.taken_down_on) {
        (TakenDown, None) => return Err(invalid(at("已撤下，应给出撤下日期"))),
        (Draft | Printed | Posted, Some(_)) => {
            return Err(invalid(at("尚未撤下，不应有撤下日期")));
        }
        _ => {}
    }
    if let (Some(up), Some(down)) = (p.posted_on, p.taken_down_on)
        && down < up
    {
        return Err(invalid(at("的撤下日期早于张贴日期")));
    }
    if p.taken_down_early && p.taken_down_on.is_none() {
        return Err(invalid(at("标为提前撤下，却没有撤下日期")));
    }
    if (p.status == Archived) != is_time(&p.archived_at)
        || (p.status != Archived && p.archived_at.is_some())
    {
        return Err(invalid(at(
            "的归档时间与状态不符（归档后才有，RFC 3339 时间）",
        )));
    }
    Ok(())
}

fn check_files(p: &PostingPayload, at: &dyn Fn(&str) -> String) -> Check {
    if p.photos.len() > MAX_POSTING_PHOTOS {
        return Err(invalid(at(&format!(
            "有 {} 张照片，最多 {MAX_POSTING_PHOTOS} 张",
            p.photos.len()
        ))));
    }
    let files = p
        .sheet
        .iter()
        .map(|s| (s.sha256.as_str(), s.size, s.file_name.as_str()))
        .chain(p.photos.iter().map(|f| (f.sha256.as_str(), f.size, "照片")));
    for (sha256, size, name) in files {
        if !crate::is_sha256_hex(sha256) || name.trim().is_empty() || size == 0 {
            return Err(invalid(at(&format!(
                "的文件“{name}”的摘要、文件名或大小不正确"
            ))));
        }
        if size > crate::MAX_ATTACHMENT_BYTES {
            return Err((
                RejectCode::TooLarge,
                at(&format!(
                    "的文件“{name}”有 {} MiB，超过县级平台接收的上限 {} MiB",
                    size / (1024 * 1024),
                    crate::MAX_ATTACHMENT_BYTES / (1024 * 1024)
                )),
            ));
        }
    }
    Ok(())
}

/// One period of a periodic zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Period {
    year: i32,
    /// The period's first month (1–12).
    first_month: u32,
    /// Its length in months: 1, 3 or 6.
    months: u32,
}

impl Period {
    /// `2026-11` (monthly), `2026-Q4` (quarterly), `2026-H2` (half-yearly); `None` when the
    /// text does not name a period of `cadence`.
    pub fn parse(cadence: ZoneCadence, text: &str) -> Option<Self> {
        let (year, rest) = text.split_once('-')?;
        if year.len() != 4 {
            return None;
        }
        let year: i32 = year.parse().ok().filter(|y| (1900..=2099).contains(y))?;
        let number = |prefix: Option<char>, max: u32| {
            let digits = match prefix {
                Some(p) => rest.strip_prefix(p)?,
                None => rest,
            };
            let n: u32 = digits.parse().ok()?;
            (digits.len() <= 2 && (1..=max).contains(&n)).then_some(n)
        };
        let (first_month, months) = match cadence {
            ZoneCadence::Monthly if rest.len() == 2 => (number(None, 12)?, 1),
            ZoneCadence::Quarterly => ((number(Some('Q'), 4)? - 1) * 3 + 1, 3),
            ZoneCadence::HalfYearly => ((number(Some('H'), 2)? - 1) * 6 + 1, 6),
            _ => return None,
        };
        Some(Self {
            year,
            first_month,
            months,
        })
    }

    /// The period after this one.
    pub fn next(self) -> Self {
        let month = self.first_month + self.months;
        if month > 12 {
            Self {
                year: self.year + 1,
                first_month: month - 12,
                ..self
            }
        } else {
            Self {
                first_month: month,
                ..self
            }
        }
    }

    /// Day `due_day` of the month after the period ends (the month's last day when it is
    /// shorter): 财务公开 of 2026-11 by the 15th is due 2026-12-15.
    pub fn due_on(self, due_day: u8) -> Option<NaiveDate> {
        let after = self.next();
        let first = NaiveDate::from_ymd_opt(after.year, after.first_month, 1)?;
        let last = first
            .checked_add_months(chrono::Months::new(1))?
            .pred_opt()?
            .day();
        first.with_day(u32::from(due_day).min(last))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn periods_are_read_for_their_cadence_and_fall_due_after_they_end() {
        let month = Period::parse(ZoneCadence::Monthly, "2026-11").unwrap();
        assert_eq!(month.due_on(15), Some(date("2026-12-15")));
        assert_eq!(month.next().due_on(15), Some(date("2027-01-15")));
        let quarter = Period::parse(ZoneCadence::Quarterly, "2026-Q4").unwrap();
        assert_eq!(quarter.due_on(15), Some(date("2027-01-15")));
        let half = Period::parse(ZoneCadence::HalfYearly, "2026-H1").unwrap();
        assert_eq!(half.due_on(31), Some(date("2026-07-31")));
        // A due day past the month's end is its last day.
        let january = Period::parse(ZoneCadence::Monthly, "2026-01").unwrap();
        assert_eq!(january.due_on(31), Some(date("2026-02-28")));
        for (cadence, text) in [
            (ZoneCadence::Monthly, "2026-Q4"),
            (ZoneCadence::Monthly, "2026-13"),
            (ZoneCadence::Monthly, "2026-1"),
            (ZoneCadence::Quarterly, "2026-Q5"),
            (ZoneCadence::Quarterly, "2026-11"),
            (ZoneCadence::HalfYearly, "2026-H3"),
            (ZoneCadence::AsNeeded, "2026-11"),
            (ZoneCadence::Monthly, "26-11"),
        ] {
            assert_eq!(Period::parse(cadence, text), None, "{cadence:?} {text}");
        }
        assert!(month < month.next());
    }
}

#[cfg(test)]
mod check_tests {
    use serde_json::{Value, json};

    use crate::check::check_entry;
    use crate::types::{Entry, Op, RejectCode};

    fn posting(payload: Value) -> Entry {
        Entry {
            id: "0194a0e0-0000-7000-8000-000000000001".into(),
            kind: "posting".into(),
            object_id: "0194a0e0-0000-7000-8000-0000000000aa".into(),
            op: Op::Upsert,
            replaces: None,
            created_at: "2026-12-01T08:00:00Z".into(),
            payload,
        }
    }

    fn posted() -> Value {
        json!({
            "village_code": "999999001001", "village_name": "示范村",
            "board_id": "b1", "board_name": "村务公开栏", "zone_id": "z3", "zone_name": "财务公开",
            "cadence": "monthly", "due_day": 15, "period": "2026-11",
            "title": "示范村2026年11月财务收支公示", "register_no": "SF-2026-031",
            "notice_from": "2026-12-05", "notice_to": "2026-12-14", "status": "posted",
            "printed_at": "2026-12-04T09:00:00Z", "posted_on": "2026-12-05", "posted_by": "李文书",
            "sheet": {"file_name": "财务公开.pdf", "sha256": "a".repeat(64), "size": 2048},
            "photos": [{"sha256": "b".repeat(64), "size": 90000}]
        })
    }

    fn code_of(mut payload: Value, change: impl FnOnce(&mut Value)) -> Option<RejectCode> {
        change(&mut payload);
        check_entry(&posting(payload)).err().map(|r| r.code)
    }

    #[test]
    fn a_posting_is_checked_for_its_shape_its_lifecycle_and_unmasked_numbers() {
        assert_eq!(code_of(posted(), |_| {}), None);
        // The township's own board names no village.
        assert_eq!(
            code_of(posted(), |p| {
                p["village_code"] = Value::Null;
                p["village_name"] = Value::Null;
            }),
            None
        );
        let invalid = Some(RejectCode::InvalidPayload);
        for (what, change) in [
            (
                "village code alone",
                Box::new(|p: &mut Value| p["village_name"] = Value::Null)
                    as Box<dyn FnOnce(&mut Value)>,
            ),
            (
                "notice backwards",
                Box::new(|p: &mut Value| p["notice_to"] = json!("2026-12-01")),
            ),
            (
                "period of another cadence",
                Box::new(|p: &mut Value| p["period"] = json!("2026-Q4")),
            ),
            (
                "periodic zone without period",
                Box::new(|p: &mut Value| p["period"] = Value::Null),
            ),
            (
                "posted without its date",
                Box::new(|p: &mut Value| p["posted_on"] = Value::Null),
            ),
            (
                "printed without the time",
                Box::new(|p: &mut Value| p["printed_at"] = json!("昨天")),
            ),
            (
                "taken down date while up",
                Box::new(|p: &mut Value| p["taken_down_on"] = json!("2026-12-06")),
            ),
            (
                "archived time while up",
                Box::new(|p: &mut Value| p["archived_at"] = json!("2026-12-20T00:00:00Z")),
            ),
            (
                "early without a take-down",
                Box::new(|p: &mut Value| p["taken_down_early"] = json!(true)),
            ),
            (
                "photo not by content",
                Box::new(|p: &mut Value| p["photos"][0]["sha256"] = json!("照片")),
            ),
            (
                "empty title",
                Box::new(|p: &mut Value| p["title"] = json!("  ")),
            ),
            (
                "unknown status",
                Box::new(|p: &mut Value| p["status"] = json!("expired")),
            ),
        ] {
            assert_eq!(code_of(posted(), change), invalid, "{what}");
        }
        assert_eq!(
            code_of(posted(), |p| p["sheet"]["size"] =
                json!(201u64 * 1024 * 1024)),
            Some(RejectCode::TooLarge)
        );
        // A card number in a title is refused as in a payout list; an ID number anywhere.
        assert_eq!(
            code_of(posted(), |p| p["title"] =
                json!("张三 6222 0212 3456 7890 补贴公示")),
            Some(RejectCode::UnmaskedData)
        );
        let id = format!(
            "11010519491231002{}",
            gongkai_domain::check_character("11010519491231002").unwrap()
        );
        assert_eq!(
            code_of(posted(), |p| p["posted_by"] =
                json!(format!("王五（{id}）"))),
            Some(RejectCode::UnmaskedData)
        );
        // A taken-down sheet carries its date, and early when before its period's end.
        assert_eq!(
            code_of(posted(), |p| {
                p["status"] = json!("taken_down");
                p["taken_down_on"] = json!("2026-12-08");
                p["taken_down_early"] = json!(true);
            }),
            None
        );
    }
}
