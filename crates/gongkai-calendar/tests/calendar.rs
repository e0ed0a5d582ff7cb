//! The bundled schedule against the published notices, and counting over it.
//!
//! Expected dates are written out by hand from the notice texts (see assets/calendar/README.md),
//! independently of the JSON, so a mistyped date in the data fails here.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use gongkai_calendar::{Calendar, CalendarError, DayKind, OFFICIAL_JSON};
use serde_json::{Value, json};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn cal() -> Calendar {
    Calendar::official().unwrap()
}

fn holiday(name: &str) -> DayKind {
    DayKind::Holiday {
        name: name.to_owned(),
    }
}

fn make_up(name: &str) -> DayKind {
    DayKind::MakeUpWorkday {
        for_holiday: name.to_owned(),
    }
}

/// Every day from `from` to `to` inclusive is a day off of `name`, the day before and the day
/// after are not.
fn assert_block(cal: &Calendar, name: &str, from: &str, to: &str) {
    let (from, to) = (d(from), d(to));
    let mut day = from;
    while day <= to {
        assert_eq!(cal.day_kind(day), holiday(name), "{day}");
        day = day.succ_opt().unwrap();
    }
    for outside in [from.pred_opt().unwrap(), to.succ_opt().unwrap()] {
        assert!(
            !matches!(cal.day_kind(outside), DayKind::Holiday { .. }),
            "{outside} should not belong to {name}"
        );
    }
}

fn assert_make_up(cal: &Calendar, name: &str, dates: &[&str]) {
    for date in dates {
        assert_eq!(cal.day_kind(d(date)), make_up(name), "{date}");
        assert!(cal.is_workday(d(date)), "{date}");
    }
}

// ---------------------------------------------------------------- the bundled data

#[test]
fn bundled_calendar_loads_and_covers_2019_to_2026() {
    let cal = cal();
    assert_eq!(cal.covered_years(), 2019..=2026);
    assert_eq!(cal.version(), "2025-11-04");
    assert!(cal.covers(d("2019-01-01")));
    assert!(cal.covers(d("2026-12-31")));
    assert!(!cal.covers(d("2018-12-31")));
    assert!(!cal.covers(d("2027-01-01")));
}

#[test]
fn every_year_names_its_notice() {
    let cal = cal();
    let documents = [
        (2019, "国办发明电〔2018〕15号"),
        (2020, "国办发明电〔2019〕16号"),
        (2021, "国办发明电〔2020〕27号"),
        (2022, "国办发明电〔2021〕11号"),
        (2023, "国办发明电〔2022〕16号"),
        (2024, "国办发明电〔2023〕7号"),
        (2025, "国办发明电〔2024〕12号"),
        (2026, "国办发明电〔2025〕7号"),
    ];
    for (year, document) in documents {
        let notices = cal.notices(year);
        let first = &notices[0];
        assert_eq!(first.document, document);
        assert_eq!(
            first.title,
            format!("国务院办公厅关于{year}年部分节假日安排的通知")
        );
        assert!(
            first.url.starts_with("https://www.gov.cn/"),
            "{}",
            first.url
        );
        assert!(first.change.is_none());
    }
    let amended: Vec<(i32, &str)> = (2019..=2026)
        .flat_map(|y| cal.notices(y)[1..].iter().map(move |n| (y, n)))
        .map(|(y, n)| (y, n.document.as_str()))
        .collect();
    assert_eq!(
        amended,
        [
            (2019, "国办发明电〔2019〕3号"),
            (2020, "国办发明电〔2020〕1号")
        ]
    );
    assert!(cal.notices(2018).is_empty());
    assert!(cal.notices(2027).is_empty());
}

/// Days off and weekend days worked per year, counted by hand from the notices (amendments
/// applied; the December days of the 元旦 block of 2019 and 2023 counted with that year).
#[test]
fn yearly_totals_match_the_notices() {
    let cal = cal();
    let expected = [
        (2019, 24, 7),
        (2020, 30, 6),
        (2021, 31, 7),
        (2022, 31, 7),
        (2023, 27, 7),
        (2024, 28, 8),
        (2025, 28, 5),
        (2026, 33, 6),
    ];
    // A notice's days run from its first listed day (late December for 2019 and 2023) to the
    // day before the next notice's first listed day.
    let first_listed = |year: i32| match year {
        2019 => d("2018-12-29"),
        2023 => d("2022-12-31"),
        _ => d(&format!("{year}-01-01")),
    };
    for (year, days_off, weekend_worked) in expected {
        let mut day = first_listed(year);
        let end = first_listed(year + 1);
        let (mut off, mut worked) = (0, 0);
        while day < end {
            match cal.day_kind(day) {
                DayKind::Holiday { .. } => off += 1,
                DayKind::MakeUpWorkday { .. } => worked += 1,
                _ => {}
            }
            day = day.succ_opt().unwrap();
        }
        assert_eq!((off, worked), (days_off, weekend_worked), "{year}");
    }
}

