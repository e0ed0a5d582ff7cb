//! The words of the letters of a request: the reply (答复书) per outcome of arts. 36–39, and the
//! notices of the procedure — 补正 (art. 30), 延期 (art. 33 ¶2), 征求意见 (arts. 32, 34) and
//! 收费 (art. 42, 国办函〔2020〕109号). Each cites its article; a reply ends with the remedy
//! clause (行政复议 within 60 days, 行政诉讼 within 6 months). Pure: the facts come in, the
//! letter's paragraphs go out, so every template is tested without a database.

use chrono::NaiveDate;
use gongkai_print::{ReplyLetter, chinese_date};
use gongkai_requests::{
    Channel, DenialGround, GrantBasis, NotProcessedKind, OtherKind, Outcome, UnableKind,
};

/// The regulation every letter cites.
pub(crate) const LAW: &str = "《中华人民共和国政府信息公开条例》";
/// The fee rules a fee notice cites.
pub(crate) const FEE_RULES: &str = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）";

/// Which letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LetterKind {
    /// 政府信息公开申请答复书.
    Reply,
    /// 补正申请告知书.
    Correction,
    /// 延期答复告知书.
    Extension,
    /// 征求意见函, to the third party or the other agency.
    Consultation,
    /// 收费通知书.
    Fee,
}

impl LetterKind {
    pub(crate) fn title(self, consultation: Option<&Consultation>) -> &'static str {
        match self {
            LetterKind::Reply => "政府信息公开申请答复书",
            LetterKind::Correction => "政府信息公开申请补正告知书",
            LetterKind::Extension => "政府信息公开申请延期答复告知书",
            LetterKind::Consultation => match consultation {
                Some(c) if c.agency => "政府信息公开征求意见函",
                _ => "政府信息公开第三方意见征询函",
            },
            LetterKind::Fee => "政府信息公开信息处理费缴费通知书",
        }
    }
}

/// Where the applicant may seek a remedy: a setting, by default the county's government and
/// court (the 复议机关 of a township's act since the 2023 行政复议法).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Remedy {
    pub review_body: String,
    pub court: String,
}

impl Remedy {
    /// 示范县 → 示范县人民政府, 示范县人民法院.
    pub(crate) fn default_for(county: &str) -> Remedy {
        Remedy {
            review_body: format!("{county}人民政府"),
            court: format!("{county}人民法院"),
        }
    }

