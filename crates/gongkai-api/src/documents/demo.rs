//! The demo township's document library: documents of the last years, one repealed by a
//! later one, one whose 政策解读 (问答) went out with it, and two due in this year's 清理. Made
//! through the commands, dates counted from this year.

use chrono::{Datelike, Local};

use crate::{Api, ApiError, wire};

/// A document of the demo library: its 文号 is `issuer_code〔this year − years_back〕seq号`.
struct DemoDocument {
    issuer_code: &'static str,
    years_back: i32,
    month_day: &'static str,
    seq: u32,
    title: &'static str,
    kind: wire::DocumentKind,
    valid_years: Option<i32>,
}

const LIBRARY: &[DemoDocument] = &[
    DemoDocument {
        issuer_code: "示政发",
        years_back: 6,
        month_day: "04-10",
        seq: 5,
        title: "示范镇农村集体“三资”管理办法",
        kind: wire::DocumentKind::Normative,
        valid_years: None,
    },
    DemoDocument {
        issuer_code: "示政办发",
        years_back: 7,
        month_day: "06-01",
        seq: 11,
        title: "示范镇防汛抗旱应急预案",
        kind: wire::DocumentKind::Policy,
        valid_years: None,
    },
    DemoDocument {
        issuer_code: "示政发",
        years_back: 3,
        month_day: "03-01",
        seq: 2,
        title: "示范镇村规民约备案审查办法",
        kind: wire::DocumentKind::Normative,
        valid_years: None,
    },
    DemoDocument {
        issuer_code: "示政发",
        years_back: 2,
        month_day: "01-02",
        seq: 6,
        title: "示范镇农村人居环境整治考核奖补办法（试行）",
        kind: wire::DocumentKind::Normative,
        valid_years: Some(2),
    },
];

const REPLACEMENT_TITLE: &str = "示范镇农村集体“三资”管理实施细则";

const REPLACEMENT_BODY: &str = "第一条 为规范村级集体资金、资产、资源管理，根据有关规定，结合本镇实际，制定本细则。\n第二条 村级集体资金实行村账镇代管，收支每月在村务公开栏公布。\n第三条 本细则自印发之日起施行，《示范镇农村集体“三资”管理办法》同时废止。";

const QA: &str = "问：为什么要出台《实施细则》？\n答：原办法施行已满五年，部分规定与村账镇代管的新要求不一致，需要细化。\n问：村级收支多久公开一次？\n答：每月在村务公开栏公布，群众可到村委会查阅凭证。";

impl Api {
    /// Fills the library of the lived-in demo.
    pub(crate) fn demo_documents(&self) -> Result<(), ApiError> {
        let year = Local::now().date_naive().year();
        let mut ids = Vec::new();
        for doc in LIBRARY {
            let issued = format!("{}-{}", year - doc.years_back, doc.month_day);
            let saved = self.document_save(wire::DocumentInput {
                id: None,
                kind: doc.kind,
                doc_number: Some(format!(
                    "{}〔{}〕{}号",
                    doc.issuer_code,
                    year - doc.years_back,
                    doc.seq
                )),
                title: doc.title.to_owned(),
                issuer: "示范镇人民政府".to_owned(),
                issued_on: issued.clone(),
                effective_on: Some(issued),
                valid_until: doc.valid_years.map(|n| {
                    let start = year - doc.years_back;
                    format!("{}-12-31", start + n)
                }),
                body: format!("{}（全文略）", doc.title),
                needs_interpretation: false,
                record_id: None,
            })?;
            ids.push(saved.document.summary.id);
        }
        let replacement = self.demo_replacement(year)?;
        // The old 三资 办法 went with the new 细则.
        self.document_change_validity(wire::DocumentValidityArgs {
            id: ids[0].clone(),
            validity: wire::DocumentValidity::Repealed,
            on: Some(format!("{}-12-15", year - 1)),
            changed_by: Some(replacement),
            note: Some("由《示范镇农村集体“三资”管理实施细则》废止".to_owned()),
        })?;
        Ok(())
    }

