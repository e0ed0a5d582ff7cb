//! Every status and kind that crosses the wire as a closed set of keys, with its Chinese name.
//!
//! This is the one label table of the program. Each enum is declared here once: its wire keys
//! (the strings the JSON always carried), and its label — written here, or taken from the core
//! enum that owns the vocabulary when the core has one (`PayoutListStatus`, `Role`, …), so a
//! label is never written twice. `bindings.ts` carries the keys as a union type and every table
//! as `<name>Labels` (see [`label_tables`]); the UI shows those and never writes a label of its
//! own (`ui/src/__tests__/labels.spec.ts` fails when it does).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ApiError;

/// One enum's keys and labels, in declaration order, for the generated TypeScript.
#[derive(Debug, Clone)]
pub struct LabelTable {
    /// The Rust and TypeScript type name.
    pub name: &'static str,
    pub entries: Vec<(&'static str, &'static str)>,
}

macro_rules! labelled {
    ($(
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $key:literal => $label:expr, )+
        }
    )+) => {
        $(
            $(#[$meta])*
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
            pub enum $name {
                $( $(#[$vmeta])* #[serde(rename = $key)] $variant, )+
            }

            impl $name {
                pub const ALL: &'static [$name] = &[$($name::$variant),+];

                /// The key on the wire (and in the database).
                pub fn key(self) -> &'static str {
                    match self {
                        $($name::$variant => $key,)+
                    }
                }

                /// The Chinese name the clerk sees.
                pub fn label(self) -> &'static str {
                    match self {
                        $($name::$variant => $label,)+
                    }
                }

                pub fn from_key(key: &str) -> Option<Self> {
                    Self::ALL.iter().copied().find(|v| v.key() == key)
                }

                /// A key read back from the database; an unknown one is a damaged row.
                pub fn stored(key: &str) -> Result<Self, ApiError> {
                    Self::from_key(key).ok_or_else(|| {
                        ApiError::internal(format!(
                            "{} has no value “{key}”",
                            stringify!($name)
                        ))
                    })
                }
            }
        )+

        /// Declares every labelled type in the generated TypeScript.
        pub fn visit_labelled(visitor: &mut impl ts_rs::TypeVisitor) {
            $( visitor.visit::<$name>(); )+
        }

        /// Every label table, for `bindings.ts` and the tests.
        pub fn label_tables() -> Vec<LabelTable> {
            vec![$(
                LabelTable {
                    name: stringify!($name),
                    entries: $name::ALL.iter().map(|v| (v.key(), v.label())).collect(),
                },
            )+]
        }
    };
}

use gongkai_boards as boards;
use gongkai_catalog::{Coverage, DomainKind};
use gongkai_documents as documents;
use gongkai_domain as domain;
use gongkai_records::DeadlineStatus;
use gongkai_report as report;

