//! 公开属性源头认定: decided when the information is formed, before anything is reviewed.

use crate::RecordError;

/// The grounds of the 2019 《中华人民共和国政府信息公开条例》 for not disclosing, or for
/// disclosing only on request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ground {
    /// 第十四条: 依法确定为国家秘密
    StateSecret,
    /// 第十四条: 法律、行政法规禁止公开
    ForbiddenByLaw,
    /// 第十四条: 公开后可能危及国家安全、公共安全、经济安全、社会稳定
    Security,
    /// 第十五条: 涉及商业秘密
    CommercialSecret,
    /// 第十五条: 涉及个人隐私
    PersonalPrivacy,
    /// 第十六条第一款: 人事管理、后勤管理、内部工作流程等内部事务信息
    InternalAffairs,
    /// 第十六条第二款: 讨论记录、过程稿、磋商信函、请示报告等过程性信息
    ProcessInformation,
    /// 第十六条第二款: 行政执法案卷信息
    EnforcementCaseFile,
    /// 仅涉及特定对象、不宜主动公开（依申请公开的常见理由），或其他理由（须写明）
    Other,
}

impl Ground {
    pub const ALL: [Ground; 9] = [
        Ground::StateSecret,
        Ground::ForbiddenByLaw,
        Ground::Security,
        Ground::CommercialSecret,
        Ground::PersonalPrivacy,
        Ground::InternalAffairs,
        Ground::ProcessInformation,
        Ground::EnforcementCaseFile,
        Ground::Other,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Ground::StateSecret => "state_secret",
            Ground::ForbiddenByLaw => "forbidden_by_law",
            Ground::Security => "security",
            Ground::CommercialSecret => "commercial_secret",
            Ground::PersonalPrivacy => "personal_privacy",
            Ground::InternalAffairs => "internal_affairs",
            Ground::ProcessInformation => "process_information",
            Ground::EnforcementCaseFile => "enforcement_case_file",
            Ground::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Result<Ground, RecordError> {
        Ground::ALL
            .into_iter()
            .find(|g| g.key() == key)
            .ok_or_else(|| RecordError::Unknown {
                what: "不予公开或依申请公开的理由",
                value: key.to_owned(),
            })
    }

    pub fn label(self) -> &'static str {
        match self {
            Ground::StateSecret => "国家秘密（条例第十四条）",
            Ground::ForbiddenByLaw => "法律、行政法规禁止公开（条例第十四条）",
            Ground::Security => {
                "公开后可能危及国家安全、公共安全、经济安全、社会稳定（条例第十四条）"
            }
            Ground::CommercialSecret => "商业秘密（条例第十五条）",
            Ground::PersonalPrivacy => "个人隐私（条例第十五条）",
            Ground::InternalAffairs => "内部事务信息（条例第十六条第一款）",
            Ground::ProcessInformation => "过程性信息（条例第十六条第二款）",
            Ground::EnforcementCaseFile => "行政执法案卷信息（条例第十六条第二款）",
            Ground::Other => "其他理由",
        }
    }
}

/// 主动公开 / 依申请公开 / 不予公开. The last two always carry a ground and the reasoning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attribute {
    Proactive,
    OnRequest { ground: Ground, reason: String },
    Withheld { ground: Ground, reason: String },
}

impl Attribute {
    /// Builds an attribute from its parts as a form or the store holds them.
    pub fn new(
        kind: &str,
        ground: Option<&str>,
        reason: Option<&str>,
    ) -> Result<Attribute, RecordError> {
        let reasoned = |label: &str| -> Result<(Ground, String), RecordError> {
            let ground = ground
                .map(str::trim)
                .filter(|g| !g.is_empty())
                .ok_or_else(|| {
                    RecordError::Invalid(format!("认定为{label}时，须选择条例规定的理由"))
                })
                .and_then(Ground::from_key)?;
            let reason = reason
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .ok_or_else(|| RecordError::Invalid(format!("认定为{label}时，须写明具体理由")))?;
            Ok((ground, reason.to_owned()))
        };
        match kind {
            "proactive" => Ok(Attribute::Proactive),
            "on_request" => {
                let (ground, reason) = reasoned("依申请公开")?;
                Ok(Attribute::OnRequest { ground, reason })
            }
            "withheld" => {
                let (ground, reason) = reasoned("不予公开")?;
                if ground == Ground::Other {
                    return Err(RecordError::Invalid(
                        "不予公开只能依据条例第十四条至第十六条规定的情形".to_owned(),
                    ));
                }
                Ok(Attribute::Withheld { ground, reason })
            }
            other => Err(RecordError::Unknown {
                what: "公开属性",
                value: other.to_owned(),
            }),
        }
    }

