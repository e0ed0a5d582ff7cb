//! How a request ended (条例第三十六条至第三十九条), named as the annual report's 表三 rows
//! (国办公开办函〔2021〕30号) name them, each with the articles a reply letter cites.

use crate::RequestError;

/// The articles are of 《中华人民共和国政府信息公开条例》 (国务院令第711号).
const LAW: &str = "《中华人民共和国政府信息公开条例》";

/// 予以公开: already published (36(1): the applicant is told where), or disclosed now (36(2)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GrantBasis {
    AlreadyPublished,
    Disclosed,
}

/// 不予公开's grounds, 表三（三）1–8.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DenialGround {
    StateSecret,
    ForbiddenByLaw,
    ThreeSecurities,
    ThirdParty,
    InternalAffairs,
    ProcessInformation,
    EnforcementCaseFile,
    AdministrativeQuery,
}

/// 无法提供's kinds, 表三（四）1–3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnableKind {
    /// 本机关不掌握: not found after a search, the information does not exist (36(4)).
    NotHeld,
    /// 本机关不掌握: not this agency's to disclose (36(5)); the reply names the agency that is,
    /// when known. Counted in the same 表三 row as [`UnableKind::NotHeld`].
    NotOurs,
    /// 没有现成信息需要另行制作 (38).
    NeedsCreation,
    /// 补正后申请内容仍不明确 (30).
    UnclearAfterCorrection,
}

/// 不予处理's kinds, 表三（五）1–5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NotProcessedKind {
    Petition,
    Repeat,
    Publication,
    Excessive,
    Reconfirm,
}

/// 其他处理, 表三（六）1–3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OtherKind {
    /// 逾期不补正 (30): treated as abandoned.
    CorrectionOverdue,
    /// 逾期未缴纳信息处理费 (国办函〔2020〕109号): treated as abandoned.
    FeeUnpaid,
    /// 其他 (the reply states what).
    Other,
}

/// The outcome of a request. 部分公开 carries the ground of the part withheld, since art. 37
/// asks the reply to give it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    Granted(GrantBasis),
    Partial(DenialGround),
    Denied(DenialGround),
    Unable(UnableKind),
    NotProcessed(NotProcessedKind),
    Other(OtherKind),
}

/// A row of 表三's 三、本年度办理结果 (without the 总计 row): what an outcome is counted as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ResultRow {
    Granted,
    Partial,
    Denied(u8),
    Unable(u8),
    NotProcessed(u8),
    Other(u8),
}

impl ResultRow {
    /// Every result row in the national order (21 rows).
    pub fn all() -> Vec<ResultRow> {
        let mut rows = vec![ResultRow::Granted, ResultRow::Partial];
        rows.extend(DenialGround::ALL.map(|g| Outcome::Denied(g).row()));
        // Two kinds of 不掌握 share the first row.
        for row in UnableKind::ALL.map(|k| Outcome::Unable(k).row()) {
            if !rows.contains(&row) {
                rows.push(row);
            }
        }
        rows.extend(NotProcessedKind::ALL.map(|k| Outcome::NotProcessed(k).row()));
        rows.extend(OtherKind::ALL.map(|k| Outcome::Other(k).row()));
        rows
    }

    /// The row key of `annual_report_tables.json` (`granted`, `denied_3`, `other_1`…).
    pub fn key(self) -> String {
        match self {
            ResultRow::Granted => "granted".to_owned(),
            ResultRow::Partial => "partial".to_owned(),
            ResultRow::Denied(n) => format!("denied_{n}"),
            ResultRow::Unable(n) => format!("unable_{n}"),
            ResultRow::NotProcessed(n) => format!("not_processed_{n}"),
            ResultRow::Other(n) => format!("other_{n}"),
        }
    }
}

impl GrantBasis {
    pub const ALL: [GrantBasis; 2] = [GrantBasis::AlreadyPublished, GrantBasis::Disclosed];

    pub fn key(self) -> &'static str {
        match self {
            GrantBasis::AlreadyPublished => "already_published",
            GrantBasis::Disclosed => "disclosed",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            GrantBasis::AlreadyPublished => "已主动公开，告知获取方式和途径",
            GrantBasis::Disclosed => "可以公开，向申请人提供",
        }
    }

    fn article(self) -> &'static str {
        match self {
            GrantBasis::AlreadyPublished => "第三十六条第（一）项",
            GrantBasis::Disclosed => "第三十六条第（二）项",
        }
    }
}

