//! The disclosure catalog (基层政务公开事项标准目录): domains, the effective items, search, the
//! township's adjustments with their history, and export in the standard table layout (PDF with
//! the two-row header, `.xlsx`).

use chrono::{Local, NaiveDate};
use gongkai_catalog::{
    Audience, CatalogItem, Channel, ItemProvenance, Level, Mode, Tick, TickProvenance,
    UNVERIFIED_COPY, is_government_url, workdays_in,
};
use gongkai_print::{Align, Column, ColumnGroup, Paper, Sheet};
use gongkai_store::{
    CatalogDomain, EffectiveItem, HistoryEntry, ItemState, Layer, Store, TownshipAction,
    TownshipAdjustment,
};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, XlsxError};

use crate::commands::{date_or_today, non_blank};
use crate::session::OpenMode;
use crate::wire;
use crate::{Api, ApiError};

const DEFAULT_LIMIT: u32 = 50;
const MAX_LIMIT: u32 = 500;

impl Api {
    pub fn catalog_domains(&self, _: wire::NoArgs) -> Result<wire::CatalogDomains, ApiError> {
        self.with_store(OpenMode::Existing, |store| {
            Ok(wire::CatalogDomains {
                domains: store
                    .catalog_domains()?
                    .into_iter()
                    .map(domain_wire)
                    .collect(),
            })
        })
    }

    pub fn catalog_items(
        &self,
        args: wire::CatalogItemsArgs,
    ) -> Result<wire::CatalogItems, ApiError> {
        self.with_store(OpenMode::Existing, |store| {
            let items = store.catalog_items(non_blank(args.domain.as_deref()))?;
            Ok(wire::CatalogItems {
                items: items.iter().map(item_wire).collect(),
            })
        })
    }