#[test]
fn schedule_2019_with_the_labour_day_amendment() {
    let cal = cal();
    assert_block(&cal, "元旦", "2018-12-30", "2019-01-01");
    assert_make_up(&cal, "元旦", &["2018-12-29"]);
    assert_block(&cal, "春节", "2019-02-04", "2019-02-10");
    assert_make_up(&cal, "春节", &["2019-02-02", "2019-02-03"]);
    assert_block(&cal, "清明节", "2019-04-05", "2019-04-05");
    // 国办发明电〔2019〕3号: 5月1日至4日, 4月28日、5月5日（星期日）上班.
    assert_block(&cal, "劳动节", "2019-05-01", "2019-05-04");
    assert_make_up(&cal, "劳动节", &["2019-04-28", "2019-05-05"]);
    assert_block(&cal, "端午节", "2019-06-07", "2019-06-07");
    assert_block(&cal, "中秋节", "2019-09-13", "2019-09-13");
    assert_block(&cal, "国庆节", "2019-10-01", "2019-10-07");
    assert_make_up(&cal, "国庆节", &["2019-09-29", "2019-10-12"]);
    assert_eq!(cal.day_kind(d("2019-10-08")), DayKind::Workday);
    assert_eq!(cal.day_kind(d("2019-10-13")), DayKind::Weekend);
}

#[test]
fn schedule_2020_includes_the_spring_festival_extension() {
    let cal = cal();
    // 国办发明电〔2019〕16号 gave 1月24日至30日 with 1月19日、2月1日 worked; 国办发明电〔2020〕1号
    // extended the holiday to 2月2日, work resuming 2月3日, so 2月1日 is a day off.
    assert_block(&cal, "春节", "2020-01-24", "2020-02-02");
    assert_make_up(&cal, "春节", &["2020-01-19"]);
    assert_eq!(cal.day_kind(d("2020-02-01")), holiday("春节"));
    assert_eq!(cal.day_kind(d("2020-02-03")), DayKind::Workday);
    assert_block(&cal, "国庆节、中秋节", "2020-10-01", "2020-10-08");
    assert_make_up(&cal, "国庆节、中秋节", &["2020-09-27", "2020-10-10"]);
    assert_block(&cal, "端午节", "2020-06-25", "2020-06-27");
    assert_make_up(&cal, "端午节", &["2020-06-28"]);
}

#[test]
fn schedule_2023_starts_in_december_2022() {
    let cal = cal();
    assert_block(&cal, "元旦", "2022-12-31", "2023-01-02");
    assert_block(&cal, "中秋节、国庆节", "2023-09-29", "2023-10-06");
    assert_make_up(&cal, "中秋节、国庆节", &["2023-10-07", "2023-10-08"]);
}

#[test]
fn schedule_2024() {
    let cal = cal();
    assert_block(&cal, "元旦", "2024-01-01", "2024-01-01");
    assert_block(&cal, "春节", "2024-02-10", "2024-02-17");
    assert_make_up(&cal, "春节", &["2024-02-04", "2024-02-18"]);
    // 除夕 2月9日 was only “encouraged” as leave: a working day.
    assert_eq!(cal.day_kind(d("2024-02-09")), DayKind::Workday);
    assert_block(&cal, "清明节", "2024-04-04", "2024-04-06");
    assert_make_up(&cal, "清明节", &["2024-04-07"]);
    assert_block(&cal, "劳动节", "2024-05-01", "2024-05-05");
    assert_make_up(&cal, "劳动节", &["2024-04-28", "2024-05-11"]);
    assert_block(&cal, "中秋节", "2024-09-15", "2024-09-17");
    assert_make_up(&cal, "中秋节", &["2024-09-14"]);
    assert_block(&cal, "国庆节", "2024-10-01", "2024-10-07");
    assert_make_up(&cal, "国庆节", &["2024-09-29", "2024-10-12"]);
}

