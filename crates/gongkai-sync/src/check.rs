//! Entry validation shared by the township client (before sending) and the portal (at ingest):
//! ownership, ids, payload shapes, and the refusal of unmasked personal numbers.

use std::ops::ControlFlow;

use serde::Serialize;

use crate::payload::Payload;
use crate::posting::check_posting;
use crate::types::{
    Entry, Kind, Op, Owner, PayoutListPayload, RecordPayload, RejectCode, Rejection,
};

/// An entry's fields but its payload, as the client's [`Entry`] and the portal's received
/// entry both hold them.
#[derive(Debug, Clone, Copy)]
pub struct EntryHead<'a> {
    pub id: &'a str,
    pub kind: &'a str,
    pub object_id: &'a str,
    pub op: Op,
    pub replaces: Option<&'a str>,
    pub created_at: &'a str,
}

impl Entry {
    pub fn head(&self) -> EntryHead<'_> {
        EntryHead {
            id: &self.id,
            kind: &self.kind,
            object_id: &self.object_id,
            op: self.op,
            replaces: self.replaces.as_deref(),
            created_at: &self.created_at,
        }
    }
}

/// Checks one outbox entry (the client, before sending): its head, then its payload read as
/// its kind. `Ok` gives its kind.
pub fn check_entry(entry: &Entry) -> Result<Kind, Rejection> {
    let head = entry.head();
    let kind = check_head(&head)?;
    let payload = Payload::from_value(kind, head.op, &entry.payload)
        .map_err(|(code, message)| rejection(&head, code, message))?;
    check_shape(&head, &payload)?;
    // Everything that would be sent, fields the payload type does not have included: an
    // unmasked number never leaves the township, kept by the portal or not.
    check_unmasked(&head, kind, &entry.payload)?;
    Ok(kind)
}

/// Checks one received entry (the portal, at ingest) whose payload is still the JSON text of
/// the body: its head, then the payload read straight into its type. `Ok` gives its kind and
/// the payload as read, which is what is kept.
pub fn check_received(head: &EntryHead<'_>, payload: &str) -> Result<(Kind, Payload), Rejection> {
    let kind = check_head(head)?;
    let payload = Payload::from_json(kind, head.op, payload)
        .map_err(|(code, message)| rejection(head, code, message))?;
    check_shape(head, &payload)?;
    check_unmasked(head, kind, &payload)?;
    Ok((kind, payload))
}

fn rejection(head: &EntryHead<'_>, code: RejectCode, message: String) -> Rejection {
    Rejection {
        id: head.id.to_owned(),
        code,
        message,
    }
}

/// Ids, time, and a township kind. `Ok` gives the kind.
pub fn check_head(head: &EntryHead<'_>) -> Result<Kind, Rejection> {
    let reject = |code: RejectCode, message: String| Err(rejection(head, code, message));
    if !is_uuid_v7(head.id) {
        return reject(
            RejectCode::InvalidId,
            format!("变更编号“{}”不是小写 UUIDv7", head.id),
        );
    }
    if !is_uuid(head.object_id) {
        return reject(
            RejectCode::InvalidId,
            format!("对象编号“{}”不是小写 UUID", head.object_id),
        );
    }
    // Not "an earlier UUIDv7": the id carries the clock of the PC that made it, and a version
    // made while that clock ran ahead must still be replaceable once it is right again. The
    // portal orders versions by `replaces` and arrival, not by id.
    if let Some(replaces) = head.replaces
        && (!is_uuid_v7(replaces) || replaces == head.id)
    {
        return reject(
            RejectCode::InvalidId,
            format!("被替换版本编号“{replaces}”不是另一个版本的 UUIDv7"),
        );
    }
    if chrono::DateTime::parse_from_rfc3339(head.created_at).is_err() {
        return reject(
            RejectCode::InvalidPayload,
            format!("变更时间“{}”不是 RFC 3339 时间", head.created_at),
        );
    }
    let Some(kind) = Kind::from_key(head.kind) else {
        return reject(
            RejectCode::UnknownKind,
            format!("县级平台不认识数据类型“{}”", head.kind),
        );
    };
    if kind.owner() != Owner::Township {
        return reject(
            RejectCode::NotOwner,
            format!("“{}”只能由县级平台发布，乡镇不能上传", kind.label()),
        );
    }
    Ok(kind)
}