impl DenialGround {
    pub const ALL: [DenialGround; 8] = [
        DenialGround::StateSecret,
        DenialGround::ForbiddenByLaw,
        DenialGround::ThreeSecurities,
        DenialGround::ThirdParty,
        DenialGround::InternalAffairs,
        DenialGround::ProcessInformation,
        DenialGround::EnforcementCaseFile,
        DenialGround::AdministrativeQuery,
    ];

    pub fn key(self) -> &'static str {
        match self {
            DenialGround::StateSecret => "state_secret",
            DenialGround::ForbiddenByLaw => "forbidden_by_law",
            DenialGround::ThreeSecurities => "three_securities",
            DenialGround::ThirdParty => "third_party",
            DenialGround::InternalAffairs => "internal_affairs",
            DenialGround::ProcessInformation => "process_information",
            DenialGround::EnforcementCaseFile => "enforcement_case_file",
            DenialGround::AdministrativeQuery => "administrative_query",
        }
    }

    /// As 表三 names the row, without its number.
    pub fn label(self) -> &'static str {
        match self {
            DenialGround::StateSecret => "属于国家秘密",
            DenialGround::ForbiddenByLaw => "其他法律行政法规禁止公开",
            DenialGround::ThreeSecurities => "危及“三安全一稳定”",
            DenialGround::ThirdParty => "保护第三方合法权益",
            DenialGround::InternalAffairs => "属于三类内部事务信息",
            DenialGround::ProcessInformation => "属于四类过程性信息",
            DenialGround::EnforcementCaseFile => "属于行政执法案卷",
            DenialGround::AdministrativeQuery => "属于行政查询事项",
        }
    }

    fn number(self) -> u8 {
        position(&DenialGround::ALL, self)
    }

    /// The article the ground rests on. 行政查询事项 are the registration records with their
    /// own procedure of 36(7).
    fn article(self) -> &'static str {
        match self {
            DenialGround::StateSecret
            | DenialGround::ForbiddenByLaw
            | DenialGround::ThreeSecurities => "第十四条",
            DenialGround::ThirdParty => "第十五条",
            DenialGround::InternalAffairs => "第十六条第一款",
            DenialGround::ProcessInformation | DenialGround::EnforcementCaseFile => {
                "第十六条第二款"
            }
            DenialGround::AdministrativeQuery => "第三十六条第（七）项",
        }
    }
}

impl UnableKind {
    pub const ALL: [UnableKind; 4] = [
        UnableKind::NotHeld,
        UnableKind::NotOurs,
        UnableKind::NeedsCreation,
        UnableKind::UnclearAfterCorrection,
    ];

    /// The 表三 row number: 1 for both ways of 不掌握, then 2 and 3.
    fn number(self) -> u8 {
        match self {
            UnableKind::NotHeld | UnableKind::NotOurs => 1,
            UnableKind::NeedsCreation => 2,
            UnableKind::UnclearAfterCorrection => 3,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            UnableKind::NotHeld => "not_held",
            UnableKind::NotOurs => "not_ours",
            UnableKind::NeedsCreation => "needs_creation",
            UnableKind::UnclearAfterCorrection => "unclear_after_correction",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            UnableKind::NotHeld => "本机关不掌握：经检索没有，该信息不存在",
            UnableKind::NotOurs => "本机关不掌握：不属于本机关负责公开",
            UnableKind::NeedsCreation => "没有现成信息需要另行制作",
            UnableKind::UnclearAfterCorrection => "补正后申请内容仍不明确",
        }
    }

    fn article(self) -> &'static str {
        match self {
            UnableKind::NotHeld => "第三十六条第（四）项",
            UnableKind::NotOurs => "第三十六条第（五）项",
            UnableKind::NeedsCreation => "第三十八条",
            UnableKind::UnclearAfterCorrection => "第三十条",
        }
    }
}

