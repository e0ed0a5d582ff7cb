//! The lived-in 示范镇: what a newcomer opens with `./dev.sh demo` (or 打开示范镇 on the first
//! screen) to see the workstation at work.
//!
//! Everything is made through the commands a clerk's buttons call: payout lists are generated
//! workbooks imported, posted, archived and corrected; records are saved, signed, checked and
//! published; the county notice is stored as sync stores one. So the demo also exercises the
//! real paths. Names, numbers and amounts are fixed (`gongkai_domain::demo::resident`); dates
//! are counted back from the day it is made, so whenever it is opened some records are overdue,
//! some due soon, and a list is in its 公示期.

use std::path::{Path, PathBuf};

use chrono::{Datelike, Days, Local, NaiveDate};
use gongkai_domain::RowId;
use gongkai_domain::demo::resident;

use crate::{Api, ApiError, wire};

impl Api {
    /// The demo township's profile and a year of work in it: payout lists in every state,
    /// records in every state of review across domains, a county notice.
    pub fn setup_demo_lived_in(&self, _: wire::NoArgs) -> Result<wire::Profile, ApiError> {
        let profile = self.setup_demo(wire::NoArgs {})?;
        let scratch = Scratch::new()?;
        let demo = Demo {
            api: self,
            profile: &profile,
            today: Local::now().date_naive(),
            scratch: &scratch.0,
        };
        demo.payout_lists()?;
        demo.records()?;
        demo.county_notice()?;
        self.demo_boards()?;
        self.demo_postings()?;
        self.demo_documents()?;
        self.demo_requests()?;
        self.demo_report()?;
        Ok(profile)
    }
}

/// A folder for the generated workbooks, removed when the demo is made.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Result<Self, ApiError> {
        let dir = std::env::temp_dir().join(format!("gongkai-demo-{}", RowId::new()));
        std::fs::create_dir_all(&dir)
            .map_err(|e| ApiError::export(&dir.display().to_string(), &e.to_string()))?;
        Ok(Self(dir))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        // A leftover in the temp folder is harmless; the demo itself is already made.
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

struct Demo<'a> {
    api: &'a Api,
    profile: &'a wire::Profile,
    today: NaiveDate,
    scratch: &'a Path,
}

/// A payout list as finance would send it.
struct ListSpec {
    project: &'static str,
    /// (village, people)
    villages: &'static [(&'static str, u32)],
    /// The first resident of the list (`resident(first + i)`).
    first: u32,
    /// Per person: (area in 亩 when the subsidy is by area, amount in fen).
    line: fn(u32) -> (Option<String>, i64),
}

const LAND: ListSpec = ListSpec {
    project: "耕地地力保护补贴",
    villages: &[
        ("东山村", 9),
        ("西河村", 8),
        ("南岭村", 7),
        ("北塘村", 6),
        ("桃源村", 6),
    ],
    first: 0,
    // Half-mu steps at 108.00 元/亩: the amount is the area times the rate, to the fen.
    line: |i| {
        let half_mu = i64::from(i % 13 + 4);
        let area = format!(
            "{}.{}",
            half_mu / 2,
            if half_mu % 2 == 0 { "0" } else { "5" }
        );
        (Some(area), half_mu * 5_400)
    },
};

const ELDERLY: ListSpec = ListSpec {
    project: "高龄津贴",
    villages: &[("镇区社区", 5), ("东山村", 4), ("西河村", 3)],
    first: 100,
    line: |i| (None, if i % 4 == 0 { 20_000 } else { 10_000 }),
};

const MACHINES: ListSpec = ListSpec {
    project: "农机购置补贴",
    villages: &[("南岭村", 3), ("北塘村", 2)],
    first: 150,
    line: |i| (None, 150_000 + i64::from(i % 3) * 85_000),
};

const FOREST: ListSpec = ListSpec {
    project: "生态公益林补偿",
    villages: &[("桃源村", 6), ("北塘村", 4)],
    first: 200,
    line: |i| {
        let mu = i64::from(i % 7 + 3);
        (Some(format!("{mu}.0")), mu * 1_550)
    },
};

const DISABLED: ListSpec = ListSpec {
    project: "困难残疾人生活补贴",
    villages: &[("镇区社区", 3), ("西河村", 2), ("桃源村", 2)],
    first: 250,
    line: |_| (None, 9_000),
};