/// The payload's own rules.
fn check_shape(head: &EntryHead<'_>, payload: &Payload) -> Result<(), Rejection> {
    let checked = match payload {
        Payload::Record(r) => check_record(r),
        Payload::PayoutList(p) => check_payout(p),
        Payload::CatalogAdjustment(a) => check_item_key(&a.key),
        Payload::Posting(p) => check_posting(p).and_then(|()| {
            // A sheet's title is printed from what the clerk typed or the list it comes
            // from: a bank or ID number in it is refused as in a payout list.
            match find_long_digit_run(&p.title) {
                Some(found) => Err((RejectCode::UnmaskedData, unmasked_message(&found))),
                None => Ok(()),
            }
        }),
        Payload::RequestStats(_) | Payload::Withdraw(_) => Ok(()),
    };
    checked.map_err(|(code, message)| rejection(head, code, message))
}

/// Every string, key and number of `payload`: in a payout list a run of more digits than it
/// carries legitimately, in any other kind a valid ID number.
fn check_unmasked<T: Serialize + ?Sized>(
    head: &EntryHead<'_>,
    kind: Kind,
    payload: &T,
) -> Result<(), Rejection> {
    let found = if kind == Kind::PayoutList {
        find_long_digit_run(payload)
    } else {
        find_id_number(payload)
    };
    match found {
        Some(found) => Err(rejection(
            head,
            RejectCode::UnmaskedData,
            unmasked_message(&found),
        )),
        None => Ok(()),
    }
}

type Check = Result<(), (RejectCode, String)>;

fn invalid(message: String) -> (RejectCode, String) {
    (RejectCode::InvalidPayload, message)
}

fn check_item_key(key: &str) -> Check {
    let parts: Vec<&str> = key.split('/').collect();
    if parts.len() == 3 && parts.iter().all(|p| !p.trim().is_empty()) {
        Ok(())
    } else {
        Err(invalid(format!("事项“{key}”应为“领域/一级事项/二级事项”")))
    }
}

/// `YYYY-MM-DD`.
pub fn is_date(text: &str) -> bool {
    text.len() == 10 && chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok()
}

fn check_record(record: &RecordPayload) -> Check {
    check_item_key(&record.item_key)?;
    if record.title.trim().is_empty() {
        return Err(invalid("标题不能为空".to_owned()));
    }
    if !record.item_key.starts_with(&format!("{}/", record.domain)) {
        return Err(invalid(format!(
            "领域“{}”与事项“{}”不一致",
            record.domain, record.item_key
        )));
    }
    for (name, date) in [
        ("形成日期", &record.formed_on),
        ("公开日期", &record.published_on),
    ] {
        if !is_date(date) {
            return Err(invalid(format!("{name}“{date}”不是 YYYY-MM-DD 日期")));
        }
    }
    if let Some(figures) = &record.annual_report {
        figures.check().map_err(invalid)?;
    }
    for attachment in &record.attachments {
        if !crate::is_sha256_hex(&attachment.sha256) || attachment.file_name.trim().is_empty() {
            return Err(invalid(format!(
                "附件“{}”的摘要或文件名不正确",
                attachment.file_name
            )));
        }
        if attachment.size > crate::MAX_ATTACHMENT_BYTES {
            return Err((
                RejectCode::TooLarge,
                format!(
                    "公开记录“{}”的附件“{}”有 {} MiB，超过县级平台接收的上限 {} MiB，未上传：请压缩或拆分附件后重新发布",
                    record.title,
                    attachment.file_name,
                    attachment.size / (1024 * 1024),
                    crate::MAX_ATTACHMENT_BYTES / (1024 * 1024)
                ),
            ));
        }
    }
    Ok(())
}

