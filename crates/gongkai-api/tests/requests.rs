//! 依申请公开 end to end through the API on a real database: the reply clock walked over the
//! 2024–2025 holidays and make-up days (补正 restarting it, an extension, a third-party
//! consultation holding it, the fee's own period), every refusal leaving the application as it
//! was, the reply through 三审 and 保密审查 before it is final, 送达, the ID number never in any
//! JSON, art. 44's repeated requests, the 待办 home and 表三 of a small year.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use gongkai_api::Api;
use gongkai_api::wire::{
    CatalogItemsArgs, IdArgs, NoArgs, RequestConsultArgs, RequestCorrectArgs, RequestDeliverArgs,
    RequestDetail, RequestExtendArgs, RequestFeeArgs, RequestInput, RequestReplyArgs,
    RequestShowArgs, RequestsListArgs, RequestsProactiveArgs, TodoKind,
};
use tempfile::TempDir;

mod support;

use support::demo;
use support::requests::finalize;

fn input(name: &str, subject: &str, arrived_on: &str) -> RequestInput {
    RequestInput {
        channel: "in_person".to_owned(),
        arrived_on: arrived_on.to_owned(),
        confirmed_on: None,
        applicant_kind: "natural_person".to_owned(),
        applicant_name: name.to_owned(),
        contact: "13800000000".to_owned(),
        address: "示范镇示范村".to_owned(),
        id_number: None,
        subject: subject.to_owned(),
        description: "用于核对本户补贴金额".to_owned(),
        form_wanted: "纸质，当面领取".to_owned(),
    }
}

fn add(api: &Api, name: &str, subject: &str, arrived_on: &str) -> String {
    api.requests_add(input(name, subject, arrived_on))
        .unwrap()
        .summary
        .id
}

fn show(api: &Api, id: &str, today: &str) -> RequestDetail {
    api.requests_show(RequestShowArgs {
        id: id.to_owned(),
        today: Some(today.to_owned()),
    })
    .unwrap()
}

fn reply(
    api: &Api,
    id: &str,
    outcome: &str,
    ground: Option<&str>,
    on: &str,
) -> Result<RequestDetail, String> {
    api.requests_reply(RequestReplyArgs {
        id: id.to_owned(),
        outcome: outcome.to_owned(),
        ground: ground.map(str::to_owned),
        note: "其余部分涉及第三方个人信息".to_owned(),
        replied_on: Some(on.to_owned()),
    })
    .map_err(|e| e.message)
}