#[test]
fn schedule_2025_under_the_revised_holiday_rules() {
    let cal = cal();
    assert_block(&cal, "元旦", "2025-01-01", "2025-01-01");
    // 春节 from 除夕, 8 days; 劳动节 5 days with a single make-up Sunday.
    assert_block(&cal, "春节", "2025-01-28", "2025-02-04");
    assert_make_up(&cal, "春节", &["2025-01-26", "2025-02-08"]);
    assert_block(&cal, "清明节", "2025-04-04", "2025-04-06");
    assert_block(&cal, "劳动节", "2025-05-01", "2025-05-05");
    assert_make_up(&cal, "劳动节", &["2025-04-27"]);
    assert_block(&cal, "端午节", "2025-05-31", "2025-06-02");
    assert_block(&cal, "国庆节、中秋节", "2025-10-01", "2025-10-08");
    assert_make_up(&cal, "国庆节、中秋节", &["2025-09-28", "2025-10-11"]);
}

#[test]
fn schedule_2026() {
    let cal = cal();
    assert_block(&cal, "元旦", "2026-01-01", "2026-01-03");
    assert_make_up(&cal, "元旦", &["2026-01-04"]);
    assert_block(&cal, "春节", "2026-02-15", "2026-02-23");
    assert_make_up(&cal, "春节", &["2026-02-14", "2026-02-28"]);
    assert_block(&cal, "清明节", "2026-04-04", "2026-04-06");
    assert_block(&cal, "劳动节", "2026-05-01", "2026-05-05");
    assert_make_up(&cal, "劳动节", &["2026-05-09"]);
    assert_block(&cal, "端午节", "2026-06-19", "2026-06-21");
    assert_block(&cal, "中秋节", "2026-09-25", "2026-09-27");
    assert_block(&cal, "国庆节", "2026-10-01", "2026-10-07");
    assert_make_up(&cal, "国庆节", &["2026-09-20", "2026-10-10"]);
}

#[test]
fn ordinary_days() {
    let cal = cal();
    assert_eq!(cal.day_kind(d("2025-03-10")), DayKind::Workday); // Monday
    assert_eq!(cal.day_kind(d("2025-03-15")), DayKind::Weekend); // Saturday
    assert_eq!(cal.day_kind(d("2025-03-16")), DayKind::Weekend); // Sunday
    assert!(cal.is_workday(d("2025-03-10")));
    assert!(!cal.is_workday(d("2025-03-15")));
    assert!(!cal.is_workday(d("2025-10-03")));
    assert_eq!(holiday("春节").to_string(), "春节假期");
    assert_eq!(make_up("国庆节").to_string(), "调休上班日（国庆节）");
}

// ---------------------------------------------------------------- counting

#[test]
fn zero_workdays_is_the_start_itself() {
    let cal = cal();
    assert_eq!(
        cal.add_workdays(d("2025-10-03"), 0).unwrap(),
        d("2025-10-03")
    );
    // Even outside the covered years: nothing is counted.
    assert_eq!(
        cal.add_workdays(d("2030-06-01"), 0).unwrap(),
        d("2030-06-01")
    );
    let explanation = cal.explain(d("2025-10-03"), 0).unwrap();
    assert_eq!(explanation.due, d("2025-10-03"));
    assert!(explanation.days.is_empty());
}

#[test]
fn the_start_day_is_not_counted() {
    let cal = cal();
    // Monday → Tuesday.
    assert_eq!(
        cal.add_workdays(d("2025-03-10"), 1).unwrap(),
        d("2025-03-11")
    );
    // Friday → Monday.
    assert_eq!(
        cal.add_workdays(d("2025-03-14"), 1).unwrap(),
        d("2025-03-17")
    );
    // A holiday start: the first working day after it.
    assert_eq!(
        cal.add_workdays(d("2025-10-01"), 1).unwrap(),
        d("2025-10-09")
    );
}

#[test]
fn national_day_2019_counts_the_make_up_days() {
    let cal = cal();
    // Fri 9-27: Sat 9-28 weekend, Sun 9-29 make-up (1), Mon 9-30 (2), 10-1..7 off, Tue 10-8 (3).
    assert_eq!(
        cal.add_workdays(d("2019-09-27"), 1).unwrap(),
        d("2019-09-29")
    );
    assert_eq!(
        cal.add_workdays(d("2019-09-27"), 3).unwrap(),
        d("2019-10-08")
    );
    // 20 working days from Mon 9-30: Sat 10-12 is worked, so the due date is Fri 11-01
    // (it would be Mon 11-04 if 10-12 were a weekend).
    assert_eq!(
        cal.add_workdays(d("2019-09-30"), 20).unwrap(),
        d("2019-11-01")
    );
}