fn check_payout(list: &PayoutListPayload) -> Check {
    if list.title.trim().is_empty() {
        return Err(invalid("公示标题不能为空".to_owned()));
    }
    if list.villages.is_empty() {
        return Err(invalid("公示没有任何村（社区）".to_owned()));
    }
    let (mut rows, mut amount) = (0u64, 0i64);
    for village in &list.villages {
        let name = &village.village_name;
        if !is_date(&village.notice_from) || !is_date(&village.notice_to) {
            return Err(invalid(format!("{name}的公示期日期不正确")));
        }
        if village.notice_from > village.notice_to {
            return Err(invalid(format!("{name}的公示期起日晚于止日")));
        }
        if let Some(row) = village
            .rows
            .iter()
            .position(|r| r.len() != village.columns.len())
        {
            return Err(invalid(format!("{name}第 {} 行的列数与表头不符", row + 1)));
        }
        if village.summary.rows != village.rows.len() as u64 {
            return Err(invalid(format!("{name}的汇总行数与明细不符")));
        }
        rows += village.summary.rows;
        amount = amount.saturating_add(village.summary.amount_fen);
    }
    if list.summary.rows != rows || list.summary.amount_fen != amount {
        return Err(invalid("全镇汇总与各村汇总不符".to_owned()));
    }
    Ok(())
}

/// The first valid resident ID number in free text (a record's attachment read as text): the
/// rule [`find_id_number`] applies to a payload's strings.
pub fn find_id_number_in_text(text: &str) -> Option<String> {
    digit_runs(text).iter().find_map(id_in_run)
}

/// What a refusal says of a number it found: only its first and last four characters.
pub fn masked(found: &str) -> String {
    mask(found)
}

/// Where among named texts a full resident ID number stands, each place followed by the number
/// masked — `正文（1101**********002X）` — as a refusal names it.
pub fn id_number_places<P: std::fmt::Display, T: AsRef<str>>(
    texts: impl IntoIterator<Item = (P, T)>,
) -> Vec<String> {
    texts
        .into_iter()
        .filter_map(|(place, text)| {
            find_id_number_in_text(text.as_ref()).map(|id| format!("{place}（{}）", mask(&id)))
        })
        .collect()
}

fn unmasked_message(found: &str) -> String {
    format!(
        "含有疑似未脱敏的身份证号或银行卡号（{}），已拒收：请在工作台中脱敏后重新发布",
        mask(found)
    )
}

fn mask(digits: &str) -> String {
    let chars: Vec<char> = digits.chars().collect();
    let keep = 4.min(chars.len());
    let head: String = chars.iter().take(keep).collect();
    let tail: String = chars[chars.len() - keep..].iter().collect();
    format!(
        "{head}{}{tail}",
        "*".repeat(chars.len().saturating_sub(2 * keep))
    )
}

/// A run of digits as a number is written: separators between digit groups removed, full-width
/// digits folded, and whether an X (the check character of an ID) follows it.
struct Run {
    digits: String,
    x_after: bool,
}

/// What may stand between the digit groups of one number: spaces of every kind (ASCII, NBSP,
/// U+3000, the U+2000 block, tabs and line breaks), invisible joiners (zero-width space, word
/// joiner, BOM) and hyphens and dashes of every kind (ASCII, U+2010–U+2015, minus, small and
/// full-width hyphen-minus). Any number of them in a row joins two groups: `6222  0212`,
/// `6222 - 0212`.
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '-' | '\u{2010}'
                ..='\u{2015}' | '\u{2212}' | '\u{fe58}' | '\u{fe63}' | '\u{ff0d}'
        )
}

