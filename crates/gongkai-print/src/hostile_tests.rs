//! Cell texts a proofreader's checker would try (issue 13's QA): a cell longer than a page,
//! format characters pasted in unseen, Windows line ends, and random mixes of unbroken Latin
//! runs, long numbers, runs of punctuation and odd spaces. Each laid out and, where it matters,
//! read back from the PDF.

use proptest::prelude::*;

use crate::layout::{BODY, MARGIN, layout, wrap};
use crate::proofread_tests::{faults, glyphs};
use crate::{Align, Column, Paper, Sheet, render};

/// 10,000 characters: a cell more than three A4 pages tall in its column.
fn huge() -> String {
    "一二三四五六七八九十".repeat(1000)
}

fn sheet(rows: Vec<Vec<String>>, amounts_fen: Vec<i64>) -> Sheet {
    let column = |title: &str, weight: f32, align: Align| Column {
        title: title.into(),
        weight,
        align,
    };
    Sheet {
        title: "示范镇测试公示".into(),
        subtitle: String::new(),
        columns: vec![
            column("序号", 0.5, Align::Center),
            column("姓名", 1.0, Align::Left),
            column("说明", 4.0, Align::Left),
            column("金额", 1.0, Align::Right),
        ],
        groups: Vec::new(),
        rows,
        amount_column: Some(3),
        amounts_fen,
        footer: vec!["制表：示范镇财政所".into()],
        signature: Vec::new(),
        paper: Paper::A4Portrait,
        document_title: "测试".into(),
    }
}

fn row(n: usize, text: &str, fen: i64) -> Vec<String> {
    vec![n.to_string(), "王𠀀".into(), text.into(), crate::yuan(fen)]
}

