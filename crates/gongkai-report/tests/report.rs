//! 表二/三/四 built from a year's input: every cell, every balance rule, and the cells named
//! when the input does not balance.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use gongkai_report::{
    CaseOutcome, DocumentCounts, Format, ReportInput, Table2Cell, Table2Input, Table3Input,
    Table4Input, TableName, build,
};

const APPLICANTS: [&str; 6] = [
    "natural_person",
    "commercial",
    "research",
    "public_welfare",
    "legal_service",
    "other_org",
];

fn result_rows(format: &Format) -> Vec<String> {
    format
        .table3
        .rows
        .iter()
        .filter(|row| row.level >= 1 && row.key != "results_total")
        .map(|row| row.key.clone())
        .collect()
}

/// A year's register: 40 requests received (the i-th from applicant i mod 6, answered under
/// result row i mod 21, the last two still open at year end) and 3 carried over from last year,
/// answered as 予以公开. Returns the input and the register as (row, column) pairs, one per
/// request and per row it counts in, to count the expected cells from.
fn a_year(format: &Format) -> (Table3Input, Vec<(String, &'static str)>) {
    let results = result_rows(format);
    assert_eq!(results.len(), 21);
    let mut register = Vec::new();
    for i in 0..40 {
        let applicant = APPLICANTS[i % 6];
        register.push(("new_received".to_owned(), applicant));
        if i >= 38 {
            register.push(("carry_forward".to_owned(), applicant));
        } else {
            register.push((results[i % 21].clone(), applicant));
        }
    }
    for applicant in ["natural_person", "natural_person", "legal_service"] {
        register.push(("carried_over".to_owned(), applicant));
        register.push(("granted".to_owned(), applicant));
    }
    let mut input = Table3Input::new();
    for (row, column) in &register {
        input.add(row, column, 1);
    }
    (input, register)
}

#[test]
fn the_national_format_has_the_2021_shape() {
    let format = Format::national().unwrap();
    assert_eq!(format.sections.len(), 6);
    assert_eq!(format.sections[2], "三、收到和处理政府信息公开申请情况");
    assert_eq!(format.table3.rows.len(), 25);
    assert_eq!(format.table3.columns.len(), 7);
    assert_eq!(format.table4.groups.len(), 3);
    assert_eq!(format.table4.columns_per_group[4], "总计");
}

#[test]
fn a_damaged_format_is_refused_by_name() {
    let json = include_str!("../assets/report/annual_report_tables.json")
        .replace("\"carry_forward\"", "\"carry_on\"");
    let error = Format::from_json(&json).unwrap_err();
    assert_eq!(
        error.to_string(),
        "年度报告格式文件 annual_report_tables.json 不符合2021年版格式：表三缺少行“carry_forward”"
    );
}

#[test]
fn a_year_of_forty_requests_fills_every_cell_and_balances() {
    let format = Format::national().unwrap();
    let (table3, register) = a_year(&format);
    let input = ReportInput {
        year: 2026,
        table3,
        ..ReportInput::default()
    };
    let report = build(&format, &input, None).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);

    // Every applicant cell is the number of register lines in it; every result row and every
    // applicant column has at least one.
    let results = result_rows(&format);
    for row in &format.table3.rows {
        if row.key == "results_total" {
            continue;
        }
        let mut row_sum = 0;
        for column in APPLICANTS {
            let expected = register
                .iter()
                .filter(|(r, c)| *r == row.key && *c == column)
                .count() as u32;
            assert_eq!(
                report.table3_cell(&format, &row.key, column),
                Some(expected),
                "{} / {column}",
                row.key
            );
            row_sum += expected;
        }
        if results.contains(&row.key) {
            assert!(row_sum >= 1, "row {} not covered", row.key);
        }
        assert_eq!(
            report.table3_cell(&format, &row.key, "total"),
            Some(row_sum)
        );
    }
    let cell = |row: &str, column: &str| report.table3_cell(&format, row, column).unwrap();
    for column in APPLICANTS {
        assert!(
            cell("new_received", column) >= 6,
            "column {column} not covered"
        );
    }
    // The totals by hand: 40 received + 3 carried over = 41 answered + 2 carried forward.
    assert_eq!(cell("new_received", "total"), 40);
    assert_eq!(cell("carried_over", "total"), 3);
    assert_eq!(cell("results_total", "total"), 41);
    assert_eq!(cell("carry_forward", "total"), 2);
    // 自然人: requests 0, 6, …, 36 (7) received, 2 carried over, none open at year end.
    assert_eq!(cell("new_received", "natural_person"), 7);
    assert_eq!(cell("results_total", "natural_person"), 9);
    // 予以公开: requests 0 and 21 and the three carried over.
    assert_eq!(cell("granted", "total"), 5);
    // Requests 38 (research) and 39 (public_welfare) are open at year end.
    assert_eq!(cell("carry_forward", "research"), 1);
    assert_eq!(cell("carry_forward", "public_welfare"), 1);
    // Each column balances: 一 + 二 = （七） + 四.
    for column in format.table3.columns.iter().map(|c| c.key.as_str()) {
        assert_eq!(
            cell("new_received", column) + cell("carried_over", column),
            cell("results_total", column) + cell("carry_forward", column),
            "{column}"
        );
    }
}

