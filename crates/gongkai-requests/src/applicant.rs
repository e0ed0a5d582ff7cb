//! Who asked: the applicant kinds are the columns of the annual report's 表三.

use crate::RequestError;

/// 申请人情况: 自然人, or a 法人或其他组织 of one of five kinds (表三's columns, in order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ApplicantKind {
    NaturalPerson,
    Commercial,
    Research,
    PublicWelfare,
    LegalService,
    OtherOrg,
}

impl ApplicantKind {
    /// 表三's columns in the national order.
    pub const ALL: [ApplicantKind; 6] = [
        ApplicantKind::NaturalPerson,
        ApplicantKind::Commercial,
        ApplicantKind::Research,
        ApplicantKind::PublicWelfare,
        ApplicantKind::LegalService,
        ApplicantKind::OtherOrg,
    ];

    /// The 表三 column key (`annual_report_tables.json`).
    pub fn key(self) -> &'static str {
        match self {
            ApplicantKind::NaturalPerson => "natural_person",
            ApplicantKind::Commercial => "commercial",
            ApplicantKind::Research => "research",
            ApplicantKind::PublicWelfare => "public_welfare",
            ApplicantKind::LegalService => "legal_service",
            ApplicantKind::OtherOrg => "other_org",
        }
    }

    pub fn from_key(key: &str) -> Result<ApplicantKind, RequestError> {
        ApplicantKind::ALL
            .into_iter()
            .find(|k| k.key() == key)
            .ok_or_else(|| RequestError::Unknown {
                what: "申请人类型",
                value: key.to_owned(),
            })
    }

    /// The 表三 column label.
    pub fn label(self) -> &'static str {
        match self {
            ApplicantKind::NaturalPerson => "自然人",
            ApplicantKind::Commercial => "商业企业",
            ApplicantKind::Research => "科研机构",
            ApplicantKind::PublicWelfare => "社会公益组织",
            ApplicantKind::LegalService => "法律服务机构",
            ApplicantKind::OtherOrg => "其他",
        }
    }

    /// Whether the applicant is a person, who identifies with an ID number; organisations give
    /// a 统一社会信用代码 or none.
    pub fn is_person(self) -> bool {
        self == ApplicantKind::NaturalPerson
    }
}