#[test]
fn a_correction_restarts_the_period_and_the_reply_is_final_only_after_review() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    // Received Monday 2025-01-20: 春节 1/28–2/4 off, Sunday 1/26 and Saturday 2/8 worked.
    let id = add(
        &api,
        "王秀英",
        "2024年耕地地力保护补贴发放名单",
        "2025-01-20",
    );
    let detail = show(&api, &id, "2025-01-21");
    assert_eq!(detail.summary.reg_no, "依申〔2025〕1号");
    assert_eq!(detail.summary.due_on.as_deref(), Some("2025-02-21"));
    assert_eq!(detail.correction_notice_due, "2025-02-05");
    assert_eq!(detail.summary.state, "on_time");

    let corrected = api
        .requests_correct(RequestCorrectArgs {
            id: id.clone(),
            notice_on: Some("2025-01-22".to_owned()),
            deadline: Some("2025-02-14".to_owned()),
            items: Some("请写明所需名单的村组和年度".to_owned()),
            corrected_on: None,
        })
        .unwrap();
    assert_eq!(corrected.summary.due_on, None);
    assert_eq!(show(&api, &id, "2025-02-01").summary.state, "suspended");
    assert_eq!(show(&api, &id, "2025-02-17").summary.state, "lapsed");

    let detail = api
        .requests_correct(RequestCorrectArgs {
            id: id.clone(),
            notice_on: None,
            deadline: None,
            items: None,
            corrected_on: Some("2025-02-10".to_owned()),
        })
        .unwrap();
    // 20 working days from Monday 2/10.
    assert_eq!(detail.summary.due_on.as_deref(), Some("2025-03-10"));
    assert!(
        detail
            .explanation
            .iter()
            .any(|l| l.contains("2025-02-10 收到补正材料")),
        "{:?}",
        detail.explanation
    );

    let drafted = reply(&api, &id, "partial", Some("third_party"), "2025-03-05").unwrap();
    let answer = drafted.reply.clone().unwrap();
    assert_eq!(answer.result_row, "partial");
    assert!(answer.legal_basis.contains("第三十七条"));
    assert!(!answer.reply_final);
    assert_eq!(drafted.blockers.len(), 4, "{:?}", drafted.blockers);
    // Not final yet: still open, and 送达 refused.
    assert_eq!(show(&api, &id, "2025-03-05").summary.state, "due_soon");
    let refused = api
        .requests_deliver(RequestDeliverArgs {
            id: id.clone(),
            method: "直接送达".to_owned(),
            delivered_on: Some("2025-03-06".to_owned()),
        })
        .unwrap_err();
    assert!(refused.message.contains("尚未定稿"), "{}", refused.message);
    let refused = api
        .requests_finalize(IdArgs { id: id.clone() })
        .unwrap_err();
    assert!(
        refused.message.contains("拟稿") && refused.message.contains("保密审查"),
        "{}",
        refused.message
    );

    finalize(&api, &id, "2025-03-05");
    let done = api
        .requests_deliver(RequestDeliverArgs {
            id: id.clone(),
            method: "直接送达".to_owned(),
            delivered_on: Some("2025-03-06".to_owned()),
        })
        .unwrap();
    assert_eq!(done.summary.state, "answered");
    assert!(done.blockers.is_empty());
    assert_eq!(
        done.reply.unwrap().delivered_on.as_deref(),
        Some("2025-03-06")
    );
    // A final reply is what the applicant received: not changed afterwards.
    let refused = reply(&api, &id, "granted", None, "2025-03-07").unwrap_err();
    assert!(refused.contains("定稿"), "{refused}");
}

#[test]
fn an_extension_needs_an_approver_and_at_most_20_days_and_refusals_write_nothing() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    // 国庆、中秋 2025: 10/1–10/8 off; Sunday 9/28 and Saturday 10/11 worked.
    let id = add(
        &api,
        "李桂兰",
        "2025年村级公益事业一事一议奖补资金使用情况",
        "2025-09-22",
    );
    let before = show(&api, &id, "2025-10-20");
    assert_eq!(before.summary.due_on.as_deref(), Some("2025-10-24"));
    let extend = |approver: &str, on: &str, workdays: u32| {
        api.requests_extend(RequestExtendArgs {
            id: id.clone(),
            approver: approver.to_owned(),
            notice_on: Some(on.to_owned()),
            workdays,
            reason: "需调取多个村的原始凭证".to_owned(),
        })
        .map_err(|e| e.message)
    };
    for (approver, on, days, says) in [
        ("", "2025-10-20", 20, "审批人"),
        ("李主任", "2025-10-20", 21, "20 个工作日"),
        ("李主任", "2025-10-27", 10, "晚于原答复期限 2025-10-24"),
        ("李主任", "2025-09-19", 10, "早于"),
    ] {
        let refused = extend(approver, on, days).unwrap_err();
        assert!(refused.contains(says), "{refused}");
        assert_eq!(
            show(&api, &id, "2025-10-20"),
            before,
            "a refusal wrote something"
        );
    }
    let extended = extend("李主任", "2025-10-20", 20).unwrap();
    assert_eq!(extended.summary.due_on.as_deref(), Some("2025-11-21"));
    assert_eq!(extended.extension.unwrap().approver, "李主任");
    assert!(
        extend("李主任", "2025-10-21", 5)
            .unwrap_err()
            .contains("只能一次")
    );
}

