//! A 任务分解表 shaped like seed 000's (附表2 2021年店下镇政务公开工作要点任务分解表), written as
//! an .xlsx the way such tables arrive after being pasted from Word: a merged title row, the
//! header, the header repeated where a page broke, tasks 9 and 20 cut across the break (the
//! rest of the name and content in the next row, no 序号, no 时间节点), task 7 without a name.
//! The 29 tasks are the seed's own; 责任单位, 责任人 and 佐证材料 columns are added as the issue
//! asks of a plan (the seed's table has none), filled for some tasks.
//!
//! [`document`] writes the same plan as the Word file seed 000 was (`2021年樟树市店下镇政务公开
//! 工作要点.docx`) with the project's own writer, gongkai-docx.

#![allow(dead_code)]

use gongkai_docx::{Align, Cell, Document, DocxError, Paragraph, Table};
use rust_xlsxwriter::{Format, Workbook, XlsxError};

/// (序号, 任务名称, 任务内容, 时间节点) as seed 000 prints them.
pub const TASKS: [(u32, &str, &str, &str); 29] = [
    (
        1,
        "规范行政法规权威文本使用",
        "对照中国政府法制信息网行政法规库的国家正式版本，对引用或登载行政法规的网站信息，进行及时更新和完善。",
        "全年",
    ),
    (
        2,
        "推进行政规范性文件统一公开",
        "系统清理各地现行有效的行政规范性文件，通过本地本部门网站的专栏集中公开。",
        "10月底前",
    ),
    (
        3,
        "落实公文公开属性源头审查和公开前发布审查工作机制",
        "报请市政府或市政府办公室发文的，须填写樟树市行政机关公文公开发布意见单，提出公开属性建议，并报送政策解读稿件，缺项的原则上予以退文。",
        "全年",
    ),
    (
        4,
        "规范政府公文管理",
        "对未开展过公文公开属性源头认定的政府公文开展全面梳理和属性认定工作，整理形成涵盖本单位的重点制度文件汇编，按要求报送市政府办公室后在市政府门户网站统一公开。",
        "9月底前",
    ),
    (
        5,
        "善法定主动公开内容",
        "持续拓展细化主动公开的具体内容，落实专人专责，健全法定主动公开专栏的日常检查、维护和更新工作机制。",
        "全年",
    ),
    (
        6,
        "做好各类规划集中公开",
        "主动公开本单位“十四五”规划和专项规划，并做好历史规划（计划）的归集整理和主动公开。",
        "上半年",
    ),
    (
        7,
        "",
        "强化权责清单、政务服务事项清单、办事指南等权力配置和办事服务信息的调整更新。",
        "全年",
    ),
    (
        8,
        "建立依申请公开转主动公开常态化审查机制",
        "对于依申请公开提供的政府信息，同步开展审查研判，符合主动公开条件的及时转为主动公开。",
        "全年",
    ),
    (
        9,
        "优化依申请公开内部办理流程",
        "将依申请办理工作嵌入移动新媒体，缩短办理和答复期限。",
        "9月底前",
    ),
    (
        10,
        "加强依申请公开研判",
        "充分借助法律顾问力量，对答复提出意见建议，提高答复准确性。",
        "全年",
    ),
    (
        11,
        "扩大政策解读范围",
        "新增的主动公开政策文件都要解读",
        "全年",
    ),
    (
        12,
        "强化政策施行后解读",
        "对政策实施过程中产生的模糊认识、操作误区、执行偏差等情况，文件起草单位要开展二次解读、跟踪解读、专项解读。",
        "全年",
    ),
    (
        13,
        "合理选择解读形式",
        "综合选用多元化解读形式，着重新闻发布会、政策通气会、图示图解、场景演示、卡通动漫、专家访谈、短视频等多元化解读形式，年内多元化解读率不得低于60%。",
        "全年",
    ),
    (
        14,
        "扩大政策解读覆盖面",
        "对于重要政策文件及解读材料，协调樟树发布、樟树市政府网、樟树市广播电视台等新媒体平台转发转载，提高政策知晓率。",
        "全年",
    ),
    (
        15,
        "健全完善网上问题建议的转办、分办、反馈、选登机制",
        "政策起草部门或业务主管部门负责对收集到的问题建议进行解答和回应。",
        "全年",
    ),
    (
        16,
        "实行重大行政决策事项目录管理",
        "确定并发布樟树市重大行政决策事项目录，后续根据决策事项的推进情况，以目录归集的方式对各项信息进行超链接展示。",
        "7月底前",
    ),
    (
        17,
        "健全重大行政决策公众参与工作机制",
        "畅通人民群众参与公共政策制订的渠道，规范做好决策预公开、邀请利益相关方列席政府决策会议、会议公开等工作。",
        "全年",
    ),
    (
        18,
        "提高政府决策靶向性和质量",
        "制订涉企政策必须听取相关企业和行业协会意见，意见听取和采纳情况作为上会讨论的前置条件。",
        "全年",
    ),
    (
        19,
        "扩大重要决策草案意见征集的覆盖度",
        "需公开征求意见的决策草案，除在政府门户网站公示外，还要利用好12345政府服务热线，收集社会公众对决策草案的意见建议，并在决策文件出台后的10个工作日内向社会公开前期意见的收集、采纳情况及较为集中意见不予采纳的原因。",
        "全年",
    ),
    (
        20,
        "强化决策审议过程公众参与",
        "在涉企政策制定过程中要邀请企业代表、市民代表等利益相关方代表列席决策会议，代表列席和意见发表采纳情况向社会公开",
        "10月底前",
    ),
    (
        21,
        "动态优化更新政务公开标准目录",
        "持续对政务公开全领域标准化规范化目录优化调整，确保标准目录对重点业务工作的全覆盖、无遗漏。",
        "全年",
    ),
    (
        22,
        "其他重点领域公开任务",
        "根据市级条线的部署，结合本部门重点业务和年度重点工作，确定本系统年度公开重点领域，明确细化公开内容和要求，抓好重点领域公开任务落实。",
        "全年",
    ),
    (
        23,
        "持续深化",
        "以樟树市人民政府网站建设和管理水平推动政府网站的政务公开、办事服务、政民互动等版块均衡融合发展。",
        "全年",
    ),
    (
        24,
        "健全组织领导和工作保障",
        "主要领导年内至少听取一次政务公开工作汇报，分管领导一季度听取一次政务公开工作汇报。",
        "10月底前",
    ),
    (
        25,
        "配齐配强工作力量",
        "将政务公开工作经费纳入本单位年度预算，确保第三方评估顺利进行。",
        "全年",
    ),
    (
        26,
        "切实提高工作培训实效",
        "开展不少于两场政务公开培训，各部门每年必须开展不少于一场政务公开培训",
        "10月底前",
    ),
    (
        27,
        "强化激励问责和工作监督",
        "进一步完善激励问责机制，对推动有力、贡献突出的单位和个人予以表彰，对工作落实不到位，考核长期落后的单位，公开通报并约谈，约谈结果按照条例规定向当地纪委和组织部备案。",
        "全年",
    ),
    (
        28,
        "年底开展年度政务公开工作考核评估",
        "评估结果列入政府绩效考核体系、高质量考核体系、“五型”政府考核体系，并于下一年第一季度将评估结果向社会公开。",
        "10月底前",
    ),
    (
        29,
        "制订年度政务公开工作计划",
        "结合年度重点工作和业务实际，制订本单位年度政务公开工作计划，并在本工作要点印发后20日内报市经济信息中心",
        "7月底前",
    ),
];

