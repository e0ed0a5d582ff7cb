//! 政策解读: a policy document and its interpretation are 同步组织、同步审签、同步部署. A
//! document marked as needing one is not published until its 解读 — a disclosure record of its
//! own, as text, a 图解 image or 问答 — has its content and has passed the same 三审 and 保密审查;
//! then both are published together.

use crate::DocumentError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InterpretationForm {
    /// 文字解读: the record's text.
    Text,
    /// 图解: an image attached to the record.
    Graphic,
    /// 问答: questions and answers in the record's text, each 问 followed by its 答.
    Qa,
}

impl InterpretationForm {
    pub const ALL: [InterpretationForm; 3] = [
        InterpretationForm::Text,
        InterpretationForm::Graphic,
        InterpretationForm::Qa,
    ];

    pub fn key(self) -> &'static str {
        match self {
            InterpretationForm::Text => "text",
            InterpretationForm::Graphic => "graphic",
            InterpretationForm::Qa => "qa",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            InterpretationForm::Text => "文字解读",
            InterpretationForm::Graphic => "图解",
            InterpretationForm::Qa => "问答",
        }
    }

    pub fn from_key(key: &str) -> Result<Self, DocumentError> {
        Self::ALL
            .into_iter()
            .find(|f| f.key() == key)
            .ok_or_else(|| DocumentError::Unknown {
                what: "解读形式",
                value: key.to_owned(),
            })
    }
}

/// The 解读 record of a document as it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterpretationState {
    pub title: String,
    pub form: InterpretationForm,
    /// The record's text.
    pub body: String,
    /// How many images (PNG or JPEG) are attached to the record.
    pub images: usize,
    /// Already published (it went out with the document, or before).
    pub published: bool,
    /// What the record's own publication gate (三审, 保密审查) still lacks, as the clerk reads it.
    pub gate: Vec<String>,
}

/// What keeps a document from publication for want of its 解读; empty when nothing does (it
/// needs none, or its 解读 is ready or out).
pub fn missing_interpretation(
    needs_interpretation: bool,
    interpretation: Option<&InterpretationState>,
) -> Vec<String> {
    if !needs_interpretation {
        return Vec::new();
    }
    let Some(it) = interpretation else {
        return vec!["尚未关联解读材料（文字解读、图解或问答）".to_owned()];
    };
    if it.published {
        return Vec::new();
    }
    let mut missing = Vec::new();
    let title = &it.title;
    match it.form {
        InterpretationForm::Text if it.body.trim().is_empty() => {
            missing.push(format!("解读“{title}”还没有解读文字"));
        }
        InterpretationForm::Graphic if it.images == 0 => {
            missing.push(format!("解读“{title}”是图解，尚未附图片（PNG 或 JPEG）"));
        }
        InterpretationForm::Qa if qa_pairs(&it.body) == 0 => {
            missing.push(format!(
                "解读“{title}”是问答，正文中还没有“问：……”后接“答：……”"
            ));
        }
        _ => {}
    }
    missing.extend(it.gate.iter().map(|g| format!("解读“{title}”{g}")));
    missing
}

/// Questions followed (on a later non-empty line) by their answer.
pub fn qa_pairs(body: &str) -> usize {
    let lines: Vec<&str> = body
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines
        .windows(2)
        .filter(|w| starts_with_label(w[0], '问') && starts_with_label(w[1], '答'))
        .count()
}

/// `问：`, `问:`, `问1：` … — the label, optional numbering, then a colon.
fn starts_with_label(line: &str, label: char) -> bool {
    let mut rest = line.chars();
    if rest.next() != Some(label) {
        return false;
    }
    let after: String = rest
        .skip_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
        .take(1)
        .collect();
    after == "：" || after == ":"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(
        form: InterpretationForm,
        body: &str,
        images: usize,
        gate: &[&str],
    ) -> InterpretationState {
        InterpretationState {
            title: "《示范镇农村人居环境整治办法》解读".to_owned(),
            form,
            body: body.to_owned(),
            images,
            published: false,
            gate: gate.iter().map(|g| (*g).to_owned()).collect(),
        }
    }

    #[test]
    fn a_document_needing_no_interpretation_is_never_held() {
        assert!(missing_interpretation(false, None).is_empty());
    }

    #[test]
    fn what_is_missing_is_named() {
        assert_eq!(
            missing_interpretation(true, None),
            ["尚未关联解读材料（文字解读、图解或问答）"]
        );
        let not_signed = state(
            InterpretationForm::Graphic,
            "",
            0,
            &["尚未完成“科室负责人审核”", "尚未进行保密审查"],
        );
        assert_eq!(
            missing_interpretation(true, Some(&not_signed)),
            [
                "解读“《示范镇农村人居环境整治办法》解读”是图解，尚未附图片（PNG 或 JPEG）",
                "解读“《示范镇农村人居环境整治办法》解读”尚未完成“科室负责人审核”",
                "解读“《示范镇农村人居环境整治办法》解读”尚未进行保密审查",
            ]
        );
        let qa_without_answers =
            state(InterpretationForm::Qa, "问：谁来清运？\n问：何时？", 0, &[]);
        assert_eq!(
            missing_interpretation(true, Some(&qa_without_answers)).len(),
            1
        );
        let empty_text = state(InterpretationForm::Text, "  ", 0, &[]);
        assert!(missing_interpretation(true, Some(&empty_text))[0].contains("还没有解读文字"));
    }

    #[test]
    fn a_ready_or_published_interpretation_holds_nothing_back() {
        let ready = state(
            InterpretationForm::Qa,
            "问1：谁来清运？\n\n答：各村保洁员。",
            0,
            &[],
        );
        assert!(missing_interpretation(true, Some(&ready)).is_empty());
        let image = state(InterpretationForm::Graphic, "", 1, &[]);
        assert!(missing_interpretation(true, Some(&image)).is_empty());
        let mut out = state(InterpretationForm::Text, "", 0, &["尚未进行保密审查"]);
        out.published = true;
        assert!(missing_interpretation(true, Some(&out)).is_empty());
    }

    #[test]
    fn questions_count_only_with_their_answers() {
        assert_eq!(qa_pairs("问：一？\n答：是。\n问:二？\n答:否。"), 2);
        assert_eq!(qa_pairs("问：一？\n问：二？\n答：是。"), 1);
        assert_eq!(qa_pairs("问题很多\n答复很快"), 0);
    }
}