#[test]
fn an_unbalanced_year_names_its_cells() {
    let format = Format::national().unwrap();
    let (mut table3, _) = a_year(&format);
    // One 自然人 request received but neither answered nor carried forward; a 商业企业 total
    // typed wrong; a row total that is not the sum of its row.
    table3.add("new_received", "natural_person", 1);
    table3.set("results_total", "commercial", 9);
    table3.set("partial", "total", 4);
    let input = ReportInput {
        year: 2026,
        table3,
        ..ReportInput::default()
    };
    let report = build(&format, &input, None).unwrap();
    let messages: Vec<&str> = report.problems.iter().map(|p| p.message.as_str()).collect();
    assert!(messages.contains(
        &"表三“（二）部分公开（区分处理的，只计这一情形，不计其他情形）”行：总计填 4，六类申请人之和为 2"
    ), "{messages:#?}");
    assert!(
        messages.contains(
            &"表三“法人或其他组织—商业企业”列：（七）总计填 9，（一）至（六）各项之和为 7"
        ),
        "{messages:#?}"
    );
    assert!(messages.contains(
        &"表三“自然人”列：一、本年新收（8）加二、上年结转（2）共 10，不等于（七）总计（9）加四、结转下年度（0）共 9"
    ), "{messages:#?}");
    assert!(messages.contains(
        &"表三“法人或其他组织—商业企业”列：一、本年新收（7）加二、上年结转（0）共 7，不等于（七）总计（9）加四、结转下年度（0）共 9"
    ), "{messages:#?}");
    // The 总计 column follows the 自然人 one out of balance; nothing else is named.
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("表三“总计”列：一、本年新收（41）")),
        "{messages:#?}"
    );
    assert_eq!(report.problems.len(), 5, "{messages:#?}");
    let balance = report
        .problems
        .iter()
        .find(|p| p.message.starts_with("表三“自然人”列"))
        .unwrap();
    let cells: Vec<(&str, &str)> = balance
        .cells
        .iter()
        .map(|c| (c.row.as_str(), c.column.as_str()))
        .collect();
    assert_eq!(
        cells,
        [
            ("new_received", "natural_person"),
            ("carried_over", "natural_person"),
            ("results_total", "natural_person"),
            ("carry_forward", "natural_person"),
        ]
    );
    assert!(balance.cells.iter().all(|c| c.table == TableName::Table3));
}

#[test]
fn an_unknown_key_is_refused() {
    let format = Format::national().unwrap();
    let mut table3 = Table3Input::new();
    table3.add("granted", "company", 1);
    let input = ReportInput {
        table3,
        ..ReportInput::default()
    };
    assert_eq!(
        build(&format, &input, None).unwrap_err().to_string(),
        "表三没有列“company”"
    );
}