    pub(crate) fn clause(&self) -> String {
        format!(
            "如对本答复不服，可以在收到本答复之日起60日内向{}申请行政复议，或者在6个月内向{}提起行政诉讼。",
            self.review_body.trim(),
            self.court.trim()
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Correction {
    pub notice_on: NaiveDate,
    /// What the applicant is asked to make clear.
    pub items: String,
    pub deadline: NaiveDate,
    /// When the corrected application arrived, once it did.
    pub received_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Extension {
    pub notice_on: NaiveDate,
    pub workdays: u32,
    pub due_on: NaiveDate,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Consultation {
    /// The third party or the agency asked.
    pub party: String,
    /// An agency (art. 34: silence counts as consent) rather than a third party (art. 32).
    pub agency: bool,
    pub sent_on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Fee {
    pub notice_on: NaiveDate,
    pub amount_fen: i64,
    /// 按件 or 按量, with how it was counted (本月第 12 件 / 共 45 页).
    pub method: String,
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Reply {
    pub outcome: Outcome,
    pub replied_on: NaiveDate,
    /// What the clerk adds: where a published item is found, the agency that holds it, the
    /// reasons at length, what 其他 means.
    pub note: String,
}

/// Everything a letter says of its request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LetterFacts {
    /// The issuing body of the 落款: 示范镇人民政府.
    pub issuer: String,
    /// The request's number, printed under the title.
    pub number: String,
    /// The applicant's name (never the ID number).
    pub applicant: String,
    /// A company or other organisation, addressed as 你单位.
    pub organisation: bool,
    pub channel: Channel,
    pub received_on: NaiveDate,
    /// What is asked for.
    pub subject: String,
    /// The form the applicant wants the information in (纸质、电子邮件…), if said.
    pub form: String,
    pub correction: Option<Correction>,
    pub extension: Option<Extension>,
    pub consultation: Option<Consultation>,
    pub fee: Option<Fee>,
    pub reply: Option<Reply>,
    pub remedy: Remedy,
}

/// Why a letter cannot be written yet: the step it tells of has not happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NotYet(pub String);

/// The letter of `kind` for a request, dated the day of the step it tells of.
pub(crate) fn compose(
    facts: &LetterFacts,
    kind: LetterKind,
    draft: bool,
) -> Result<ReplyLetter, NotYet> {
    let (paragraphs, addressee, issued_on) = match kind {
        LetterKind::Reply => {
            let reply = facts
                .reply
                .as_ref()
                .ok_or_else(|| NotYet("该申请尚未答复，请先填写答复结果".to_owned()))?;
            (
                reply_body(facts, reply),
                facts.applicant.clone(),
                reply.replied_on,
            )
        }
        LetterKind::Correction => {
            let c = facts
                .correction
                .as_ref()
                .ok_or_else(|| NotYet("该申请没有补正告知".to_owned()))?;
            (
                correction_body(facts, c),
                facts.applicant.clone(),
                c.notice_on,
            )
        }
        LetterKind::Extension => {
            let e = facts
                .extension
                .as_ref()
                .ok_or_else(|| NotYet("该申请没有延期答复".to_owned()))?;
            (
                extension_body(facts, e),
                facts.applicant.clone(),
                e.notice_on,
            )
        }
        LetterKind::Consultation => {
            let c = facts
                .consultation
                .as_ref()
                .ok_or_else(|| NotYet("该申请没有征求意见".to_owned()))?;
            (consultation_body(facts, c), c.party.clone(), c.sent_on)
        }
        LetterKind::Fee => {
            let f = facts
                .fee
                .as_ref()
                .ok_or_else(|| NotYet("该申请没有收费通知".to_owned()))?;
            (fee_body(facts, f), facts.applicant.clone(), f.notice_on)
        }
    };
    Ok(ReplyLetter {
        title: kind.title(facts.consultation.as_ref()).to_owned(),
        number: facts.number.clone(),
        addressee,
        paragraphs,
        issuer: facts.issuer.clone(),
        issued_on,
        draft,
    })
}

fn you(facts: &LetterFacts) -> &'static str {
    if facts.organisation {
        "你单位"
    } else {
        "您"
    }
}

fn date(d: NaiveDate) -> String {
    chinese_date(d)
}

/// What was asked for, in quotation marks inside the letter's sentence: the clerk's own full
/// stop or semicolon at its end dropped (the sentence closes after the quote: “……材料。”。
/// read twice), and quotation marks inside it made single, as GB/T 15834 nests them.
fn quoted(subject: &str) -> String {
    let inner: String = subject
        .trim()
        .trim_end_matches(|c: char| "。．.，,；;、：:".contains(c) || c.is_whitespace())
        .chars()
        .map(|c| match c {
            '“' => '‘',
            '”' => '’',
            c => c,
        })
        .collect();
    format!("“{inner}”")
}

/// 本机关于2026年3月2日收到您通过当面提交方式提出的政府信息公开申请，申请获取“……”。
fn received(facts: &LetterFacts) -> String {
    let mut text = format!(
        "本机关于{}收到{}通过{}方式提出的政府信息公开申请，申请获取{}。",
        date(facts.received_on),
        you(facts),
        channel_words(facts.channel),
        quoted(&facts.subject)
    );
    if let Some(Correction {
        notice_on,
        received_on: Some(corrected),
        ..
    }) = &facts.correction
    {
        text.push_str(&format!(
            "本机关于{}告知{}补正申请，并于{}收到{}补正后的申请。",
            date(*notice_on),
            you(facts),
            date(*corrected),
            you(facts)
        ));
    }
    text
}

fn channel_words(channel: Channel) -> &'static str {
    match channel {
        Channel::InPerson => "当面提交",
        Channel::MailSigned | Channel::MailUnsigned => "信函",
        Channel::Online => "互联网",
        Channel::Fax => "传真",
        Channel::Oral => "口头提出（由工作人员代为填写申请）",
    }
}

/// The clerk's note as a sentence of its own, or nothing.
fn note(text: &str) -> String {
    let text = text.trim();
    if text.is_empty() {
        return String::new();
    }
    if text.ends_with(['。', '！', '；', '.']) {
        text.to_owned()
    } else {
        format!("{text}。")
    }
}

fn form(facts: &LetterFacts) -> String {
    let form = facts.form.trim();
    if form.is_empty() {
        "适当".to_owned()
    } else {
        form.to_owned()
    }
}

fn reply_body(facts: &LetterFacts, reply: &Reply) -> Vec<String> {
    let basis = reply.outcome.legal_basis();
    let you = you(facts);
    let extra = note(&reply.note);
    let decision = match reply.outcome {
        Outcome::Granted(GrantBasis::AlreadyPublished) => format!(
            "经审查，{you}申请获取的政府信息本机关已经主动公开。根据{basis}的规定，现告知{you}获取该政府信息的方式和途径：{}",
            if extra.is_empty() {
                "请登录本机关政府信息公开专栏查阅。".to_owned()
            } else {
                extra
            }
        ),
        Outcome::Granted(GrantBasis::Disclosed) => format!(
            "经审查，{you}申请获取的政府信息属于公开范围。根据{basis}的规定，本机关予以公开，现以{}形式提供给{you}。{extra}",
            form(facts)
        ),
        Outcome::Partial(ground) => format!(
            "经审查，{you}申请获取的政府信息中，有关内容{}，不予公开；其余内容可以公开。根据{basis}的规定，本机关对可以公开的部分予以提供，现以{}形式提供给{you}。{extra}",
            denial_reason(ground),
            form(facts)
        ),
        Outcome::Denied(DenialGround::AdministrativeQuery) => format!(
            "经审查，{you}申请获取的信息{}。根据{basis}的规定，请{you}按照有关法律、行政法规的规定办理。{extra}",
            denial_reason(DenialGround::AdministrativeQuery)
        ),
        Outcome::Denied(ground) => format!(
            "经审查，{you}申请获取的政府信息{}。根据{basis}的规定，本机关决定不予公开。{extra}",
            denial_reason(ground)
        ),
        Outcome::Unable(UnableKind::NotHeld) => format!(
            "经检索查找，本机关未制作、获取{you}申请的政府信息。根据{basis}的规定，现告知{you}该政府信息不存在。{extra}"
        ),
        // 36(5): the agency that is responsible, when known, is named by the clerk's note.
        Outcome::Unable(UnableKind::NotOurs) => format!(
            "经审查，{you}申请获取的政府信息不属于本机关负责公开。根据{basis}的规定，本机关无法提供。{}",
            if extra.is_empty() {
                format!("请{you}向负责公开该政府信息的行政机关提出申请。")
            } else {
                extra
            }
        ),
        Outcome::Unable(UnableKind::NeedsCreation) => format!(
            "经审查，本机关没有{you}申请的现成信息，提供该信息需要对现有政府信息进行加工、分析。根据{basis}的规定，本机关不予提供。{extra}"
        ),
        Outcome::Unable(UnableKind::UnclearAfterCorrection) => format!(
            "经本机关告知补正，{you}补正后的申请内容仍不明确，本机关无法确定{you}所需的政府信息。根据{basis}的规定，本机关无法提供。{extra}"
        ),
        Outcome::NotProcessed(NotProcessedKind::Petition) => format!(
            "经审查，{you}以政府信息公开申请的形式提出的是信访、投诉、举报等诉求。根据{basis}的规定，本机关不作为政府信息公开申请处理，{you}可以通过信访、投诉、举报等相应渠道提出。{extra}"
        ),
        Outcome::NotProcessed(NotProcessedKind::Repeat) => format!(
            "经审查，{you}申请公开的政府信息本机关已经答复，{you}重复申请公开相同的政府信息。根据{basis}的规定，本机关不予重复处理。{extra}"
        ),
        Outcome::NotProcessed(NotProcessedKind::Publication) => format!(
            "经审查，{you}申请获取的是政府公报、报刊、书籍等公开出版物。根据{basis}的规定，现告知{you}获取的途径：{}",
            if extra.is_empty() {
                "可向出版单位或公共图书馆查询。".to_owned()
            } else {
                extra
            }
        ),
        Outcome::NotProcessed(NotProcessedKind::Excessive) => format!(
            "{you}申请公开政府信息的数量、频次明显超过合理范围，经本机关要求说明理由，{you}所说理由不合理。根据{basis}的规定，本机关不予处理。{extra}"
        ),
        Outcome::NotProcessed(NotProcessedKind::Reconfirm) => format!(
            "经审查，{you}的申请系要求本机关对已获取的信息予以确认或者重新出具，不属于政府信息公开申请。根据{basis}的规定，本机关不作为政府信息公开申请处理。{extra}"
        ),
        Outcome::Other(OtherKind::CorrectionOverdue) => {
            let told = facts.correction.as_ref().map_or_else(
                || format!("本机关已告知{you}补正申请，"),
                |c| {
                    format!(
                        "本机关于{}告知{you}补正申请，补正期限至{}，",
                        date(c.notice_on),
                        date(c.deadline)
                    )
                },
            );
            format!(
                "{told}{you}无正当理由逾期未补正。根据{basis}的规定，视为{you}放弃申请，本机关不再处理{you}的该项政府信息公开申请。{extra}"
            )
        }
        Outcome::Other(OtherKind::FeeUnpaid) => {
            let told = facts.fee.as_ref().map_or_else(
                || format!("本机关已向{you}发出收费通知，"),
                |f| {
                    format!(
                        "本机关于{}向{you}发出收费通知，应缴纳信息处理费{}元，",
                        date(f.notice_on),
                        gongkai_print::yuan(f.amount_fen)
                    )
                },
            );
            format!(
                "{told}{you}逾期未按通知要求缴纳费用。根据{basis}的规定，视为{you}放弃申请，本机关不再处理{you}的该项政府信息公开申请。"
            )
        }
        Outcome::Other(OtherKind::Other) => {
            format!("{extra}本机关依据{basis}的有关规定作出上述处理。")
        }
    };
    vec![
        received(facts),
        decision.trim_end().to_owned(),
        facts.remedy.clause(),
        "特此告知。".to_owned(),
    ]
}

/// What the withheld information is, in the words of the article it rests on.
fn denial_reason(ground: DenialGround) -> &'static str {
    match ground {
        DenialGround::StateSecret => "属于依法确定为国家秘密的政府信息",
        DenialGround::ForbiddenByLaw => "属于法律、行政法规禁止公开的政府信息",
        DenialGround::ThreeSecurities => "公开后可能危及国家安全、公共安全、经济安全、社会稳定",
        DenialGround::ThirdParty => "涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害",
        DenialGround::InternalAffairs => "属于人事管理、后勤管理、内部工作流程等方面的内部事务信息",
        DenialGround::ProcessInformation => {
            "属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息"
        }
        DenialGround::EnforcementCaseFile => "属于行政执法案卷信息",
        DenialGround::AdministrativeQuery => {
            "属于工商、不动产登记资料等有关法律、行政法规对信息的获取有特别规定的查询事项"
        }
    }
}

fn correction_body(facts: &LetterFacts, c: &Correction) -> Vec<String> {
    let you = you(facts);
    vec![
        format!(
            "本机关于{}收到{you}通过{}方式提出的政府信息公开申请，申请获取{}。",
            date(facts.received_on),
            channel_words(facts.channel),
            quoted(&facts.subject)
        ),
        format!(
            "经审查，{you}的申请内容不明确：{}根据{LAW}第三十条的规定，请{you}于{}前对申请作出补正，写明所需政府信息的名称、文号或者便于本机关查询的其他特征性描述。",
            note(&c.items),
            date(c.deadline)
        ),
        format!(
            "答复期限自本机关收到补正的申请之日起计算。{you}无正当理由逾期不补正的，视为放弃申请，本机关不再处理{you}的该项政府信息公开申请。"
        ),
        "特此告知。".to_owned(),
    ]
}

fn extension_body(facts: &LetterFacts, e: &Extension) -> Vec<String> {
    let reason = e.reason.trim();
    let reason = if reason.is_empty() {
        "因需要对申请的政府信息进行检索、审查".to_owned()
    } else {
        format!("因{}", reason.trim_end_matches(['。', '，']))
    };
    vec![
        received(facts),
        format!(
            "{reason}，本机关不能在法定期限内作出答复。根据{LAW}第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长{}个工作日，本机关将于{}前作出答复。",
            e.workdays,
            date(e.due_on)
        ),
        "特此告知。".to_owned(),
    ]
}

fn consultation_body(facts: &LetterFacts, c: &Consultation) -> Vec<String> {
    // The letter goes to the party consulted: the applicant is not named to it.
    let asked = format!(
        "本机关于{}收到政府信息公开申请，申请获取{}。",
        date(facts.received_on),
        quoted(&facts.subject)
    );
    if c.agency {
        vec![
            asked,
            format!(
                "该政府信息由本机关与你机关共同制作。根据{LAW}第三十四条的规定，现征求你机关意见。请于收到本函之日起15个工作日内书面提出意见；逾期未提出意见的，视为同意公开。"
            ),
            "特此函告。".to_owned(),
        ]
    } else {
        vec![
            asked,
            format!(
                "经审查，该信息公开可能损害你方合法权益。根据{LAW}第三十二条的规定，现书面征求你方意见。请于收到本函之日起15个工作日内书面提出意见；逾期未提出意见的，由本机关依照条例的规定决定是否公开。"
            ),
            "你方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知你方。".to_owned(),
            "特此函告。".to_owned(),
        ]
    }
}

fn fee_body(facts: &LetterFacts, f: &Fee) -> Vec<String> {
    let you = you(facts);
    // The count carries its own bracketed rates: set off by a comma, not nested in brackets.
    let detail = f.detail.trim();
    let detail = if detail.is_empty() {
        String::new()
    } else {
        format!("，{detail}")
    };
    vec![
        received(facts),
        format!(
            "根据{LAW}第四十二条和{FEE_RULES}的规定，{you}的申请{}{detail}，应缴纳信息处理费{}元。",
            f.method.trim(),
            gongkai_print::yuan(f.amount_fen)
        ),
        format!(
            "请{you}自收到本通知次日起20个工作日内缴纳费用。{you}逾期未缴纳的，视为放弃申请，本机关不再处理{you}的该项政府信息公开申请。"
        ),
        "特此通知。".to_owned(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use gongkai_requests::Outcome;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, m, d).unwrap_or_default()
    }

    pub(crate) fn facts(outcome: Option<Outcome>) -> LetterFacts {
        LetterFacts {
            issuer: "示范镇人民政府".into(),
            number: "示范镇依申〔2025〕7号".into(),
            applicant: "张三".into(),
            organisation: false,
            channel: Channel::InPerson,
            received_on: day(3, 3),
            subject: "2024年东山村道路硬化项目的招标文件".into(),
            form: "纸质".into(),
            correction: Some(Correction {
                notice_on: day(3, 5),
                items: "所需信息的年份不明".into(),
                deadline: day(3, 20),
                received_on: Some(day(3, 10)),
            }),
            extension: Some(Extension {
                notice_on: day(4, 1),
                workdays: 20,
                due_on: day(5, 8),
                reason: String::new(),
            }),
            consultation: Some(Consultation {
                party: "某某建设有限公司".into(),
                agency: false,
                sent_on: day(3, 12),
            }),
            fee: Some(Fee {
                notice_on: day(3, 14),
                amount_fen: 45_000,
                method: "按量计收".into(),
                detail: "共45页".into(),
            }),
            reply: outcome.map(|outcome| Reply {
                outcome,
                replied_on: day(4, 2),
                note: String::new(),
            }),
            remedy: Remedy::default_for("示范县"),
        }
    }

    #[test]
    fn every_outcome_cites_its_articles_and_the_remedy() {
        let mut all = vec![];
        all.extend(GrantBasis::ALL.map(Outcome::Granted));
        all.extend(DenialGround::ALL.map(Outcome::Partial));
        all.extend(DenialGround::ALL.map(Outcome::Denied));
        all.extend(UnableKind::ALL.map(Outcome::Unable));
        all.extend(NotProcessedKind::ALL.map(Outcome::NotProcessed));
        all.extend(OtherKind::ALL.map(Outcome::Other));
        for outcome in all {
            let letter = compose(&facts(Some(outcome)), LetterKind::Reply, false)
                .unwrap_or_else(|e| panic!("{e:?}"));
            let text = letter.paragraphs.join("");
            assert!(text.contains(&outcome.legal_basis()), "{outcome:?}: {text}");
            assert!(
                text.contains("60日内向示范县人民政府申请行政复议")
                    && text.contains("6个月内向示范县人民法院提起行政诉讼"),
                "{outcome:?}: {text}"
            );
            assert_eq!(letter.issued_on, day(4, 2));
            assert_eq!(letter.addressee, "张三");
        }
    }

    #[test]
    fn each_notice_cites_its_article_and_a_missing_step_is_named() {
        let f = facts(None);
        let text = |kind| {
            compose(&f, kind, false)
                .unwrap_or_else(|e| panic!("{e:?}"))
                .paragraphs
                .join("")
        };
        assert!(text(LetterKind::Correction).contains("第三十条"));
        assert!(text(LetterKind::Correction).contains("2025年3月20日前"));
        assert!(text(LetterKind::Extension).contains("第三十三条第二款"));
        assert!(text(LetterKind::Extension).contains("2025年5月8日前"));
        assert!(text(LetterKind::Consultation).contains("第三十二条"));
        assert!(
            !text(LetterKind::Consultation).contains("张三"),
            "the third party is not told who asked"
        );
        assert!(text(LetterKind::Fee).contains("第四十二条"));
        assert!(text(LetterKind::Fee).contains("450.00元"));
        let err = compose(&f, LetterKind::Reply, false).unwrap_err();
        assert!(err.0.contains("尚未答复"), "{err:?}");
        let mut agency = f.clone();
        if let Some(c) = agency.consultation.as_mut() {
            c.agency = true;
        }
        let letter =
            compose(&agency, LetterKind::Consultation, false).unwrap_or_else(|e| panic!("{e:?}"));
        assert!(letter.paragraphs.join("").contains("第三十四条"));
        assert_eq!(letter.title, "政府信息公开征求意见函");
        assert_eq!(letter.addressee, "某某建设有限公司");
    }

    #[test]
    fn an_organisation_is_addressed_as_such() {
        let mut f = facts(Some(Outcome::Granted(GrantBasis::Disclosed)));
        f.organisation = true;
        let letter = compose(&f, LetterKind::Reply, false).unwrap_or_else(|e| panic!("{e:?}"));
        let text = letter.paragraphs.join("");
        assert!(text.contains("你单位") && !text.contains("您"), "{text}");
    }
}
