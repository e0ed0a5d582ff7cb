//! The lived-in demo's annual report: last year's draft with section 一 as the year's figures
//! draft it and sections 五 and 六 begun, and two 复议/诉讼 cases filed that year, one decided
//! and one still pending at year end — so the 年度报告 screen opens on a report in progress.

use chrono::{Datelike, Local, NaiveDate};

use crate::{Api, ApiError, wire};

impl Api {
    pub(crate) fn demo_report(&self) -> Result<(), ApiError> {
        let year = Local::now().date_naive().year() - 1;
        let date = |month: u32, day: u32| {
            NaiveDate::from_ymd_opt(year, month, day)
                .map(|d| d.to_string())
                .ok_or_else(|| ApiError::internal(format!("{year}-{month}-{day}")))
        };
        for case in [
            wire::DisclosureCaseInput {
                id: None,
                kind: wire::DisclosureCaseKind::Review,
                case_number: format!("示县复〔{year}〕12号"),
                subject: "申请公开东山村道路硬化工程招标文件，不服部分公开答复".to_owned(),
                filed_on: date(5, 20)?,
                outcome: Some(wire::DisclosureCaseOutcome::Upheld),
                decided_on: Some(date(7, 18)?),
                note: "复议机关维持原答复".to_owned(),
            },
            wire::DisclosureCaseInput {
                id: None,
                kind: wire::DisclosureCaseKind::LitDirect,
                case_number: format!("（{year}）示0102行初45号"),
                subject: "申请公开征地补偿安置方案，诉不予公开答复".to_owned(),
                filed_on: date(11, 3)?,
                outcome: None,
                decided_on: None,
                note: String::new(),
            },
        ] {
            self.report_case_save(case)?;
        }
        let view = self.report_build(wire::ReportYearArgs { year: Some(year) })?;
        self.report_save(wire::ReportDraft {
            overview: view.overview_suggestion,
            problems_text: "一是主动公开的及时性有待提高，个别补贴公示晚于时限；二是依申请公开答复书的说理还不够充分。下一步，本镇将按月核对公开时限，并组织答复书写作培训。".to_owned(),
            ..view.draft
        })?;
        Ok(())
    }
}