fn is_x(c: char) -> bool {
    matches!(c, 'X' | 'x' | 'Ｘ' | 'ｘ')
}

/// The digit runs of `text`. Digit groups separated only by separators join into one run, except
/// a date written `YYYY-MM-DD` (a year 1900–2099, one separator between its parts, a real day),
/// which stands alone: `2026-11-24 - 2026-11-30` is two dates of 8 digits, not a 16-digit number.
fn digit_runs(text: &str) -> Vec<Run> {
    let chars: Vec<char> = text.chars().map(gongkai_domain::fold_digit).collect();
    // Digit groups as (start, end) character ranges.
    let mut groups: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            groups.push((start, i));
        } else {
            i += 1;
        }
    }
    let text_of = |(start, end): (usize, usize)| -> String { chars[start..end].iter().collect() };
    // Only separators between the end of one group and the start of the next.
    let joined =
        |end: usize, next: (usize, usize)| chars[end..next.0].iter().all(|c| is_separator(*c));
    let x_after = |end: usize| {
        chars[end..]
            .iter()
            .find(|c| !is_separator(**c))
            .is_some_and(|c| is_x(*c))
    };
    let is_date = |g: usize| {
        let (Some(&y), Some(&m), Some(&d)) = (groups.get(g), groups.get(g + 1), groups.get(g + 2))
        else {
            return false;
        };
        let one_separator =
            |a: (usize, usize), b: (usize, usize)| b.0 == a.1 + 1 && is_separator(chars[a.1]);
        let (year, month, day) = (text_of(y), text_of(m), text_of(d));
        year.len() == 4
            && (1..=2).contains(&month.len())
            && (1..=2).contains(&day.len())
            && one_separator(y, m)
            && one_separator(m, d)
            && (year.starts_with("19") || year.starts_with("20"))
            && chrono::NaiveDate::from_ymd_opt(
                year.parse().unwrap_or(0),
                month.parse().unwrap_or(0),
                day.parse().unwrap_or(0),
            )
            .is_some()
    };
    let mut runs = Vec::new();
    let mut current: Option<(String, usize)> = None; // digits so far, end of the last group
    let mut g = 0;
    while g < groups.len() {
        if is_date(g) {
            if let Some((digits, end)) = current.take() {
                runs.push(Run {
                    digits,
                    x_after: x_after(end),
                });
            }
            let date: String = (g..g + 3).map(|k| text_of(groups[k])).collect();
            runs.push(Run {
                digits: date,
                x_after: false,
            });
            g += 3;
            continue;
        }
        let group = groups[g];
        current = match current.take() {
            Some((mut digits, end)) if joined(end, group) => {
                digits.push_str(&text_of(group));
                Some((digits, group.1))
            }
            Some((digits, end)) => {
                runs.push(Run {
                    digits,
                    x_after: x_after(end),
                });
                Some((text_of(group), group.1))
            }
            None => Some((text_of(group), group.1)),
        };
        g += 1;
    }
    if let Some((digits, end)) = current {
        runs.push(Run {
            digits,
            x_after: x_after(end),
        });
    }
    runs
}

/// The valid resident ID numbers (GB 11643 check character, a real birth date from 1900 up to
/// today) among the 18-character windows of `run`: every 18 digits in it, and its last 17 digits
/// with the X after them.
fn id_in_run(run: &Run) -> Option<String> {
    let digits = run.digits.as_str();
    let n = digits.len(); // ASCII digits: bytes are characters
    let plain = (0..(n + 1).saturating_sub(18)).map(|i| digits[i..i + 18].to_owned());
    let with_x = (run.x_after && n >= 17).then(|| format!("{}X", &digits[n - 17..]));
    plain.chain(with_x).find(|candidate| is_valid_id(candidate))
}