    pub fn catalog_search(
        &self,
        args: wire::CatalogSearchArgs,
    ) -> Result<wire::CatalogItems, ApiError> {
        let limit = args.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT);
        self.with_store(OpenMode::Existing, |store| {
            let items = store.catalog_search(&args.query, limit)?;
            Ok(wire::CatalogItems {
                items: items.iter().map(item_wire).collect(),
            })
        })
    }

    pub fn catalog_adjust(
        &self,
        args: wire::CatalogAdjustArgs,
    ) -> Result<wire::CatalogItemHistory, ApiError> {
        let reason = non_blank(Some(&args.reason))
            .ok_or_else(|| {
                ApiError::invalid(
                    "请填写调整原因：本镇增加、修改、隐藏或恢复目录事项都须写明原因".to_owned(),
                )
            })?
            .to_owned();
        let made_by = non_blank(Some(&args.by))
            .ok_or_else(|| ApiError::invalid("请填写经办人姓名".to_owned()))?
            .to_owned();
        let made_on = date_or_today("调整日期", args.on.as_deref())?;
        let key = non_blank(args.key.as_deref()).map(str::to_owned);
        let need_key = || {
            key.clone()
                .ok_or_else(|| ApiError::invalid("请指明要调整的目录事项（事项编号）".to_owned()))
        };
        let done = self.with_store(OpenMode::Existing, |store| {
            let (key, action) = match args.action {
                wire::CatalogAction::Add => {
                    let input = args.item.clone().unwrap_or_default();
                    let item = new_item(input)?;
                    (item.key(), TownshipAction::Add(item))
                }
                wire::CatalogAction::Edit => {
                    let key = need_key()?;
                    let current = store.catalog_item(&key)?.ok_or_else(|| {
                        ApiError::invalid(format!("目录中没有事项“{key}”（或已隐藏，请先恢复）"))
                    })?;
                    let input = args
                        .item
                        .clone()
                        .ok_or_else(|| ApiError::invalid("请填写要修改的内容".to_owned()))?;
                    (key, TownshipAction::Edit(patched(current.item, input)?))
                }
                wire::CatalogAction::Hide => (need_key()?, TownshipAction::Hide),
                wire::CatalogAction::Restore => (need_key()?, TownshipAction::Restore),
            };
            let (label, item) = match &action {
                TownshipAction::Add(item) => ("add", Some(item)),
                TownshipAction::Edit(item) => ("edit", Some(item)),
                TownshipAction::Hide => ("hide", None),
                TownshipAction::Restore => ("restore", None),
            };
            refuse_id_numbers(item, &reason)?;
            let sync = crate::sync::adjustment_item(&key, label, &reason, made_on, &made_by, item)?;
            let key = store.catalog_adjust(
                &TownshipAdjustment {
                    key,
                    action,
                    reason,
                    made_on,
                    made_by,
                },
                &sync,
            )?;
            history(store, &key)
        })?;
        self.queued_for_county();
        Ok(done)
    }

    pub fn catalog_hidden(&self, _: wire::NoArgs) -> Result<wire::HiddenCatalogItems, ApiError> {
        self.with_store(OpenMode::Existing, |store| {
            let items = store
                .catalog_hidden()?
                .into_iter()
                .map(|(key, reason, on, by)| {
                    let mut parts = key.splitn(3, '/');
                    let mut part = || parts.next().unwrap_or_default().to_owned();
                    let (domain, level1, level2) = (part(), part(), part());
                    wire::HiddenCatalogItem {
                        key,
                        domain,
                        level1,
                        level2,
                        reason,
                        on,
                        by,
                    }
                })
                .collect();
            Ok(wire::HiddenCatalogItems { items })
        })
    }

    pub fn catalog_item_history(
        &self,
        args: wire::CatalogKeyArgs,
    ) -> Result<wire::CatalogItemHistory, ApiError> {
        self.with_store(OpenMode::Existing, |store| history(store, args.key.trim()))
    }

    pub fn catalog_export(
        &self,
        args: wire::CatalogExportArgs,
    ) -> Result<wire::CatalogExportResult, ApiError> {
        let paper = match args.paper.as_deref().map(str::trim).unwrap_or("a3") {
            "" | "a3" | "a3-landscape" => Paper::A3Landscape,
            "a4" | "a4-landscape" => Paper::A4Landscape,
            other => {
                return Err(ApiError::invalid(format!(
                    "纸张“{other}”不认识：可选 a3、a4（均为横向）"
                )));
            }
        };
        let format = args.format.trim().to_ascii_lowercase();
        if format != "pdf" && format != "xlsx" {
            return Err(ApiError::invalid(format!(
                "导出格式“{}”不认识：可选 pdf、xlsx",
                args.format
            )));
        }
        let out = args.out.trim().to_owned();
        if out.is_empty() {
            return Err(ApiError::invalid("请指定导出文件".to_owned()));
        }
        let (owner, domains) = self.with_store(OpenMode::Existing, |store| {
            let owner = store.township()?.map(|t| t.name.to_string());
            let items = store.catalog_items(non_blank(args.domain.as_deref()))?;
            let notes = store.catalog_domains()?;
            Ok((owner, by_domain(items, &notes)))
        })?;
        if domains.is_empty() {
            return Err(ApiError::invalid(
                "没有可导出的目录事项（该领域没有事项，或都已隐藏）".to_owned(),
            ));
        }
        let owner = owner.unwrap_or_default();
        let today = Local::now().date_naive();
        let bytes = if format == "pdf" {
            let sheets: Vec<Sheet> = domains
                .iter()
                .map(|d| domain_sheet(&owner, d, paper, today))
                .collect();
            gongkai_print::render_book(&sheets)?
        } else {
            workbook(&owner, &domains, paper).map_err(|e| ApiError::export(&out, &e.to_string()))?
        };
        std::fs::write(&out, &bytes).map_err(|e| ApiError::export(&out, &e.to_string()))?;
        Ok(wire::CatalogExportResult {
            path: out,
            domains: u32::try_from(domains.len()).unwrap_or(u32::MAX),
            items: u32::try_from(domains.iter().map(|d| d.items.len()).sum::<usize>())
                .unwrap_or(u32::MAX),
            bytes: bytes.len() as u64,
        })
    }
}

fn domain_wire(d: CatalogDomain) -> wire::CatalogDomain {
    let source = d
        .sources
        .iter()
        .map(|(title, url)| match source_link(url) {
            (Some(_), _) => format!("{title}（{url}）"),
            (None, note) => format!("{title}（{note}）"),
        })
        .collect::<Vec<_>>()
        .join("；");
    wire::CatalogDomain {
        name: d.name,
        order: d.order,
        items: d.items,
        source,
        sources: d
            .sources
            .into_iter()
            .map(|(title, url)| {
                let (link, note) = source_link(&url);
                wire::CatalogSource {
                    title,
                    url,
                    link,
                    note,
                }
            })
            .collect(),
        kind: d.kind.into(),
        coverage: d.coverage.into(),
        coverage_note: d.coverage_note,
        guideline_issuer: d.guideline_issuer,
        guideline_document: d.guideline_document,
        guideline_date: d.guideline_date,
    }
}

