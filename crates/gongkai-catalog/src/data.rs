//! The bundled baseline files and the checks they must pass.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

use serde::Deserialize;

use crate::{
    Baseline, CatalogError, CatalogItem, Channel, Coverage, Domain, DomainKind, Guideline,
    ItemProvenance, Source, Tick, TickProvenance,
};

macro_rules! bundled {
    ($file:literal) => {
        (
            $file,
            include_str!(concat!("../../../assets/catalog/", $file)),
        )
    };
}

/// Every bundled domain file, `(file name, text)`, in domain order. **The one place to list a new
/// file of `assets/catalog/`** (a test fails when a file there is missing from this list).
pub const BUNDLED: &[(&str, &str)] = &[
    bundled!("01-chengxiang_guihua.json"),
    bundled!("02-zhongda_jianshe_xiangmu.json"),
    bundled!("03-gonggong_ziyuan_jiaoyi.json"),
    bundled!("04-caizheng_yujuesuan.json"),
    bundled!("05-anquan_shengchan.json"),
    bundled!("06-shuishou_guanli.json"),
    bundled!("07-zhengdi_buchang.json"),
    bundled!("08-guoyou_tudi_fangwu_zhengshou.json"),
    bundled!("09-baozhangxing_zhufang.json"),
    bundled!("10-nongcun_weifang_gaizao.json"),
    bundled!("11-shengtai_huanjing.json"),
    bundled!("12-gonggong_wenhua_fuwu.json"),
    bundled!("13-gonggong_falv_fuwu.json"),
    bundled!("14-fupin.json"),
    bundled!("15-jiuzai.json"),
    bundled!("16-shipin_yaopin_jianguan.json"),
    bundled!("17-chengshi_zonghe_zhifa.json"),
    bundled!("18-jiuye.json"),
    bundled!("19-shehui_baoxian.json"),
    bundled!("20-shehui_jiuzhu.json"),
    bundled!("21-yanglao_fuwu.json"),
    bundled!("22-huji_guanli.json"),
    bundled!("23-shenong_butie.json"),
    bundled!("24-yiwu_jiaoyu.json"),
    bundled!("25-weisheng_jiankang.json"),
    bundled!("26-shizheng_fuwu.json"),
    bundled!("27-ziran_ziyuan.json"),
    bundled!("28-tongji.json"),
    bundled!("29-lvyou.json"),
    bundled!("30-jiaotong_yunshu.json"),
    bundled!("31-guangbo_dianshi.json"),
    bundled!("32-xinwen_chuban_banquan.json"),
    bundled!("33-haiguan.json"),
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDomain {
    domain: String,
    order: u32,
    kind: String,
    guideline: RawGuideline,
    coverage: String,
    coverage_note: String,
    sources: Vec<RawSource>,
    items: Vec<RawItem>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGuideline {
    issuer: String,
    document: String,
    date: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    title: String,
    url: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    level1: String,
    level2: String,
    content: String,
    basis: String,
    time_limit: String,
    time_limit_workdays: Option<u32>,
    subject: String,
    channels: Vec<String>,
    channels_other: String,
    audience: Vec<String>,
    mode: Vec<String>,
    level: Vec<String>,
    source: String,
    /// Required in the bundled files; county items (synced, imported) carry none: their values
    /// are the county table's own.
    #[serde(default)]
    provenance: Option<RawProvenance>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProvenance {
    audience: String,
    mode: String,
    level: String,
    borrowed_from: String,
    version_of: String,
    note: String,
}

/// A version of the bundled baseline: FNV-1a over every file's name and text. A binary with
/// other bundled data has another version, and the store replaces its baseline layer.
pub fn baseline_version() -> String {
    let hash = BUNDLED
        .iter()
        .flat_map(|(name, text)| name.bytes().chain([0]).chain(text.bytes()).chain([0]))
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
    format!("{hash:016x}")
}

/// Parses and checks every bundled file.
pub fn baseline() -> Result<Baseline, CatalogError> {
    let mut domains = Vec::with_capacity(BUNDLED.len());
    let mut names = HashSet::new();
    for (file, text) in BUNDLED {
        let domain = parse_domain(file, text)?;
        if !names.insert(domain.name.clone()) {
            return Err(invalid(file, None, format!("领域“{}”重复", domain.name)));
        }
        domains.push(domain);
    }
    domains.sort_by_key(|d| d.order);
    Ok(Baseline {
        version: baseline_version(),
        domains,
    })
}

fn invalid(file: &str, item: Option<&RawItem>, message: String) -> CatalogError {
    CatalogError::Invalid {
        file: file.to_owned(),
        item: item.map(|i| format!("{}/{}", i.level1, i.level2)),
        message,
    }
}

/// One domain file: JSON of the README's schema plus the rules `check.py` also enforces.
pub(crate) fn parse_domain(file: &str, text: &str) -> Result<Domain, CatalogError> {
    let raw: RawDomain = serde_json::from_str(text).map_err(|e| CatalogError::BadJson {
        file: file.to_owned(),
        detail: e.to_string(),
    })?;
    let name = raw.domain.trim().to_owned();
    if name.is_empty() {
        return Err(invalid(file, None, "领域名称为空".to_owned()));
    }
    let prefix: Option<u32> = file.split('-').next().and_then(|n| n.parse().ok());
    if prefix.is_some_and(|n| n != raw.order) {
        return Err(invalid(
            file,
            None,
            format!("序号 {} 与文件名编号不一致", raw.order),
        ));
    }
    let kind = DomainKind::from_key(&raw.kind)
        .ok_or_else(|| invalid(file, None, format!("类别“{}”应为 pilot 或 later", raw.kind)))?;
    let coverage = Coverage::from_key(&raw.coverage).ok_or_else(|| {
        invalid(
            file,
            None,
            format!(
                "覆盖情况“{}”应为 complete、partial 或 not_found",
                raw.coverage
            ),
        )
    })?;
    if (coverage == Coverage::NotFound) != raw.items.is_empty() {
        return Err(invalid(
            file,
            None,
            "覆盖情况为 not_found 当且仅当没有事项".to_owned(),
        ));
    }
    if raw.sources.is_empty() && !raw.items.is_empty() {
        return Err(invalid(file, None, "有事项但没有记录来源".to_owned()));
    }
    let mut seen = HashSet::new();
    let mut items = Vec::with_capacity(raw.items.len());
    let mut provenance = BTreeMap::new();
    for item in &raw.items {
        let parsed = parse_item(file, &name, item)?;
        provenance.insert(parsed.key(), parse_provenance(file, item, &parsed)?);
        if coverage == Coverage::Complete
            && (parsed.level1.is_empty() || parsed.time_limit.is_empty())
        {
            return Err(invalid(
                file,
                Some(item),
                "领域标为完整（complete），但事项缺一级事项或公开时限".to_owned(),
            ));
        }
        if !seen.insert(parsed.key()) {
            return Err(invalid(file, Some(item), "同一领域内事项重复".to_owned()));
        }
        items.push(parsed);
    }
    Ok(Domain {
        name,
        order: raw.order,
        kind,
        guideline: Guideline {
            issuer: raw.guideline.issuer,
            document: raw.guideline.document,
            date: raw.guideline.date,
        },
        coverage,
        coverage_note: raw.coverage_note,
        sources: raw
            .sources
            .into_iter()
            .map(|s| Source {
                title: s.title,
                url: s.url,
            })
            .collect(),
        items,
        provenance,
    })
}

/// An item's provenance, which every bundled item must have and which must agree with its ticks:
/// “none” exactly for an empty column, a county named exactly when a tick is borrowed.
fn parse_provenance(
    file: &str,
    raw: &RawItem,
    item: &CatalogItem,
) -> Result<ItemProvenance, CatalogError> {
    let p = raw.provenance.as_ref().ok_or_else(|| {
        invalid(
            file,
            Some(raw),
            "缺少 provenance（勾选列的来源说明）".to_owned(),
        )
    })?;
    let column = |key: &str, column: &str, empty: bool| {
        let value = TickProvenance::from_key(key).ok_or_else(|| {
            let allowed: Vec<&str> = TickProvenance::ALL.iter().map(|p| p.key()).collect();
            invalid(
                file,
                Some(raw),
                format!("{column}的来源“{key}”应为{}之一", allowed.join("、")),
            )
        })?;
        if (value == TickProvenance::None) != empty {
            return Err(invalid(
                file,
                Some(raw),
                format!("{column}的来源为 none 当且仅当该列没有勾选"),
            ));
        }
        Ok(value)
    };
    let provenance = ItemProvenance {
        audience: column(&p.audience, "公开对象", item.audience.is_empty())?,
        mode: column(&p.mode, "公开方式", item.mode.is_empty())?,
        level: column(&p.level, "公开层级", item.level.is_empty())?,
        borrowed_from: p.borrowed_from.trim().to_owned(),
        version_of: p.version_of.trim().to_owned(),
        note: p.note.trim().to_owned(),
    };
    let borrowed = provenance
        .ticks()
        .iter()
        .any(|(_, t)| *t == TickProvenance::Borrowed);
    if borrowed == provenance.borrowed_from.is_empty() {
        return Err(invalid(
            file,
            Some(raw),
            "勾选为借用时须写明借自哪个县（borrowed_from），否则留空".to_owned(),
        ));
    }
    if provenance.version_of.is_empty() {
        return Err(invalid(
            file,
            Some(raw),
            "须写明公开主体和渠道是哪个县的版本（version_of）".to_owned(),
        ));
    }
    Ok(provenance)
}

/// The provenance of every bundled item by key, parsed once. Reads of the effective catalog
/// attach it to baseline items; the store loads the same bundled data first and reports a file
/// that does not parse, so the empty map of a broken bundle is never what a read sees.
pub fn baseline_provenance() -> &'static HashMap<String, ItemProvenance> {
    static PROVENANCE: OnceLock<HashMap<String, ItemProvenance>> = OnceLock::new();
    PROVENANCE.get_or_init(|| {
        baseline()
            .map(|b| b.domains.into_iter().flat_map(|d| d.provenance).collect())
            .unwrap_or_default()
    })
}

/// One item in the bundled files' item shape (a county update arriving by sync names its domain
/// beside it), checked like the baseline's; `source` names where it came from in errors.
/// An item in the JSON shape [`item_from_json`] reads (the bundled files' items, what county
/// publications carry): labels for channels and ticks, the domain left to the key.
pub fn item_to_json(item: &CatalogItem) -> serde_json::Value {
    let labels = |names: Vec<&str>| serde_json::Value::from(names);
    serde_json::json!({
        "level1": item.level1,
        "level2": item.level2,
        "content": item.content,
        "basis": item.basis,
        "time_limit": item.time_limit,
        "time_limit_workdays": item.time_limit_workdays,
        "subject": item.subject,
        "channels": labels(item.channels.iter().map(|c| c.label()).collect()),
        "channels_other": item.channels_other,
        "audience": labels(item.audience.iter().map(|a| a.label()).collect()),
        "mode": labels(item.mode.iter().map(|m| m.label()).collect()),
        "level": labels(item.level.iter().map(|l| l.label()).collect()),
        "source": item.source,
    })
}

pub fn item_from_json(source: &str, domain: &str, json: &str) -> Result<CatalogItem, CatalogError> {
    let raw: RawItem = serde_json::from_str(json).map_err(|e| CatalogError::BadJson {
        file: source.to_owned(),
        detail: e.to_string(),
    })?;
    parse_item(source, domain, &raw)
}

fn parse_item(file: &str, domain: &str, raw: &RawItem) -> Result<CatalogItem, CatalogError> {
    if raw.level2.trim().is_empty() {
        return Err(invalid(file, Some(raw), "二级事项为空".to_owned()));
    }
    let mut channels = Vec::new();
    for label in &raw.channels {
        let channel = Channel::from_label(label).ok_or_else(|| {
            invalid(
                file,
                Some(raw),
                format!("“{label}”不是标准的公开渠道和载体（非标准渠道写入 channels_other 并勾选“其他”）"),
            )
        })?;
        if !channels.contains(&channel) {
            channels.push(channel);
        }
    }
    channels.sort();
    if !raw.channels_other.trim().is_empty() && !channels.contains(&Channel::Other) {
        return Err(invalid(
            file,
            Some(raw),
            format!("写了其他渠道“{}”，但没有勾选“其他”", raw.channels_other),
        ));
    }
    if raw.time_limit_workdays == Some(0) {
        return Err(invalid(
            file,
            Some(raw),
            "公开时限的工作日数不能为 0".to_owned(),
        ));
    }
    Ok(CatalogItem {
        domain: domain.to_owned(),
        level1: raw.level1.trim().to_owned(),
        level2: raw.level2.trim().to_owned(),
        content: raw.content.clone(),
        basis: raw.basis.clone(),
        time_limit: raw.time_limit.clone(),
        time_limit_workdays: raw.time_limit_workdays,
        subject: raw.subject.clone(),
        channels,
        channels_other: raw.channels_other.trim().to_owned(),
        audience: ticks(file, raw, &raw.audience, "公开对象")?,
        mode: ticks(file, raw, &raw.mode, "公开方式")?,
        level: ticks(file, raw, &raw.level, "公开层级")?,
        source: raw.source.clone(),
    })
}

fn ticks<T: Tick + Ord>(
    file: &str,
    raw: &RawItem,
    labels: &[String],
    column: &str,
) -> Result<Vec<T>, CatalogError> {
    let mut values = Vec::new();
    for label in labels {
        let value = T::from_label(label).ok_or_else(|| {
            let allowed: Vec<&str> = T::ALL.iter().map(|v| v.label()).collect();
            invalid(
                file,
                Some(raw),
                format!("{column}“{label}”应为{}", allowed.join("或")),
            )
        })?;
        if !values.contains(&value) {
            values.push(value);
        }
    }
    values.sort();
    Ok(values)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::PathBuf;

    use super::*;

    fn catalog_dir() -> PathBuf {
        PathBuf::from(
            std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo test sets CARGO_MANIFEST_DIR"),
        )
        .join("../../assets/catalog")
    }

    #[test]
    fn every_json_file_of_the_folder_is_bundled() {
        let on_disk: BTreeSet<String> = std::fs::read_dir(catalog_dir())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".json"))
            .collect();
        let listed: BTreeSet<String> = BUNDLED.iter().map(|(n, _)| (*n).to_owned()).collect();
        let missing: Vec<&String> = on_disk.difference(&listed).collect();
        assert!(
            missing.is_empty(),
            "add these files to BUNDLED in crates/gongkai-catalog/src/data.rs: {missing:?}"
        );
        assert_eq!(listed.len(), BUNDLED.len(), "a file is listed twice");
    }

    #[test]
    fn all_domains_load_with_the_26_pilots() {
        let baseline = baseline().unwrap();
        let pilots: Vec<&str> = baseline
            .domains
            .iter()
            .filter(|d| d.kind == DomainKind::Pilot)
            .map(|d| d.name.as_str())
            .collect();
        assert_eq!(pilots.len(), 26, "{pilots:?}");
        for name in ["城乡规划", "涉农补贴", "社会救助", "户籍管理", "市政服务"]
        {
            assert!(pilots.contains(&name), "{name}");
        }
        let orders: Vec<u32> = baseline.domains.iter().map(|d| d.order).collect();
        assert!(orders.windows(2).all(|w| w[0] < w[1]), "{orders:?}");
        assert!(baseline.items().count() >= 195);
        assert!(
            baseline
                .domains
                .iter()
                .all(|d| d.coverage == Coverage::NotFound || !d.items.is_empty())
        );
    }

    #[test]
    fn every_item_has_its_columns_and_a_unique_key() {
        let baseline = baseline().unwrap();
        let mut keys = HashSet::new();
        let mut gaps = Vec::new();
        for item in baseline.items() {
            assert!(!item.level2.is_empty(), "{item:?}");
            assert!(keys.insert(item.key()), "duplicate key {}", item.key());
            assert!(item.key().starts_with(&format!("{}/", item.domain)));
            assert!(!item.source.is_empty(), "{}: no source", item.key());
            if item.channels_other.is_empty() {
                // Nothing non-standard written: no reason to tick 其他 without saying what.
            } else {
                assert!(item.channels.contains(&Channel::Other), "{}", item.key());
            }
            if let Some(days) = item.time_limit_workdays {
                assert!(
                    item.time_limit.contains(&days.to_string())
                        || crate::workdays_in(&item.time_limit) == Some(days),
                    "{}: {days} working days not in “{}”",
                    item.key(),
                    item.time_limit
                );
            }
            if item.level1.is_empty() || item.time_limit.is_empty() {
                gaps.push(item.key());
            }
        }
        // Gaps are the sources' (cells cut off in the only copy found), never filled by guessing;
        // they may only sit in domains the data marks as partial.
        for key in &gaps {
            let domain = key.split('/').next().unwrap_or_default();
            let coverage = baseline
                .domains
                .iter()
                .find(|d| d.name == domain)
                .map(|d| d.coverage);
            assert_eq!(coverage, Some(Coverage::Partial), "{key}");
        }
    }

    #[test]
    fn channels_are_kept_in_national_order() {
        let baseline = baseline().unwrap();
        for item in baseline.items() {
            assert!(
                item.channels.windows(2).all(|w| w[0] < w[1]),
                "{}",
                item.key()
            );
        }
    }

    #[test]
    fn errors_name_the_file_and_the_item() {
        let text = r#"{"domain":"测试","order":1,"kind":"pilot",
            "guideline":{"issuer":"","document":"","date":""},
            "coverage":"partial","coverage_note":"","sources":[{"title":"t","url":"u"}],
            "items":[{"level1":"一级","level2":"二级","content":"","basis":"","time_limit":"",
            "time_limit_workdays":null,"subject":"","channels":["微信群"],"channels_other":"",
            "audience":[],"mode":[],"level":[],"source":""}]}"#;
        let err = parse_domain("01-ceshi.json", text).unwrap_err();
        let message = err.to_string();
        assert!(message.contains("01-ceshi.json"), "{message}");
        assert!(message.contains("一级/二级"), "{message}");
        assert!(message.contains("微信群"), "{message}");

        let bad_level = text
            .replace(r#""level":[]"#, r#""level":["市级"]"#)
            .replace("微信群", "政府网站");
        let message = parse_domain("01-ceshi.json", &bad_level)
            .unwrap_err()
            .to_string();
        assert!(
            message.contains("公开层级“市级”应为县级或乡级"),
            "{message}"
        );

        let wrong_order = parse_domain("02-ceshi.json", &text.replace("微信群", "政府网站"));
        assert!(wrong_order.unwrap_err().to_string().contains("文件名编号"));

        let not_json = parse_domain("03-x.json", "{").unwrap_err();
        assert!(not_json.to_string().contains("无法读取"), "{not_json}");
    }

    #[test]
    fn every_tick_column_of_every_item_says_how_it_is_known() {
        let baseline = baseline().unwrap();
        let mut with_ticks = 0;
        let mut unconfirmed = 0;
        for domain in &baseline.domains {
            assert_eq!(
                domain.provenance.len(),
                domain.items.len(),
                "{}",
                domain.name
            );
            for item in &domain.items {
                let p = &domain.provenance[&item.key()];
                for ((_, known), empty) in p.ticks().iter().zip([
                    item.audience.is_empty(),
                    item.mode.is_empty(),
                    item.level.is_empty(),
                ]) {
                    assert_eq!(*known == TickProvenance::None, empty, "{}", item.key());
                }
                assert!(!p.version_of.is_empty(), "{}", item.key());
                if !(item.audience.is_empty() && item.mode.is_empty() && item.level.is_empty()) {
                    with_ticks += 1;
                    unconfirmed += usize::from(p.has_unconfirmed_ticks());
                }
            }
        }
        // The check against independent transcriptions found at least 58 of the 134 ticked
        // items guessed or borrowed; the data must not claim more certainty than that.
        assert!(with_ticks >= 134, "{with_ticks}");
        assert!(unconfirmed >= 58, "{unconfirmed} of {with_ticks}");
        assert_eq!(baseline_provenance().len(), baseline.items().count());
    }

    #[test]
    fn dazhu_rows_carry_beichen_ticks_as_borrowed_and_qianlima_levels_as_inferred() {
        let provenance = baseline_provenance();
        let dazhu = &provenance["社会救助/综合业务/政策法规文件"];
        assert_eq!(dazhu.level, TickProvenance::Borrowed);
        assert_eq!(dazhu.borrowed_from, "天津市北辰区");
        assert_eq!(dazhu.version_of, "大竹县");
        let qianlima = &provenance["城乡规划/公共服务/法规文件"];
        assert_eq!(qianlima.level, TickProvenance::Inferred);
        assert!(!crate::is_government_url(
            &baseline()
                .unwrap()
                .items()
                .find(|i| i.key() == "城乡规划/公共服务/法规文件")
                .unwrap()
                .source
        ));
    }

    #[test]
    fn the_rows_found_later_are_present_with_their_sources() {
        let baseline = baseline().unwrap();
        let by_level2 = |domain: &str, level2: &str| {
            baseline
                .items()
                .find(|i| i.domain.starts_with(domain) && i.level2.starts_with(level2))
                .unwrap_or_else(|| panic!("{domain}/{level2} missing"))
        };
        // Items catalog-found/README.md lists as new (41 in all), one or more per domain.
        let added = [
            ("城乡规划", "村庄规划"),
            ("城乡规划", "建设项目用地预审与选址意见书"),
            ("重大建设项目", "政府投资项目初步设计审批"),
            ("公共资源交易", "采购项目预算金额"),
            ("征地补偿", "征收土地补偿安置公告"),
            ("公共文化服务", "高危险性体育项目经营许可"),
            ("救灾", "重要会议"),
            ("食品药品监管", "药品零售许可企业基本信息"),
            ("社会保险", "企业社会保险登记"),
            ("户籍管理", "港澳台地区出生登记"),
            ("涉农补贴", "农机购置与应用补贴"),
            ("义务教育", "教师职称评审"),
        ];
        for (domain, level2) in added {
            let item = by_level2(domain, level2);
            assert!(item.source.starts_with("http"), "{}", item.key());
            let p = &baseline_provenance()[&item.key()];
            assert!(!p.has_unconfirmed_ticks(), "{}", item.key());
        }
        let found_later = baseline_provenance()
            .values()
            .filter(|p| p.note.starts_with("取自 catalog-found 补录"))
            .count();
        assert_eq!(found_later, 41);
        // The gap catalog-found confirms: 低保 审批信息's time limit, from 泽州县's copy.
        let approval = by_level2("社会救助", "审批信息");
        assert_eq!(approval.time_limit_workdays, Some(10));
        assert!(
            baseline_provenance()[&approval.key()]
                .note
                .contains("泽州县")
        );
    }

    /// Rows whose 依据 has a newer text than the page they were read from keep the page's words
    /// and name the newer text in their note, so the clerk is not left citing a replaced one.
    #[test]
    fn rows_with_a_newer_basis_name_it() {
        let provenance = baseline_provenance();
        let baseline = baseline().unwrap();
        for (domain, level1, level2, newer) in [
            (
                "社会救助",
                "最低生活保障",
                "政策法规文件",
                "民发〔2021〕57号",
            ),
            (
                "征地补偿（农村集体土地征收）",
                "",
                "征地批准文件",
                "主席令第三十二号",
            ),
            (
                "涉农补贴",
                "农业生产发展资金",
                "农机购置补贴",
                "农办计财〔2021〕8号",
            ),
        ] {
            let item = baseline
                .items()
                .find(|i| i.domain == domain && i.level1 == level1 && i.level2 == level2)
                .unwrap_or_else(|| panic!("{domain}/{level1}/{level2} missing"));
            assert!(
                provenance[&item.key()].note.contains(newer),
                "{}: {}",
                item.key(),
                provenance[&item.key()].note
            );
        }
    }

    #[test]
    fn a_bundled_item_without_provenance_or_with_a_wrong_one_is_refused() {
        let item = r#"{"level1":"一级","level2":"二级","content":"","basis":"","time_limit":"",
            "time_limit_workdays":null,"subject":"","channels":[],"channels_other":"",
            "audience":["全社会"],"mode":[],"level":[],"source":"http://a.gov.cn/"PROVENANCE}"#;
        let domain = |provenance: &str| {
            format!(
                r#"{{"domain":"测试","order":1,"kind":"pilot",
                "guideline":{{"issuer":"","document":"","date":""}},
                "coverage":"partial","coverage_note":"n","sources":[{{"title":"t","url":"u"}}],
                "items":[{}]}}"#,
                item.replace("PROVENANCE", provenance)
            )
        };
        let with = |audience: &str, borrowed_from: &str| {
            format!(
                r#","provenance":{{"audience":"{audience}","mode":"none","level":"none",
                "borrowed_from":"{borrowed_from}","version_of":"某县","note":""}}"#
            )
        };
        assert!(parse_domain("01-ceshi.json", &domain(&with("column", ""))).is_ok());
        for (provenance, says) in [
            (String::new(), "缺少 provenance"),
            (with("none", ""), "公开对象的来源为 none 当且仅当"),
            (with("guessed", ""), "公开对象的来源“guessed”"),
            (with("borrowed", ""), "借自哪个县"),
            (with("column", "北辰区"), "借自哪个县"),
        ] {
            let message = parse_domain("01-ceshi.json", &domain(&provenance))
                .unwrap_err()
                .to_string();
            assert!(message.contains(says), "{message}");
            assert!(message.contains("一级/二级"), "{message}");
        }
    }

    #[test]
    fn version_is_stable_and_hex() {
        assert_eq!(baseline_version(), baseline_version());
        assert_eq!(baseline_version().len(), 16);
    }
}
