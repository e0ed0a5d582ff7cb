//! 保密审查 (先审查、后公开; 一事一审): the questions a reviewer answers before anything is
//! published. Any "是" stops publication until the record is changed and checked again.

use chrono::NaiveDate;

use crate::RecordError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SecrecyQuestion {
    StateSecret,
    WorkSecret,
    CommercialSecret,
    PersonalInformation,
    Security,
    PolicyWording,
    Typos,
}

impl SecrecyQuestion {
    pub const ALL: [SecrecyQuestion; 7] = [
        SecrecyQuestion::StateSecret,
        SecrecyQuestion::WorkSecret,
        SecrecyQuestion::CommercialSecret,
        SecrecyQuestion::PersonalInformation,
        SecrecyQuestion::Security,
        SecrecyQuestion::PolicyWording,
        SecrecyQuestion::Typos,
    ];

    pub fn key(self) -> &'static str {
        match self {
            SecrecyQuestion::StateSecret => "state_secret",
            SecrecyQuestion::WorkSecret => "work_secret",
            SecrecyQuestion::CommercialSecret => "commercial_secret",
            SecrecyQuestion::PersonalInformation => "personal_information",
            SecrecyQuestion::Security => "security",
            SecrecyQuestion::PolicyWording => "policy_wording",
            SecrecyQuestion::Typos => "typos",
        }
    }

    pub fn from_key(key: &str) -> Result<Self, RecordError> {
        Self::ALL
            .into_iter()
            .find(|q| q.key() == key)
            .ok_or_else(|| RecordError::Unknown {
                what: "保密审查事项",
                value: key.to_owned(),
            })
    }

    pub fn label(self) -> &'static str {
        match self {
            SecrecyQuestion::StateSecret => "是否涉及国家秘密",
            SecrecyQuestion::WorkSecret => "是否涉及工作秘密或内部敏感事项",
            SecrecyQuestion::CommercialSecret => "是否涉及商业秘密",
            SecrecyQuestion::PersonalInformation => {
                "是否含有未经脱敏的个人信息（身份证号、银行账号、电话、详细住址等）"
            }
            SecrecyQuestion::Security => "公开后是否可能危及国家安全、公共安全、经济安全、社会稳定",
            SecrecyQuestion::PolicyWording => "是否存在政治性、政策性表述问题",
            SecrecyQuestion::Typos => "是否存在错别字、错误数据或敏感字词",
        }
    }
}

/// A completed checklist: every question answered (true = "是", a concern).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecrecyCheck {
    pub reviewer_id: String,
    pub reviewer_name: String,
    pub decided_on: NaiveDate,
    pub concerns: Vec<(SecrecyQuestion, bool)>,
    pub opinion: String,
}

impl SecrecyCheck {
    /// Refuses a checklist with a question left out or answered twice.
    pub fn new(
        reviewer_id: String,
        reviewer_name: String,
        decided_on: NaiveDate,
        concerns: Vec<(SecrecyQuestion, bool)>,
        opinion: String,
    ) -> Result<Self, RecordError> {
        for question in SecrecyQuestion::ALL {
            let answers = concerns.iter().filter(|(q, _)| *q == question).count();
            if answers != 1 {
                return Err(RecordError::Invalid(format!(
                    "保密审查须逐项作答：“{}”{}",
                    question.label(),
                    if answers == 0 {
                        "未作答"
                    } else {
                        "重复作答"
                    }
                )));
            }
        }
        let check = SecrecyCheck {
            reviewer_id,
            reviewer_name,
            decided_on,
            concerns,
            opinion,
        };
        if !check.passed() && check.opinion.trim().is_empty() {
            return Err(RecordError::Invalid(
                "保密审查发现问题时，须写明处理意见".to_owned(),
            ));
        }
        Ok(check)
    }

    /// Passed: every answer is "否".
    pub fn passed(&self) -> bool {
        self.concerns.iter().all(|(_, concern)| !concern)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(concern: Option<SecrecyQuestion>) -> Vec<(SecrecyQuestion, bool)> {
        SecrecyQuestion::ALL
            .into_iter()
            .map(|q| (q, Some(q) == concern))
            .collect()
    }

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 20).expect("date")
    }

    #[test]
    fn every_question_answered_once_and_any_concern_fails() {
        let ok = SecrecyCheck::new(
            "p".into(),
            "王芳".into(),
            day(),
            answers(None),
            String::new(),
        );
        assert!(ok.expect("complete").passed());
        let mut partial = answers(None);
        partial.pop();
        let refused = SecrecyCheck::new("p".into(), "王芳".into(), day(), partial, String::new());
        assert!(matches!(refused, Err(RecordError::Invalid(m)) if m.contains("未作答")));
        let concern = answers(Some(SecrecyQuestion::PersonalInformation));
        assert!(
            SecrecyCheck::new(
                "p".into(),
                "王芳".into(),
                day(),
                concern.clone(),
                String::new()
            )
            .is_err()
        );
        let failed = SecrecyCheck::new(
            "p".into(),
            "王芳".into(),
            day(),
            concern,
            "身份证号未脱敏".into(),
        );
        assert!(!failed.expect("with opinion").passed());
    }
}