/// A source as the screen may show it: a link only to a government portal; any other web
/// address is an unverified copy, shown by name without its address being clickable.
fn source_link(source: &str) -> (Option<String>, String) {
    if is_government_url(source) {
        (Some(source.to_owned()), String::new())
    } else if source.starts_with("http://") || source.starts_with("https://") {
        (None, UNVERIFIED_COPY.to_owned())
    } else {
        // “本镇增加” and the like: who made it, not a page.
        (None, String::new())
    }
}

fn tick_known(known: TickProvenance, borrowed_from: &str) -> wire::CatalogTickKnown {
    let source = match known {
        TickProvenance::Stated => wire::CatalogTickSource::Stated,
        TickProvenance::Column => wire::CatalogTickSource::Column,
        TickProvenance::Inferred => wire::CatalogTickSource::Inferred,
        TickProvenance::Borrowed => wire::CatalogTickSource::Borrowed,
        TickProvenance::None => wire::CatalogTickSource::None,
    };
    let label = if known == TickProvenance::Borrowed {
        format!("{}（借自{borrowed_from}）", known.label())
    } else {
        known.label().to_owned()
    };
    wire::CatalogTickKnown {
        source,
        label,
        fact: known.is_fact(),
    }
}

pub(crate) fn provenance_wire(p: &ItemProvenance) -> wire::CatalogProvenance {
    wire::CatalogProvenance {
        audience: tick_known(p.audience, &p.borrowed_from),
        mode: tick_known(p.mode, &p.borrowed_from),
        level: tick_known(p.level, &p.borrowed_from),
        borrowed_from: p.borrowed_from.clone(),
        version_of: p.version_of.clone(),
        note: p.note.clone(),
    }
}

fn labels<T: Copy>(values: &[T], label: impl Fn(T) -> &'static str) -> Vec<String> {
    values.iter().map(|v| label(*v).to_owned()).collect()
}

pub(crate) fn fields_wire(
    key: String,
    item: &CatalogItem,
    state: wire::CatalogItemState,
) -> wire::CatalogItem {
    wire::CatalogItem {
        key,
        domain: item.domain.clone(),
        level1: item.level1.clone(),
        level2: item.level2.clone(),
        content: item.content.clone(),
        basis: item.basis.clone(),
        time_limit: item.time_limit.clone(),
        time_limit_workdays: item.time_limit_workdays,
        subject: item.subject.clone(),
        channels: labels(&item.channels, Channel::label),
        channels_other: item.channels_other.clone(),
        audience: labels(&item.audience, Tick::label),
        mode: labels(&item.mode, Tick::label),
        level: labels(&item.level, Tick::label),
        source: item.source.clone(),
        source_link: source_link(&item.source).0,
        source_note: source_link(&item.source).1,
        provenance: None,
        state,
    }
}

pub(crate) fn state_wire(state: ItemState) -> wire::CatalogItemState {
    match state {
        ItemState::Baseline => wire::CatalogItemState::Baseline,
        ItemState::County => wire::CatalogItemState::County,
        ItemState::TownshipEdited => wire::CatalogItemState::TownshipEdited,
        ItemState::TownshipAdded => wire::CatalogItemState::TownshipAdded,
    }
}

fn item_wire(e: &EffectiveItem) -> wire::CatalogItem {
    wire::CatalogItem {
        provenance: e.provenance.as_ref().map(provenance_wire),
        ..fields_wire(e.key.clone(), &e.item, state_wire(e.state))
    }
}

fn history(store: &mut Store, key: &str) -> Result<wire::CatalogItemHistory, ApiError> {
    let current = store.catalog_item(key)?.as_ref().map(item_wire);
    let entries = store
        .catalog_history(key)?
        .into_iter()
        .map(|h| entry_wire(key, h))
        .collect::<Result<_, _>>()?;
    Ok(wire::CatalogItemHistory {
        key: key.to_owned(),
        current,
        entries,
    })
}

