//! The property that nothing is silently lost, over generated workbooks: every row read is a
//! person imported, a row reported, or a line recognised as a title, header, blank, total or
//! note; every person row with a fault is reported on its own row and every other one imported.
//! Workbooks are written as real `.xlsx` files (merged village and group cells, a stacked
//! header, blank lines, subtotals with their label in any column, a grand total, signatures).

#![allow(clippy::unwrap_used)]

mod support;

use proptest::prelude::*;
use support::{SheetSpec, Value, check, id, issues, name, t, xlsx};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fault {
    None,
    BlankName,
    BadCheckDigit,
    /// Only where the village is not merged: a merged region covers a blank cell.
    BlankVillage,
}

#[derive(Debug, Clone)]
struct Person {
    fault: Fault,
    fen: u32,
    /// Blank lines written before this person.
    blank_before: u8,
}

#[derive(Debug, Clone)]
struct Village {
    people: Vec<Person>,
    /// Where a 小计 line's label stands (None: no subtotal): 0 the 村名 column, 1 the 姓名 column.
    subtotal_in: Option<u8>,
    subtotal_wrong: bool,
    group_merged: bool,
}

#[derive(Debug, Clone)]
struct Layout {
    title: bool,
    stacked_header: bool,
    village_merged: bool,
    villages: Vec<Village>,
    grand_total: bool,
    signatures: bool,
    amounts_as_text: bool,
}

fn person() -> impl Strategy<Value = Person> {
    (
        prop_oneof![
            6 => Just(Fault::None),
            1 => Just(Fault::BlankName),
            1 => Just(Fault::BadCheckDigit),
            1 => Just(Fault::BlankVillage),
        ],
        1u32..5_000_000,
        prop_oneof![5 => Just(0u8), 1 => Just(1u8), 1 => Just(2u8)],
    )
        .prop_map(|(fault, fen, blank_before)| Person {
            fault,
            fen,
            blank_before,
        })
}

fn layout() -> impl Strategy<Value = Layout> {
    let village = (
        prop::collection::vec(person(), 1..8),
        prop::option::of(0u8..2),
        prop::bool::weighted(0.2),
        any::<bool>(),
    )
        .prop_map(
            |(people, subtotal_in, subtotal_wrong, group_merged)| Village {
                people,
                subtotal_in,
                subtotal_wrong,
                group_merged,
            },
        );
    (
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        prop::collection::vec(village, 1..4),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(title, stacked_header, village_merged, villages, grand_total, signatures, text)| {
                Layout {
                    title,
                    stacked_header,
                    village_merged,
                    villages,
                    grand_total,
                    signatures,
                    amounts_as_text: text,
                }
            },
        )
}

/// What the written sheet should come to: (Excel row, fault, fen) of each person, and the
/// Excel rows of subtotal lines that state a wrong sum.
struct Expected {
    people: Vec<(u32, Fault, u32)>,
    wrong_subtotals: Vec<u32>,
}

fn money(fen: u64, as_text: bool) -> Value {
    if as_text {
        let yuan = fen / 100;
        let grouped = if yuan >= 1000 {
            format!("{},{:03}", yuan / 1000, yuan % 1000)
        } else {
            yuan.to_string()
        };
        t(&format!("{grouped}.{:02}", fen % 100))
    } else {
        Value::Number(fen as f64 / 100.0)
    }
}

const VILLAGES: [&str; 3] = support::VILLAGES;

