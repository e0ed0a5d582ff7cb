//! The standardized disclosure catalog (基层政务公开事项标准目录) as data.
//!
//! The vocabulary of the standard table — the 13 公开渠道和载体 in national order, 公开对象,
//! 公开方式, 公开层级 — and the national baseline bundled from `assets/catalog/*.json` (one file
//! per domain, schema in `assets/catalog/README.md`), parsed and checked by [`baseline`].
//!
//! No I/O besides the bundled files, no SQL: layering (county updates, township adjustments) and
//! search live in `gongkai-store`. Every item has a stable [`item_key`] (domain/一级/二级) so the
//! layers above the baseline can name it.

pub mod county_table;
mod data;
mod error;
mod provenance;

pub use data::{
    BUNDLED, baseline, baseline_provenance, baseline_version, item_from_json, item_to_json,
};
pub use error::CatalogError;
pub use provenance::{ItemProvenance, TickProvenance, UNVERIFIED_COPY, is_government_url};

/// 公开渠道和载体: the standard checkbox set of the guideline tables, in national order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Channel {
    GovWebsite,
    GovGazette,
    WeiboWechatApp,
    PressHearing,
    RadioTv,
    Print,
    ReadingPoint,
    ServiceCenter,
    ServiceStation,
    DoorToDoor,
    NoticeBoard,
    PrecisePush,
    Other,
}

impl Channel {
    /// All channels in the order of the standard table.
    pub const ALL: [Channel; 13] = [
        Channel::GovWebsite,
        Channel::GovGazette,
        Channel::WeiboWechatApp,
        Channel::PressHearing,
        Channel::RadioTv,
        Channel::Print,
        Channel::ReadingPoint,
        Channel::ServiceCenter,
        Channel::ServiceStation,
        Channel::DoorToDoor,
        Channel::NoticeBoard,
        Channel::PrecisePush,
        Channel::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Channel::GovWebsite => "政府网站",
            Channel::GovGazette => "政府公报",
            Channel::WeiboWechatApp => "两微一端",
            Channel::PressHearing => "发布会/听证会",
            Channel::RadioTv => "广播电视",
            Channel::Print => "纸质媒体",
            Channel::ReadingPoint => "公开查阅点",
            Channel::ServiceCenter => "政务服务中心",
            Channel::ServiceStation => "便民服务站",
            Channel::DoorToDoor => "入户/现场",
            Channel::NoticeBoard => "社区/企事业单位/村公示栏（电子屏）",
            Channel::PrecisePush => "精准推送",
            Channel::Other => "其他",
        }
    }

    /// The channel whose standard label is `label` (exactly, after trimming).
    pub fn from_label(label: &str) -> Option<Self> {
        let label = label.trim();
        Self::ALL.into_iter().find(|c| c.label() == label)
    }
}

/// 公开对象.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Audience {
    /// 全社会
    Public,
    /// 特定群体
    Specific,
}

/// 公开方式.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Mode {
    /// 主动
    Active,
    /// 依申请
    OnRequest,
}

/// 公开层级.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// 县级
    County,
    /// 乡级
    Township,
}

/// The two-valued tick columns of the standard table share their shape: a label per value, in
/// the table's column order.
pub trait Tick: Sized + Copy + Eq + 'static {
    const ALL: [Self; 2];
    fn label(self) -> &'static str;
    fn from_label(label: &str) -> Option<Self> {
        let label = label.trim();
        Self::ALL.into_iter().find(|v| v.label() == label)
    }
}

impl Tick for Audience {
    const ALL: [Self; 2] = [Audience::Public, Audience::Specific];
    fn label(self) -> &'static str {
        match self {
            Audience::Public => "全社会",
            Audience::Specific => "特定群体",
        }
    }
}

impl Tick for Mode {
    const ALL: [Self; 2] = [Mode::Active, Mode::OnRequest];
    fn label(self) -> &'static str {
        match self {
            Mode::Active => "主动",
            Mode::OnRequest => "依申请",
        }
    }
}