fn entry_wire(key: &str, h: HistoryEntry) -> Result<wire::CatalogHistoryEntry, ApiError> {
    let action = wire::CatalogHistoryAction::stored(&h.action)?;
    let (layer, state) = match h.layer {
        Layer::Baseline => (
            wire::CatalogLayer::Baseline,
            wire::CatalogItemState::Baseline,
        ),
        Layer::County => (wire::CatalogLayer::County, wire::CatalogItemState::County),
        Layer::Township if action == wire::CatalogHistoryAction::Add => (
            wire::CatalogLayer::Township,
            wire::CatalogItemState::TownshipAdded,
        ),
        Layer::Township => (
            wire::CatalogLayer::Township,
            wire::CatalogItemState::TownshipEdited,
        ),
    };
    Ok(wire::CatalogHistoryEntry {
        layer,
        item: h
            .item
            .as_ref()
            .map(|i| fields_wire(key.to_owned(), i, state)),
        action,
        on: h.on,
        recorded_at: h.recorded_at,
        note: h.note,
        by: h.by,
    })
}

/// Parses standard labels, in the table's order, without repeats; an unknown one is refused
/// with the allowed values named.
fn parse_labels<T: Copy + Ord>(
    column: &str,
    values: &[String],
    all: &[T],
    label: impl Fn(T) -> &'static str,
) -> Result<Vec<T>, ApiError> {
    let mut parsed = Vec::new();
    for value in values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()) {
        let found = all
            .iter()
            .copied()
            .find(|v| label(*v) == value)
            .ok_or_else(|| {
                let allowed: Vec<&str> = all.iter().map(|v| label(*v)).collect();
                ApiError::invalid(format!(
                    "{column}“{value}”不是标准取值，可选：{}",
                    allowed.join("、")
                ))
            })?;
        if !parsed.contains(&found) {
            parsed.push(found);
        }
    }
    parsed.sort();
    Ok(parsed)
}

/// Applies the given fields of `input` over `item`, checking every label.
fn patched(mut item: CatalogItem, input: wire::CatalogItemInput) -> Result<CatalogItem, ApiError> {
    let text = |v: Option<String>, current: &mut String| {
        if let Some(v) = v {
            *current = v.trim().to_owned();
        }
    };
    if let Some(domain) = input.domain {
        item.domain = domain.trim().to_owned();
    }
    text(input.level1, &mut item.level1);
    text(input.level2, &mut item.level2);
    text(input.content, &mut item.content);
    text(input.basis, &mut item.basis);
    let time_limit_given = input.time_limit.is_some();
    text(input.time_limit, &mut item.time_limit);
    item.time_limit_workdays = match input.time_limit_workdays {
        Some(0) => {
            return Err(ApiError::invalid("公开时限的工作日数应大于 0".to_owned()));
        }
        Some(days) => Some(days),
        None if time_limit_given => workdays_in(&item.time_limit),
        None => item.time_limit_workdays,
    };
    text(input.subject, &mut item.subject);
    text(input.channels_other, &mut item.channels_other);
    text(input.source, &mut item.source);
    if let Some(channels) = input.channels {
        item.channels = parse_labels("公开渠道和载体", &channels, &Channel::ALL, Channel::label)?;
    }
    if !item.channels_other.is_empty() && !item.channels.contains(&Channel::Other) {
        item.channels.push(Channel::Other);
    }
    if let Some(v) = input.audience {
        item.audience = parse_labels("公开对象", &v, &Audience::ALL, Tick::label)?;
    }
    if let Some(v) = input.mode {
        item.mode = parse_labels("公开方式", &v, &Mode::ALL, Tick::label)?;
    }
    if let Some(v) = input.level {
        item.level = parse_labels("公开层级", &v, &Level::ALL, Tick::label)?;
    }
    if item.level2.is_empty() {
        return Err(ApiError::invalid("请填写二级事项".to_owned()));
    }
    Ok(item)
}

/// The columns of `item` holding a full resident ID number, each with the number masked:
/// `公开内容（要素）（9999**********7076）`.
pub(crate) fn id_numbers_in(item: &CatalogItem) -> Vec<String> {
    gongkai_sync::check::id_number_places(item.written_texts())
}