/// Digits in a row (after removing separators) from which a payout list refuses a number as
/// unmasked: 13. Personal bank card numbers are 16–19 digits, passbook (存折, 一折通) accounts
/// 15 and more, first-generation IDs 15, IDs 18; the longest numbers a payout list carries
/// legitimately are 12 digits: the village's statistical division code (`village_code` itself)
/// and a landline with a four-digit area code (`0755-83241234`). Mobile numbers are 11.
pub const PAYOUT_LONGEST_PLAIN_DIGITS: usize = 12;

/// For payout lists: the first run of 13 or more digits (a bank number, an ID) in any text of
/// `payload` (strings, keys, numbers), or a valid ID number inside any run.
pub fn find_long_digit_run<T: Serialize + ?Sized>(payload: &T) -> Option<String> {
    crate::payload::each_text(payload, |text| {
        let found = digit_runs(text).into_iter().find_map(|run| {
            if run.digits.len() > PAYOUT_LONGEST_PLAIN_DIGITS {
                Some(if run.x_after {
                    format!("{}X", run.digits)
                } else {
                    run.digits
                })
            } else {
                id_in_run(&run)
            }
        });
        match found {
            Some(found) => ControlFlow::Break(found),
            None => ControlFlow::Continue(()),
        }
    })
}

/// For every other kind: the first valid resident ID number (GB 11643 check digit and a real
/// birth date not after today) in any 18-character window of any digit run, in any text of
/// `payload`.
pub fn find_id_number<T: Serialize + ?Sized>(payload: &T) -> Option<String> {
    crate::payload::each_text(payload, |text| {
        match digit_runs(text).iter().find_map(id_in_run) {
            Some(id) => ControlFlow::Break(id),
            None => ControlFlow::Continue(()),
        }
    })
}

/// GB 11643 with a birth date up to today (local time: the portal and the township are in
/// China), the same check as at import.
fn is_valid_id(id: &str) -> bool {
    gongkai_domain::check_id_number(id, chrono::Local::now().date_naive()).is_ok()
}

/// Lower-case hyphenated UUID text.
pub fn is_uuid(text: &str) -> bool {
    uuid::Uuid::try_parse(text).is_ok_and(|u| u.hyphenated().to_string() == text)
}

