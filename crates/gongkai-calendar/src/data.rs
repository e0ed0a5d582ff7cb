//! The JSON form of the calendar and the checks it must pass before it is used.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Deserialize;

use crate::CalendarError;

/// The seven statutory holidays of 《全国年节及纪念日放假办法》 that the notices arrange. A block may
/// name two of them joined by “、” when they fall together (国庆节、中秋节).
const HOLIDAY_NAMES: [&str; 7] = [
    "元旦",
    "春节",
    "清明节",
    "劳动节",
    "端午节",
    "中秋节",
    "国庆节",
];

/// Longest holiday block accepted, in days. The longest so far is the extended Spring Festival of
/// 2020 (10 days); a month is far beyond any schedule and catches a mistyped year or month.
const MAX_BLOCK_DAYS: i64 = 31;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCalendar {
    pub version: String,
    pub years: Vec<RawYear>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawYear {
    pub year: i32,
    pub notice: String,
    pub document: String,
    pub issued: NaiveDate,
    pub url: String,
    #[serde(default)]
    pub amendments: Vec<RawAmendment>,
    pub holidays: Vec<RawHoliday>,
    pub make_up_workdays: Vec<RawMakeUp>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAmendment {
    pub notice: String,
    pub document: String,
    pub issued: NaiveDate,
    pub url: String,
    pub change: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawHoliday {
    pub name: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMakeUp {
    pub date: NaiveDate,
    #[serde(rename = "for")]
    pub for_holiday: String,
}

/// One official document behind a year's schedule: the yearly notice or a later amendment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Full title, e.g. 国务院办公厅关于2025年部分节假日安排的通知.
    pub title: String,
    /// 文号, e.g. 国办发明电〔2024〕12号.
    pub document: String,
    /// Date the notice was signed (成文日期).
    pub issued: NaiveDate,
    /// Where it is published on www.gov.cn.
    pub url: String,
    /// For an amendment: what it changed. `None` for the yearly notice itself.
    pub change: Option<String>,
}

/// What a listed date is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Special {
    Holiday(String),
    MakeUp(String),
}

/// The checked content of a calendar file.
pub(crate) struct Checked {
    pub version: String,
    pub first_year: i32,
    pub last_year: i32,
    pub days: HashMap<NaiveDate, Special>,
    pub notices: Vec<Vec<Notice>>,
}

pub(crate) fn parse(json: &str) -> Result<Checked, CalendarError> {
    let raw: RawCalendar =
        serde_json::from_str(json).map_err(|e| CalendarError::BadJson(e.to_string()))?;
    check(raw)
}

fn invalid(message: String) -> CalendarError {
    CalendarError::Invalid(message)
}

fn check(raw: RawCalendar) -> Result<Checked, CalendarError> {
    let version = NaiveDate::parse_from_str(&raw.version, "%Y-%m-%d")
        .ok()
        .filter(|d| d.format("%Y-%m-%d").to_string() == raw.version)
        .ok_or_else(|| {
            invalid(format!(
                "版本号“{}”应为 YYYY-MM-DD 格式的日期（最新一份通知的发布日期）",
                raw.version
            ))
        })?;
    let (Some(first), Some(last)) = (raw.years.first(), raw.years.last()) else {
        return Err(invalid("没有任何年份的放假安排".to_owned()));
    };
    let (first_year, last_year) = (first.year, last.year);

    for pair in raw.years.windows(2) {
        if let [a, b] = pair
            && b.year != a.year + 1
        {
            return Err(invalid(format!(
                "年份应逐年连续排列：{}年之后应是{}年，实际是{}年",
                a.year,
                a.year + 1,
                b.year
            )));
        }
    }

    let mut days: HashMap<NaiveDate, Special> = HashMap::new();
    let mut notices = Vec::with_capacity(raw.years.len());
    for year in &raw.years {
        notices.push(check_notices(year, version)?);
        check_holidays(year)?;
        for holiday in &year.holidays {
            let mut day = holiday.from;
            while day <= holiday.to {
                if let Some(Special::Holiday(other)) = days.get(&day) {
                    return Err(invalid(format!(
                        "{}年：{}（{}）重复出现，已属于{}假期",
                        year.year, day, holiday.name, other
                    )));
                }
                days.insert(day, Special::Holiday(holiday.name.clone()));
                match day.succ_opt() {
                    Some(next) => day = next,
                    None => break,
                }
            }
        }
    }
    // Make-up days after every holiday is known, so one that falls inside a holiday of a
    // neighbouring year's notice is caught too.
    for year in &raw.years {
        for make_up in &year.make_up_workdays {
            check_make_up(year, make_up)?;
            match days.get(&make_up.date) {
                Some(Special::Holiday(name)) => {
                    return Err(invalid(format!(
                        "{}年：调休上班日 {} 落在{}假期之内",
                        year.year, make_up.date, name
                    )));
                }
                Some(Special::MakeUp(_)) => {
                    return Err(invalid(format!(
                        "{}年：调休上班日 {} 重复出现",
                        year.year, make_up.date
                    )));
                }
                None => {}
            }
            days.insert(make_up.date, Special::MakeUp(make_up.for_holiday.clone()));
        }
    }

    Ok(Checked {
        version: raw.version,
        first_year,
        last_year,
        days,
        notices,
    })
}

fn check_notices(year: &RawYear, version: NaiveDate) -> Result<Vec<Notice>, CalendarError> {
    let y = year.year;
    if !year.notice.contains(&format!("{y}年")) {
        return Err(invalid(format!(
            "{y}年：通知标题“{}”没有写明{y}年",
            year.notice
        )));
    }
    let mut notices = vec![Notice {
        title: year.notice.clone(),
        document: year.document.clone(),
        issued: year.issued,
        url: year.url.clone(),
        change: None,
    }];
    notices.extend(year.amendments.iter().map(|a| Notice {
        title: a.notice.clone(),
        document: a.document.clone(),
        issued: a.issued,
        url: a.url.clone(),
        change: Some(a.change.clone()),
    }));
    for notice in &notices {
        let blank = [
            ("通知标题", &notice.title),
            ("文号", &notice.document),
            ("网址", &notice.url),
        ]
        .into_iter()
        .find(|(_, value)| value.trim().is_empty());
        if let Some((field, _)) = blank {
            return Err(invalid(format!("{y}年：{field}不能为空")));
        }
        if notice
            .change
            .as_deref()
            .is_some_and(|c| c.trim().is_empty())
        {
            return Err(invalid(format!(
                "{y}年：{}没有说明调整了什么",
                notice.document
            )));
        }
        if notice.issued > version {
            return Err(invalid(format!(
                "{y}年：{}的发布日期 {} 晚于数据版本 {}",
                notice.document, notice.issued, version
            )));
        }
    }
    Ok(notices)
}

/// A notice for year Y also covers the last days of December of Y-1 (元旦 2019 began on
/// 2018-12-30) and, conceivably, the first of January of Y+1; nothing further.
fn within_reach(year: i32, date: NaiveDate) -> bool {
    date.year() == year
        || (date.year() == year - 1 && date.month() == 12)
        || (date.year() == year + 1 && date.month() == 1)
}

fn valid_name(name: &str) -> bool {
    let parts: Vec<&str> = name.split('、').collect();
    parts.iter().all(|part| HOLIDAY_NAMES.contains(part))
        && parts
            .iter()
            .enumerate()
            .all(|(i, part)| !parts[..i].contains(part))
}

fn check_holidays(year: &RawYear) -> Result<(), CalendarError> {
    let y = year.year;
    if year.holidays.is_empty() {
        return Err(invalid(format!("{y}年：没有列出任何节假日")));
    }
    let mut previous_end: Option<NaiveDate> = None;
    for holiday in &year.holidays {
        let name = &holiday.name;
        if !valid_name(name) {
            return Err(invalid(format!(
                "{y}年：“{name}”不是法定节假日名称（应为元旦、春节、清明节、劳动节、端午节、中秋节、国庆节之一，\
                 或用“、”连接的两个）"
            )));
        }
        if holiday.from > holiday.to {
            return Err(invalid(format!(
                "{y}年：{name}的起始日期 {} 晚于结束日期 {}",
                holiday.from, holiday.to
            )));
        }
        let length = (holiday.to - holiday.from).num_days() + 1;
        if length > MAX_BLOCK_DAYS {
            return Err(invalid(format!(
                "{y}年：{name}假期从 {} 到 {} 共 {length} 天，超过 {MAX_BLOCK_DAYS} 天，请核对日期",
                holiday.from, holiday.to
            )));
        }
        for date in [holiday.from, holiday.to] {
            if !within_reach(y, date) {
                return Err(invalid(format!(
                    "{y}年：{name}的日期 {date} 不在{y}年的安排范围内"
                )));
            }
        }
        if let Some(end) = previous_end
            && holiday.from <= end
        {
            return Err(invalid(format!(
                "{y}年：节假日应按日期先后排列且互不重叠，{name}（{} 起）排在 {end} 结束的假期之后",
                holiday.from
            )));
        }
        previous_end = Some(holiday.to);
    }
    Ok(())
}

fn check_make_up(year: &RawYear, make_up: &RawMakeUp) -> Result<(), CalendarError> {
    let y = year.year;
    let date = make_up.date;
    if !year.holidays.iter().any(|h| h.name == make_up.for_holiday) {
        return Err(invalid(format!(
            "{y}年：调休上班日 {date} 所属的“{}”不在本年的节假日中",
            make_up.for_holiday
        )));
    }
    if !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
        return Err(invalid(format!(
            "{y}年：调休上班日 {date}（{}）不是周六或周日",
            weekday_zh(date.weekday())
        )));
    }
    if !within_reach(y, date) {
        return Err(invalid(format!(
            "{y}年：调休上班日 {date} 不在{y}年的安排范围内"
        )));
    }
    Ok(())
}

pub(crate) fn weekday_zh(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Mon => "星期一",
        Weekday::Tue => "星期二",
        Weekday::Wed => "星期三",
        Weekday::Thu => "星期四",
        Weekday::Fri => "星期五",
        Weekday::Sat => "星期六",
        Weekday::Sun => "星期日",
    }
}