labelled! {
    /// 村 or 社区.
    VillageKind {
        Village = "village" => domain::VillageKind::Village.label(),
        Community = "community" => domain::VillageKind::Community.label(),
    }

    /// 拟稿 / 审核 / 审定: what a person of the profile may sign.
    Role {
        Draft = "draft" => domain::Role::Draft.label(),
        Review = "review" => domain::Role::Review.label(),
        Approve = "approve" => domain::Role::Approve.label(),
    }

    /// Where a payout list stands: 草稿 → 公示中 → 已归档 (→ 已被更正清册替代).
    PayoutListStatus {
        Draft = "draft" => domain::PayoutListStatus::Draft.label(),
        Posted = "posted" => domain::PayoutListStatus::Posted.label(),
        Archived = "archived" => domain::PayoutListStatus::Archived.label(),
        Superseded = "superseded" => domain::PayoutListStatus::Superseded.label(),
    }

    /// How a notice lays out a list holding several 补贴项目.
    ProjectLayout {
        /// Each project under its own title, with its own total (the default).
        Sections = "sections" => "每个项目单独成表",
        /// One table for the village, a 补贴项目 column naming each row's project.
        Column = "column" => "合成一表，加“补贴项目”列",
    }

    /// Where a disclosure record stands.
    RecordStatus {
        Draft = "draft" => "未发布",
        Published = "published" => "已发布",
        Withdrawn = "withdrawn" => "已撤回",
    }

    /// A record's publication deadline as of today (`deadlineWorkdays` says how far).
    DeadlineState {
        OnTime = "on_time" => DeadlineStatus::OnTime.label(),
        Late = "late" => DeadlineStatus::Late { workdays: 0 }.label(),
        DueSoon = "due_soon" => DeadlineStatus::DueSoon { workdays_left: 0 }.label(),
        Pending = "pending" => DeadlineStatus::Pending { workdays_left: 0 }.label(),
        Overdue = "overdue" => DeadlineStatus::Overdue { workdays: 0 }.label(),
        NotApplicable = "not_applicable" => DeadlineStatus::NotApplicable.label(),
    }

    /// Which layer an effective item's text comes from.
    CatalogItemState {
        /// The national baseline as bundled.
        Baseline = "baseline" => "全国基线",
        /// A county update.
        County = "county" => "县级更新",
        /// The township's own edit of a baseline or county item.
        TownshipEdited = "townshipEdited" => "本镇修改",
        /// An item the township added.
        TownshipAdded = "townshipAdded" => "本镇增加",
    }

    /// The layer a row of an item's history belongs to.
    CatalogLayer {
        Baseline = "baseline" => CatalogItemState::Baseline.label(),
        County = "county" => "县级",
        Township = "township" => "本镇",
    }

    /// What a row of an item's history did.
    CatalogHistoryAction {
        /// The bundled baseline was loaded.
        Load = "load" => "载入",
        /// The county published the item's text.
        Upsert = "upsert" => "更新",
        /// The county withdrew the item.
        Withdraw = "withdraw" => "撤回",
        Add = "add" => "增加",
        Edit = "edit" => "修改",
        Hide = "hide" => "隐藏",
        Restore = "restore" => "恢复",
    }

    /// The township's adjustments of its catalog.
    CatalogAction {
        Add = "add" => CatalogHistoryAction::Add.label(),
        Edit = "edit" => CatalogHistoryAction::Edit.label(),
        Hide = "hide" => CatalogHistoryAction::Hide.label(),
        Restore = "restore" => CatalogHistoryAction::Restore.label(),
    }

    /// 试点领域 (the 26 of 国办发〔2019〕54号), a domain whose guideline came later, or one only the
    /// county or township brought (`""`).
    CatalogDomainKind {
        Pilot = "pilot" => DomainKind::Pilot.label(),
        Later = "later" => DomainKind::Later.label(),
        Local = "" => "县、镇增加的领域",
    }

    /// How much of the national table the bundled data holds for a domain; `""`: no baseline.
    CatalogCoverage {
        Complete = "complete" => Coverage::Complete.label(),
        Partial = "partial" => Coverage::Partial.label(),
        NotFound = "not_found" => Coverage::NotFound.label(),
        None = "" => "无全国基线",
    }

    /// Why a sync run ran.
    SyncTrigger {
        /// The clerk pressed 立即同步.
        Manual = "manual" => "立即同步",
        Start = "start" => "启动时",
        Timer = "timer" => "定时",
        /// The portal became reachable after a failure.
        Network = "network" => "网络恢复",
        /// A local change queued something for the county.
        Write = "write" => "有新发布",
    }

    /// How often a board's zone (版块) is renewed.
    BoardCadence {
        Monthly = "monthly" => boards::CadenceKind::Monthly.label(),
        Quarterly = "quarterly" => boards::CadenceKind::Quarterly.label(),
        HalfYearly = "half_yearly" => boards::CadenceKind::HalfYearly.label(),
        AsNeeded = "as_needed" => boards::CadenceKind::AsNeeded.label(),
        Standing = "standing" => boards::CadenceKind::Standing.label(),
    }

    /// Whom a board template is for.
    BoardScope {
        Township = "township" => boards::BoardScope::Township.label(),
        Village = "village" => boards::BoardScope::Village.label(),
    }

    /// A sheet's paper on a board.
    PaperSize {
        A4 = "A4" => boards::Paper::A4.label(),
        A3 = "A3" => boards::Paper::A3.label(),
    }

    /// How a sheet hangs on a board.
    SheetOrientation {
        Portrait = "portrait" => boards::Orientation::Portrait.label(),
        Landscape = "landscape" => boards::Orientation::Landscape.label(),
    }

    /// Where a posting stands, 公示期满 derived from its notice period.
    PostingStage {
        Draft = "draft" => boards::Stage::Draft.label(),
        Printed = "printed" => boards::Stage::Printed.label(),
        Posted = "posted" => boards::Stage::Posted.label(),
        Expired = "expired" => boards::Stage::Expired.label(),
        TakenDown = "taken_down" => boards::Stage::TakenDown.label(),
        Archived = "archived" => boards::Stage::Archived.label(),
    }

    /// Where a posting's sheet comes from.
    PostingSource {
        PayoutNotice = "payout_notice" => "补贴清册公示",
        Record = "record" => "已发布的公开信息",
        Composed = "composed" => "自拟公示单",
    }

    /// The kind of a sheet composed in the app.
    SheetKind {
        Gongshi = "gongshi" => "公示",
        Gonggao = "gonggao" => "公告",
        Tongzhi = "tongzhi" => "通知",
    }

    /// A zone's sheet for a period (or a 随时 matter) as of today.
    BoardDueState {
        Overdue = "overdue" => "已逾期",
        DueSoon = "due_soon" => "即将到期",
        Pending = "pending" => "未到期",
    }

    /// A line of the 公开栏更新台账.
    RegisterState {
        OnTime = "on_time" => "按时张贴",
        Late = "late" => "逾期张贴",
        Missing = "missing" => "未张贴",
        Pending = "pending" => "未到期",
    }

    /// The letters of a request for disclosure.
    RequestLetterKind {
        Reply = "reply" => "答复书",
        Correction = "correction" => "补正告知书",
        Extension = "extension" => "延期答复告知书",
        Consultation = "consultation" => "征求意见函",
        Fee = "fee" => "收费通知书",
    }

    /// A letter saved for print (PDF) or for editing in Word (.docx).
    LetterFormat {
        Pdf = "pdf" => "PDF",
        Docx = "docx" => "Word 文档（.docx）",
    }

    /// What a row of the 待办 home asks for.
    TodoKind {
        RecordOverdue = "record_overdue" => "信息逾期未公开",
        RecordDueSoon = "record_due_soon" => "信息即将到期",
        NoticeEnding = "notice_ending" => "公示期将满",
        NoticeExpired = "notice_expired" => "公示期满待撤下",
        BoardOverdue = "board_overdue" => "公开栏逾期未更新",
        BoardDueSoon = "board_due_soon" => "公开栏即将到期",
        Repost = "repost" => "提前撤下须重贴",
        RequestOverdue = "request_overdue" => "依申请公开逾期未答复",
        RequestDueSoon = "request_due_soon" => "依申请公开即将到期",
        RequestLapsed = "request_lapsed" => "依申请公开补正或缴费逾期",
        PlanLate = "plan_late" => "工作要点任务逾期",
        PlanDueSoon = "plan_due_soon" => "工作要点任务即将到期",
        DocumentCleanup = "document_cleanup" => "规范性文件待清理",
    }

    /// Where a task of the yearly work plan stands, as the clerk records it.
    PlanStatus {
        Open = "open" => "未开始",
        InProgress = "in_progress" => "进行中",
        Done = "done" => "已完成",
    }

    /// A plan task's due state today.
    PlanDueState {
        Done = "done" => "已完成",
        Late = "late" => "已逾期",
        DueSoon = "due_soon" => "即将到期",
        Open = "open" => "未到期",
    }

    /// Where a plan task stood when its year ended (the annual report's section 一).
    PlanYearEndOutcome {
        Done = "done" => "已完成",
        InProgress = "in_progress" => "推进中",
        NotStarted = "not_started" => "未开展",
    }

    /// How a plan task's 时间节点 falls due.
    PlanScheduleKind {
        Deadline = "deadline" => "限期",
        Milestones = "milestones" => "分阶段",
        Monthly = "monthly" => "每月",
        Quarterly = "quarterly" => "每季度",
        YearRound = "year_round" => "全年",
    }

    /// 行政规范性文件 or another policy document.
    DocumentKind {
        Normative = "normative" => documents::DocumentKind::Normative.label(),
        Policy = "policy" => documents::DocumentKind::Policy.label(),
    }

    /// A document's 效力状态.
    DocumentValidity {
        InForce = "in_force" => documents::Validity::InForce.label(),
        Amended = "amended" => documents::Validity::Amended.label(),
        Repealed = "repealed" => documents::Validity::Repealed.label(),
        Expired = "expired" => documents::Validity::Expired.label(),
    }

    /// The form of a 政策解读.
    InterpretationForm {
        Text = "text" => documents::InterpretationForm::Text.label(),
        Graphic = "graphic" => documents::InterpretationForm::Graphic.label(),
        Qa = "qa" => documents::InterpretationForm::Qa.label(),
    }

    /// Where a document's 政策解读 stands.
    InterpretationStatus {
        NotNeeded = "not_needed" => "无需解读",
        Missing = "missing" => "未关联解读",
        NotReady = "not_ready" => "解读未就绪",
        Ready = "ready" => "解读已就绪",
        Published = "published" => "解读已发布",
    }

    /// A 清理 decision.
    CleanupDecision {
        Keep = "keep" => documents::CleanupDecision::Keep.label(),
        Amend = "amend" => documents::CleanupDecision::Amend.label(),
        Repeal = "repeal" => documents::CleanupDecision::Repeal.label(),
        Expire = "expire" => documents::CleanupDecision::Expire.label(),
    }

    /// 表四's groups: a 复议 or 诉讼 about disclosure.
    DisclosureCaseKind {
        Review = "review" => "行政复议",
        LitDirect = "lit_direct" => "行政诉讼（未经复议直接起诉）",
        LitAfterReview = "lit_after_review" => "行政诉讼（复议后起诉）",
    }

    /// How a 复议/诉讼 ended, or that it has not (表四's columns).
    DisclosureCaseOutcome {
        Upheld = "upheld" => report::CaseOutcome::Upheld.label(),
        Corrected = "corrected" => report::CaseOutcome::Corrected.label(),
        Other = "other" => report::CaseOutcome::Other.label(),
        Pending = "pending" => report::CaseOutcome::Pending.label(),
    }

    /// Where in the annual report a balance problem is.
    ReportProblemPlace {
        Table3 = "table3" => report::TableName::Table3.label(),
        Table4 = "table4" => report::TableName::Table4.label(),
        Section6 = "section6" => report::TableName::Section6.label(),
    }
}