/// Where seed 000's page breaks cut a task: (序号, characters of the name and of the content
/// left on the first page).
pub const CUT: [(u32, usize, usize); 2] = [(9, 4, 14), (20, 4, 10)];

pub const TITLE: &str = "附表2 2021年店下镇政务公开工作要点任务分解表";

/// The office, person and evidence filled for a task (the others left blank).
pub fn extra(seq: u32) -> (&'static str, &'static str, &'static str) {
    match seq {
        2 => ("党政办", "李明", "网站专栏截图"),
        6 => ("党政办", "李明", "规划公开链接"),
        16 => ("司法所", "王芳", "决策事项目录"),
        26 => ("党政办", "张伟", "培训通知、签到表、照片"),
        _ => ("", "", ""),
    }
}

/// The header; `with_extra`: also 责任单位, 责任人, 佐证材料.
pub fn header(with_extra: bool) -> Vec<&'static str> {
    let mut h = vec!["序号", "任务名称", "任务内容"];
    if with_extra {
        h.extend(["责任单位", "责任人"]);
    }
    h.push("时间节点");
    if with_extra {
        h.push("佐证材料");
    }
    h
}

fn split_at_chars(text: &str, n: usize) -> (String, String) {
    (
        text.chars().take(n).collect(),
        text.chars().skip(n).collect(),
    )
}