impl Demo<'_> {
    fn day(&self, days_ago: u64) -> String {
        self.today
            .checked_sub_days(Days::new(days_ago))
            .unwrap_or(self.today)
            .to_string()
    }

    fn year(&self) -> i32 {
        self.today.year()
    }

    /// Writes a list as a CSV workbook with its title row, as finance sends them; `fix` changes
    /// one person's amount (a correction).
    fn workbook(&self, spec: &ListSpec, fix: Option<(u32, i64)>) -> Result<PathBuf, ApiError> {
        let title = format!("{}年示范镇{}发放清册", self.year(), spec.project);
        let by_area = (spec.line)(0).0.is_some();
        let mut text = format!("{title}\n");
        text.push_str(if by_area {
            "序号,村名,姓名,身份证号,补贴面积（亩）,补贴标准（元/亩）,补贴金额（元）\n"
        } else {
            "序号,村名,姓名,身份证号,补贴金额（元）\n"
        });
        let mut i = 0;
        for (village, people) in spec.villages {
            for _ in 0..*people {
                let person = resident(spec.first + i);
                let (area, mut fen) = (spec.line)(i);
                if let Some((who, amount)) = fix
                    && who == i
                {
                    fen = amount;
                }
                let amount = format!("{}.{:02}", fen / 100, fen % 100);
                let area = match area {
                    Some(area) => {
                        let rate = fen * 100 / area_hundredths(&area).max(1);
                        format!("{area},{}.{:02},", rate / 100, rate % 100)
                    }
                    None => String::new(),
                };
                i += 1;
                text.push_str(&format!(
                    "{i},{village},{},{},{area}{amount}\n",
                    person.name, person.id_number
                ));
            }
        }
        let path = self.scratch.join(format!("{title}.csv"));
        std::fs::write(&path, text)
            .map_err(|e| ApiError::export(&path.display().to_string(), &e.to_string()))?;
        Ok(path)
    }

    fn import(
        &self,
        spec: &ListSpec,
        correcting: Option<(&str, u32, i64)>,
    ) -> Result<String, ApiError> {
        let path = self.workbook(spec, correcting.map(|(_, who, fen)| (who, fen)))?;
        let report = self.api.payouts_import(wire::PayoutImportArgs {
            path: path.display().to_string(),
            project: Some(spec.project.to_owned()),
            year: Some(self.year()),
            supersedes: correcting.map(|(list, _, _)| list.to_owned()),
            reason: correcting.map(|_| "西河村一户补贴金额录入有误，经村委会核实更正".to_owned()),
            ..Default::default()
        })?;
        match (report.list_id, report.errors.first()) {
            (Some(id), None) => Ok(id),
            (_, issue) => Err(ApiError::internal(format!(
                "示范镇的{}清册没有导入：{}",
                spec.project,
                issue.map_or("", |i| i.message.as_str())
            ))),
        }
    }

    fn post(&self, list: &str, days_ago: u64) -> Result<(), ApiError> {
        self.api.payouts_post(wire::PayoutPostArgs {
            list_id: list.to_owned(),
            posted_on: Some(self.day(days_ago)),
            notice_days: Some(7),
        })?;
        Ok(())
    }

    fn archive(&self, list: &str) -> Result<(), ApiError> {
        self.api.payouts_archive(wire::PayoutArchiveArgs {
            list_id: list.to_owned(),
            hotline: None,
            prepared_by: Some("赵丽".to_owned()),
            reviewed_by: Some("王芳".to_owned()),
        })?;
        Ok(())
    }

    /// 草稿 (two), 公示中, 已归档, and an archived list corrected by a second import
    /// (已被更正清册替代, its correction archived in turn).
    fn payout_lists(&self) -> Result<(), ApiError> {
        // The general default (blank project): what every list's notices are signed with.
        self.api.notice_settings_save(wire::NoticeSettings {
            project: String::new(),
            notice_days: 7,
            hotline: Some("0799-5550102".to_owned()),
            prepared_by: Some("赵丽".to_owned()),
            reviewed_by: Some("王芳".to_owned()),
        })?;
        let disabled = self.import(&DISABLED, None)?;
        self.post(&disabled, 75)?;
        self.archive(&disabled)?;
        let corrected = self.import(&DISABLED, Some((&disabled, 3, 12_000)))?;
        self.post(&corrected, 50)?;
        self.archive(&corrected)?;

        let machines = self.import(&MACHINES, None)?;
        self.post(&machines, 30)?;
        self.archive(&machines)?;

        let land = self.import(&LAND, None)?;
        self.post(&land, 3)?;

        self.import(&FOREST, None)?;
        self.import(&ELDERLY, None)?;
        Ok(())
    }

    fn person(&self, name: &str) -> Result<String, ApiError> {
        self.profile
            .people
            .iter()
            .find(|p| p.name == name)
            .map(|p| p.id.clone())
            .ok_or_else(|| ApiError::internal(format!("示范镇没有{name}")))
    }

    fn first_item(&self, domain: &str) -> Result<String, ApiError> {
        self.api
            .catalog_items(wire::CatalogItemsArgs {
                domain: Some(domain.to_owned()),
            })?
            .items
            .into_iter()
            .next()
            .map(|i| i.key)
            .ok_or_else(|| ApiError::internal(format!("目录中没有“{domain}”的事项")))
    }

    fn save(&self, spec: &RecordSpec) -> Result<String, ApiError> {
        let (attribute, ground, reason) = match spec.withheld {
            Some((ground, reason)) => {
                ("withheld", Some(ground.to_owned()), Some(reason.to_owned()))
            }
            None => ("proactive", None, None),
        };
        let record = self.api.record_save(wire::RecordInput {
            id: None,
            item_key: self.first_item(spec.domain)?,
            title: spec.title.replace("{year}", &self.year().to_string()),
            doc_number: spec
                .doc_number
                .map(|n| n.replace("{year}", &self.year().to_string())),
            formed_on: self.day(spec.formed_days_ago),
            body: spec.body.to_owned(),
            channels: vec![
                "政府网站".to_owned(),
                "社区/企事业单位/村公示栏（电子屏）".to_owned(),
            ],
            attribute: attribute.to_owned(),
            ground,
            attribute_reason: reason,
            redacted: false,
            redaction_removed: None,
            redaction_why: None,
            time_limit_days: Some(20),
        })?;
        Ok(record.summary.id)
    }

    fn sign(
        &self,
        record: &str,
        stage: &str,
        who: &str,
        on: u64,
        passed: bool,
    ) -> Result<(), ApiError> {
        self.api.record_review(wire::ReviewInput {
            record_id: record.to_owned(),
            stage: stage.to_owned(),
            person_id: self.person(who)?,
            decided_on: Some(self.day(on)),
            opinion: if passed {
                "同意"
            } else {
                "请补充发放依据，核对金额后再报"
            }
            .to_owned(),
            passed,
        })?;
        Ok(())
    }

    fn secrecy(&self, record: &str, on: u64) -> Result<(), ApiError> {
        let questions = self.api.record_options(wire::NoArgs {})?.secrecy_questions;
        self.api.record_secrecy(wire::SecrecyInput {
            record_id: record.to_owned(),
            reviewer_id: self.person("王芳")?,
            decided_on: Some(self.day(on)),
            answers: questions
                .into_iter()
                .map(|q| wire::SecrecyAnswer {
                    key: q.key,
                    concern: false,
                })
                .collect(),
            opinion: String::new(),
        })?;
        Ok(())
    }

    fn publish(&self, record: &str, on: u64) -> Result<(), ApiError> {
        self.api.record_publish(wire::PublishInput {
            record_id: record.to_owned(),
            channel: "政府网站".to_owned(),
            location: "示范县人民政府网站·基层政务公开专栏".to_owned(),
            published_on: Some(self.day(on)),
            published_by: "李明".to_owned(),
            note: None,
        })?;
        Ok(())
    }

    /// Records of six domains, one in each state a clerk meets: not yet drafted and overdue,
    /// stopped at 审核 and overdue, drafted and due soon, returned at 审核, signed and checked
    /// and waiting, published on time, published late, withdrawn, withheld, and one just begun.
    fn records(&self) -> Result<(), ApiError> {
        for spec in RECORDS {
            let id = self.save(spec)?;
            let formed = spec.formed_days_ago;
            let signed = |stages: usize| -> Result<(), ApiError> {
                let steps = [("draft", "李明"), ("review", "王芳"), ("approve", "张建国")];
                for (k, (stage, who)) in steps.iter().take(stages).enumerate() {
                    self.sign(&id, stage, who, formed.saturating_sub(1 + k as u64), true)?;
                }
                Ok(())
            };
            match spec.stage {
                Stage::New => {}
                Stage::Drafted => signed(1)?,
                Stage::Reviewed => signed(2)?,
                Stage::Returned => {
                    signed(1)?;
                    self.sign(&id, "review", "王芳", formed.saturating_sub(2), false)?;
                }
                Stage::Checked => {
                    signed(3)?;
                    self.secrecy(&id, formed.saturating_sub(4))?;
                }
                Stage::Published { days_ago } | Stage::Withdrawn { days_ago } => {
                    signed(3)?;
                    self.secrecy(&id, formed.saturating_sub(4))?;
                    self.publish(&id, days_ago)?;
                    if matches!(spec.stage, Stage::Withdrawn { .. }) {
                        self.api.record_withdraw(wire::WithdrawArgs {
                            id: id.clone(),
                            reason: "附件中的名单有误，更正后重新发布".to_owned(),
                        })?;
                    }
                }
            }
        }
        Ok(())
    }

    /// A notice from the county, stored as a pull from the portal stores one.
    fn county_notice(&self) -> Result<(), ApiError> {
        self.api.with_store(crate::session::OpenMode::Existing, |store| {
            store.add_county_notice(
                &RowId::new().to_string(),
                "demo-1",
                &format!("关于做好{}年度政务公开工作年度报告编制工作的通知", self.year()),
                "各乡镇（街道）：请于每年1月31日前完成上一年度政务公开工作年度报告的编制，经本级政府审定后报县政务公开办备案，并在政府网站公开。",
                &self.day(5),
            )?;
            Ok(())
        })
    }
}

