//! The lived-in demo: what `./dev.sh demo` opens is a township at work, made through the real
//! commands, the same on every run but for dates counted from the day it is made.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;

use gongkai_api::Api;
use gongkai_api::wire::{
    DeadlineState, NoArgs, PayoutListStatus, PayoutLookupArgs, RecordStatus, RecordSummary,
};
use gongkai_domain::demo::resident;
use tempfile::TempDir;

fn lived_in(dir: &TempDir, name: &str) -> Api {
    let api = Api::new(dir.path().join(name));
    api.setup_demo_lived_in(NoArgs {}).unwrap();
    api
}

fn records(api: &Api) -> Vec<RecordSummary> {
    api.records_list(NoArgs {}).unwrap().records
}

#[test]
fn payout_lists_stand_in_every_state() {
    let dir = TempDir::new().unwrap();
    let api = lived_in(&dir, "demo.sqlite3");
    let lists = api.payouts_list(NoArgs {}).unwrap().lists;
    let states: BTreeSet<&str> = lists.iter().map(|l| l.status.key()).collect();
    for wanted in PayoutListStatus::ALL {
        assert!(
            states.contains(wanted.key()),
            "no list {}: {states:?}",
            wanted.label()
        );
    }
    // The list in its 公示期 is posted up to now: its period holds today.
    let today = chrono::Local::now().date_naive().to_string();
    let posted = lists
        .iter()
        .find(|l| l.status == PayoutListStatus::Posted)
        .unwrap();
    assert!(
        posted
            .postings
            .iter()
            .all(|p| p.posted_on <= today && today <= p.ends_on),
        "{:?}",
        posted.postings
    );
    // A resident is found by their number, masked, in the lists they are on.
    let found = api
        .payouts_lookup(PayoutLookupArgs {
            id_number: resident(0).id_number,
        })
        .unwrap();
    assert_eq!(found.payouts.len(), 1, "{:?}", found.payouts);
    assert_eq!(found.payouts[0].name, resident(0).name);
}

#[test]
fn records_are_in_every_state_across_domains_some_overdue_some_due_soon() {
    let dir = TempDir::new().unwrap();
    let api = lived_in(&dir, "demo.sqlite3");
    let records = records(&api);
    let domains: BTreeSet<&str> = records.iter().map(|r| r.domain.as_str()).collect();
    assert!(domains.len() >= 5, "{domains:?}");
    let has = |what: &str, test: &dyn Fn(&RecordSummary) -> bool| {
        assert!(records.iter().any(test), "no record {what}");
    };
    has("overdue", &|r| r.deadline == DeadlineState::Overdue);
    has("due soon or pending", &|r| {
        matches!(r.deadline, DeadlineState::DueSoon | DeadlineState::Pending)
    });
    has("published on time", &|r| {
        r.deadline == DeadlineState::OnTime
    });
    has("published late", &|r| r.deadline == DeadlineState::Late);
    has("withdrawn", &|r| r.status == RecordStatus::Withdrawn);
    has("withheld", &|r| r.deadline == DeadlineState::NotApplicable);
    has("waiting only for publication", &|r| {
        r.status == RecordStatus::Draft && r.blockers.is_empty()
    });
    has("not drafted yet", &|r| {
        r.blockers.iter().any(|b| b.contains("拟稿"))
    });
    has("past 拟稿, waiting at 审定", &|r| {
        r.blockers.iter().any(|b| b.contains("审定"))
            && !r.blockers.iter().any(|b| b.contains("拟稿"))
    });
}

#[test]
fn a_county_notice_is_waiting() {
    let dir = TempDir::new().unwrap();
    let api = lived_in(&dir, "demo.sqlite3");
    let notices = api.sync_status(NoArgs {}).unwrap().notices;
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].title.contains("年度报告"), "{notices:?}");
}

#[test]
fn two_demos_hold_the_same_people_amounts_and_titles() {
    let dir = TempDir::new().unwrap();
    let (a, b) = (lived_in(&dir, "a.sqlite3"), lived_in(&dir, "b.sqlite3"));
    let lists = |api: &Api| {
        let mut lists: Vec<(String, String, u32, i64)> = api
            .payouts_list(NoArgs {})
            .unwrap()
            .lists
            .into_iter()
            .map(|l| (l.project, l.status.key().to_owned(), l.rows, l.total_fen))
            .collect();
        lists.sort();
        lists
    };
    assert_eq!(lists(&a), lists(&b));
    let titles = |api: &Api| {
        let mut t: Vec<(String, String)> = records(api)
            .into_iter()
            .map(|r| (r.title, r.deadline_label))
            .collect();
        t.sort();
        t
    };
    assert_eq!(titles(&a), titles(&b));
}
