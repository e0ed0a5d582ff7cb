//! Benchmark: a posting round's board packs for 30 villages with 8 sheets each — the 张贴示意图,
//! the sheets in zone order and the 张贴回执 per village — printed by `postings_print`, which
//! also renders each sheet alone and keeps it with its posting.
//!
//! `cargo bench -p gongkai-api --bench packs [-- VILLAGES]`. Target: under 1 s in all on a
//! 2-core machine; the peak resident memory of the print is reported. The print engine's own
//! bench times the pure rendering.

// A benchmark reports on stdout and may stop loudly on a broken fixture.
#![allow(clippy::print_stdout, clippy::unwrap_used)]

mod memory;

use std::time::Instant;

use chrono::Local;
use gongkai_api::Api;
use gongkai_api::wire::{
    BoardTemplateApplyArgs, ComposedSheetInput, NoArgs, PostingAddArgs, PostingsPrintArgs,
    SheetKind, SheetTable, VillageInput, VillageKind,
};
use gongkai_store::Store;

/// (zone, sheets on it): eight sheets per village.
const SHEETS: [(&str, u32); 3] = [("党务公开", 2), ("村务公开", 3), ("财务公开", 3)];
const ROUND: &str = "基准轮次";

fn main() {
    let villages: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(30);
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("bench.sqlite3");
    let api = Api::new(&path);
    let profile = api.setup_demo(NoArgs {}).unwrap();
    let prefix = &profile.villages[1].code[..9];
    for n in profile.villages.len()..villages {
        api.village_save(VillageInput {
            id: None,
            name: format!("第{n}村"),
            code: format!("{prefix}{:03}", 300 + n),
            kind: VillageKind::Village,
        })
        .unwrap();
    }
    api.board_template_apply(BoardTemplateApplyArgs {
        template_id: "sanwu".to_owned(),
        village_ids: None,
        replace: false,
    })
    .unwrap();
    let zones = Store::open(&path).unwrap().zones_in_force().unwrap();
    let today = Local::now().date_naive().to_string();
    let mut sheets = 0;
    for zone in &zones {
        let Some(&(_, count)) = SHEETS.iter().find(|(name, _)| *name == zone.name) else {
            continue;
        };
        let village = zone.village_name.clone().unwrap_or_default();
        for k in 1..=count {
            api.posting_add(PostingAddArgs {
                board_id: zone.board_id.to_string(),
                zone_id: zone.zone_id.clone(),
                round: Some(ROUND.to_owned()),
                period: None,
                payout_list_id: None,
                record_id: None,
                sheet: Some(sheet(&village, &zone.name, k, &today)),
                title: None,
                notice_from: None,
                notice_to: None,
                reposts: None,
            })
            .unwrap();
            sheets += 1;
        }
    }
    let out = dir.path().join("packs");
    let baseline = memory::reset_peak();
    let started = Instant::now();
    let printed = api
        .postings_print(PostingsPrintArgs {
            round: ROUND.to_owned(),
            out_dir: out.display().to_string(),
            one_file: Some(false),
        })
        .unwrap();
    let took = started.elapsed();
    let bytes: u64 = printed.packs.iter().map(|p| p.bytes).sum();
    println!(
        "{} packs, {sheets} sheets, {:.1} MB: {:.0} ms (goal < 1000 ms); {}",
        printed.packs.len(),
        bytes as f64 / 1e6,
        took.as_secs_f64() * 1000.0,
        memory::report(baseline)
    );
    let baseline = memory::reset_peak();
    let started = Instant::now();
    api.postings_print(PostingsPrintArgs {
        round: ROUND.to_owned(),
        out_dir: out.display().to_string(),
        one_file: Some(true),
    })
    .unwrap();
    println!(
        "bound in one file: {:.0} ms; {}",
        started.elapsed().as_secs_f64() * 1000.0,
        memory::report(baseline)
    );
}

fn sheet(village: &str, zone: &str, k: u32, today: &str) -> ComposedSheetInput {
    ComposedSheetInput {
        kind: SheetKind::Gongshi,
        title: format!("{village}{zone}第{k}号公示"),
        body:
            "根据村务公开制度，现将有关情况公示如下。\n公示期内如有异议，请向村务监督委员会反映。"
                .to_owned(),
        table: Some(SheetTable {
            columns: vec!["序号".into(), "项目".into(), "金额（元）".into()],
            rows: (1..=12)
                .map(|i| {
                    vec![
                        i.to_string(),
                        format!("支出事项{i}"),
                        format!("{},000.00", i * 3),
                    ]
                })
                .collect(),
        }),
        period_days: Some(7),
        period_unit: Some("calendar".into()),
        objection_phone: Some("0999-1234567".into()),
        objection_address: None,
        issuer: format!("{village}村民委员会"),
        issued_on: today.to_owned(),
        paper: None,
        landscape: false,
    }
}
