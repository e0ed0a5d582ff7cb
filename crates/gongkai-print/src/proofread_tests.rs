//! The layout read as a proofreader reads print: no line of any cell starts with closing or
//! ends with opening punctuation, every glyph's box lies inside its cell's inner box, header
//! words stay whole. Over random mixes of the catalog's real texts and punctuation, and over
//! the catalog itself set as the standard table on A3 and A4 (read back from the PDF with
//! `pdftotext` too; the first page kept as a 200-dpi render under `artifacts/print/`).

use proptest::prelude::*;

use crate::fonts::Glyphs;
use crate::layout::{BODY, PAD_X, header_words, layout, wrap};
use crate::linebreak::{Line, NO_LINE_END, NO_LINE_START};
use crate::{Align, Column, ColumnGroup, FontSet, Paper, Sheet};

pub(crate) fn glyphs() -> Glyphs<'static> {
    Glyphs::new(FontSet::shared().unwrap())
}

/// What is wrong with a cell's lines set `width` wide at `size` with `align`.
pub(crate) fn faults(
    glyphs: &Glyphs<'_>,
    lines: &[Line],
    width: f32,
    size: f32,
    align: Align,
) -> Vec<String> {
    let mut faults = Vec::new();
    // The text's own first and last characters are no break's doing.
    let last = lines.len().saturating_sub(1);
    for (n, line) in lines.iter().enumerate() {
        if n > 0 && line.text.starts_with(|c| NO_LINE_START.contains(c)) {
            faults.push(format!("starts with closing punctuation: {line:?}"));
        }
        if n < last && line.text.ends_with(|c| NO_LINE_END.contains(c)) {
            faults.push(format!("ends with opening punctuation: {line:?}"));
        }
        let set = line.width(glyphs, size);
        let offset = match align {
            Align::Left => 0.0,
            Align::Center => (width - set) / 2.0,
            Align::Right => width - set,
        };
        for (i, (x, c)) in line.placed(glyphs, size).into_iter().enumerate() {
            let mut from = offset + x;
            let mut to = from + glyphs.advance_em(c) * size;
            // A squeezed mark's box is the half of the em it keeps.
            if line.squeezed.contains(&i) {
                if "（《「『【〔〈［｛“‘".contains(c) {
                    from += 0.5 * size;
                } else {
                    to -= 0.5 * size;
                }
            }
            if from < -0.01 || to > width + 0.01 || line.hanging {
                faults.push(format!(
                    "“{c}” at {from:.2}..{to:.2} outside 0..{width:.2}: {line:?}"
                ));
            }
        }
    }
    faults
}

/// The catalog's texts as the export sets them, one row per item.
fn catalog_rows(domain: &gongkai_catalog::Domain) -> Vec<Vec<String>> {
    use gongkai_catalog::{Audience, Channel, Level, Mode};
    domain
        .items
        .iter()
        .enumerate()
        .map(|(n, item)| {
            let channels: Vec<String> = Channel::ALL
                .iter()
                .map(|c| {
                    let mark = if item.channels.contains(c) {
                        "■"
                    } else {
                        "□"
                    };
                    format!("{mark}{}", c.label())
                })
                .collect();
            let tick = |on: bool| if on { "√" } else { "" }.to_owned();
            vec![
                (n + 1).to_string(),
                item.level1.clone(),
                item.level2.clone(),
                item.content.clone(),
                item.basis.clone(),
                item.time_limit.clone(),
                item.subject.clone(),
                channels.join(" "),
                tick(item.audience.contains(&Audience::Public)),
                tick(item.audience.contains(&Audience::Specific)),
                tick(item.mode.contains(&Mode::Active)),
                tick(item.mode.contains(&Mode::OnRequest)),
                tick(item.level.contains(&Level::County)),
                tick(item.level.contains(&Level::Township)),
            ]
        })
        .collect()
}

