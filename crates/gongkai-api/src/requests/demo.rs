//! A year of 依申请公开 in the demo township: applications by every kind of applicant through the
//! whole procedure (补正 met and missed, an extension, a third-party consultation, a fee paid),
//! final replies of several outcomes delivered, two applicants asking for the same thing
//! (art. 44), and some still open — one overdue, one due soon, one just in.

use chrono::{Days, Local, NaiveDate};
use gongkai_calendar::Calendar;

use crate::{Api, ApiError, wire};

/// One demo application and what happens to it, in days after its receipt.
struct Spec {
    /// Days before the demo's last day.
    ago: u64,
    kind: &'static str,
    name: &'static str,
    channel: &'static str,
    subject: &'static str,
    steps: &'static [Step],
}

enum Step {
    Correct {
        notice: u64,
        deadline: u64,
        corrected: Option<u64>,
    },
    Extend {
        notice: u64,
    },
    Consult {
        sent: u64,
        answered: u64,
    },
    Fee {
        notice: u64,
        paid: u64,
    },
    Reply {
        outcome: &'static str,
        ground: Option<&'static str>,
        on: u64,
        finalize: bool,
    },
}

const SPECS: &[Spec] = &[
    Spec {
        ago: 300,
        kind: "natural_person",
        name: "王秀英",
        channel: "in_person",
        subject: "本村2025年耕地地力保护补贴发放名单",
        steps: &[Step::Reply {
            outcome: "granted",
            ground: Some("already_published"),
            on: 6,
            finalize: true,
        }],
    },
    Spec {
        ago: 260,
        kind: "natural_person",
        name: "李建华",
        channel: "mail_signed",
        subject: "东山村土地流转合同及租金支付情况",
        steps: &[
            Step::Consult {
                sent: 4,
                answered: 14,
            },
            Step::Reply {
                outcome: "partial",
                ground: Some("third_party"),
                on: 22,
                finalize: true,
            },
        ],
    },
    Spec {
        ago: 220,
        kind: "commercial",
        name: "示范县兴农农业发展有限公司",
        channel: "online",
        subject: "镇政府关于农贸市场改造的会议讨论记录",
        steps: &[Step::Reply {
            outcome: "denied",
            ground: Some("process_information"),
            on: 12,
            finalize: true,
        }],
    },
    Spec {
        ago: 190,
        kind: "other_org",
        name: "示范县个体劳动者协会",
        channel: "mail_unsigned",
        subject: "全县个体工商户登记数量统计",
        steps: &[Step::Reply {
            outcome: "unable",
            ground: Some("not_held"),
            on: 9,
            finalize: true,
        }],
    },
    Spec {
        ago: 170,
        kind: "research",
        name: "示范农业大学乡村治理研究中心",
        channel: "online",
        subject: "政务公开相关材料",
        steps: &[
            Step::Correct {
                notice: 3,
                deadline: 17,
                corrected: Some(10),
            },
            Step::Reply {
                outcome: "granted",
                ground: None,
                on: 30,
                finalize: true,
            },
        ],
    },
    Spec {
        ago: 140,
        kind: "natural_person",
        name: "赵德明",
        channel: "in_person",
        subject: "有关文件",
        steps: &[
            Step::Correct {
                notice: 2,
                deadline: 16,
                corrected: None,
            },
            Step::Reply {
                outcome: "other",
                ground: Some("correction_overdue"),
                on: 24,
                finalize: true,
            },
        ],
    },
    Spec {
        ago: 120,
        kind: "legal_service",
        name: "示范县正和律师事务所",
        channel: "mail_signed",
        subject: "西河村2024年至2025年宅基地审批材料",
        steps: &[
            Step::Extend { notice: 20 },
            Step::Reply {
                outcome: "granted",
                ground: None,
                on: 40,
                finalize: true,
            },
        ],
    },
    Spec {
        ago: 95,
        kind: "public_welfare",
        name: "示范县助老公益服务中心",
        channel: "in_person",
        subject: "2025年高龄津贴发放明细（纸质复印件）",
        steps: &[
            Step::Fee { notice: 3, paid: 9 },
            Step::Reply {
                outcome: "granted",
                ground: None,
                on: 16,
                finalize: true,
            },
        ],
    },
    Spec {
        ago: 70,
        kind: "natural_person",
        name: "王秀英",
        channel: "in_person",
        subject: "本村2025年耕地地力保护补贴发放名单",
        steps: &[Step::Reply {
            outcome: "not_processed",
            ground: Some("repeat"),
            on: 5,
            finalize: true,
        }],
    },
    Spec {
        ago: 50,
        kind: "natural_person",
        name: "孙桂芝",
        channel: "oral",
        subject: "南岭村道路硬化工程资金使用情况",
        steps: &[Step::Reply {
            outcome: "granted",
            ground: None,
            on: 12,
            finalize: false,
        }],
    },
    Spec {
        ago: 46,
        kind: "natural_person",
        name: "周建国",
        channel: "in_person",
        subject: "南岭村道路硬化工程资金使用情况。",
        steps: &[],
    },
    Spec {
        ago: 24,
        kind: "natural_person",
        name: "吴丽娟",
        channel: "fax",
        subject: "镇区社区2026年低保对象名单",
        steps: &[],
    },
    Spec {
        ago: 2,
        kind: "commercial",
        name: "示范县绿源合作社",
        channel: "in_person",
        subject: "2026年农机购置补贴申请指南",
        steps: &[],
    },
];