/// The workbook's bytes: the title merged over the columns in row 1, the header in row 2, the
/// tasks from row 3, the header again after task 8 and after task 19 (page breaks).
/// `time_nodes` replaces the time node of a task (for refusal tests).
pub fn workbook(with_extra: bool, time_nodes: &[(u32, &str)]) -> Result<Vec<u8>, XlsxError> {
    let header = header(with_extra);
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("任务分解表")?;
    let bold = Format::new().set_bold();
    sheet.merge_range(0, 0, 0, header.len() as u16 - 1, TITLE, &bold)?;
    let mut row: u32 = 1;
    let write_header =
        |sheet: &mut rust_xlsxwriter::Worksheet, row: u32| -> Result<(), XlsxError> {
            for (c, h) in header.iter().enumerate() {
                sheet.write_string_with_format(row, c as u16, *h, &bold)?;
            }
            Ok(())
        };
    write_header(sheet, row)?;
    row += 1;
    for (seq, name, content, node) in TASKS {
        let node = time_nodes
            .iter()
            .find(|(s, _)| *s == seq)
            .map_or(node, |(_, n)| *n);
        let cut = CUT.iter().find(|(s, _, _)| *s == seq);
        let (name_1, name_2) = split_at_chars(name, cut.map_or(usize::MAX, |c| c.1));
        let (content_1, content_2) = split_at_chars(content, cut.map_or(usize::MAX, |c| c.2));
        let (office, person, evidence) = extra(seq);
        let mut cells: Vec<(usize, String)> = vec![(1, name_1), (2, content_1)];
        if with_extra {
            cells.extend([(3, office.into()), (4, person.into()), (6, evidence.into())]);
            cells.push((5, node.into()));
        } else {
            cells.push((3, node.into()));
        }
        sheet.write_number(row, 0, f64::from(seq))?;
        for (c, text) in cells.iter().filter(|(_, t)| !t.is_empty()) {
            sheet.write_string(row, *c as u16, text)?;
        }
        row += 1;
        if cut.is_some() {
            // The next page: the header again, then the rest of the cut task.
            write_header(sheet, row)?;
            row += 1;
            sheet.write_string(row, 1, &name_2)?;
            sheet.write_string(row, 2, &content_2)?;
            row += 1;
        }
    }
    book.save_to_buffer()
}

/// The Word document's name, which carries the plan's year.
pub const DOCUMENT_NAME: &str = "2021年樟树市店下镇政务公开工作要点.docx";

/// Tasks whose 责任单位 is one cell merged down over their rows (`vMerge`) in the Word table.
pub const OFFICE_MERGED: std::ops::RangeInclusive<u32> = 11..=14;
/// Tasks whose 时间节点 (全年 each) is one cell merged down over their rows.
pub const NODE_MERGED: std::ops::RangeInclusive<u32> = 21..=23;

/// The Word table's row of task `seq` (numbered from 1 as the table's rows).
pub fn document_row(seq: u32, title_in_table: bool) -> u32 {
    seq + 1 + u32::from(title_in_table)
}