impl NotProcessedKind {
    pub const ALL: [NotProcessedKind; 5] = [
        NotProcessedKind::Petition,
        NotProcessedKind::Repeat,
        NotProcessedKind::Publication,
        NotProcessedKind::Excessive,
        NotProcessedKind::Reconfirm,
    ];

    pub fn key(self) -> &'static str {
        match self {
            NotProcessedKind::Petition => "petition",
            NotProcessedKind::Repeat => "repeat",
            NotProcessedKind::Publication => "publication",
            NotProcessedKind::Excessive => "excessive",
            NotProcessedKind::Reconfirm => "reconfirm",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            NotProcessedKind::Petition => "信访举报投诉类申请",
            NotProcessedKind::Repeat => "重复申请",
            NotProcessedKind::Publication => "要求提供公开出版物",
            NotProcessedKind::Excessive => "无正当理由大量反复申请",
            NotProcessedKind::Reconfirm => "要求行政机关确认或重新出具已获取信息",
        }
    }

    /// 要求确认或重新出具 has no article of its own; practice answers it, like a 信访 dressed
    /// as an application, under art. 39 ¶1.
    fn article(self) -> &'static str {
        match self {
            NotProcessedKind::Petition | NotProcessedKind::Reconfirm => "第三十九条第一款",
            NotProcessedKind::Repeat => "第三十六条第（六）项",
            NotProcessedKind::Publication => "第三十九条第二款",
            NotProcessedKind::Excessive => "第三十五条",
        }
    }
}

impl OtherKind {
    pub const ALL: [OtherKind; 3] = [
        OtherKind::CorrectionOverdue,
        OtherKind::FeeUnpaid,
        OtherKind::Other,
    ];

    pub fn key(self) -> &'static str {
        match self {
            OtherKind::CorrectionOverdue => "correction_overdue",
            OtherKind::FeeUnpaid => "fee_unpaid",
            OtherKind::Other => "other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            OtherKind::CorrectionOverdue => {
                "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
            }
            OtherKind::FeeUnpaid => {
                "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
            }
            OtherKind::Other => "其他",
        }
    }
}

fn position<T: PartialEq + Copy>(all: &[T], item: T) -> u8 {
    let index = all.iter().position(|x| *x == item).unwrap_or(0);
    u8::try_from(index + 1).unwrap_or(u8::MAX)
}

fn find<T: Copy>(all: &[T], key_of: fn(T) -> &'static str, key: &str) -> Option<T> {
    all.iter().copied().find(|x| key_of(*x) == key)
}

impl Outcome {
    /// The kinds an outcome is chosen by, each with its Chinese name (the 表三 group).
    pub const KINDS: [(&'static str, &'static str); 6] = [
        ("granted", "予以公开"),
        ("partial", "部分公开"),
        ("denied", "不予公开"),
        ("unable", "无法提供"),
        ("not_processed", "不予处理"),
        ("other", "其他处理"),
    ];