impl Tick for Level {
    const ALL: [Self; 2] = [Level::County, Level::Township];
    fn label(self) -> &'static str {
        match self {
            Level::County => "县级",
            Level::Township => "乡级",
        }
    }
}

/// One row of the standard table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogItem {
    /// The domain (领域) the item belongs to, e.g. 涉农补贴.
    pub domain: String,
    /// 一级事项 (empty in the few source tables that show none).
    pub level1: String,
    /// 二级事项, never empty.
    pub level2: String,
    /// 公开内容（要素）
    pub content: String,
    /// 公开依据
    pub basis: String,
    /// 公开时限 as written.
    pub time_limit: String,
    /// Working days parsed from the time limit; `None` when it names none (“实时公开”,
    /// “批准后20日内”). Deadline code defaults to 20 working days then, not this crate.
    pub time_limit_workdays: Option<u32>,
    /// 公开主体
    pub subject: String,
    /// 公开渠道和载体, in national order, without repeats.
    pub channels: Vec<Channel>,
    /// The non-standard channels' own words (then `channels` holds [`Channel::Other`]).
    pub channels_other: String,
    pub audience: Vec<Audience>,
    pub mode: Vec<Mode>,
    pub level: Vec<Level>,
    /// Where the row was taken from (URL), or who made it.
    pub source: String,
}

impl CatalogItem {
    /// The item's stable key: see [`item_key`].
    pub fn key(&self) -> String {
        item_key(&self.domain, &self.level1, &self.level2)
    }

    /// The columns a person writes, by their names in the standard table: what is checked for
    /// personal numbers before an item is published (the domain is one of the catalog's).
    pub fn written_texts(&self) -> [(&'static str, &str); 7] {
        [
            ("一级事项", &self.level1),
            ("二级事项", &self.level2),
            ("公开内容（要素）", &self.content),
            ("公开依据", &self.basis),
            ("公开时限", &self.time_limit),
            ("公开主体", &self.subject),
            ("公开渠道和载体", &self.channels_other),
        ]
    }
}

/// The stable key of an item: `领域/一级事项/二级事项`, e.g.
/// `涉农补贴/农业生产发展资金/农机购置补贴`. County updates and township adjustments name items
/// by it, so it depends on nothing but these three texts (trimmed).
pub fn item_key(domain: &str, level1: &str, level2: &str) -> String {
    format!("{}/{}/{}", domain.trim(), level1.trim(), level2.trim())
}

/// The number of working days a time limit text names (“20个工作日内” → 20), if it names one.
/// Counts written with Chinese numerals (“五个工作日”) are read too.
pub fn workdays_in(text: &str) -> Option<u32> {
    let at = text.find("个工作日")?;
    let before: Vec<char> = text[..at].chars().collect();
    let digits: String = before
        .iter()
        .rev()
        .map(|c| gongkai_domain::fold_digit(*c))
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if !digits.is_empty() {
        return digits.parse().ok();
    }
    let numerals: String = before
        .iter()
        .rev()
        .take_while(|c| "零一二两三四五六七八九十".contains(**c))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    chinese_number(&numerals)
}

/// 一 … 九十九.
fn chinese_number(text: &str) -> Option<u32> {
    let digit = |c: char| {
        "零一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u32)
            .or((c == '两').then_some(2))
    };
    let chars: Vec<char> = text.chars().collect();
    match chars.as_slice() {
        [] => None,
        [d] if *d != '十' => digit(*d),
        ['十'] => Some(10),
        ['十', d] => Some(10 + digit(*d)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', d] => Some(digit(*t)? * 10 + digit(*d)?),
        _ => None,
    }
}

/// 试点领域 (the 26 of 国办发〔2019〕54号) or a domain whose guideline came later.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DomainKind {
    Pilot,
    Later,
}

impl DomainKind {
    pub fn key(self) -> &'static str {
        match self {
            DomainKind::Pilot => "pilot",
            DomainKind::Later => "later",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        [DomainKind::Pilot, DomainKind::Later]
            .into_iter()
            .find(|k| k.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            DomainKind::Pilot => "试点领域",
            DomainKind::Later => "新增领域",
        }
    }
}

/// How much of the national table the bundled data holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coverage {
    Complete,
    Partial,
    NotFound,
}