impl From<domain::VillageKind> for VillageKind {
    fn from(kind: domain::VillageKind) -> Self {
        match kind {
            domain::VillageKind::Village => VillageKind::Village,
            domain::VillageKind::Community => VillageKind::Community,
        }
    }
}

impl From<VillageKind> for domain::VillageKind {
    fn from(kind: VillageKind) -> Self {
        match kind {
            VillageKind::Village => domain::VillageKind::Village,
            VillageKind::Community => domain::VillageKind::Community,
        }
    }
}

impl From<domain::Role> for Role {
    fn from(role: domain::Role) -> Self {
        match role {
            domain::Role::Draft => Role::Draft,
            domain::Role::Review => Role::Review,
            domain::Role::Approve => Role::Approve,
        }
    }
}

impl From<DeadlineStatus> for DeadlineState {
    fn from(status: DeadlineStatus) -> Self {
        match status {
            DeadlineStatus::OnTime => DeadlineState::OnTime,
            DeadlineStatus::Late { .. } => DeadlineState::Late,
            DeadlineStatus::DueSoon { .. } => DeadlineState::DueSoon,
            DeadlineStatus::Pending { .. } => DeadlineState::Pending,
            DeadlineStatus::Overdue { .. } => DeadlineState::Overdue,
            DeadlineStatus::NotApplicable => DeadlineState::NotApplicable,
        }
    }
}