/// The PDF's lines as a reader sees them (`pdftotext -bbox`, which keeps only what lies on
/// the page).
fn read_back(name: &str, pdf: &[u8]) -> Vec<String> {
    let dir = std::env::temp_dir().join(format!("gongkai-hostile-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("sheet.pdf");
    std::fs::write(&path, pdf).unwrap();
    let lines = crate::readback::read_lines(&path).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    lines
}

#[test]
fn a_row_taller_than_a_page_goes_on_over_the_next_pages_and_loses_nothing() {
    let text = huge();
    let s = sheet(
        vec![row(1, "首行", 100), row(2, &text, 200), row(3, "末行", 300)],
        vec![100, 200, 300],
    );
    let glyphs = glyphs();
    let laid = layout(&glyphs, &s, 0.0).unwrap();
    // Every page's rows end above the page's bottom margin.
    for page in &laid.pages {
        let bottom = laid.table_top
            + laid.header_height
            + laid.rows[page.clone()]
                .iter()
                .map(|r| r.height)
                .sum::<f32>();
        assert!(bottom <= laid.page.1 - MARGIN, "{page:?} ends at {bottom}");
    }
    let started = std::time::Instant::now();
    let pdf = render(&s).unwrap();
    assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
    let lines = read_back("tall", &pdf);
    // The cell's text, in order, from the lines of its column (the other columns' words
    // stand apart on their lines).
    let read: String = lines
        .iter()
        .flat_map(|l| l.split(' '))
        .filter(|w| w.chars().all(|c| "一二三四五六七八九十".contains(c)))
        .collect();
    assert!(
        read == text,
        "{} of {} characters read back",
        read.chars().count(),
        text.chars().count()
    );
    assert!(lines.iter().any(|l| l.contains("末行")), "{lines:?}");
}

#[test]
fn a_row_split_over_pages_counts_its_amount_once() {
    let s = sheet(
        vec![
            row(1, "首行", 100),
            row(2, &huge(), 200),
            row(3, "末行", 300),
        ],
        vec![100, 200, 300],
    );
    let lines = read_back("amounts", &render(&s).unwrap());
    // A total's label and its amount read as two lines (the amount stands in its own column).
    let amounts = |label: &str| -> Vec<f64> {
        lines
            .windows(2)
            .filter(|pair| pair[0] == label)
            .map(|pair| pair[1].replace(',', "").parse().unwrap())
            .collect()
    };
    let pages: f64 = amounts("本页小计").iter().sum();
    assert!(amounts("本页小计").len() > 3, "{lines:?}");
    assert!((pages - 6.0).abs() < 1e-9, "{:?}", amounts("本页小计"));
    assert_eq!(amounts("合计"), [6.0]);
}

#[test]
fn format_characters_pasted_in_unseen_neither_stop_printing_nor_take_room() {
    let glyphs = glyphs();
    // A zero-width space, a byte-order mark (a CSV's first cell), an emoji variation selector,
    // a soft hyphen, a word joiner.
    let pasted = "\u{FEFF}甲\u{200B}乙\u{2060}丙\u{FE0F}丁\u{AD}戊";
    assert_eq!(glyphs.missing(pasted), Vec::<char>::new());
    assert!((glyphs.width(pasted, BODY) - glyphs.width("甲乙丙丁戊", BODY)).abs() < 1e-4);
    let s = sheet(vec![row(1, pasted, 100)], vec![100]);
    let lines = read_back("format", &render(&s).unwrap());
    assert!(lines.iter().any(|l| l.contains("甲乙丙丁戊")), "{lines:?}");
    // A character no face has is still refused, and said where.
    let s = sheet(vec![row(1, "王😀明", 100)], vec![100]);
    let err = render(&s).unwrap_err().to_string();
    assert!(
        err.contains("第 1 行“说明”栏“王😀明”缺“😀”（U+1F600）"),
        "{err}"
    );
}

#[test]
fn a_windows_line_end_breaks_the_line_once() {
    let glyphs = glyphs();
    let texts = |text: &str| -> Vec<String> {
        wrap(&glyphs, text, 20.0 * BODY)
            .into_iter()
            .map(|l| l.text)
            .collect()
    };
    assert_eq!(texts("甲乙\r\n丙丁"), ["甲乙", "丙丁"]);
    assert_eq!(texts("甲乙\r丙丁"), ["甲乙", "丙丁"]);
    assert_eq!(texts("甲乙\u{2028}丙丁"), ["甲乙", "丙丁"]);
    assert_eq!(texts("甲乙\n\n丙丁"), ["甲乙", "", "丙丁"]);
}

/// Hostile pieces: unbroken Latin runs longer than a cell, long numbers with units, runs of
/// marks, odd spaces and marks, Ext-B names, catalog text.
fn hostile_pieces() -> Vec<&'static str> {
    vec![
        "https://www.example.gov.cn/zwgk/xxgk/2018/index_123456789.html",
        "6222020200112233445566778899",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
        "123456789012345678平方米",
        "））））",
        "（（（（",
        "——",
        "……",
        "〔2018〕",
        "（国卫基层发〔2018〕12号）",
        "(国发[2018]12号)",
        "[试行]",
        "\t",
        "\u{A0}",
        "\u{3000}",
        "\u{200B}",
        "e\u{301}",
        "𠀀",
        " ",
        "\r\n",
        "村公示栏（电子屏）",
        "依据《中华人民共和国政府信息公开条例》",
        "法律、法规、规章",
        "20个工作日内",
        "。",
        "，",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Whatever the mix: every glyph inside the cell, every character kept in order, and the
    /// line rules kept wherever the text leaves a way to keep them (runs of marks longer than
    /// a line do not).
    #[test]
    fn hostile_cells_stay_inside_and_lose_nothing(
        picks in proptest::collection::vec(0usize..1_000, 1..30),
        ems in 2.0f32..24.0,
    ) {
        let pieces = hostile_pieces();
        let text: String = picks.iter().map(|&p| pieces[p % pieces.len()]).collect();
        let glyphs = glyphs();
        let width = ems * BODY;
        let lines = wrap(&glyphs, &text, width);
        let outside: Vec<String> = faults(&glyphs, &lines, width, BODY, Align::Left)
            .into_iter()
            .filter(|f| f.contains(" outside "))
            .collect();
        prop_assert!(outside.is_empty(), "{text:?}: {outside:#?}");
        let joined: String = lines.iter().map(|l| l.text.as_str()).collect::<String>().replace(' ', "");
        prop_assert_eq!(joined, text.replace([' ', '\n', '\r'], ""));
    }
}

#[test]
fn a_long_title_footer_and_issuer_are_wrapped_inside_the_paper() {
    let mut s = sheet(vec![row(1, "首行", 100)], vec![100]);
    // A project's and a township's names as long as a clerk may type them.
    s.title = "示范镇人民政府2026年度耕地地力保护补贴和实际种粮农民一次性补贴及农机购置与应用补贴资金发放情况公示".into();
    s.subtitle = "东山村第一村民小组、第二村民小组、第三村民小组、第四村民小组、第五村民小组、第六村民小组　　共 1 人　　单位：元".into();
    s.footer = vec![
        "公示期：2025年12月1日 至 2025年12月7日（共 7 天）。对公示内容如有异议，请在公示期内向村（居）委会或示范镇人民政府反映。".into(),
        format!(
            "制表人：{}　　审核人：{}　　制表日期：2026年12月1日",
            "王𠀀".repeat(10),
            "李四".repeat(10)
        ),
    ];
    s.signature = vec![
        "示范镇人民政府和东山村村民委员会及东山村村务监督委员会、东山村股份经济合作社与镇农技站联合发布".into(),
        "2026年12月1日".into(),
    ];
    let pdf = render(&s).unwrap();
    let dir = std::env::temp_dir().join(format!("gongkai-hostile-{}-frame", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("sheet.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let words = crate::readback::bbox_words(&path).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let width = Paper::A4Portrait.size_pt().0;
    for word in &words {
        assert!(
            word.x_min >= MARGIN - 0.5 && word.x_max <= width - MARGIN + 0.5,
            "{word:?}"
        );
    }
    // Nothing lost off the paper's edges: every character of the title, the footer and the
    // 落款 read back, in order.
    let read: String = words.iter().map(|w| w.text.as_str()).collect();
    for text in [&s.title, &s.footer[1], &s.signature[0]] {
        let wanted: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(read.contains(&wanted), "{wanted} not in {read}");
    }
    // The table starts below the wrapped title; the sheet still fits its page.
    let laid = layout(&glyphs(), &s, 0.0).unwrap();
    assert!(laid.title.len() >= 2 && laid.footer.len() >= 3, "{laid:?}");
    // Lines of about equal length, not a full line and a stray 公示.
    let g = glyphs();
    let widths: Vec<f32> = laid.title.iter().map(|l| g.width(l, 1.0)).collect();
    let (short, long) = (
        widths.iter().copied().fold(f32::MAX, f32::min),
        widths.iter().copied().fold(0.0, f32::max),
    );
    assert!(long - short <= 2.0, "{:?} {widths:?}", laid.title);
    // A title a little too wide is set a little smaller on one line instead.
    s.title = "示范镇2026年农机购置补贴、生态公益林补偿、耕地地力保护补贴发放公示".into();
    let laid = layout(&glyphs(), &s, 0.0).unwrap();
    assert_eq!(laid.title, [s.title.clone()]);
    assert!(
        laid.title_size < crate::layout::TITLE,
        "{}",
        laid.title_size
    );
}

#[test]
fn a_justified_line_keeps_a_combining_mark_on_its_letter() {
    let glyphs = glyphs();
    let line = crate::linebreak::Line {
        text: "甲乙丙Jose\u{301}丁戊己".into(),
        ..Default::default()
    };
    let mut page = render::Page::new(Paper::A4Portrait.size_pt(), 0, &glyphs);
    page.begin((0.0, 0.0));
    // Three points to spread over the line's gaps.
    let natural = line.width(&glyphs, 16.0);
    crate::notice_sheet::justify(&mut page, &line, 0.0, natural + 3.0, 20.0);
    let runs: Vec<(f32, String)> = page
        .canvas
        .parts
        .iter()
        .flat_map(|p| &p.runs)
        .map(|r| (r.x, r.glyphs.iter().map(|(_, c)| *c).collect()))
        .collect();
    // The accent is drawn in the same run as its e, where e's advance ends.
    assert!(
        runs.iter().any(|(_, text)| text.contains("e\u{301}")),
        "{runs:?}"
    );
}