#[test]
fn last_years_carry_forward_must_be_this_years_carried_over() {
    let format = Format::national().unwrap();
    let (table3, _) = a_year(&format);
    let this_year = ReportInput {
        year: 2026,
        table3,
        ..ReportInput::default()
    };
    let last_year = |legal_service_open: u32| {
        let mut last = Table3Input::new();
        last.add("new_received", "natural_person", 2)
            .add("carry_forward", "natural_person", 2)
            .add("new_received", "legal_service", 2)
            .add("carry_forward", "legal_service", legal_service_open)
            .add("granted", "legal_service", 2 - legal_service_open);
        let input = ReportInput {
            year: 2025,
            table3: last,
            ..ReportInput::default()
        };
        build(&format, &input, None).unwrap()
    };
    // Last year left 2 + 1 open: this year carried over exactly those.
    let agreeing = build(&format, &this_year, Some(&last_year(1))).unwrap();
    assert!(agreeing.problems.is_empty(), "{:?}", agreeing.problems);
    // Last year left 2 + 2 open: one 法律服务机构 request went missing between the years.
    let report = build(&format, &this_year, Some(&last_year(2))).unwrap();
    let messages: Vec<&str> = report.problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "表三“法人或其他组织—法律服务机构”列：二、上年结转为 1，2025年报告的四、结转下年度继续办理为 2",
            "表三“总计”列：二、上年结转为 3，2025年报告的四、结转下年度继续办理为 4",
        ]
    );
}

#[test]
fn table4_sums_each_group_and_names_a_wrong_total() {
    let format = Format::national().unwrap();
    let mut table4 = Table4Input::new();
    table4
        .add("review", CaseOutcome::Upheld, 2)
        .add("review", CaseOutcome::Corrected, 1)
        .add("lit_direct", CaseOutcome::Pending, 1)
        .add("lit_after_review", CaseOutcome::Other, 1)
        .set_total("lit_after_review", 2);
    let input = ReportInput {
        year: 2026,
        table4,
        ..ReportInput::default()
    };
    let report = build(&format, &input, None).unwrap();
    assert_eq!(report.table4[0], [2, 1, 0, 0, 3]);
    assert_eq!(report.table4[1], [0, 0, 0, 1, 1]);
    assert_eq!(report.table4[2], [0, 0, 1, 0, 2]);
    let messages: Vec<&str> = report.problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(
        messages,
        ["表四“复议后起诉”：总计填 2，结果维持、结果纠正、其他结果、尚未审结之和为 1"]
    );
    assert_eq!(report.problems[0].cells[0].row, "lit_after_review");
}

#[test]
fn table2_prints_counts_and_fees_in_wan_yuan() {
    let format = Format::national().unwrap();
    let input = ReportInput {
        year: 2026,
        table2: Table2Input {
            normative_documents: DocumentCounts {
                issued: 3,
                repealed: 1,
                in_force: 12,
            },
            licensing_decisions: 45,
            penalty_decisions: 7,
            enforcement_decisions: 0,
            fees_fen: 1_234_500,
            ..Table2Input::default()
        },
        ..ReportInput::default()
    };
    let report = build(&format, &input, None).unwrap();
    let cells: Vec<(String, Vec<String>)> = report
        .table2
        .iter()
        .flat_map(|part| part.rows.iter())
        .map(|(label, cells)| (label.clone(), cells.iter().map(|c| c.display()).collect()))
        .collect();
    let expect = |label: &str, values: &[&str]| {
        let row = cells.iter().find(|(l, _)| l == label).unwrap();
        assert_eq!(row.1, values, "{label}");
    };
    expect("规章", &["0", "0", "0"]);
    expect("行政规范性文件", &["3", "1", "12"]);
    expect("行政许可", &["45"]);
    expect("行政处罚", &["7"]);
    expect("行政强制", &["0"]);
    expect("行政事业性收费", &["1.2345"]);
    assert_eq!(report.table2[3].columns[1], "本年收费金额（单位：万元）");
    assert_eq!(report.table2[3].rows[0].1[0], Table2Cell::Fen(1_234_500));
}

#[test]
fn section_six_must_state_the_fees_recorded() {
    let format = Format::national().unwrap();
    let mut input = ReportInput {
        year: 2026,
        recorded_fees_fen: 12_000,
        ..ReportInput::default()
    };
    let report = build(&format, &input, None).unwrap();
    assert_eq!(
        report.problems[0].message,
        "六、其他需要报告的事项：尚未说明信息处理费，依申请公开登记本年收费 120.00 元"
    );
    input.stated_fees_fen = Some(10_000);
    let report = build(&format, &input, None).unwrap();
    assert_eq!(
        report.problems[0].message,
        "六、其他需要报告的事项：说明收取信息处理费 100.00 元，依申请公开登记的收费为 120.00 元"
    );
    input.stated_fees_fen = Some(12_000);
    assert!(build(&format, &input, None).unwrap().problems.is_empty());
}