#[test]
fn twenty_workdays_across_the_2026_spring_festival() {
    let cal = cal();
    // Formed Tue 2026-02-10: 2-11, 2-12, 2-13, Sat 2-14 (make-up), 2-15..23 off, 2-24..27,
    // Sat 2-28 (make-up), 3-2..6, 3-9..13, 3-16 is the 20th.
    assert_eq!(
        cal.add_workdays(d("2026-02-10"), 20).unwrap(),
        d("2026-03-16")
    );
}

#[test]
fn counting_across_the_year_boundary() {
    let cal = cal();
    // Thu 2025-12-25: 12-26 (1), 12-29 (2), 12-30 (3), 12-31 (4), 2026-01-01..03 off,
    // Sun 01-04 make-up (5).
    assert_eq!(
        cal.add_workdays(d("2025-12-25"), 5).unwrap(),
        d("2026-01-04")
    );
    // Fri 2022-12-30: 12-31..2023-01-02 off (the 2023 notice), Tue 01-03.
    assert_eq!(
        cal.add_workdays(d("2022-12-30"), 1).unwrap(),
        d("2023-01-03")
    );
    // 2024-12-31 (Tue) → 2025-01-01 off → Thu 01-02.
    assert_eq!(
        cal.add_workdays(d("2024-12-31"), 1).unwrap(),
        d("2025-01-02")
    );
}

#[test]
fn counting_past_the_last_covered_year_is_refused() {
    let cal = cal();
    // 2026-12-31 is a Thursday: one working day is still inside the data.
    assert_eq!(
        cal.add_workdays(d("2026-12-30"), 1).unwrap(),
        d("2026-12-31")
    );
    let err = cal.add_workdays(d("2026-12-20"), 20).unwrap_err();
    assert_eq!(
        err,
        CalendarError::YearNotCovered {
            year: 2027,
            first: 2019,
            last: 2026
        }
    );
    let message = err.to_string();
    assert!(message.contains("2027年"), "{message}");
    assert!(message.contains("2019 年至 2026 年"), "{message}");
    assert!(matches!(
        cal.explain(d("2026-12-31"), 1),
        Err(CalendarError::YearNotCovered { year: 2027, .. })
    ));
    assert!(matches!(
        cal.workdays_between(d("2026-12-01"), d("2027-01-10")),
        Err(CalendarError::YearNotCovered { year: 2027, .. })
    ));
}

#[test]
fn counting_before_the_first_covered_year_is_refused() {
    let cal = cal();
    let err = cal.add_workdays(d("2018-06-01"), 3).unwrap_err();
    assert!(matches!(
        err,
        CalendarError::YearNotCovered { year: 2018, .. }
    ));
    assert!(err.to_string().contains("2018年"));
    // From the last day before coverage the walk starts inside it.
    assert_eq!(
        cal.add_workdays(d("2018-12-31"), 1).unwrap(),
        d("2019-01-02")
    );
}

#[test]
fn explain_agrees_with_add_workdays() {
    let cal = cal();
    let e = cal.explain(d("2026-02-10"), 20).unwrap();
    assert_eq!(e.due, d("2026-03-16"));
    assert_eq!(e.start, d("2026-02-10"));
    assert_eq!(e.workdays, 20);
    assert_eq!(e.days.len(), 34); // 2-11 .. 3-16
    assert_eq!(e.days[0].date, d("2026-02-11"));
    assert_eq!(e.days[3].kind, make_up("春节"));
    assert_eq!(e.days[3].workdays_so_far, 4);
    assert_eq!(e.days[4].kind, holiday("春节"));
    assert_eq!(e.days[4].workdays_so_far, 4);
    assert_eq!(e.days.last().unwrap().workdays_so_far, 20);
    assert_eq!(e.holidays_skipped, 9);
    assert_eq!(e.weekends_skipped, 5); // 3-1, 3-7, 3-8, 3-14, 3-15
    assert_eq!(e.make_up_days_used, 2);

    // Across many starts and lengths: same due date, counts add up, running count is right.
    let mut start = d("2019-01-01");
    while start < d("2026-10-01") {
        for n in [1, 5, 15, 20, 60] {
            let e = cal.explain(start, n).unwrap();
            assert_eq!(e.due, cal.add_workdays(start, n).unwrap(), "{start} + {n}");
            let plain = e.days.iter().filter(|x| x.kind == DayKind::Workday).count();
            assert_eq!(plain as u32 + e.make_up_days_used, n);
            assert_eq!(
                e.days.len() as u32,
                n + e.holidays_skipped + e.weekends_skipped,
                "{start} + {n}"
            );
            assert_eq!(e.days.len() as i64, (e.due - start).num_days());
            assert!(e.days.last().unwrap().kind.is_workday());
            assert_eq!(cal.workdays_between(start, e.due).unwrap(), i64::from(n));
        }
        start = start + chrono::Days::new(11);
    }
}