    pub fn key(&self) -> &'static str {
        match self {
            Attribute::Proactive => "proactive",
            Attribute::OnRequest { .. } => "on_request",
            Attribute::Withheld { .. } => "withheld",
        }
    }

    pub fn label(&self) -> &'static str {
        match self {
            Attribute::Proactive => "主动公开",
            Attribute::OnRequest { .. } => "依申请公开",
            Attribute::Withheld { .. } => "不予公开",
        }
    }

    /// The note printed under the 成文日期 of the document.
    pub fn document_note(&self) -> &'static str {
        match self {
            Attribute::Proactive => "（此件公开发布）",
            Attribute::OnRequest { .. } => "（此件依申请公开）",
            Attribute::Withheld { .. } => "（此件不予公开）",
        }
    }

    pub fn ground(&self) -> Option<Ground> {
        match self {
            Attribute::Proactive => None,
            Attribute::OnRequest { ground, .. } | Attribute::Withheld { ground, .. } => {
                Some(*ground)
            }
        }
    }

    pub fn reason(&self) -> Option<&str> {
        match self {
            Attribute::Proactive => None,
            Attribute::OnRequest { reason, .. } | Attribute::Withheld { reason, .. } => {
                Some(reason)
            }
        }
    }
}

/// 全文发布, or 删减后发布 saying what was removed and why (e.g. personal information).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PublishForm {
    Full,
    Redacted { removed: String, why: String },
}

impl PublishForm {
    pub fn new(
        redacted: bool,
        removed: Option<&str>,
        why: Option<&str>,
    ) -> Result<Self, RecordError> {
        if !redacted {
            return Ok(PublishForm::Full);
        }
        let filled = |text: Option<&str>, what: &str| {
            text.map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_owned)
                .ok_or_else(|| RecordError::Invalid(format!("删减后发布须写明{what}")))
        };
        Ok(PublishForm::Redacted {
            removed: filled(removed, "删减了哪些内容")?,
            why: filled(why, "删减的理由")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grounds_round_trip_by_key() {
        for ground in Ground::ALL {
            assert_eq!(Ground::from_key(ground.key()), Ok(ground));
        }
        assert!(Ground::from_key("whim").is_err());
    }

    #[test]
    fn withholding_needs_a_statutory_ground_and_a_reason() {
        assert_eq!(
            Attribute::new("proactive", None, None),
            Ok(Attribute::Proactive)
        );
        let no_reason = Attribute::new("withheld", Some("personal_privacy"), Some("  "));
        assert!(matches!(no_reason, Err(RecordError::Invalid(m)) if m.contains("具体理由")));
        let no_ground = Attribute::new("on_request", None, Some("仅涉及申请人"));
        assert!(matches!(no_ground, Err(RecordError::Invalid(m)) if m.contains("条例")));
        let other = Attribute::new("withheld", Some("other"), Some("不想公开"));
        assert!(matches!(other, Err(RecordError::Invalid(m)) if m.contains("第十四条至第十六条")));
        let ok = Attribute::new("on_request", Some("other"), Some("仅涉及特定申请人"));
        assert_eq!(ok.map(|a| a.document_note()), Ok("（此件依申请公开）"));
    }

    #[test]
    fn redaction_says_what_and_why() {
        assert_eq!(PublishForm::new(false, None, None), Ok(PublishForm::Full));
        assert!(PublishForm::new(true, Some("身份证号"), None).is_err());
        assert!(PublishForm::new(true, Some("身份证号"), Some("个人隐私")).is_ok());
    }
}