    /// An outcome from its kind (`granted`, `partial`, `denied`, `unable`, `not_processed`,
    /// `other`) and its ground or kind key. 予以公开 without one means disclosed now (36(2));
    /// every other kind needs one, and the refusal says which are possible.
    pub fn parse(kind: &str, ground: Option<&str>) -> Result<Outcome, RequestError> {
        let ground = ground.map(str::trim).filter(|g| !g.is_empty());
        let missing = |what: &str, keys: Vec<&'static str>| {
            RequestError::Invalid(format!(
                "答复结果为“{what}”的，须写明{}（可选：{}）",
                if kind == "partial" {
                    "不予公开部分的理由"
                } else {
                    "理由或情形"
                },
                keys.join("、")
            ))
        };
        let unknown = |value: &str| RequestError::Unknown {
            what: "答复理由或情形",
            value: value.to_owned(),
        };
        let pick = |keys: Vec<&'static str>, what: &str| -> Result<&str, RequestError> {
            ground.ok_or_else(|| missing(what, keys))
        };
        match kind {
            "granted" => match ground {
                None => Ok(Outcome::Granted(GrantBasis::Disclosed)),
                Some(g) => find(&GrantBasis::ALL, GrantBasis::key, g)
                    .map(Outcome::Granted)
                    .ok_or_else(|| unknown(g)),
            },
            "partial" | "denied" => {
                let keys = DenialGround::ALL.map(DenialGround::key).to_vec();
                let g = pick(
                    keys,
                    if kind == "partial" {
                        "部分公开"
                    } else {
                        "不予公开"
                    },
                )?;
                let ground =
                    find(&DenialGround::ALL, DenialGround::key, g).ok_or_else(|| unknown(g))?;
                Ok(if kind == "partial" {
                    Outcome::Partial(ground)
                } else {
                    Outcome::Denied(ground)
                })
            }
            "unable" => {
                let g = pick(UnableKind::ALL.map(UnableKind::key).to_vec(), "无法提供")?;
                find(&UnableKind::ALL, UnableKind::key, g)
                    .map(Outcome::Unable)
                    .ok_or_else(|| unknown(g))
            }
            "not_processed" => {
                let g = pick(
                    NotProcessedKind::ALL.map(NotProcessedKind::key).to_vec(),
                    "不予处理",
                )?;
                find(&NotProcessedKind::ALL, NotProcessedKind::key, g)
                    .map(Outcome::NotProcessed)
                    .ok_or_else(|| unknown(g))
            }
            "other" => {
                let g = pick(OtherKind::ALL.map(OtherKind::key).to_vec(), "其他处理")?;
                find(&OtherKind::ALL, OtherKind::key, g)
                    .map(Outcome::Other)
                    .ok_or_else(|| unknown(g))
            }
            other => Err(RequestError::Unknown {
                what: "答复结果",
                value: other.to_owned(),
            }),
        }
    }

    /// The kind key [`parse`](Self::parse) takes.
    pub fn kind(self) -> &'static str {
        match self {
            Outcome::Granted(_) => "granted",
            Outcome::Partial(_) => "partial",
            Outcome::Denied(_) => "denied",
            Outcome::Unable(_) => "unable",
            Outcome::NotProcessed(_) => "not_processed",
            Outcome::Other(_) => "other",
        }
    }

    /// The ground or kind key [`parse`](Self::parse) takes.
    pub fn ground(self) -> &'static str {
        match self {
            Outcome::Granted(b) => b.key(),
            Outcome::Partial(g) | Outcome::Denied(g) => g.key(),
            Outcome::Unable(k) => k.key(),
            Outcome::NotProcessed(k) => k.key(),
            Outcome::Other(k) => k.key(),
        }
    }

    /// The 表三 group: 予以公开, 部分公开, 不予公开, 无法提供, 不予处理, 其他处理.
    pub fn kind_label(self) -> &'static str {
        Outcome::KINDS
            .iter()
            .find(|(k, _)| *k == self.kind())
            .map_or("", |(_, label)| label)
    }

    /// The row of 表三 the outcome is counted in.
    pub fn row(self) -> ResultRow {
        match self {
            Outcome::Granted(_) => ResultRow::Granted,
            Outcome::Partial(_) => ResultRow::Partial,
            Outcome::Denied(g) => ResultRow::Denied(g.number()),
            Outcome::Unable(k) => ResultRow::Unable(k.number()),
            Outcome::NotProcessed(k) => {
                ResultRow::NotProcessed(position(&NotProcessedKind::ALL, k))
            }
            Outcome::Other(k) => ResultRow::Other(position(&OtherKind::ALL, k)),
        }
    }

    /// The row key of `annual_report_tables.json`'s 表三.
    pub fn row_key(self) -> String {
        self.row().key()
    }

    /// The outcome in Chinese: its group and, where there is one, its ground or kind
    /// (不予公开（属于国家秘密）).
    pub fn label(self) -> String {
        match self {
            Outcome::Granted(b) => format!("予以公开（{}）", b.label()),
            Outcome::Partial(g) => format!("部分公开（不予公开部分：{}）", g.label()),
            Outcome::Denied(g) => format!("不予公开（{}）", g.label()),
            Outcome::Unable(k) => format!("无法提供（{}）", k.label()),
            Outcome::NotProcessed(k) => format!("不予处理（{}）", k.label()),
            Outcome::Other(k) => format!("其他处理（{}）", k.label()),
        }
    }

    /// The legal basis a reply letter cites, e.g.
    /// 《中华人民共和国政府信息公开条例》第三十六条第（三）项、第十四条.
    pub fn legal_basis(self) -> String {
        let articles = match self {
            Outcome::Granted(b) => b.article().to_owned(),
            Outcome::Partial(g) => format!("第三十七条、{}", g.article()),
            Outcome::Denied(DenialGround::AdministrativeQuery) => {
                DenialGround::AdministrativeQuery.article().to_owned()
            }
            Outcome::Denied(g) => format!("第三十六条第（三）项、{}", g.article()),
            Outcome::Unable(k) => k.article().to_owned(),
            Outcome::NotProcessed(k) => k.article().to_owned(),
            Outcome::Other(OtherKind::CorrectionOverdue) => "第三十条".to_owned(),
            Outcome::Other(OtherKind::FeeUnpaid) => {
                return format!(
                    "{LAW}第四十二条、《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"
                );
            }
            Outcome::Other(OtherKind::Other) => return LAW.to_owned(),
        };
        format!("{LAW}{articles}")
    }

    /// Whether the reply discloses something (予以公开, 部分公开): what the applicant may be
    /// charged a 按量 fee for.
    pub fn discloses(self) -> bool {
        matches!(self, Outcome::Granted(_) | Outcome::Partial(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_result_rows_are_the_21_of_table_three_in_order() {
        let keys: Vec<String> = ResultRow::all().into_iter().map(ResultRow::key).collect();
        let expected = [
            "granted",
            "partial",
            "denied_1",
            "denied_2",
            "denied_3",
            "denied_4",
            "denied_5",
            "denied_6",
            "denied_7",
            "denied_8",
            "unable_1",
            "unable_2",
            "unable_3",
            "not_processed_1",
            "not_processed_2",
            "not_processed_3",
            "not_processed_4",
            "not_processed_5",
            "other_1",
            "other_2",
            "other_3",
        ];
        assert_eq!(keys, expected);
    }

    #[test]
    fn an_outcome_needing_a_ground_is_refused_without_one() {
        for kind in ["partial", "denied", "unable", "not_processed", "other"] {
            let err = Outcome::parse(kind, None).expect_err(kind);
            assert!(err.to_string().contains("须写明"), "{err}");
            assert!(Outcome::parse(kind, Some(" ")).is_err());
        }
        assert_eq!(
            Outcome::parse("granted", None),
            Ok(Outcome::Granted(GrantBasis::Disclosed))
        );
        assert!(Outcome::parse("denied", Some("granted")).is_err());
        assert!(Outcome::parse("refused", None).is_err());
    }

    #[test]
    fn every_outcome_parses_back_from_its_keys() {
        let mut all = vec![];
        all.extend(GrantBasis::ALL.map(Outcome::Granted));
        all.extend(DenialGround::ALL.map(Outcome::Partial));
        all.extend(DenialGround::ALL.map(Outcome::Denied));
        all.extend(UnableKind::ALL.map(Outcome::Unable));
        all.extend(NotProcessedKind::ALL.map(Outcome::NotProcessed));
        all.extend(OtherKind::ALL.map(Outcome::Other));
        for outcome in all {
            assert_eq!(
                Outcome::parse(outcome.kind(), Some(outcome.ground())),
                Ok(outcome)
            );
            assert!(outcome.legal_basis().starts_with(LAW));
        }
        assert_eq!(
            Outcome::Denied(DenialGround::ThirdParty).legal_basis(),
            "《中华人民共和国政府信息公开条例》第三十六条第（三）项、第十五条"
        );
        assert_eq!(Outcome::Other(OtherKind::FeeUnpaid).row_key(), "other_2");
        // 不掌握 either way is （四）1, each citing its own item of art. 36.
        for (kind, item) in [
            (UnableKind::NotHeld, "（四）"),
            (UnableKind::NotOurs, "（五）"),
        ] {
            assert_eq!(Outcome::Unable(kind).row_key(), "unable_1");
            assert_eq!(
                Outcome::Unable(kind).legal_basis(),
                format!("{LAW}第三十六条第{item}项")
            );
        }
        assert_eq!(
            Outcome::Unable(UnableKind::NeedsCreation).row_key(),
            "unable_2"
        );
        assert_eq!(
            Outcome::Partial(DenialGround::StateSecret).row_key(),
            "partial"
        );
    }
}