/// The standard table's columns and weights as `gongkai catalog export` gives them.
fn catalog_sheet(domain: &gongkai_catalog::Domain, paper: Paper) -> Sheet {
    let a4 = paper == Paper::A4Landscape;
    let columns = [
        ("序号", 0.5, Align::Center),
        ("一级事项", 1.1, Align::Left),
        ("二级事项", 1.2, Align::Left),
        ("公开内容（要素）", if a4 { 2.4 } else { 2.8 }, Align::Left),
        ("公开依据", if a4 { 2.0 } else { 2.4 }, Align::Left),
        ("公开时限", 1.5, Align::Left),
        ("公开主体", 1.2, Align::Left),
        ("公开渠道和载体", if a4 { 3.4 } else { 2.5 }, Align::Left),
        ("全社会", 0.85, Align::Center),
        ("特定群体", 0.85, Align::Center),
        ("主动", 0.85, Align::Center),
        ("依申请", 0.85, Align::Center),
        ("县级", 0.85, Align::Center),
        ("乡级", 0.85, Align::Center),
    ];
    let groups = [
        ("公开事项", 1, 2),
        ("公开对象", 8, 2),
        ("公开方式", 10, 2),
        ("公开层级", 12, 2),
    ];
    Sheet {
        title: format!("示范镇{}领域基层政务公开标准目录", domain.name),
        subtitle: format!("领域：{}", domain.name),
        columns: columns
            .iter()
            .map(|(title, weight, align)| Column {
                title: (*title).to_owned(),
                weight: *weight,
                align: *align,
            })
            .collect(),
        groups: groups
            .iter()
            .map(|(title, first, span)| ColumnGroup {
                title: (*title).to_owned(),
                columns: *first..first + span,
            })
            .collect(),
        rows: catalog_rows(domain),
        amount_column: None,
        amounts_fen: Vec::new(),
        footer: vec!["说明：“■”为采用的公开渠道和载体，“□”为未采用；“√”为适用的公开对象、公开方式和公开层级。".into()],
        signature: Vec::new(),
        paper,
        document_title: "示范镇基层政务公开标准目录".into(),
    }
}

fn catalog() -> gongkai_catalog::Baseline {
    gongkai_catalog::baseline().unwrap()
}

/// Every cell, header cell and group title of the laid-out sheet, proofread.
fn sheet_faults(glyphs: &Glyphs<'_>, sheet: &Sheet) -> Vec<String> {
    let laid = layout(glyphs, sheet, 0.0).unwrap();
    let mut found = Vec::new();
    for (r, row) in laid.rows.iter().enumerate() {
        for (c, lines) in row.cells.iter().enumerate() {
            let inner = laid.col_w[c] - 2.0 * PAD_X;
            for fault in faults(glyphs, lines, inner, BODY, sheet.columns[c].align) {
                found.push(format!("{} row {} column {c}: {fault}", sheet.title, r + 1));
            }
        }
    }
    for (c, lines) in laid.header.cells.iter().enumerate() {
        let inner = laid.col_w[c] - 2.0 * PAD_X;
        found.extend(faults(
            glyphs,
            lines,
            inner,
            laid.header_size,
            Align::Center,
        ));
        for word in header_words(&sheet.columns[c].title) {
            if !lines.iter().any(|l| l.text.contains(word)) {
                found.push(format!("header word {word} split: {lines:?}"));
            }
        }
    }
    for group in &laid.groups {
        let inner: f32 = laid.col_w[group.columns.clone()].iter().sum::<f32>() - 2.0 * PAD_X;
        found.extend(faults(
            glyphs,
            &group.lines,
            inner,
            laid.header_size,
            Align::Center,
        ));
    }
    found
}

#[test]
fn the_catalog_on_a3_and_a4_has_no_line_against_the_rules_and_no_glyph_outside_its_cell() {
    let glyphs = glyphs();
    let catalog = catalog();
    for paper in [Paper::A3Landscape, Paper::A4Landscape] {
        let mut found = Vec::new();
        for domain in &catalog.domains {
            found.extend(sheet_faults(&glyphs, &catalog_sheet(domain, paper)));
        }
        assert!(
            found.is_empty(),
            "{paper:?}: {} faults: {:#?}",
            found.len(),
            &found[..found.len().min(20)]
        );
    }
}

#[test]
fn a4_keeps_every_header_word_whole_at_a_readable_size() {
    let glyphs = glyphs();
    let catalog = catalog();
    let laid = layout(
        &glyphs,
        &catalog_sheet(&catalog.domains[0], Paper::A4Landscape),
        0.0,
    )
    .unwrap();
    assert!(laid.header_size >= 8.0, "{}", laid.header_size);
    let header: Vec<&str> = laid
        .header
        .cells
        .iter()
        .flatten()
        .map(|l| l.text.as_str())
        .collect();
    for word in [
        "序号",
        "一级事项",
        "全社会",
        "依申请",
        "公开主体",
        "特定群体",
        "公开内容",
    ] {
        assert!(
            header.iter().any(|l| l.contains(word)),
            "{word}: {header:?}"
        );
    }
}