#[test]
fn a_third_party_consultation_holds_the_clock_until_its_answer() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let id = add(&api, "赵强", "示范村土地流转合同", "2025-03-03");
    assert_eq!(
        show(&api, &id, "2025-03-04").summary.due_on.as_deref(),
        Some("2025-03-31")
    );
    let consult = |sent_on: Option<&str>, answer_of: Option<u32>, answered_on: Option<&str>| {
        api.requests_consult(RequestConsultArgs {
            id: id.clone(),
            party: Some("third_party".to_owned()),
            party_name: Some("示范县某农业合作社".to_owned()),
            sent_on: sent_on.map(str::to_owned),
            answer_of,
            answered_on: answered_on.map(str::to_owned),
            opinion: "不同意公开合同金额".to_owned(),
        })
    };
    let sent = consult(Some("2025-03-10"), None, None).unwrap();
    // Unanswered, the full 15 working days (3/11–3/31) are held.
    assert_eq!(sent.summary.due_on.as_deref(), Some("2025-04-22"));
    assert_eq!(sent.consultations[0].limit_on, "2025-03-31");
    assert_eq!(show(&api, &id, "2025-03-12").summary.state, "suspended");
    let refused = consult(None, Some(1), Some("2025-03-07")).unwrap_err();
    assert!(
        refused.message.contains("早于征求意见日期"),
        "{}",
        refused.message
    );
    let answered = consult(None, Some(1), Some("2025-03-20")).unwrap();
    // 8 working days held (3/11–3/20); 清明 4/4 skipped.
    assert_eq!(answered.summary.due_on.as_deref(), Some("2025-04-11"));
    assert!(
        answered
            .explanation
            .iter()
            .any(|l| l.contains("其间 8 个工作日不计入")),
        "{:?}",
        answered.explanation
    );
    assert_eq!(answered.consultations[0].opinion, "不同意公开合同金额");
    assert_eq!(show(&api, &id, "2025-03-24").summary.state, "on_time");
}

#[test]
fn the_fee_has_its_own_twenty_working_days() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    // 2024 国庆 10/1–10/7 off; Sunday 9/29 and Saturday 10/12 worked.
    let id = add(&api, "孙丽", "2023年至2024年全部会议纪要", "2024-09-23");
    let fee = |method: Option<&str>, pages: Option<u32>, paid_on: Option<&str>| {
        api.requests_fee(RequestFeeArgs {
            id: id.clone(),
            method: method.map(str::to_owned),
            pages,
            notice_on: Some("2024-09-25".to_owned()),
            delivered_on: Some("2024-09-27".to_owned()),
            paid_on: paid_on.map(str::to_owned),
        })
        .map_err(|e| e.message)
    };
    assert!(
        fee(Some("per_page"), None, None)
            .unwrap_err()
            .contains("页数")
    );
    let noticed = fee(Some("per_page"), Some(150), None).unwrap();
    let entry = noticed.fee.clone().unwrap();
    // 70 pages at 10 元 and 50 at 20 元.
    assert_eq!(entry.amount_fen, 170_000);
    assert_eq!(entry.pay_due_on, "2024-10-30");
    assert_eq!(show(&api, &id, "2024-10-10").summary.state, "suspended");
    assert_eq!(show(&api, &id, "2024-10-31").summary.state, "lapsed");
    assert!(
        reply(&api, &id, "granted", None, "2024-10-20")
            .unwrap_err()
            .contains("尚未缴纳")
    );
    assert!(
        fee(None, None, Some("2024-10-31"))
            .unwrap_err()
            .contains("已过缴费期限")
    );
    assert!(
        reply(&api, &id, "other", Some("fee_unpaid"), "2024-10-30")
            .unwrap_err()
            .contains("尚未届满")
    );
    let paid = fee(None, None, Some("2024-10-10")).unwrap();
    assert_eq!(paid.summary.due_on.as_deref(), Some("2024-11-04"));

    // 按件: the same applicant's 11th request of a month costs 100 元.
    let mut last = String::new();
    for day in 1..=11 {
        last = add(
            &api,
            "周敏",
            &format!("第{day}项信息"),
            &format!("2025-11-{day:02}"),
        );
    }
    let per_request = api
        .requests_fee(RequestFeeArgs {
            id: last,
            method: Some("per_request".to_owned()),
            pages: None,
            notice_on: Some("2025-11-12".to_owned()),
            delivered_on: None,
            paid_on: None,
        })
        .unwrap();
    let entry = per_request.fee.unwrap();
    assert_eq!(entry.amount_fen, 10_000, "{}", entry.basis);
    assert!(entry.basis.contains("本月第 11 件"), "{}", entry.basis);
}

