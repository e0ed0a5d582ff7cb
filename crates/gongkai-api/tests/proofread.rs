//! Print that passes a proofreader (issue 13), checked on what the commands really write: the
//! catalog exported on A3 and A4, every payout list's notices on every paper (one with 备注 full
//! of brackets and book-title marks), the publication
//! register and the 公开栏更新台账 — each read back with pdftotext as lines: none starts with a
//! closing mark or ends with an opening one, and the catalog's header words stay whole.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::path::{Path, PathBuf};

use gongkai_api::Api;
use gongkai_api::wire::{
    CatalogExportArgs, NoArgs, PayoutImportArgs, PayoutPrintArgs, PostingsRegisterExportArgs,
    RegisterExportArgs,
};
use gongkai_print::readback::{read_lines, rule_breaks};
use rust_xlsxwriter::Workbook;
use tempfile::TempDir;

/// A 备注 as finance writes them — the basis of a payment with book-title marks, brackets and
/// the 〔〕 of a document number — its marks shifted by `n` characters, so that across the rows
/// an opening mark falls at the end of a line and a closing one at the start, whatever the
/// column's width on each paper.
fn remark(n: usize) -> String {
    let lead: String = "经村民代表会议讨论通过并报镇人民政府审核同意后按标准发放到户"
        .chars()
        .take(n)
        .collect();
    format!("{lead}（依据《补贴资金管理办法》、“一卡通”规定，见〔2021〕8号），已公示。")
}

/// A list whose 备注 column holds [`remark`]s, one village, imported; the list's id.
fn list_with_remarks(api: &Api, dir: &Path) -> String {
    let path = dir.join("2026年耕地地力保护补贴发放清册.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (col, h) in ["村名", "姓名", "身份证号", "补贴项目", "金额", "备注"]
        .iter()
        .enumerate()
    {
        sheet.write(0, col as u16, *h).unwrap();
    }
    for n in 0..30u32 {
        let row = n + 1;
        sheet.write(row, 0, "东山村").unwrap();
        sheet.write(row, 1, support::name(n + 1)).unwrap();
        sheet.write(row, 2, support::id(n + 1)).unwrap();
        sheet.write(row, 3, "耕地地力保护补贴").unwrap();
        sheet.write(row, 4, "125.50").unwrap();
        sheet.write(row, 5, remark(n as usize)).unwrap();
    }
    book.save(&path).unwrap();
    let report = api
        .payouts_import(PayoutImportArgs {
            path: path.display().to_string(),
            ..Default::default()
        })
        .unwrap();
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    report.list_id.unwrap()
}

/// The PDF's lines, after checking that none breaks the line-breaking rules.
fn proofread(pdf: &Path) -> Vec<String> {
    let lines = read_lines(pdf).unwrap();
    let breaks = rule_breaks(&lines);
    assert!(breaks.is_empty(), "{}: {breaks:#?}", pdf.display());
    lines
}

/// Keeps the PDF's first page rendered at 200 dpi in `artifacts/print/<name>.png` (git-ignored),
/// what a proofreader looks at: the line-breaking rules are tested above, the look is not.
fn keep_first_page(pdf: &Path, name: &str) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../artifacts/print");
    std::fs::create_dir_all(&dir).unwrap();
    let status = std::process::Command::new("pdftoppm")
        .args(["-png", "-r", "200", "-f", "1", "-l", "1", "-singlefile"])
        .arg(pdf)
        .arg(dir.join(name))
        .status()
        .expect("pdftoppm (poppler-utils) must be installed");
    assert!(status.success(), "pdftoppm {}", pdf.display());
    let png = std::fs::metadata(dir.join(format!("{name}.png"))).unwrap();
    assert!(png.len() > 10_000, "{name}.png: {} bytes", png.len());
}

fn lived_in(dir: &TempDir) -> Api {
    let api = Api::new(dir.path().join("demo.sqlite3"));
    api.setup_demo_lived_in(NoArgs {}).unwrap();
    api
}

#[test]
fn the_catalog_exported_on_a3_and_a4_keeps_the_rules_and_its_header_words_whole() {
    let dir = TempDir::new().unwrap();
    let api = Api::new(dir.path().join("demo.sqlite3"));
    api.setup_demo(NoArgs {}).unwrap();
    for paper in ["a3", "a4"] {
        let out = dir.path().join(format!("目录-{paper}.pdf"));
        let exported = api
            .catalog_export(CatalogExportArgs {
                format: "pdf".into(),
                out: out.display().to_string(),
                paper: Some(paper.into()),
                domain: None,
            })
            .unwrap();
        let lines = proofread(Path::new(&exported.path));
        keep_first_page(Path::new(&exported.path), &format!("catalog-{paper}"));
        assert!(lines.len() > 1000, "{paper}: {} lines", lines.len());
        // The header repeats on every page, so every domain shows each word whole at least once.
        for word in [
            "序号",
            "一级事项",
            "二级事项",
            "公开依据",
            "公开时限",
            "公开主体",
            "全社会",
            "特定群体",
            "依申请",
            "县级",
            "乡级",
        ] {
            let whole = lines.iter().filter(|l| l.contains(word)).count();
            assert!(
                whole >= exported.domains as usize,
                "{paper}: “{word}” whole on {whole} lines of {} domains",
                exported.domains
            );
        }
    }
}

#[test]
fn every_payout_notice_on_every_paper_keeps_the_rules() {
    let dir = TempDir::new().unwrap();
    let api = lived_in(&dir);
    let with_remarks = list_with_remarks(&api, dir.path());
    let lists = api.payouts_list(NoArgs {}).unwrap().lists;
    assert!(
        lists.len() >= 4,
        "the lived-in demo has lists in every state"
    );
    assert!(lists.iter().any(|l| l.id == with_remarks));
    let mut lines = 0;
    for list in &lists {
        for paper in ["a4", "a4-landscape", "a3", "a3-landscape"] {
            let out_dir = dir.path().join(format!("{}-{paper}", list.id));
            std::fs::create_dir_all(&out_dir).unwrap();
            let printed = api
                .payouts_print(PayoutPrintArgs {
                    list_id: list.id.clone(),
                    out_dir: out_dir.display().to_string(),
                    paper: Some(paper.into()),
                    one_file: Some(true),
                    ..PayoutPrintArgs::default()
                })
                .unwrap();
            for file in &printed.files {
                lines += proofread(Path::new(&file.path)).len();
            }
            if list.id == with_remarks && paper == "a4" {
                keep_first_page(Path::new(&printed.files[0].path), "notice-a4");
            }
        }
    }
    assert!(lines > 200, "{lines} lines read");
}

#[test]
fn the_publication_register_and_the_board_register_keep_the_rules() {
    let dir = TempDir::new().unwrap();
    let api = lived_in(&dir);
    let publications = api
        .publications_export(RegisterExportArgs {
            format: "pdf".into(),
            out: dir.path().join("发布登记簿.pdf").display().to_string(),
            year: None,
        })
        .unwrap();
    let boards = api
        .postings_register_export(PostingsRegisterExportArgs {
            format: "pdf".into(),
            out: dir.path().join("公开栏更新台账.pdf").display().to_string(),
            year: None,
        })
        .unwrap();
    for exported in [publications, boards] {
        let lines = proofread(Path::new(&exported.path));
        assert!(lines.len() > 10, "{}: {} lines", exported.path, lines.len());
    }
}