/// `3.5` → 350.
fn area_hundredths(area: &str) -> i64 {
    let (whole, frac) = area.split_once('.').unwrap_or((area, "0"));
    let whole: i64 = whole.parse().unwrap_or(0);
    let frac: i64 = format!("{frac:0<2}")[..2].parse().unwrap_or(0);
    whole * 100 + frac
}

/// How far a demo record has come.
#[derive(Debug, Clone, Copy)]
enum Stage {
    New,
    Drafted,
    Reviewed,
    Returned,
    /// 三审 and 保密审查 done, not published.
    Checked,
    Published {
        days_ago: u64,
    },
    Withdrawn {
        days_ago: u64,
    },
}

struct RecordSpec {
    domain: &'static str,
    title: &'static str,
    doc_number: Option<&'static str>,
    body: &'static str,
    formed_days_ago: u64,
    stage: Stage,
    /// 不予公开: the ground's key and the reason.
    withheld: Option<(&'static str, &'static str)>,
}

const RECORDS: &[RecordSpec] = &[
    RecordSpec {
        domain: "社会救助",
        title: "{year}年第三季度城乡最低生活保障对象名单",
        doc_number: None,
        body: "本季度全镇城乡低保对象名单及保障金额，经村（居）民代表会议评议、镇人民政府审核。",
        formed_days_ago: 48,
        stage: Stage::New,
        withheld: None,
    },
    RecordSpec {
        domain: "城乡规划",
        title: "桃源村村庄规划（{year}—2035年）批前公示",
        doc_number: Some("示范镇规〔{year}〕3号"),
        body: "桃源村村庄规划草案，公示期30日，意见请送镇村镇建设办公室。",
        formed_days_ago: 40,
        stage: Stage::Reviewed,
        withheld: None,
    },
    RecordSpec {
        domain: "市政服务",
        title: "镇区供水管网改造停水通知",
        doc_number: None,
        body: "因镇区供水管网改造，部分路段将分时停水，请居民提前储水。",
        formed_days_ago: 25,
        stage: Stage::Drafted,
        withheld: None,
    },
    RecordSpec {
        domain: "涉农补贴",
        title: "{year}年耕地地力保护补贴资金发放情况",
        doc_number: None,
        body: "各村发放名单已在村务公开栏公示，公示期满无异议。",
        formed_days_ago: 12,
        stage: Stage::Returned,
        withheld: None,
    },
    RecordSpec {
        domain: "就业",
        title: "{year}年度公益性岗位招聘公告",
        doc_number: Some("示范镇人社〔{year}〕5号"),
        body: "全镇开发公益性岗位12个，面向就业困难人员招聘，报名时间、条件和程序见公告。",
        formed_days_ago: 9,
        stage: Stage::Checked,
        withheld: None,
    },
    RecordSpec {
        domain: "财政预决算",
        title: "示范镇{year}年部门预算",
        doc_number: None,
        body: "示范镇人民政府{year}年部门预算及说明。",
        formed_days_ago: 60,
        stage: Stage::Published { days_ago: 52 },
        withheld: None,
    },
    RecordSpec {
        domain: "涉农补贴",
        title: "{year}年农机购置补贴发放结果",
        doc_number: None,
        body: "南岭村、北塘村农机购置补贴发放结果。",
        formed_days_ago: 70,
        stage: Stage::Published { days_ago: 30 },
        withheld: None,
    },
    RecordSpec {
        domain: "社会救助",
        title: "临时救助对象名单（第二批）",
        doc_number: None,
        body: "第二批临时救助对象名单及救助金额。",
        formed_days_ago: 35,
        stage: Stage::Withdrawn { days_ago: 20 },
        withheld: None,
    },
    RecordSpec {
        domain: "城乡规划",
        title: "镇区控制性详细规划修改论证报告（征求意见稿）",
        doc_number: None,
        body: "涉及尚在研究的修改方案，属过程性信息。",
        formed_days_ago: 15,
        stage: Stage::New,
        withheld: Some(("process_information", "修改方案尚在论证，属于过程性信息")),
    },
    RecordSpec {
        domain: "就业",
        title: "{year}年冬季就业援助月活动安排",
        doc_number: None,
        body: "就业援助月期间的招聘会、政策宣讲和上门服务安排。",
        formed_days_ago: 1,
        stage: Stage::New,
        withheld: None,
    },
];