#[test]
fn every_refusal_is_in_chinese_and_writes_nothing() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let id = add(&api, "吴刚", "示范镇2025年财政预算", "2025-05-12");
    let before = show(&api, &id, "2025-05-13");

    let refused = reply(&api, &id, "granted", None, "2025-05-09").unwrap_err();
    assert!(refused.contains("早于收到申请日期"), "{refused}");
    let refused = reply(&api, &id, "denied", None, "2025-05-20").unwrap_err();
    assert!(refused.contains("须写明"), "{refused}");
    let refused = api
        .requests_correct(RequestCorrectArgs {
            id: id.clone(),
            notice_on: None,
            deadline: None,
            items: None,
            corrected_on: Some("2025-05-14".to_owned()),
        })
        .unwrap_err();
    assert!(
        refused.message.contains("尚未发出补正通知"),
        "{}",
        refused.message
    );
    assert_eq!(show(&api, &id, "2025-05-13"), before);

    api.requests_correct(RequestCorrectArgs {
        id: id.clone(),
        notice_on: Some("2025-05-14".to_owned()),
        deadline: Some("2025-05-30".to_owned()),
        items: Some("请写明预算的具体科目".to_owned()),
        corrected_on: None,
    })
    .unwrap();
    let noticed = show(&api, &id, "2025-05-15");
    let refused = api
        .requests_correct(RequestCorrectArgs {
            id: id.clone(),
            notice_on: None,
            deadline: None,
            items: None,
            corrected_on: Some("2025-05-13".to_owned()),
        })
        .unwrap_err();
    assert!(
        refused.message.contains("早于补正通知日期"),
        "{}",
        refused.message
    );
    assert_eq!(show(&api, &id, "2025-05-15"), noticed);

    // A year whose holiday notice the calendar does not hold: the notice is named.
    let mut late = input("郑华", "2027年预算", "2027-01-05");
    late.channel = "online".to_owned();
    late.confirmed_on = Some("2027-01-06".to_owned());
    let refused = api.requests_add(late).unwrap_err();
    assert!(
        refused.message.contains("2027年的节假日安排尚未收录"),
        "{}",
        refused.message
    );
    // 网络 without a confirmation date (art. 31).
    let mut online = input("郑华", "2025年预算", "2025-05-12");
    online.channel = "online".to_owned();
    let refused = api.requests_add(online).unwrap_err();
    assert!(refused.message.contains("确认"), "{}", refused.message);
    assert_eq!(
        api.requests_list(RequestsListArgs {
            query: None,
            today: None
        })
        .unwrap()
        .requests
        .len(),
        1
    );
}