/// Seed 000 as the township received it in Word: the 工作要点's title and text, 附件1 (the
/// 公文公开发布意见单, a form table with merged cells), then 附表2 — its title a paragraph above
/// the table (or, `title_in_table`, the table's first row merged across it), the header marked
/// to repeat on every page, 7 columns. Task 7 has no name: one cell spans 任务名称 and 任务内容,
/// as in the seed; the 责任单位 of tasks [`OFFICE_MERGED`] and the 时间节点 of tasks
/// [`NODE_MERGED`] are merged down. `time_nodes` replaces a task's 时间节点 (a replaced one is
/// not merged).
pub fn document(time_nodes: &[(u32, &str)], title_in_table: bool) -> Result<Vec<u8>, DocxError> {
    let mut doc = Document::new("2021年樟树市店下镇政务公开工作要点");
    doc.push(Paragraph::title("2021年樟树市店下镇政务公开工作要点"));
    doc.push(Paragraph::body(
        "为全面贯彻党的十九大及十九届二中、三中、四中、五中全会精神，认真落实中央、省委省政府、宜春市委市政府和樟树市委市政府关于推进政务公开工作的部署要求，持续提升政务公开质量和实效，制定本工作要点。",
    ));
    doc.push(Paragraph::heading(1, "一、夯实政务公开工作基础"));
    doc.push(Paragraph::body(
        "（一）规范信息管理。严格落实公文公开属性源头审查和公开前发布审查工作机制。",
    ));
    doc.push(Paragraph::plain("店下镇人民政府").align(Align::Right));
    doc.push(Paragraph::plain("2021年7月16日").align(Align::Right));
    doc.page_break();
    doc.push(Paragraph::plain("附件1"));
    doc.push(Paragraph::title("樟树市行政机关公文公开发布意见单"));
    let mut form = Table::new("公开发布意见单", vec![2, 5, 2, 3]);
    form.row(vec![Cell::new("公文标题"), Cell::new("").span(3, 1)]);
    form.row(vec![
        Cell::new("起草单位"),
        Cell::new(""),
        Cell::new("发文密级"),
        Cell::new(""),
    ]);
    form.row(vec![
        Cell::new("公开属性"),
        Cell::new("□主动公开 □依申请公开 □不予公开").span(3, 1),
    ]);
    form.row(vec![
        Cell::new("政策解读"),
        Cell::new("□有（材料附后） □无").span(3, 1),
    ]);
    doc.table(form);
    doc.page_break();
    if !title_in_table {
        doc.push(Paragraph::plain("附表2"));
        doc.push(Paragraph::title("2021年店下镇政务公开工作要点任务分解表"));
    }

    let header = header(true);
    let mut table = Table::new("任务分解表", vec![1, 4, 8, 2, 2, 2, 3]);
    if title_in_table {
        table.row(vec![Cell::new(TITLE).span(header.len(), 1).bold()]);
    }
    table.row(header.iter().map(|h| Cell::new(*h).bold()).collect());
    table.header_rows = 1 + usize::from(title_in_table);
    let node_of = |seq: u32, node: &'static str| {
        time_nodes
            .iter()
            .find(|(s, _)| *s == seq)
            .map_or(node.to_owned(), |(_, n)| (*n).to_owned())
    };
    let node_merge_kept = NODE_MERGED
        .clone()
        .all(|seq| !time_nodes.iter().any(|(s, _)| *s == seq));
    for (seq, name, content, node) in TASKS {
        let (office, person, evidence) = extra(seq);
        let mut cells = vec![Cell::new(seq.to_string())];
        if name.is_empty() {
            cells.push(Cell::new(content).span(2, 1).align(Align::Left));
        } else {
            cells.push(Cell::new(name).align(Align::Left));
            cells.push(Cell::new(content).align(Align::Left));
        }
        if seq == *OFFICE_MERGED.start() {
            cells.push(Cell::new("党政办").span(1, OFFICE_MERGED.clone().count()));
        } else if !OFFICE_MERGED.contains(&seq) {
            cells.push(Cell::new(office));
        }
        cells.push(Cell::new(person));
        if node_merge_kept && seq == *NODE_MERGED.start() {
            cells.push(Cell::new(node).span(1, NODE_MERGED.clone().count()));
        } else if !(node_merge_kept && NODE_MERGED.contains(&seq)) {
            cells.push(Cell::new(node_of(seq, node)));
        }
        cells.push(Cell::new(evidence).align(Align::Left));
        table.row(cells);
    }
    doc.table(table);
    doc.to_bytes()
}
