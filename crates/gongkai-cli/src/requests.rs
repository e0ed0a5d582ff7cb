//! `gongkai requests …`: 依申请公开 from receipt to reply — register, list, show, the steps of the
//! procedure (补正, 延期, 征求意见, 收费), the reply with its 三审 and 保密审查, 送达, and the
//! applications due.

use clap::Subcommand;
use gongkai_api::wire::{
    IdArgs, RequestConsultArgs, RequestCorrectArgs, RequestDeliverArgs, RequestDetail,
    RequestExtendArgs, RequestFeeArgs, RequestInput, RequestReplyArgs, RequestReviewArgs,
    RequestSecrecyArgs, RequestShowArgs, Requests, RequestsListArgs, SecrecyAnswer,
};
use gongkai_api::{Api, ApiError};

use crate::Db;
use crate::output::Report;

#[derive(Debug, Subcommand)]
pub enum RequestsCommand {
    /// 登记收到的政府信息公开申请（收到日期按条例第三十一条依渠道确定）
    Add {
        #[command(flatten)]
        db: Db,
        /// 渠道：in_person 当面 · mail_signed 信函需签收 · mail_unsigned 平常信函 · online 网络 · fax 传真 · oral 口头代填
        #[arg(long)]
        channel: String,
        /// 提交、签收、代填或到达日期
        #[arg(long)]
        arrived: String,
        /// 平常信函、网络、传真：与申请人确认的日期
        #[arg(long)]
        confirmed: Option<String>,
        /// 申请人类型：natural_person · commercial · research · public_welfare · legal_service · other_org
        #[arg(long)]
        kind: String,
        /// 申请人姓名或名称
        #[arg(long)]
        name: String,
        /// 联系方式
        #[arg(long)]
        contact: String,
        #[arg(long, default_value = "")]
        address: String,
        /// 身份证号（只保存加密摘要和脱敏形式）
        #[arg(long)]
        id_number: Option<String>,
        /// 所需信息的名称、文号或描述
        #[arg(long)]
        subject: String,
        #[arg(long, default_value = "")]
        description: String,
        /// 提供形式和获取方式
        #[arg(long, default_value = "")]
        form: String,
    },
    /// 列出申请及其时限状态；--query 按申请人或内容检索
    List {
        #[command(flatten)]
        db: Db,
        #[arg(long)]
        query: Option<String>,
        /// 以该日查看状态（缺省今天）
        #[arg(long)]
        today: Option<String>,
    },
    /// 查看一件申请的全部情况和答复期限的计算过程
    Show {
        #[command(flatten)]
        db: Db,
        /// 申请的编号，或登记号（如 依申〔2026〕3号）
        id: String,
        #[arg(long)]
        today: Option<String>,
    },
    /// 补正：发出补正通知（--notice --deadline --items），或登记收到补正材料（--corrected）
    Correct {
        #[command(flatten)]
        db: Db,
        /// 申请的编号，或登记号（如 依申〔2026〕3号）
        id: String,
        #[arg(long)]
        notice: Option<String>,
        #[arg(long)]
        deadline: Option<String>,
        #[arg(long)]
        items: Option<String>,
        #[arg(long)]
        corrected: Option<String>,
    },
    /// 延期答复：须写明审批人，最长 20 个工作日
    Extend {
        #[command(flatten)]
        db: Db,
        /// 申请的编号，或登记号（如 依申〔2026〕3号）
        id: String,
        #[arg(long, default_value = "")]
        approver: String,
        #[arg(long)]
        workdays: u32,
        #[arg(long)]
        notice: Option<String>,
        #[arg(long, default_value = "")]
        reason: String,
    },
    /// 征求第三方或其他机关意见（--party --party-name --sent），或登记答复（--answer-of N --answered）
    Consult {
        #[command(flatten)]
        db: Db,
        /// 申请的编号，或登记号（如 依申〔2026〕3号）
        id: String,
        /// third_party · other_agency
        #[arg(long)]
        party: Option<String>,
        #[arg(long)]
        party_name: Option<String>,
        #[arg(long)]
        sent: Option<String>,
        #[arg(long)]
        answer_of: Option<u32>,
        #[arg(long)]
        answered: Option<String>,
        #[arg(long, default_value = "")]
        opinion: String,
    },
    /// 收费通知（--method per_request|per_page [--pages N] --notice --delivered），或登记缴费（--paid）
    Fee {
        #[command(flatten)]
        db: Db,
        /// 申请的编号，或登记号（如 依申〔2026〕3号）
        id: String,
        #[arg(long)]
        method: Option<String>,
        #[arg(long)]
        pages: Option<u32>,
        #[arg(long)]
        notice: Option<String>,
        #[arg(long)]
        delivered: Option<String>,
        #[arg(long)]
        paid: Option<String>,
    },
    /// 拟定答复：结果（granted · partial · denied · unable · not_processed · other）及理由或情形
    Reply {
        #[command(flatten)]
        db: Db,
        /// 申请的编号，或登记号（如 依申〔2026〕3号）
        id: String,
        #[arg(long)]
        outcome: String,
        #[arg(long)]
        ground: Option<String>,
        #[arg(long, default_value = "")]
        note: String,
        #[arg(long)]
        date: Option<String>,
    },
    /// 答复的三审签批（draft 拟稿 · review 审核 · approve 审定）
    Review {
        #[command(flatten)]
        db: Db,
        /// 申请的编号，或登记号（如 依申〔2026〕3号）
        id: String,
        #[arg(long)]
        stage: String,
        /// 人员 ID（gongkai profile 可查）
        #[arg(long)]
        person: String,
        #[arg(long)]
        date: Option<String>,
        #[arg(long, default_value = "")]
        opinion: String,
        /// 退回修改（缺省为通过）
        #[arg(long)]
        reject: bool,
    },
    /// 答复的保密审查：--concern 列出有问题的审查项（缺省逐项均为“否”）
    Secrecy {
        #[command(flatten)]
        db: Db,
        /// 申请的编号，或登记号（如 依申〔2026〕3号）
        id: String,
        #[arg(long)]
        reviewer: String,
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        concern: Vec<String>,
        #[arg(long, default_value = "")]
        opinion: String,
    },
    /// 答复定稿（须已完成三审和保密审查）
    Finalize {
        #[command(flatten)]
        db: Db,
        /// 申请的编号，或登记号（如 依申〔2026〕3号）
        id: String,
    },
    /// 登记送达方式和日期
    Deliver {
        #[command(flatten)]
        db: Db,
        /// 申请的编号，或登记号（如 依申〔2026〕3号）
        id: String,
        #[arg(long)]
        method: String,
        #[arg(long)]
        date: Option<String>,
    },
    /// 尚未答复的申请，最急的在前
    Due {
        #[command(flatten)]
        db: Db,
        #[arg(long)]
        today: Option<String>,
    },
}