#[test]
fn the_id_number_is_kept_masked_and_never_in_any_json() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let resident = gongkai_domain::demo::resident(7);
    let mut with_id = input(&resident.name, "低保金发放明细", "2025-06-03");
    with_id.id_number = Some(resident.id_number.clone());
    let mut outputs = Vec::new();
    let added = api.requests_add(with_id.clone()).unwrap();
    let masked = added.id_masked.clone().unwrap();
    assert!(masked.contains('*') && masked.len() == 18, "{masked}");
    outputs.push(serde_json::to_string(&added).unwrap());
    let id = added.summary.id.clone();
    outputs.push(serde_json::to_string(&show(&api, &id, "2025-06-10")).unwrap());
    // Found by name and by content.
    for query in [resident.name.as_str(), "低保金"] {
        let found = api
            .requests_list(RequestsListArgs {
                query: Some(query.to_owned()),
                today: None,
            })
            .unwrap();
        assert_eq!(found.requests.len(), 1, "{query}");
        outputs.push(serde_json::to_string(&found).unwrap());
    }
    outputs.push(
        serde_json::to_string(
            &api.requests_due(RequestsListArgs {
                query: None,
                today: None,
            })
            .unwrap(),
        )
        .unwrap(),
    );
    outputs.push(serde_json::to_string(&api.requests_repeated(NoArgs {}).unwrap()).unwrap());
    outputs.push(serde_json::to_string(&api.home_todo(NoArgs {}).unwrap()).unwrap());
    // A wrong check digit: refused, the number masked in the message.
    let mut wrong = with_id;
    let mut digits: Vec<char> = resident.id_number.chars().collect();
    digits[16] = if digits[16] == '1' { '2' } else { '1' };
    let wrong_number: String = digits.into_iter().collect();
    wrong.id_number = Some(wrong_number.clone());
    let refused = api.requests_add(wrong).unwrap_err();
    outputs.push(serde_json::to_string(&refused).unwrap());
    for output in &outputs {
        assert!(!output.contains(&resident.id_number), "full ID in {output}");
        assert!(!output.contains(&wrong_number), "full ID in {output}");
    }
    assert!(outputs[1].contains(&masked));
}

#[test]
fn repeated_requests_become_one_proactive_record() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let ids = [
        add(&api, "钱进", "2025年示范村集体经济收支情况", "2025-04-07"),
        add(
            &api,
            "孙立",
            "2025年 示范村集体经济收支情况。",
            "2025-04-08",
        ),
        add(&api, "李华", "示范村道路硬化工程招标文件", "2025-04-09"),
    ];
    let groups = api.requests_repeated(NoArgs {}).unwrap().groups;
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].request_ids, vec![ids[0].clone(), ids[1].clone()]);
    assert_eq!(groups[0].applicants, vec!["钱进", "孙立"]);
    let item = api
        .catalog_items(CatalogItemsArgs { domain: None })
        .unwrap()
        .items[0]
        .key
        .clone();
    // One application of the choice is gone: refused, and no record is left behind either.
    let before = api.records_list(NoArgs {}).unwrap().records.len();
    let gone = api
        .requests_make_proactive(RequestsProactiveArgs {
            request_ids: vec![ids[0].clone(), gongkai_domain::RowId::new().to_string()],
            item_key: item.clone(),
            title: "2025年示范村集体经济收支情况".to_owned(),
            body: "多名村民申请公开，转为主动公开".to_owned(),
            channels: vec!["政府网站".to_owned()],
            decided_on: Some("2025-04-20".to_owned()),
        })
        .unwrap_err();
    assert!(gone.to_string().contains("政府信息公开申请"), "{gone}");
    assert_eq!(api.records_list(NoArgs {}).unwrap().records.len(), before);
    assert_eq!(
        api.requests_repeated(NoArgs {}).unwrap().groups[0].record_id,
        None
    );
    let record = api
        .requests_make_proactive(RequestsProactiveArgs {
            request_ids: groups[0].request_ids.clone(),
            item_key: item,
            title: "2025年示范村集体经济收支情况".to_owned(),
            body: "多名村民申请公开，转为主动公开".to_owned(),
            channels: vec!["政府网站".to_owned()],
            decided_on: Some("2025-04-20".to_owned()),
        })
        .unwrap();
    assert_eq!(record.summary.status_label, "未发布");
    let groups = api.requests_repeated(NoArgs {}).unwrap().groups;
    assert_eq!(
        groups[0].record_id.as_deref(),
        Some(record.summary.id.as_str())
    );
    assert_eq!(
        show(&api, &ids[1], "2025-04-21")
            .proactive_record_id
            .as_deref(),
        Some(record.summary.id.as_str())
    );
}