/// Lower-case hyphenated UUIDv7 text.
pub fn is_uuid_v7(text: &str) -> bool {
    uuid::Uuid::try_parse(text)
        .is_ok_and(|u| u.get_version_num() == 7 && u.hyphenated().to_string() == text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::{PayoutSummary, PayoutVillage};
    use serde_json::{Value, json};

    fn v7() -> String {
        uuid::Uuid::now_v7().to_string()
    }

    pub(crate) fn payout(rows: Vec<Vec<String>>) -> PayoutListPayload {
        let summary = PayoutSummary {
            rows: rows.len() as u64,
            amount_fen: 12_000,
        };
        PayoutListPayload {
            title: "2026 年耕地地力保护补贴".into(),
            project: "耕地地力保护补贴".into(),
            villages: vec![PayoutVillage {
                village_code: "341502101201".into(),
                village_name: "东村".into(),
                notice_from: "2026-03-01".into(),
                notice_to: "2026-03-07".into(),
                columns: vec!["姓名".into(), "身份证号".into(), "金额（元）".into()],
                rows,
                summary,
            }],
            summary,
        }
    }

    fn entry(kind: &str, payload: Value) -> Entry {
        Entry {
            id: v7(),
            kind: kind.into(),
            object_id: v7(),
            op: Op::Upsert,
            replaces: None,
            created_at: "2026-03-01T08:00:00+08:00".into(),
            payload,
        }
    }

    fn row(id: &str) -> Vec<String> {
        vec!["张*".into(), id.into(), "120.00".into()]
    }

    #[test]
    fn masked_payout_rows_pass() {
        let list = payout(vec![row("3415**********1234"), row("3415**********123X")]);
        let e = entry("payout_list", serde_json::to_value(list).unwrap());
        assert_eq!(check_entry(&e), Ok(Kind::PayoutList));
    }

    #[test]
    fn unmasked_ids_and_bank_numbers_in_payout_rows_are_refused() {
        for raw in [
            "34150219800101123X",
            "341502198001011234",
            "６２２２０２１２３４５６７８９０",
            "6222 0212 3456 7890",
            "62220212345678901234",
            "622202123456789", // 15 digits
        ] {
            let e = entry(
                "payout_list",
                serde_json::to_value(payout(vec![row(raw)])).unwrap(),
            );
            let rejection = check_entry(&e).unwrap_err();
            assert_eq!(rejection.code, RejectCode::UnmaskedData, "{raw}");
            assert!(rejection.message.contains("****"), "{}", rejection.message);
            assert!(!rejection.message.contains(raw), "{}", rejection.message);
        }
        // a bank number typed as a JSON number in a column, or hidden in the title
        let mut list = serde_json::to_value(payout(vec![row("张*")])).unwrap();
        list["title"] = json!("退回 6222021234567890123 账户");
        assert_eq!(
            check_entry(&entry("payout_list", list)).unwrap_err().code,
            RejectCode::UnmaskedData
        );
    }

    #[test]
    fn the_client_scans_what_it_sends_and_the_portal_what_it_keeps() {
        let mut list = serde_json::to_value(payout(vec![row("3415**********1234")])).unwrap();
        list["备注"] = json!("6222021234567890123");
        // The client sends the whole value: the field the type lacks is refused with it.
        let e = entry("payout_list", list.clone());
        assert_eq!(check_entry(&e).unwrap_err().code, RejectCode::UnmaskedData);
        // The portal reads the type and keeps only that: the field is dropped unread.
        let text = serde_json::to_string(&list).unwrap();
        let (kind, kept) = check_received(&e.head(), &text).unwrap();
        assert_eq!(kind, Kind::PayoutList);
        assert!(!kept.to_json().unwrap().contains("6222"));
        // What it keeps is scanned as the client's value is.
        let mut unmasked = serde_json::to_value(payout(vec![row("6222 0212 3456 7890")])).unwrap();
        unmasked["title"] = json!("标题");
        let text = serde_json::to_string(&unmasked).unwrap();
        assert_eq!(
            check_received(&e.head(), &text).unwrap_err().code,
            RejectCode::UnmaskedData
        );
    }

    #[test]
    fn records_refuse_a_valid_id_number_but_not_other_long_numbers() {
        let record = |body: &str| {
            json!({
                "item_key": "财政预决算/预算/部门预算", "domain": "财政预决算", "item_name": "部门预算",
                "title": "2026 年部门预算", "formed_on": "2026-01-05", "published_on": "2026-01-06",
                "body": body, "channels": ["政府网站"], "attachments": []
            })
        };
        assert_eq!(
            check_entry(&entry("record", record("预算总额 1234567890123456 元"))),
            Ok(Kind::Record)
        );
        // 11010519491231002X is the GB 11643 example number
        let rejection =
            check_entry(&entry("record", record("联系人身份证 11010519491231002X"))).unwrap_err();
        assert_eq!(rejection.code, RejectCode::UnmaskedData);
        // The same rule as at import: a check digit that fits but a birth date still to come
        // (2099) is no one's ID number; it used to be refused here and accepted nowhere else.
        let future_born = format!(
            "36098220990101123{}",
            gongkai_domain::check_character("36098220990101123").unwrap()
        );
        assert_eq!(
            find_id_number(&json!({ "body": future_born.as_str() })),
            None
        );
        let born_1990 = format!(
            "36098219900101123{}",
            gongkai_domain::check_character("36098219900101123").unwrap()
        );
        assert_eq!(
            find_id_number(&json!({ "body": format!("号码 {born_1990}") })),
            Some(born_1990)
        );
    }

    #[test]
    fn an_attachment_over_the_portal_limit_is_refused_naming_record_and_file() {
        let mut payload = record_body("全文见附件。");
        let sha = "ab".repeat(32);
        payload["attachments"] = json!([
            {"file_name": "预算表.pdf", "sha256": sha, "size": crate::MAX_ATTACHMENT_BYTES},
        ]);
        assert_eq!(
            check_entry(&entry("record", payload.clone())),
            Ok(Kind::Record)
        );
        payload["attachments"][0]["size"] = json!(crate::MAX_ATTACHMENT_BYTES + 1);
        let rejection = check_entry(&entry("record", payload)).unwrap_err();
        assert_eq!(rejection.code, RejectCode::TooLarge);
        assert!(
            rejection.message.contains("“2026 年部门预算”")
                && rejection.message.contains("“预算表.pdf”")
                && rejection.message.contains("200 MiB"),
            "{}",
            rejection.message
        );
    }

    fn valid_id(body17: &str) -> String {
        format!(
            "{body17}{}",
            gongkai_domain::check_character(body17).unwrap()
        )
    }

    fn record_body(body: &str) -> Value {
        json!({
            "item_key": "财政预决算/预算/部门预算", "domain": "财政预决算", "item_name": "部门预算",
            "title": "2026 年部门预算", "formed_on": "2026-01-05", "published_on": "2026-01-06",
            "body": body, "channels": ["政府网站"], "attachments": []
        })
    }

    fn payout_cell(cell: &str) -> Result<Kind, Rejection> {
        check_entry(&entry(
            "payout_list",
            serde_json::to_value(payout(vec![row(cell)])).unwrap(),
        ))
    }

    #[test]
    fn an_id_number_inside_a_longer_run_or_written_with_separators_is_found() {
        let id = valid_id("36098219900101123");
        let x_id = "11010519491231002X"; // the GB 11643 example, check character X
        for body in [
            format!("联系人身份证 {id} 12345678901"), // one 29-digit run
            format!("编号1{id}"),
            format!("{id}0"),
            format!("账号 12345 {id}"),
            format!("{} {} {}", &id[..6], &id[6..14], &id[14..]),
            format!("{}\u{3000}{}", &id[..6], &id[6..]),
            format!("{}\u{a0}{}", &id[..6], &id[6..]),
            format!("{}－{}", &id[..6], &id[6..]),
            format!("{}  {}", &id[..9], &id[9..]),
            id.chars()
                .map(|c| char::from_u32(u32::from(c) - u32::from('0') + u32::from('０')).unwrap())
                .collect(),
            format!("证号 9{x_id}"),
            format!("证号 {} {}", &x_id[..9], &x_id[9..]),
        ] {
            let rejection = check_entry(&entry("record", record_body(&body))).expect_err(&body);
            assert_eq!(rejection.code, RejectCode::UnmaskedData, "{body}");
            assert!(!rejection.message.contains(&id), "{}", rejection.message);
            assert!(!rejection.message.contains(x_id), "{}", rejection.message);
        }
    }

    #[test]
    fn bank_numbers_written_with_any_separator_are_refused() {
        for raw in [
            "6222-0212-3456-7890",
            "6222\u{3000}0212\u{3000}3456\u{3000}7890",
            "6222  0212  3456  7890",
            "6222\u{a0}0212\u{a0}3456\u{a0}7890",
            "6222–0212–3456–7890",
            "6222 - 0212 - 3456 - 7890",
            "６２２２－０２１２－３４５６－７８９０",
            "6222\u{200b}0212\u{200b}3456\u{200b}7890",
            "6217 0012 3456 789",       // 15 digits
            "1012 3456 7890 1",         // 13 digits
            "341502800101123",          // a first-generation (15-digit) ID
            "张三 6222 0212 3456 7890", // inside other text
        ] {
            let rejection = payout_cell(raw).expect_err(raw);
            assert_eq!(rejection.code, RejectCode::UnmaskedData, "{raw}");
            assert!(rejection.message.contains("****"), "{}", rejection.message);
        }
    }

    #[test]
    fn dates_phone_numbers_amounts_and_document_numbers_pass() {
        let everyday = [
            "2026-11-24",
            "2026-11-24 至 2026-11-30",
            "2026-11-24 - 2026-11-30",
            "2026-11-24—2026-11-30",
            "2026-11-24 2026-11-30 2026-12-01",
            "2026－11－24－2026－11－30",
            "0799-5550101",
            "0755-83241234",
            "13812345678",
            "138 1234 5678",
            "〔2025〕12号",
            "示政发〔2025〕12号 2026-11-24",
            "1 234 567.89",
            "120.00",
            "12,345,678.90",
            "341502101201", // a village's 12-digit division code
            "6222 **** **** 7890",
            "3415**********123X",
        ];
        for text in everyday {
            assert_eq!(payout_cell(text), Ok(Kind::PayoutList), "{text}");
            assert_eq!(
                check_entry(&entry("record", record_body(text))),
                Ok(Kind::Record),
                "{text}"
            );
        }
        let mut list = serde_json::to_value(payout(vec![row("张*")])).unwrap();
        list["title"] = json!(format!(
            "{}（{}）",
            everyday.join("，"),
            "监督电话 0799-5550101"
        ));
        assert_eq!(
            check_entry(&entry("payout_list", list)),
            Ok(Kind::PayoutList)
        );
    }

    #[test]
    fn ownership_ids_and_shapes() {
        let e = entry("calendar", json!({}));
        assert_eq!(check_entry(&e).unwrap_err().code, RejectCode::NotOwner);
        let e = entry("weather", json!({}));
        assert_eq!(check_entry(&e).unwrap_err().code, RejectCode::UnknownKind);
        let mut e = entry("record", json!({"title": "x"}));
        assert_eq!(
            check_entry(&e).unwrap_err().code,
            RejectCode::InvalidPayload
        );
        e.op = Op::Withdraw;
        e.payload = json!({"reason": "内容有误"});
        assert_eq!(check_entry(&e), Ok(Kind::Record));
        e.payload = Value::Null;
        assert_eq!(check_entry(&e), Ok(Kind::Record));
        let mut bad = e.clone();
        bad.id = bad.id.to_uppercase();
        assert_eq!(check_entry(&bad).unwrap_err().code, RejectCode::InvalidId);
        let mut bad = e.clone();
        bad.id = "0f0e0d0c-0b0a-4908-8706-050403020100".into();
        assert_eq!(check_entry(&bad).unwrap_err().code, RejectCode::InvalidId);
        let mut bad = e.clone();
        bad.replaces = Some(bad.id.clone()); // itself
        assert_eq!(check_entry(&bad).unwrap_err().code, RejectCode::InvalidId);
        let mut bad = e.clone();
        bad.replaces = Some("0f0e0d0c-0b0a-4908-8706-050403020100".into()); // not a v7
        assert_eq!(check_entry(&bad).unwrap_err().code, RejectCode::InvalidId);
        // A version made while the PC's clock ran ahead has a greater id than the one that
        // replaces it once the clock is right: still a valid replacement.
        let mut later_id = e.clone();
        later_id.replaces = Some(v7());
        assert_eq!(check_entry(&later_id), Ok(Kind::Record));
        let mut bad = e.clone();
        bad.created_at = "yesterday".into();
        assert_eq!(
            check_entry(&bad).unwrap_err().code,
            RejectCode::InvalidPayload
        );
    }

    #[test]
    fn payout_sums_must_agree() {
        let mut list = payout(vec![row("张*")]);
        list.summary.rows = 2;
        let e = entry("payout_list", serde_json::to_value(list).unwrap());
        assert_eq!(
            check_entry(&e).unwrap_err().code,
            RejectCode::InvalidPayload
        );
    }
}