/// The township's catalog is public text — exported for the board and the website, shown at the
/// reading point, sent to the county, which refuses it as `unmasked_data` — so a full resident
/// ID number typed into an item or its reason is refused here, naming the column, as a 公示单's
/// is.
fn refuse_id_numbers(item: Option<&CatalogItem>, reason: &str) -> Result<(), ApiError> {
    let mut found = gongkai_sync::check::id_number_places([("调整原因", reason)]);
    found.extend(item.map(id_numbers_in).unwrap_or_default());
    if found.is_empty() {
        return Ok(());
    }
    Err(ApiError::invalid(format!(
        "目录事项中有完整的身份证号，目录导出、查阅点和县级平台都会公开：{}。请只写脱敏后的号码",
        found.join("；")
    )))
}

fn new_item(input: wire::CatalogItemInput) -> Result<CatalogItem, ApiError> {
    let domain = non_blank(input.domain.as_deref())
        .ok_or_else(|| ApiError::invalid("请填写事项所属领域".to_owned()))?
        .to_owned();
    if input
        .level2
        .as_deref()
        .map(str::trim)
        .unwrap_or_default()
        .contains('/')
        || input.level1.as_deref().unwrap_or_default().contains('/')
        || domain.contains('/')
    {
        return Err(ApiError::invalid(
            "领域、一级事项、二级事项中不能含“/”（它用来分隔事项编号）".to_owned(),
        ));
    }
    let blank = CatalogItem {
        domain,
        level1: String::new(),
        level2: String::new(),
        content: String::new(),
        basis: String::new(),
        time_limit: String::new(),
        time_limit_workdays: None,
        subject: String::new(),
        channels: Vec::new(),
        channels_other: String::new(),
        audience: Vec::new(),
        mode: Vec::new(),
        level: Vec::new(),
        source: "本镇增加".to_owned(),
    };
    let mut item = patched(
        blank,
        wire::CatalogItemInput {
            domain: None,
            ..input
        },
    )?;
    if item.source.is_empty() {
        "本镇增加".clone_into(&mut item.source);
    }
    Ok(item)
}

/// The effective items of one domain, with what the export says about its baseline.
struct DomainBlock {
    name: String,
    partial: bool,
    items: Vec<EffectiveItem>,
}

fn by_domain(items: Vec<EffectiveItem>, notes: &[CatalogDomain]) -> Vec<DomainBlock> {
    let mut blocks: Vec<DomainBlock> = Vec::new();
    for item in items {
        match blocks.last_mut() {
            Some(block) if block.name == item.item.domain => block.items.push(item),
            _ => blocks.push(DomainBlock {
                partial: notes.iter().any(|d| {
                    d.name == item.item.domain
                        && d.coverage != Some(gongkai_catalog::Coverage::Complete)
                        && d.coverage.is_some()
                }),
                name: item.item.domain.clone(),
                items: vec![item],
            }),
        }
    }
    blocks
}

/// The columns of the standard table, left to right (the groups are [`GROUPS`]).
const COLUMNS: [(&str, f32, Align); 14] = [
    ("序号", 0.5, Align::Center),
    ("一级事项", 1.1, Align::Left),
    ("二级事项", 1.2, Align::Left),
    ("公开内容（要素）", 2.8, Align::Left),
    ("公开依据", 2.4, Align::Left),
    ("公开时限", 1.5, Align::Left),
    ("公开主体", 1.2, Align::Left),
    ("公开渠道和载体", 2.5, Align::Left),
    ("全社会", 0.85, Align::Center),
    ("特定群体", 0.85, Align::Center),
    ("主动", 0.85, Align::Center),
    ("依申请", 0.85, Align::Center),
    ("县级", 0.85, Align::Center),
    ("乡级", 0.85, Align::Center),
];

/// On A4 the channel list gets room for two entries a line, or every row grows to 13 lines and
/// a page holds one item: (column, weight) replacing [`COLUMNS`]'.
const A4_WEIGHTS: [(usize, f32); 3] = [(3, 2.4), (4, 2.0), (7, 3.4)];

/// The upper header row's groups: title, first column, columns spanned.
const GROUPS: [(&str, usize, usize); 4] = [
    ("公开事项", 1, 2),
    ("公开对象", 8, 2),
    ("公开方式", 10, 2),
    ("公开层级", 12, 2),
];

const TICK: &str = "√";
/// What stands in a tick's place when the baseline inferred it: not a tick, so not a fact.
const INFERRED_TICK: &str = "推";
/// … and when it was borrowed from another county's page.
const BORROWED_TICK: &str = "借";