#[test]
fn an_overdue_request_is_on_the_home_and_first_in_the_due_list() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let today = chrono::Local::now().date_naive();
    let long_ago = today - chrono::Days::new(60);
    let overdue = add(&api, "冯军", "示范村低保名单", &long_ago.to_string());
    let fresh = add(&api, "陈红", "示范村危房改造名单", &today.to_string());
    let home = api.home_todo(NoArgs {}).unwrap();
    let row = home
        .rows
        .iter()
        .find(|r| r.target_id.as_deref() == Some(overdue.as_str()))
        .expect("the overdue request on the home");
    assert_eq!(row.kind, TodoKind::RequestOverdue);
    assert_eq!(row.screen, "/requests");
    assert!(
        !home
            .rows
            .iter()
            .any(|r| r.target_id.as_deref() == Some(fresh.as_str()))
    );
    let due = api
        .requests_due(RequestsListArgs {
            query: None,
            today: None,
        })
        .unwrap();
    assert_eq!(due.requests[0].id, overdue);
    assert_eq!(due.requests[0].state, "overdue");
}

#[test]
fn table_three_counts_a_small_year() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let db = dir.path().join("demo.sqlite3");
    let with_kind = |name: &str, kind: &str, arrived: &str| {
        let mut i = input(name, &format!("{name}申请的信息"), arrived);
        i.applicant_kind = kind.to_owned();
        api.requests_add(i).unwrap().summary.id
    };
    // Received in 2024, answered in 2025: carried over into 2025.
    let a = with_kind("甲", "natural_person", "2024-12-20");
    reply(&api, &a, "granted", None, "2025-01-10").unwrap();
    finalize(&api, &a, "2025-01-10");
    // Received and answered in 2024: not in 2025 at all.
    let b = with_kind("乙", "commercial", "2024-11-04");
    reply(&api, &b, "denied", Some("state_secret"), "2024-11-20").unwrap();
    finalize(&api, &b, "2024-11-20");
    // Received in 2025 and answered in it.
    let c = with_kind("丙", "commercial", "2025-03-03");
    reply(&api, &c, "unable", Some("not_held"), "2025-03-20").unwrap();
    finalize(&api, &c, "2025-03-20");
    let d = with_kind("丁", "legal_service", "2025-05-06");
    reply(&api, &d, "partial", Some("third_party"), "2025-05-20").unwrap();
    finalize(&api, &d, "2025-05-20");
    // Correction missed: 其他处理 1.
    let e = with_kind("戊", "natural_person", "2025-06-03");
    api.requests_correct(RequestCorrectArgs {
        id: e.clone(),
        notice_on: Some("2025-06-04".to_owned()),
        deadline: Some("2025-06-18".to_owned()),
        items: Some("请写明年度".to_owned()),
        corrected_on: None,
    })
    .unwrap();
    reply(&api, &e, "other", Some("correction_overdue"), "2025-06-25").unwrap();
    finalize(&api, &e, "2025-06-25");
    // Received in December 2025, answered in 2026: carried forward.
    let f = with_kind("己", "research", "2025-12-22");
    reply(&api, &f, "granted", None, "2026-01-06").unwrap();
    finalize(&api, &f, "2026-01-06");
    // A drafted reply that is not final does not answer it: carried forward too.
    let g = with_kind("庚", "other_org", "2025-12-01");
    reply(&api, &g, "granted", Some("already_published"), "2025-12-10").unwrap();

    let store = gongkai_store::Store::open(&db).unwrap();
    let t = store.requests_table3(2025).unwrap();
    let cell = |row: &str, col: &str| t.get(row, col);
    assert_eq!(cell("new_received", "total"), 5);
    assert_eq!(cell("new_received", "commercial"), 1);
    assert_eq!(cell("new_received", "other_org"), 1);
    assert_eq!(cell("carried_over", "natural_person"), 1);
    assert_eq!(cell("carried_over", "total"), 1);
    assert_eq!(cell("granted", "natural_person"), 1);
    assert_eq!(cell("unable_1", "commercial"), 1);
    assert_eq!(cell("partial", "legal_service"), 1);
    assert_eq!(cell("other_1", "natural_person"), 1);
    assert_eq!(cell("denied_1", "total"), 0);
    assert_eq!(cell("results_total", "total"), 4);
    assert_eq!(cell("carry_forward", "research"), 1);
    assert_eq!(cell("carry_forward", "other_org"), 1);
    assert_eq!(cell("carry_forward", "total"), 2);
    // The format's balance: 一 + 二 = （七）+ 四, per column.
    for col in [
        "natural_person",
        "commercial",
        "research",
        "public_welfare",
        "legal_service",
        "other_org",
        "total",
    ] {
        assert_eq!(
            cell("new_received", col) + cell("carried_over", col),
            cell("results_total", col) + cell("carry_forward", col),
            "{col}"
        );
    }
    let last_year = store.requests_table3(2024).unwrap();
    assert_eq!(last_year.get("denied_1", "commercial"), 1);
    assert_eq!(
        last_year.get("carry_forward", "total"),
        cell("carried_over", "total")
    );
}