impl Api {
    pub(crate) fn demo_requests(&self) -> Result<(), ApiError> {
        let today = Local::now().date_naive();
        // Within the years the calendar counts, so every due date of the demo is known.
        let last = *Calendar::official()?.covered_years().end();
        let end = NaiveDate::from_ymd_opt(last, 12, 31).map_or(today, |d| d.min(today));
        let profile = self.profile_get(wire::NoArgs {})?;
        let person = |name: &str| {
            profile
                .people
                .iter()
                .find(|p| p.name == name)
                .map(|p| p.id.clone())
                .ok_or_else(|| ApiError::internal(format!("示范镇没有人员“{name}”")))
        };
        let options = self.requests_options(wire::NoArgs {})?;
        for spec in SPECS {
            let received = end.checked_sub_days(Days::new(spec.ago)).unwrap_or(end);
            let on = |after: u64| {
                received
                    .checked_add_days(Days::new(after))
                    .unwrap_or(received)
                    .to_string()
            };
            let confirmed = matches!(spec.channel, "online" | "fax" | "mail_unsigned");
            let id = self
                .requests_add(wire::RequestInput {
                    channel: spec.channel.to_owned(),
                    arrived_on: on(0),
                    confirmed_on: confirmed.then(|| on(0)),
                    applicant_kind: spec.kind.to_owned(),
                    applicant_name: spec.name.to_owned(),
                    contact: "0799-5550199".to_owned(),
                    address: "示范县示范镇".to_owned(),
                    id_number: None,
                    subject: spec.subject.to_owned(),
                    description: String::new(),
                    form_wanted: "纸质文本，邮寄".to_owned(),
                })?
                .summary
                .id;
            for step in spec.steps {
                match step {
                    Step::Correct {
                        notice,
                        deadline,
                        corrected,
                    } => {
                        self.requests_correct(wire::RequestCorrectArgs {
                            id: id.clone(),
                            notice_on: Some(on(*notice)),
                            deadline: Some(on(*deadline)),
                            items: Some(
                                "请写明所需信息的名称、文号或者便于查询的其他特征性描述".to_owned(),
                            ),
                            corrected_on: None,
                        })?;
                        if let Some(corrected) = corrected {
                            self.requests_correct(wire::RequestCorrectArgs {
                                id: id.clone(),
                                notice_on: None,
                                deadline: None,
                                items: None,
                                corrected_on: Some(on(*corrected)),
                            })?;
                        }
                    }
                    Step::Extend { notice } => {
                        self.requests_extend(wire::RequestExtendArgs {
                            id: id.clone(),
                            approver: "张建国".to_owned(),
                            notice_on: Some(on(*notice)),
                            workdays: 15,
                            reason: "涉及两个村多年的审批档案，需逐件调取核对".to_owned(),
                        })?;
                    }
                    Step::Consult { sent, answered } => {
                        self.requests_consult(wire::RequestConsultArgs {
                            id: id.clone(),
                            party: Some("third_party".to_owned()),
                            party_name: Some("示范县东山农业专业合作社".to_owned()),
                            sent_on: Some(on(*sent)),
                            answer_of: None,
                            answered_on: None,
                            opinion: String::new(),
                        })?;
                        self.requests_consult(wire::RequestConsultArgs {
                            id: id.clone(),
                            party: None,
                            party_name: None,
                            sent_on: None,
                            answer_of: Some(1),
                            answered_on: Some(on(*answered)),
                            opinion: "同意公开合同主体和期限，不同意公开租金单价".to_owned(),
                        })?;
                    }
                    Step::Fee { notice, paid } => {
                        self.requests_fee(wire::RequestFeeArgs {
                            id: id.clone(),
                            method: Some("per_page".to_owned()),
                            pages: Some(64),
                            notice_on: Some(on(*notice)),
                            delivered_on: Some(on(*notice + 1)),
                            paid_on: None,
                        })?;
                        self.requests_fee(wire::RequestFeeArgs {
                            id: id.clone(),
                            method: None,
                            pages: None,
                            notice_on: None,
                            delivered_on: None,
                            paid_on: Some(on(*paid)),
                        })?;
                    }
                    Step::Reply {
                        outcome,
                        ground,
                        on: replied,
                        finalize,
                    } => {
                        self.requests_reply(wire::RequestReplyArgs {
                            id: id.clone(),
                            outcome: (*outcome).to_owned(),
                            ground: ground.map(str::to_owned),
                            note: String::new(),
                            replied_on: Some(on(*replied)),
                        })?;
                        if !finalize {
                            continue;
                        }
                        for (stage, who) in
                            [("draft", "李明"), ("review", "王芳"), ("approve", "张建国")]
                        {
                            self.requests_review(wire::RequestReviewArgs {
                                id: id.clone(),
                                stage: stage.to_owned(),
                                person_id: person(who)?,
                                decided_on: Some(on(*replied)),
                                opinion: "同意".to_owned(),
                                passed: true,
                            })?;
                        }
                        self.requests_secrecy(wire::RequestSecrecyArgs {
                            id: id.clone(),
                            reviewer_id: person("王芳")?,
                            decided_on: Some(on(*replied)),
                            answers: options
                                .secrecy_questions
                                .iter()
                                .map(|q| wire::SecrecyAnswer {
                                    key: q.key.clone(),
                                    concern: false,
                                })
                                .collect(),
                            opinion: String::new(),
                        })?;
                        self.requests_finalize(wire::IdArgs { id: id.clone() })?;
                        self.requests_deliver(wire::RequestDeliverArgs {
                            id: id.clone(),
                            method: "邮寄送达".to_owned(),
                            delivered_on: Some(on(*replied + 1)),
                        })?;
                    }
                }
            }
        }
        Ok(())
    }
}