impl From<Option<DomainKind>> for CatalogDomainKind {
    fn from(kind: Option<DomainKind>) -> Self {
        match kind {
            Some(DomainKind::Pilot) => CatalogDomainKind::Pilot,
            Some(DomainKind::Later) => CatalogDomainKind::Later,
            None => CatalogDomainKind::Local,
        }
    }
}

impl From<Option<Coverage>> for CatalogCoverage {
    fn from(coverage: Option<Coverage>) -> Self {
        match coverage {
            Some(Coverage::Complete) => CatalogCoverage::Complete,
            Some(Coverage::Partial) => CatalogCoverage::Partial,
            Some(Coverage::NotFound) => CatalogCoverage::NotFound,
            None => CatalogCoverage::None,
        }
    }
}

impl From<crate::scheduler::Trigger> for SyncTrigger {
    fn from(trigger: crate::scheduler::Trigger) -> Self {
        use crate::scheduler::Trigger;
        match trigger {
            Trigger::Start => SyncTrigger::Start,
            Trigger::Timer => SyncTrigger::Timer,
            Trigger::Network => SyncTrigger::Network,
            Trigger::Write => SyncTrigger::Write,
            Trigger::Manual => SyncTrigger::Manual,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_the_json_strings() {
        for table in label_tables() {
            for (key, label) in &table.entries {
                assert!(!label.is_empty(), "{} “{key}” has no label", table.name);
            }
        }
        assert_eq!(
            serde_json::to_string(&PayoutListStatus::Superseded).unwrap(),
            "\"superseded\""
        );
        assert_eq!(
            serde_json::from_str::<CatalogDomainKind>("\"\"").unwrap(),
            CatalogDomainKind::Local
        );
        for table in label_tables() {
            let keys: Vec<_> = table.entries.iter().map(|(k, _)| *k).collect();
            let mut unique = keys.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(unique.len(), keys.len(), "{} repeats a key", table.name);
        }
    }

    /// The CLI and the desktop shell print wire values through `label()`: a label written there
    /// again (as the CLI's 撤销 and 本镇调整 once were) fails here. The UI has the same check
    /// (`ui/src/__tests__/labels.spec.ts`).
    #[test]
    fn the_cli_and_the_shell_write_no_label_of_their_own() {
        fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    rust_files(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    out.push(path);
                }
            }
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut files = Vec::new();
        for dir in ["crates/gongkai-cli/src", "src-tauri/src"] {
            rust_files(&root.join(dir), &mut files);
        }
        assert!(
            files.len() > 3,
            "sources not found under {}",
            root.display()
        );
        let chinese = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        let mut copies = Vec::new();
        for file in &files {
            let text = std::fs::read_to_string(file).unwrap();
            for table in label_tables() {
                // A copy of a label.
                for (key, label) in &table.entries {
                    if text.contains(&format!("\"{label}\"")) {
                        copies.push(format!(
                            "{}: {}.{key} “{label}”",
                            file.display(),
                            table.name
                        ));
                    }
                }
                // A table of its own, worded differently: match arms from the enum's variants
                // (`CatalogLayer::County => "县级更新"`) or from its keys (`"withdraw" => "撤销"`)
                // to Chinese text.
                let mut keyed = 0;
                for line in text.lines() {
                    let Some((left, right)) = line.split_once("=>") else {
                        continue;
                    };
                    if !(right.trim_start().starts_with('"') && chinese(right)) {
                        continue;
                    }
                    if left.contains(&format!("{}::", table.name)) {
                        copies.push(format!("{}: {}", file.display(), line.trim()));
                    }
                    let keys_left = left
                        .split('|')
                        .map(|k| k.trim().trim_matches('"'))
                        .filter(|k| !k.is_empty());
                    if keys_left
                        .into_iter()
                        .any(|k| table.entries.iter().any(|(key, _)| *key == k))
                        && left.trim_start().starts_with('"')
                    {
                        keyed += 1;
                    }
                }
                if keyed >= 2 {
                    copies.push(format!(
                        "{}: {keyed} match arms from {} keys to Chinese text",
                        file.display(),
                        table.name
                    ));
                }
            }
        }
        assert!(
            copies.is_empty(),
            "labels written outside labels.rs: {copies:#?}"
        );
    }

    /// The wire keys that mirror a core vocabulary are the core's own keys (the database's).
    #[test]
    fn keys_mirror_the_core() {
        for s in domain::PayoutListStatus::ALL {
            let wire = PayoutListStatus::stored(s.key()).unwrap();
            assert_eq!(wire.label(), s.label());
        }
        for s in [
            DeadlineStatus::OnTime,
            DeadlineStatus::Late { workdays: 3 },
            DeadlineStatus::DueSoon { workdays_left: 1 },
            DeadlineStatus::Pending { workdays_left: 9 },
            DeadlineStatus::Overdue { workdays: 2 },
            DeadlineStatus::NotApplicable,
        ] {
            assert_eq!(DeadlineState::from(s).key(), s.key());
            assert_eq!(DeadlineState::from(s).label(), s.label());
        }
        for k in [DomainKind::Pilot, DomainKind::Later] {
            assert_eq!(CatalogDomainKind::from(Some(k)).key(), k.key());
        }
        for c in [Coverage::Complete, Coverage::Partial, Coverage::NotFound] {
            assert_eq!(CatalogCoverage::from(Some(c)).key(), c.key());
        }
        for t in [
            crate::scheduler::Trigger::Start,
            crate::scheduler::Trigger::Timer,
            crate::scheduler::Trigger::Network,
            crate::scheduler::Trigger::Write,
            crate::scheduler::Trigger::Manual,
        ] {
            assert_eq!(SyncTrigger::from(t).key(), t.key());
        }
    }
}