/// Text pieces from the catalog and the marks a proofreader watches, mixed at random.
fn fragments() -> Vec<String> {
    let catalog = catalog();
    let mut pieces: Vec<String> = Vec::new();
    for item in catalog.items().take(120) {
        for text in [&item.content, &item.basis, &item.time_limit, &item.subject] {
            let chars: Vec<char> = text.chars().collect();
            for chunk in chars.chunks(7) {
                pieces.push(chunk.iter().collect());
            }
        }
    }
    for mark in [
        "（",
        "）",
        "《",
        "》",
        "〔",
        "〕",
        "“",
        "”",
        "、",
        "，",
        "。",
        "；",
        "：",
        "！",
        "？",
        "·",
        "……",
        "——",
        "2018-2020年",
        "20个工作日",
        "（国卫基层发〔2018〕12号）",
        " ",
        "0999-6012345",
    ] {
        pieces.push(mark.to_owned());
    }
    pieces
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn no_cell_line_breaks_the_rules_and_every_glyph_stays_inside(
        picks in proptest::collection::vec(0usize..10_000, 1..40),
        ems in 5.0f32..24.0,
    ) {
        let pieces = fragments();
        let text: String = picks.iter().map(|&p| pieces[p % pieces.len()].as_str()).collect();
        let glyphs = glyphs();
        let width = ems * BODY;
        let lines = wrap(&glyphs, &text, width);
        let found = faults(&glyphs, &lines, width, BODY, Align::Left);
        prop_assert!(found.is_empty(), "{text}: {found:#?}");
        // Nothing is lost or added but the spaces a break swallows.
        let joined: String = lines.iter().map(|l| l.text.as_str()).collect::<String>().replace(' ', "");
        prop_assert_eq!(joined, text.replace([' ', '\n'], ""));
    }
}

/// Where the test's PDFs and renders are kept to be looked at: `artifacts/print/`.
fn artifacts() -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../artifacts/print");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn read_lines(pdf: &std::path::Path) -> Vec<String> {
    crate::readback::read_lines(pdf).unwrap()
}

fn render_to(name: &str, pdf: &[u8]) -> std::path::PathBuf {
    let path = artifacts().join(name);
    std::fs::write(&path, pdf).unwrap();
    path
}

/// Page 1 at 200 dpi, kept beside the PDF to be looked at.
fn keep_render(pdf: &std::path::Path) {
    let stem = pdf.with_extension("");
    let status = std::process::Command::new("pdftoppm")
        .args(["-r", "200", "-f", "1", "-l", "1", "-png", "-singlefile"])
        .arg(pdf)
        .arg(&stem)
        .status()
        .expect("pdftoppm (poppler-utils) must be installed");
    assert!(status.success());
}

#[test]
fn the_catalog_pdfs_read_back_without_a_line_against_the_rules_or_a_split_header_word() {
    let catalog = catalog();
    for (paper, name) in [
        (Paper::A3Landscape, "catalog-a3.pdf"),
        (Paper::A4Landscape, "catalog-a4.pdf"),
    ] {
        let sheets: Vec<Sheet> = catalog
            .domains
            .iter()
            .map(|d| catalog_sheet(d, paper))
            .collect();
        let path = render_to(name, &crate::render_book(&sheets).unwrap());
        let lines = read_lines(&path);
        assert!(lines.len() > 1000, "{name}: {} lines", lines.len());
        let starts: Vec<&String> = lines
            .iter()
            .filter(|l| l.starts_with(|c| NO_LINE_START.contains(c)))
            .collect();
        let ends: Vec<&String> = lines
            .iter()
            .filter(|l| l.ends_with(|c| NO_LINE_END.contains(c)))
            .collect();
        assert!(starts.is_empty(), "{name}: {starts:?}");
        assert!(ends.is_empty(), "{name}: {ends:?}");
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
            "公开事项",
            "公开对象",
        ] {
            let whole = lines.iter().filter(|l| l.contains(word)).count();
            assert!(
                whole >= sheets.len(),
                "{name}: “{word}” whole on {whole} lines"
            );
        }
        keep_render(&path);
    }
}