#[test]
fn the_lived_in_demo_has_a_year_of_requests() {
    let dir = TempDir::new().unwrap();
    let api = Api::new(dir.path().join("demo.sqlite3"));
    api.setup_demo_lived_in(NoArgs {}).unwrap();
    let all = api
        .requests_list(RequestsListArgs {
            query: None,
            today: None,
        })
        .unwrap()
        .requests;
    assert_eq!(all.len(), 13);
    let states: Vec<&str> = all.iter().map(|r| r.state.as_str()).collect();
    for state in ["overdue", "due_soon", "on_time", "answered"] {
        assert!(states.contains(&state), "{state} in {states:?}");
    }
    let rows: Vec<&str> = all.iter().filter_map(|r| r.result_row.as_deref()).collect();
    for row in [
        "granted",
        "partial",
        "denied_6",
        "unable_1",
        "other_1",
        "not_processed_2",
    ] {
        assert!(rows.contains(&row), "{row} in {rows:?}");
    }
    assert_eq!(all.iter().filter(|r| r.delivered_on.is_some()).count(), 9);
    assert_eq!(api.requests_repeated(NoArgs {}).unwrap().groups.len(), 1);
}

#[test]
fn scans_of_the_application_and_the_id_are_kept_in_the_database() {
    let dir = TempDir::new().unwrap();
    let api = demo(&dir);
    let id = add(&api, "蒋敏", "示范村2025年村务公开栏照片", "2025-07-01");
    let scan = dir.path().join("申请书.pdf");
    let bytes = b"%PDF-1.4 scanned application".to_vec();
    std::fs::write(&scan, &bytes).unwrap();
    let attach = |role: &str, path: &std::path::Path| {
        api.requests_attach(gongkai_api::wire::RequestAttachArgs {
            id: id.clone(),
            role: role.to_owned(),
            path: path.display().to_string(),
        })
    };
    assert!(
        attach("passport", &scan)
            .unwrap_err()
            .message
            .contains("附件类别")
    );
    let detail = attach("application", &scan).unwrap();
    let entry = &detail.attachments[0];
    assert_eq!(
        (
            entry.role_label.as_str(),
            entry.file_name.as_str(),
            entry.size
        ),
        ("申请书扫描件", "申请书.pdf", 28)
    );
    std::fs::remove_file(&scan).unwrap();
    let out = dir.path().join("另存.pdf");
    api.requests_attachment_save(gongkai_api::wire::RequestAttachmentSaveArgs {
        id: entry.id.clone(),
        out: out.display().to_string(),
    })
    .unwrap();
    assert_eq!(std::fs::read(&out).unwrap(), bytes);
    assert!(attach("id_document", &dir.path().join("没有这个文件.jpg")).is_err());
    assert_eq!(show(&api, &id, "2025-07-02").attachments.len(), 1);
}