    /// The 细则 with its record and its 问答 解读, signed, checked and published together.
    fn demo_replacement(&self, year: i32) -> Result<String, ApiError> {
        let issued = format!("{}-12-15", year - 1);
        let record =
            self.demo_record(REPLACEMENT_TITLE, "规范性文件", REPLACEMENT_BODY, &issued)?;
        let interpretation = self.demo_record(
            "《示范镇农村集体“三资”管理实施细则》政策问答",
            "政策解读",
            QA,
            &issued,
        )?;
        let saved = self.document_save(wire::DocumentInput {
            id: None,
            kind: wire::DocumentKind::Normative,
            doc_number: Some(format!("示政发〔{}〕9号", year - 1)),
            title: REPLACEMENT_TITLE.to_owned(),
            issuer: "示范镇人民政府".to_owned(),
            issued_on: issued.clone(),
            effective_on: Some(issued),
            valid_until: None,
            body: REPLACEMENT_BODY.to_owned(),
            needs_interpretation: true,
            record_id: Some(record.clone()),
        })?;
        let id = saved.document.summary.id;
        self.document_interpretation_link(wire::InterpretationLinkArgs {
            document_id: id.clone(),
            record_id: interpretation,
            form: wire::InterpretationForm::Qa,
        })?;
        self.record_publish(wire::PublishInput {
            record_id: record,
            channel: "政府网站".to_owned(),
            location: "示范县人民政府网站·基层政务公开专栏·规范性文件".to_owned(),
            published_on: Some(format!("{}-12-18", year - 1)),
            published_by: "李明".to_owned(),
            note: None,
        })?;
        Ok(id)
    }

    /// A proactive record under the first catalog item found by `item_query`, signed by the
    /// three levels and checked for secrecy.
    fn demo_record(
        &self,
        title: &str,
        item_query: &str,
        body: &str,
        formed_on: &str,
    ) -> Result<String, ApiError> {
        let item = self
            .catalog_search(wire::CatalogSearchArgs {
                query: item_query.to_owned(),
                limit: Some(1),
            })?
            .items
            .into_iter()
            .next()
            .ok_or_else(|| ApiError::internal(format!("目录中没有“{item_query}”的事项")))?;
        let record = self.record_save(wire::RecordInput {
            item_key: item.key,
            title: title.to_owned(),
            formed_on: formed_on.to_owned(),
            body: body.to_owned(),
            channels: vec!["政府网站".to_owned()],
            attribute: "proactive".to_owned(),
            time_limit_days: Some(20),
            ..Default::default()
        })?;
        let id = record.summary.id;
        let people = self.profile_get(wire::NoArgs {})?.people;
        let person = |name: &str| {
            people
                .iter()
                .find(|p| p.name == name)
                .map(|p| p.id.clone())
                .ok_or_else(|| ApiError::internal(format!("示范镇没有{name}")))
        };
        for (stage, who) in [("draft", "李明"), ("review", "王芳"), ("approve", "张建国")] {
            self.record_review(wire::ReviewInput {
                record_id: id.clone(),
                stage: stage.to_owned(),
                person_id: person(who)?,
                decided_on: Some(formed_on.to_owned()),
                opinion: "同意".to_owned(),
                passed: true,
            })?;
        }
        let questions = self.record_options(wire::NoArgs {})?.secrecy_questions;
        self.record_secrecy(wire::SecrecyInput {
            record_id: id.clone(),
            reviewer_id: person("王芳")?,
            decided_on: Some(formed_on.to_owned()),
            answers: questions
                .into_iter()
                .map(|q| wire::SecrecyAnswer {
                    key: q.key,
                    concern: false,
                })
                .collect(),
            opinion: String::new(),
        })?;
        Ok(id)
    }
}