/// The export legend's words on the marks above.
const UNCONFIRMED_LEGEND: &str = "“推”为全国基线按表头列序推断的勾选，“借”为借用其他县（区）页面的勾选，均非来源原文所示，请按本县目录核实后再用。";

/// The table's cells of one item: 序号, levels, texts, ■/□ channels, √ ticks (推/借 in their
/// place where the baseline's provenance says the tick is not the source's fact).
fn cells(
    n: usize,
    item: &CatalogItem,
    provenance: Option<&ItemProvenance>,
    channel_separator: &str,
) -> Vec<String> {
    let channels = Channel::ALL
        .iter()
        .map(|c| {
            let mark = if item.channels.contains(c) {
                "■"
            } else {
                "□"
            };
            if *c == Channel::Other && !item.channels_other.is_empty() {
                format!("{mark}{}（{}）", c.label(), item.channels_other)
            } else {
                format!("{mark}{}", c.label())
            }
        })
        .collect::<Vec<_>>()
        .join(channel_separator);
    let mark = |known: Option<TickProvenance>| match known {
        Some(TickProvenance::Inferred) => INFERRED_TICK,
        Some(TickProvenance::Borrowed) => BORROWED_TICK,
        _ => TICK,
    };
    let [audience, mode, level] = [
        provenance.map(|p| p.audience),
        provenance.map(|p| p.mode),
        provenance.map(|p| p.level),
    ]
    .map(mark);
    let tick = |on: bool, mark: &str| if on { mark.to_owned() } else { String::new() };
    vec![
        n.to_string(),
        item.level1.clone(),
        item.level2.clone(),
        item.content.clone(),
        item.basis.clone(),
        item.time_limit.clone(),
        item.subject.clone(),
        channels,
        tick(item.audience.contains(&Audience::Public), audience),
        tick(item.audience.contains(&Audience::Specific), audience),
        tick(item.mode.contains(&Mode::Active), mode),
        tick(item.mode.contains(&Mode::OnRequest), mode),
        tick(item.level.contains(&Level::County), level),
        tick(item.level.contains(&Level::Township), level),
    ]
}

fn table_title(owner: &str, domain: &str) -> String {
    format!("{owner}{domain}领域基层政务公开标准目录")
}

fn domain_sheet(owner: &str, block: &DomainBlock, paper: Paper, today: NaiveDate) -> Sheet {
    let mut footer = vec![
        "说明：“■”为采用的公开渠道和载体，“□”为未采用；“√”为适用的公开对象、公开方式和公开层级。"
            .to_owned(),
    ];
    if block.items.iter().any(|e| {
        e.provenance
            .as_ref()
            .is_some_and(|p| p.has_unconfirmed_ticks())
    }) {
        footer.push(UNCONFIRMED_LEGEND.to_owned());
    }
    if block.items.iter().any(|e| e.provenance.is_some()) {
        footer.push(
            "全国基线事项的公开主体、公开渠道和载体取自所引县（区）的版本，非全国统一规定。"
                .to_owned(),
        );
    }
    if block.partial {
        footer.push(
            "本领域全国基线只收录了国家标准目录的部分事项，请按本县最新版目录补充。".to_owned(),
        );
    }
    Sheet {
        title: table_title(owner, &block.name),
        subtitle: format!(
            "领域：{}　　共 {} 项　　导出日期：{}",
            block.name,
            block.items.len(),
            today.format("%Y年%-m月%-d日")
        ),
        columns: COLUMNS
            .iter()
            .enumerate()
            .map(|(c, (title, weight, align))| Column {
                title: (*title).to_owned(),
                weight: if paper == Paper::A4Landscape {
                    A4_WEIGHTS
                        .iter()
                        .find(|(i, _)| *i == c)
                        .map_or(*weight, |(_, w)| *w)
                } else {
                    *weight
                },
                align: *align,
            })
            .collect(),
        groups: GROUPS
            .iter()
            .map(|(title, first, span)| ColumnGroup {
                title: (*title).to_owned(),
                columns: *first..first + span,
            })
            .collect(),
        rows: block
            .items
            .iter()
            .enumerate()
            .map(|(i, e)| cells(i + 1, &e.item, e.provenance.as_ref(), " "))
            .collect(),
        amount_column: None,
        amounts_fen: Vec::new(),
        footer,
        signature: Vec::new(),
        paper,
        document_title: table_title(owner, "各"),
    }
}