/// Columns: 序号 村名 组别 姓名 身份证号 金额.
fn write(layout: &Layout) -> (SheetSpec, Expected) {
    let mut s = SheetSpec::new("清册");
    let mut row = 0u32;
    if layout.title {
        s.row(row, &[t("2026年示范镇耕地地力保护补贴发放清册")]);
        s.merge(row, 0, row, 5);
        row += 1;
    }
    if layout.stacked_header {
        s.row(
            row,
            &[
                t("序号"),
                t("村名"),
                t("组别"),
                t("补贴对象"),
                Value::Blank,
                t("补贴金额（元）"),
            ],
        );
        s.row(
            row + 1,
            &[
                Value::Blank,
                Value::Blank,
                Value::Blank,
                t("姓名"),
                t("身份证号"),
            ],
        );
        for col in [0, 1, 2, 5] {
            s.merge(row, col, row + 1, col);
        }
        s.merge(row, 3, row, 4);
        row += 2;
    } else {
        s.row(
            row,
            &[
                t("序号"),
                t("村名"),
                t("组别"),
                t("姓名"),
                t("身份证号"),
                t("金额"),
            ],
        );
        row += 1;
    }
    let mut expected = Expected {
        people: Vec::new(),
        wrong_subtotals: Vec::new(),
    };
    let mut n = 0u32;
    let mut grand = 0u64;
    // A total is checked against the rows since the previous total line, when none of them was
    // reported (a reported row's amount is unknown; its error refuses the file anyway).
    let mut section_faultless = true;
    for (v, village) in layout.villages.iter().enumerate() {
        let village_name = VILLAGES[v % VILLAGES.len()];
        let mut first = None;
        let mut subtotal = 0u64;
        for person in &village.people {
            row += u32::from(person.blank_before);
            let first = *first.get_or_insert(row);
            n += 1;
            let fault = match person.fault {
                Fault::BlankVillage if layout.village_merged => Fault::None,
                other => other,
            };
            let mut id_text = id(n);
            if fault == Fault::BadCheckDigit {
                let last = if id_text.ends_with('0') { '1' } else { '0' };
                id_text.pop();
                id_text.push(last);
            }
            let write_village = !layout.village_merged && fault != Fault::BlankVillage
                || layout.village_merged && row == first;
            s.row(
                row,
                &[
                    Value::Number(f64::from(n)),
                    if write_village {
                        t(village_name)
                    } else {
                        Value::Blank
                    },
                    if !village.group_merged || row == first {
                        t("一组")
                    } else {
                        Value::Blank
                    },
                    if fault == Fault::BlankName {
                        Value::Blank
                    } else {
                        t(&name(n))
                    },
                    t(&id_text),
                    money(u64::from(person.fen), layout.amounts_as_text),
                ],
            );
            expected.people.push((row + 1, fault, person.fen));
            section_faultless &= fault == Fault::None;
            subtotal += u64::from(person.fen);
            row += 1;
        }
        let first = first.unwrap_or(row);
        if row - 1 > first {
            if layout.village_merged {
                s.merge(first, 1, row - 1, 1);
            }
            if village.group_merged {
                s.merge(first, 2, row - 1, 2);
            }
        }
        grand += subtotal;
        if let Some(label_in) = village.subtotal_in {
            let stated = if village.subtotal_wrong {
                subtotal + 1
            } else {
                subtotal
            };
            let mut cells = vec![Value::Blank; 6];
            if label_in == 0 {
                cells[1] = t(&format!("{village_name}小计"));
            } else {
                cells[3] = t("小 计");
            }
            cells[5] = money(stated, layout.amounts_as_text);
            s.row(row, &cells);
            if village.subtotal_wrong && section_faultless {
                expected.wrong_subtotals.push(row + 1);
            }
            section_faultless = true;
            row += 1;
        }
    }
    if layout.grand_total {
        s.row(
            row,
            &[
                t("合计"),
                Value::Blank,
                Value::Blank,
                Value::Blank,
                Value::Blank,
                money(grand, layout.amounts_as_text),
            ],
        );
        row += 1;
        if layout.signatures {
            s.row(
                row,
                &[
                    t("制表人：李会计"),
                    Value::Blank,
                    Value::Blank,
                    t("审核人：王所长"),
                ],
            );
        }
    }
    (s, expected)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn every_row_is_imported_reported_or_recognised(layout in layout()) {
        let dir = tempfile::TempDir::new().unwrap();
        let (sheet, expected) = write(&layout);
        let outcome = check(&xlsx(dir.path(), "清册.xlsx", &[sheet]), &[]);
        let counts = outcome.rows;
        prop_assert!(counts.balances(), "{counts:?}");
        prop_assert_eq!(counts.people as usize, outcome.lines.len());
        prop_assert!(
            outcome.errors.iter().all(|e| e.code != "row_unaccounted" && e.code != "rows_unaccounted"),
            "{}", issues(&outcome)
        );

        let imported: Vec<u32> = outcome.lines.iter().map(|l| l.row).collect();
        let reported = |row: u32| outcome.errors.iter().any(|e| e.row == row);
        for &(row, fault, fen) in &expected.people {
            if fault == Fault::None {
                prop_assert!(imported.contains(&row), "row {} not imported:\n{}", row, issues(&outcome));
                let line = outcome.lines.iter().find(|l| l.row == row).unwrap();
                prop_assert_eq!(line.amount.0, i64::from(fen));
                prop_assert!(!reported(row), "row {} reported:\n{}", row, issues(&outcome));
            } else {
                prop_assert!(!imported.contains(&row), "faulty row {} imported", row);
                prop_assert!(reported(row), "row {} ({:?}) dropped without a word:\n{}", row, fault, issues(&outcome));
            }
        }
        for row in &expected.wrong_subtotals {
            prop_assert!(
                outcome.errors.iter().any(|e| e.row == *row && e.code == "total_mismatch"),
                "wrong subtotal on row {} not reported:\n{}", row, issues(&outcome)
            );
        }
        // Nothing but the faults above and wrong totals is an error.
        let faulty = expected.people.iter().filter(|p| p.1 != Fault::None).count();
        prop_assert_eq!(counts.reported as usize, faulty, "{}", issues(&outcome));
    }
}