impl Coverage {
    pub fn key(self) -> &'static str {
        match self {
            Coverage::Complete => "complete",
            Coverage::Partial => "partial",
            Coverage::NotFound => "not_found",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        [Coverage::Complete, Coverage::Partial, Coverage::NotFound]
            .into_iter()
            .find(|k| k.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Coverage::Complete => "完整",
            Coverage::Partial => "部分",
            Coverage::NotFound => "未找到",
        }
    }
}

/// The national guideline a domain's table comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guideline {
    pub issuer: String,
    /// 文号 or title; “未找到” when not found.
    pub document: String,
    /// YYYY[-MM[-DD]] or empty.
    pub date: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub title: String,
    pub url: String,
}

/// One domain (领域) of the catalog with its baseline items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Domain {
    pub name: String,
    /// Position in the national list (01–26 pilot, 27… later).
    pub order: u32,
    pub kind: DomainKind,
    pub guideline: Guideline,
    pub coverage: Coverage,
    pub coverage_note: String,
    pub sources: Vec<Source>,
    pub items: Vec<CatalogItem>,
    /// How each item's values are known, by item key (every item has one).
    pub provenance: std::collections::BTreeMap<String, ItemProvenance>,
}

/// The national baseline: every bundled domain in order, and a version that changes whenever
/// any bundled file does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Baseline {
    pub version: String,
    pub domains: Vec<Domain>,
}

impl Baseline {
    pub fn items(&self) -> impl Iterator<Item = &CatalogItem> {
        self.domains.iter().flat_map(|d| d.items.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn channels_in_national_order_with_labels() {
        let labels: Vec<&str> = Channel::ALL.iter().map(|c| c.label()).collect();
        assert_eq!(labels[0], "政府网站");
        assert_eq!(labels[10], "社区/企事业单位/村公示栏（电子屏）");
        assert_eq!(labels[12], "其他");
        for c in Channel::ALL {
            assert_eq!(Channel::from_label(c.label()), Some(c));
        }
        assert_eq!(Channel::from_label("微信"), None);
    }

    #[test]
    fn keys_name_domain_and_both_levels() {
        assert_eq!(
            item_key("涉农补贴", "农业生产发展资金", "农机购置补贴"),
            "涉农补贴/农业生产发展资金/农机购置补贴"
        );
        assert_eq!(
            item_key("卫生健康", "", "独生子女父母奖励"),
            "卫生健康//独生子女父母奖励"
        );
    }

    #[test]
    fn working_days_from_time_limit_text() {
        assert_eq!(workdays_in("信息形成或者变更之日起20个工作日内"), Some(20));
        assert_eq!(workdays_in("自受理之日起５个工作日内"), Some(5));
        assert_eq!(workdays_in("审批后七个工作日内"), Some(7));
        assert_eq!(workdays_in("二十个工作日"), Some(20));
        assert_eq!(workdays_in("十五个工作日"), Some(15));
        assert_eq!(workdays_in("实时公开"), None);
        assert_eq!(workdays_in("批准后20日内"), None);
    }

    #[test]
    fn tick_labels_round_trip() {
        assert_eq!(Audience::from_label("特定群体"), Some(Audience::Specific));
        assert_eq!(Mode::from_label("依申请"), Some(Mode::OnRequest));
        assert_eq!(Level::from_label("乡级"), Some(Level::Township));
        assert_eq!(Level::from_label("市级"), None);
    }
}