#[test]
fn workdays_between_counts_the_half_open_interval() {
    let cal = cal();
    assert_eq!(
        cal.workdays_between(d("2025-03-10"), d("2025-03-10"))
            .unwrap(),
        0
    );
    // (Mon, Fri]: Tue..Fri.
    assert_eq!(
        cal.workdays_between(d("2025-03-10"), d("2025-03-14"))
            .unwrap(),
        4
    );
    assert_eq!(
        cal.workdays_between(d("2025-03-14"), d("2025-03-10"))
            .unwrap(),
        -4
    );
    // (9-30, 10-12] in 2019: 10-8..11 and the make-up Saturday 10-12.
    assert_eq!(
        cal.workdays_between(d("2019-09-30"), d("2019-10-12"))
            .unwrap(),
        5
    );
    // The whole of 2025: 365 days − 104 weekend days − 28 days off + weekend days inside them
    // (2025: 2-1, 2-2, 4-5, 4-6, 5-3, 5-4, 5-31, 6-1, 10-4, 10-5 = 10) + 5 make-up days.
    assert_eq!(
        cal.workdays_between(d("2024-12-31"), d("2025-12-31"))
            .unwrap(),
        365 - 104 - 28 + 10 + 5
    );
}

// ---------------------------------------------------------------- updates by sync

fn official_value() -> Value {
    serde_json::from_str(OFFICIAL_JSON).unwrap()
}

fn refused(value: &Value) -> String {
    let err = Calendar::from_json(&value.to_string()).unwrap_err();
    err.to_string()
}

fn year_mut(value: &mut Value, year: i64) -> &mut Value {
    value["years"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|y| y["year"] == year)
        .unwrap()
}

#[test]
fn a_newer_calendar_is_accepted() {
    let mut value = official_value();
    value["version"] = json!("2026-11-20");
    value["years"].as_array_mut().unwrap().push(json!({
        "year": 2027,
        "notice": "国务院办公厅关于2027年部分节假日安排的通知（测试数据）",
        "document": "测试",
        "issued": "2026-11-20",
        "url": "https://example.invalid/2027",
        "holidays": [{ "name": "元旦", "from": "2027-01-01", "to": "2027-01-03" }],
        "make_up_workdays": [{ "date": "2027-01-09", "for": "元旦" }]
    }));
    let cal = Calendar::from_json(&value.to_string()).unwrap();
    assert_eq!(cal.covered_years(), 2019..=2027);
    assert_eq!(cal.version(), "2026-11-20");
    assert_eq!(
        cal.add_workdays(d("2026-12-31"), 1).unwrap(),
        d("2027-01-04")
    );
    assert_eq!(cal.day_kind(d("2027-01-09")), make_up("元旦"));
}

#[test]
fn malformed_json_is_refused() {
    let err = Calendar::from_json("{ not json").unwrap_err();
    assert!(matches!(err, CalendarError::BadJson(_)));
    assert!(err.to_string().starts_with("日历数据无法读取"));

    let mut value = official_value();
    year_mut(&mut value, 2024)["make_up_workday"] = json!([]); // misspelt field
    assert!(refused(&value).starts_with("日历数据无法读取"));

    let mut value = official_value();
    year_mut(&mut value, 2024)["holidays"][0]["from"] = json!("2024-13-01");
    assert!(refused(&value).starts_with("日历数据无法读取"));
}

#[test]
fn a_make_up_day_on_a_weekday_is_refused() {
    let mut value = official_value();
    year_mut(&mut value, 2025)["make_up_workdays"][0]["date"] = json!("2025-01-27");
    let message = refused(&value);
    assert_eq!(
        message,
        "日历数据有误：2025年：调休上班日 2025-01-27（星期一）不是周六或周日"
    );
}