#[derive(Debug)]
pub enum RequestsReport {
    List(Requests),
    Detail(Box<RequestDetail>),
}

pub fn run(command: RequestsCommand) -> (bool, Result<Report, ApiError>) {
    let open = |db: &Db| Api::new(&db.db);
    let detail =
        |r: Result<RequestDetail, ApiError>| r.map(|d| RequestsReport::Detail(Box::new(d)));
    let (json, result) = match command {
        RequestsCommand::Add {
            db,
            channel,
            arrived,
            confirmed,
            kind,
            name,
            contact,
            address,
            id_number,
            subject,
            description,
            form,
        } => (
            db.json,
            detail(open(&db).requests_add(RequestInput {
                channel,
                arrived_on: arrived,
                confirmed_on: confirmed,
                applicant_kind: kind,
                applicant_name: name,
                contact,
                address,
                id_number,
                subject,
                description,
                form_wanted: form,
            })),
        ),
        RequestsCommand::List { db, query, today } => (
            db.json,
            open(&db)
                .requests_list(RequestsListArgs { query, today })
                .map(RequestsReport::List),
        ),
        RequestsCommand::Show { db, id, today } => (
            db.json,
            detail(open(&db).requests_show(RequestShowArgs { id, today })),
        ),
        RequestsCommand::Correct {
            db,
            id,
            notice,
            deadline,
            items,
            corrected,
        } => (
            db.json,
            detail(open(&db).requests_correct(RequestCorrectArgs {
                id,
                notice_on: notice,
                deadline,
                items,
                corrected_on: corrected,
            })),
        ),
        RequestsCommand::Extend {
            db,
            id,
            approver,
            workdays,
            notice,
            reason,
        } => (
            db.json,
            detail(open(&db).requests_extend(RequestExtendArgs {
                id,
                approver,
                notice_on: notice,
                workdays,
                reason,
            })),
        ),
        RequestsCommand::Consult {
            db,
            id,
            party,
            party_name,
            sent,
            answer_of,
            answered,
            opinion,
        } => (
            db.json,
            detail(open(&db).requests_consult(RequestConsultArgs {
                id,
                party,
                party_name,
                sent_on: sent,
                answer_of,
                answered_on: answered,
                opinion,
            })),
        ),
        RequestsCommand::Fee {
            db,
            id,
            method,
            pages,
            notice,
            delivered,
            paid,
        } => (
            db.json,
            detail(open(&db).requests_fee(RequestFeeArgs {
                id,
                method,
                pages,
                notice_on: notice,
                delivered_on: delivered,
                paid_on: paid,
            })),
        ),
        RequestsCommand::Reply {
            db,
            id,
            outcome,
            ground,
            note,
            date,
        } => (
            db.json,
            detail(open(&db).requests_reply(RequestReplyArgs {
                id,
                outcome,
                ground,
                note,
                replied_on: date,
            })),
        ),
        RequestsCommand::Review {
            db,
            id,
            stage,
            person,
            date,
            opinion,
            reject,
        } => (
            db.json,
            detail(open(&db).requests_review(RequestReviewArgs {
                id,
                stage,
                person_id: person,
                decided_on: date,
                opinion,
                passed: !reject,
            })),
        ),
        RequestsCommand::Secrecy {
            db,
            id,
            reviewer,
            date,
            concern,
            opinion,
        } => {
            let api = open(&db);
            let result = api
                .requests_options(gongkai_api::wire::NoArgs {})
                .and_then(|options| {
                    api.requests_secrecy(RequestSecrecyArgs {
                        id,
                        reviewer_id: reviewer,
                        decided_on: date,
                        answers: options
                            .secrecy_questions
                            .iter()
                            .map(|q| SecrecyAnswer {
                                key: q.key.clone(),
                                concern: concern.contains(&q.key),
                            })
                            .collect(),
                        opinion,
                    })
                });
            (db.json, detail(result))
        }
        RequestsCommand::Finalize { db, id } => {
            (db.json, detail(open(&db).requests_finalize(IdArgs { id })))
        }
        RequestsCommand::Deliver {
            db,
            id,
            method,
            date,
        } => (
            db.json,
            detail(open(&db).requests_deliver(RequestDeliverArgs {
                id,
                method,
                delivered_on: date,
            })),
        ),
        RequestsCommand::Due { db, today } => (
            db.json,
            open(&db)
                .requests_due(RequestsListArgs { query: None, today })
                .map(RequestsReport::List),
        ),
    };
    (json, result.map(Report::Requests))
}