/// A notice whose text is the catalog's own sentences, with a table of its items.
fn catalog_notice(paragraphs: usize) -> crate::NoticeSheet {
    let catalog = catalog();
    let items: Vec<&gongkai_catalog::CatalogItem> = catalog.items().take(40).collect();
    let body: Vec<String> = items
        .iter()
        .take(paragraphs)
        .map(|i| {
            format!(
                "{}：{}依据{}，{}。",
                i.level2, i.content, i.basis, i.time_limit
            )
        })
        .collect();
    crate::NoticeSheet {
        title: "示范镇关于公开基层政务公开标准目录事项的公示".into(),
        body: body.join("\n"),
        table: Some(crate::NoticeTable {
            columns: vec!["二级事项".into(), "公开依据".into(), "公开时限".into()],
            rows: items
                .iter()
                .take(8)
                .map(|i| vec![i.level2.clone(), i.basis.clone(), i.time_limit.clone()])
                .collect(),
        }),
        notice: None,
        objection: None,
        issuer: "示范镇人民政府".into(),
        issued_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 3).unwrap(),
        paper: Paper::A4Portrait,
        footer: None,
    }
}

#[test]
fn a_notice_of_catalog_text_reads_back_by_the_rules_and_is_kept_as_a_render() {
    let path = render_to(
        "notice.pdf",
        &crate::render_notice(&catalog_notice(12)).unwrap(),
    );
    let lines = read_lines(&path);
    assert!(lines.len() > 40, "{lines:?}");
    let bad: Vec<&String> = lines
        .iter()
        .filter(|l| {
            l.starts_with(|c| NO_LINE_START.contains(c)) || l.ends_with(|c| NO_LINE_END.contains(c))
        })
        .collect();
    assert!(bad.is_empty(), "{bad:?}");
    keep_render(&path);
}

#[test]
fn no_paragraph_leaves_a_single_line_at_the_foot_or_the_head_of_a_page() {
    let glyphs = glyphs();
    for paragraphs in [6, 9, 12, 15, 18, 24] {
        let pages = crate::notice_sheet::body_lines_by_page(&glyphs, &catalog_notice(paragraphs));
        for (n, page) in pages.iter().enumerate() {
            // (paragraph, line) of each body line on the page.
            let (Some(first), Some(last)) = (page.first(), page.last()) else {
                continue;
            };
            if n > 0 {
                let (paragraph, line) = *first;
                let lines_here = page.iter().filter(|(p, _)| *p == paragraph).count();
                assert!(
                    line == 0 || lines_here > 1,
                    "{paragraphs} paragraphs: a widow at the head of page {}",
                    n + 1
                );
            }
            if n + 1 < pages.len() {
                let (paragraph, line) = *last;
                let continues = pages[n + 1].first().is_some_and(|(p, _)| *p == paragraph);
                assert!(
                    !(line == 0 && continues),
                    "{paragraphs} paragraphs: an orphan at the foot of page {}",
                    n + 1
                );
            }
        }
    }
}

/// Cells whose breaking was checked by eye, each text at a width in ems of the body size.
const GOLDEN_CELLS: [(&str, f32); 7] = [
    (
        "□入户/现场 □社区/企事业单位/村公示栏（电子屏） □精准推送 □其他",
        14.0,
    ),
    ("《城乡规划法》、《政府信息公开条例》", 5.0),
    ("信息形成或者变更之日起20个工作日内", 4.6),
    (
        "《国家基本公共卫生服务规范（第三版）》（国卫基层发〔2017〕13号）",
        8.0,
    ),
    ("法律、法规、规章、规范性文件", 4.0),
    ("2018-2020年度补贴资金……已于2021年拨付——详见附表", 6.0),
    ("“放管服”改革——“最多跑一次”", 3.0),
];

/// Each golden cell's lines, squeezed marks in brackets: the layout as the file keeps it.
fn golden_dump() -> String {
    let glyphs = glyphs();
    let mut out = String::new();
    for (text, ems) in GOLDEN_CELLS {
        out.push_str(&format!("{text} @ {ems} em\n"));
        for line in wrap(&glyphs, text, ems * BODY) {
            let marked: String = line
                .text
                .chars()
                .enumerate()
                .map(|(i, c)| {
                    if line.squeezed.contains(&i) {
                        format!("[{c}]")
                    } else {
                        c.to_string()
                    }
                })
                .collect();
            out.push_str(&format!("  |{marked}|\n"));
        }
    }
    out
}

/// `UPDATE_GOLDEN=1` rewrites `src/golden/cells.txt` (look at the diff before committing it).
#[test]
fn golden_cells_break_as_kept() {
    let dump = golden_dump();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/golden/cells.txt");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &dump).unwrap();
    }
    assert_eq!(dump, std::fs::read_to_string(&path).unwrap());
}