#[test]
fn a_make_up_day_inside_a_holiday_is_refused() {
    let mut value = official_value();
    // Saturday 2020-02-01: worked in the first 2020 notice, a day off after the extension.
    year_mut(&mut value, 2020)["make_up_workdays"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "date": "2020-02-01", "for": "春节" }));
    assert_eq!(
        refused(&value),
        "日历数据有误：2020年：调休上班日 2020-02-01 落在春节假期之内"
    );
}

#[test]
fn a_make_up_day_for_an_unknown_holiday_is_refused() {
    let mut value = official_value();
    year_mut(&mut value, 2026)["make_up_workdays"][0]["for"] = json!("春节");
    // 2026-01-04 is the 元旦 make-up day; 春节 exists in 2026, so that is accepted …
    assert!(Calendar::from_json(&value.to_string()).is_ok());
    // … but a holiday the year does not have is not.
    year_mut(&mut value, 2026)["make_up_workdays"][0]["for"] = json!("国庆节、中秋节");
    let message = refused(&value);
    assert!(message.contains("不在本年的节假日中"), "{message}");
    assert!(message.contains("2026-01-04"), "{message}");
}

#[test]
fn a_gap_between_years_is_refused() {
    let mut value = official_value();
    value["years"]
        .as_array_mut()
        .unwrap()
        .retain(|y| y["year"] != 2022);
    assert_eq!(
        refused(&value),
        "日历数据有误：年份应逐年连续排列：2021年之后应是2022年，实际是2023年"
    );
}

#[test]
fn duplicate_and_overlapping_dates_are_refused() {
    let mut value = official_value();
    let make_ups = year_mut(&mut value, 2024)["make_up_workdays"]
        .as_array_mut()
        .unwrap();
    let first = make_ups[0].clone();
    make_ups.push(first);
    assert_eq!(
        refused(&value),
        "日历数据有误：2024年：调休上班日 2024-02-04 重复出现"
    );

    // 2020's 元旦 block reaching back into a day 2019's notice already lists.
    let mut value = official_value();
    year_mut(&mut value, 2020)["holidays"][0]["from"] = json!("2019-12-31");
    year_mut(&mut value, 2019)["holidays"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "name": "元旦", "from": "2019-12-31", "to": "2019-12-31" }));
    let message = refused(&value);
    assert!(message.contains("2019-12-31"), "{message}");
    assert!(message.contains("重复出现"), "{message}");
}

#[test]
fn disordered_or_reversed_ranges_are_refused() {
    let mut value = official_value();
    year_mut(&mut value, 2021)["holidays"][1]["to"] = json!("2021-02-10");
    assert_eq!(
        refused(&value),
        "日历数据有误：2021年：春节的起始日期 2021-02-11 晚于结束日期 2021-02-10"
    );

    let mut value = official_value();
    year_mut(&mut value, 2021)["holidays"]
        .as_array_mut()
        .unwrap()
        .swap(0, 1);
    let message = refused(&value);
    assert!(message.contains("按日期先后排列"), "{message}");

    let mut value = official_value();
    year_mut(&mut value, 2021)["holidays"][6]["to"] = json!("2021-11-07");
    let message = refused(&value);
    assert!(message.contains("超过 31 天"), "{message}");

    let mut value = official_value();
    year_mut(&mut value, 2021)["holidays"][6]["from"] = json!("2022-10-01");
    year_mut(&mut value, 2021)["holidays"][6]["to"] = json!("2022-10-07");
    let message = refused(&value);
    assert!(message.contains("不在2021年的安排范围内"), "{message}");
}

#[test]
fn unknown_names_versions_and_empty_files_are_refused() {
    let mut value = official_value();
    year_mut(&mut value, 2022)["holidays"][0]["name"] = json!("新年");
    assert!(refused(&value).contains("“新年”不是法定节假日名称"));

    let mut value = official_value();
    value["version"] = json!("2025/11/04");
    assert!(refused(&value).contains("版本号“2025/11/04”"));

    let mut value = official_value();
    value["version"] = json!("2025-01-01");
    let message = refused(&value);
    assert!(message.contains("国办发明电〔2025〕7号"), "{message}");
    assert!(message.contains("晚于数据版本"), "{message}");

    assert_eq!(
        Calendar::from_json(r#"{"version":"2025-11-04","years":[]}"#)
            .unwrap_err()
            .to_string(),
        "日历数据有误：没有任何年份的放假安排"
    );

    let mut value = official_value();
    year_mut(&mut value, 2022)["notice"] = json!("国务院办公厅关于2023年部分节假日安排的通知");
    assert!(refused(&value).contains("没有写明2022年"));
}