impl RequestsReport {
    pub fn json(&self) -> serde_json::Value {
        let value = match self {
            RequestsReport::List(list) => serde_json::to_value(list),
            RequestsReport::Detail(detail) => serde_json::to_value(detail),
        };
        value.unwrap_or_default()
    }

    pub fn text(&self) -> String {
        match self {
            RequestsReport::List(list) if list.requests.is_empty() => {
                "没有政府信息公开申请".to_owned()
            }
            RequestsReport::List(list) => list
                .requests
                .iter()
                .map(|r| {
                    format!(
                        "{}\t{}\t收到 {}\t期限 {}\t{}\t{}：{}",
                        r.id,
                        r.reg_no,
                        r.received_on,
                        r.due_on.as_deref().unwrap_or("—"),
                        r.state_label,
                        r.applicant_name,
                        r.subject
                    )
                })
                .collect::<Vec<_>>()
                .join("\n"),
            RequestsReport::Detail(d) => {
                let s = &d.summary;
                let mut lines = vec![
                    format!(
                        "{} {}（{}）",
                        s.reg_no, s.applicant_name, s.applicant_kind_label
                    ),
                    format!("申请内容：{}", s.subject),
                    format!("收到：{}（{}）", s.received_on, s.channel_label),
                    format!(
                        "答复期限：{}　{}",
                        s.due_on.as_deref().unwrap_or("—"),
                        s.state_label
                    ),
                ];
                lines.extend(d.explanation.iter().map(|l| format!("  {l}")));
                if let Some(reply) = &d.reply {
                    lines.push(format!(
                        "答复：{}，{}（{}）{}",
                        reply.replied_on,
                        reply.outcome_label,
                        reply.legal_basis,
                        if reply.reply_final {
                            "，已定稿"
                        } else {
                            "，草稿"
                        }
                    ));
                }
                if !d.blockers.is_empty() {
                    lines.push(format!("尚待：{}", d.blockers.join("；")));
                }
                lines.join("\n")
            }
        }
    }
}