/// Excel forbids these in sheet names, and allows 31 characters.
fn sheet_name(domain: &str, taken: &[String]) -> String {
    let clean: String = domain
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(28)
        .collect();
    let mut name = clean.clone();
    let mut n = 2;
    while taken.contains(&name) {
        name = format!("{clean}{n}");
        n += 1;
    }
    name
}

/// One worksheet per domain: title, the two-row header with its merged cells, one row per item;
/// set up to print landscape on `paper` with the header repeated.
fn workbook(owner: &str, domains: &[DomainBlock], paper: Paper) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let title_format = Format::new()
        .set_bold()
        .set_font_size(16)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    let head = Format::new()
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    let cell = Format::new()
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let centred = cell
        .clone()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    let widths: [f64; 14] = [
        5.0, 12.0, 14.0, 36.0, 30.0, 18.0, 14.0, 24.0, 6.0, 6.0, 6.0, 6.0, 6.0, 6.0,
    ];
    let last = (COLUMNS.len() - 1) as u16;
    let mut taken = Vec::new();
    for block in domains {
        let name = sheet_name(&block.name, &taken);
        taken.push(name.clone());
        let sheet = book.add_worksheet();
        sheet.set_name(&name)?;
        sheet.set_landscape();
        sheet.set_paper_size(if paper == Paper::A4Landscape { 9 } else { 8 });
        sheet.set_repeat_rows(1, 2)?;
        sheet.set_print_fit_to_pages(1, 0);
        sheet.merge_range(
            0,
            0,
            0,
            last,
            &table_title(owner, &block.name),
            &title_format,
        )?;
        sheet.set_row_height(0, 30)?;
        for (c, width) in widths.iter().enumerate() {
            sheet.set_column_width(c as u16, *width)?;
        }
        // Upper header row: the groups across, the other titles down both rows.
        for (c, (title, _, _)) in COLUMNS.iter().enumerate() {
            let c = c as u16;
            let group = GROUPS
                .iter()
                .find(|(_, first, span)| (*first..first + span).contains(&usize::from(c)));
            match group {
                Some((group_title, first, span)) => {
                    if usize::from(c) == *first {
                        sheet.merge_range(1, c, 1, c + (*span as u16) - 1, group_title, &head)?;
                    }
                    sheet.write_with_format(2, c, *title, &head)?;
                }
                None => {
                    sheet.merge_range(1, c, 2, c, title, &head)?;
                }
            }
        }
        sheet.set_freeze_panes(3, 0)?;
        for (i, item) in block.items.iter().enumerate() {
            let r = 3 + u32::try_from(i).unwrap_or(u32::MAX - 3);
            for (c, text) in cells(i + 1, &item.item, item.provenance.as_ref(), "\n")
                .iter()
                .enumerate()
            {
                let format = if COLUMNS[c].2 == Align::Center {
                    &centred
                } else {
                    &cell
                };
                if c == 0 {
                    sheet.write_with_format(r, 0, (i + 1) as f64, format)?;
                } else {
                    sheet.write_with_format(r, c as u16, text, format)?;
                }
            }
        }
    }
    book.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_legal_and_unique() {
        assert_eq!(
            sheet_name("征地补偿（农村集体土地征收）", &[]),
            "征地补偿（农村集体土地征收）"
        );
        assert_eq!(sheet_name("a/b", &[]), "ab");
        assert_eq!(sheet_name("就业", &["就业".to_owned()]), "就业2");
    }

    #[test]
    fn channels_print_as_boxes_in_national_order() {
        let item = CatalogItem {
            domain: "涉农补贴".into(),
            level1: "一".into(),
            level2: "二".into(),
            content: String::new(),
            basis: String::new(),
            time_limit: String::new(),
            time_limit_workdays: None,
            subject: String::new(),
            channels: vec![Channel::GovWebsite, Channel::Other],
            channels_other: "部门网站".into(),
            audience: vec![Audience::Public],
            mode: vec![Mode::Active],
            level: vec![Level::County, Level::Township],
            source: String::new(),
        };
        let row = cells(1, &item, None, " ");
        assert!(
            row[7].starts_with("■政府网站 □政府公报 □两微一端"),
            "{}",
            row[7]
        );
        assert!(row[7].ends_with("■其他（部门网站）"), "{}", row[7]);
        assert_eq!(&row[8..], ["√", "", "√", "", "√", "√"]);
    }
}
