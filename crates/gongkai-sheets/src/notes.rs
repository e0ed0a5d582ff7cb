//! The lines a county or township writes under its table — notes (注：…, 填表说明：…) and the
//! form's sign-off (填报单位（盖章）：…, 联系电话：…) — told from the table's own rows, which
//! the catalog and the work-plan imports both read.

/// What a note or the sign-off under a table starts with.
const NOTE_STARTS: &[&str] = &[
    "注",
    "备注",
    "附注",
    "说明",
    "填表",
    "填报",
    "制表",
    "审核",
    "联系人",
    "联系电话",
    "负责人",
];

/// Whether the first text of a row starts a note or the sign-off: one of [`NOTE_STARTS`]
/// alone, followed by punctuation or a note's number (注1., 注①), or a few characters then
/// a colon (填报单位（盖章）：, 审核人：). A row opening with words that merely begin the same
/// way (审核结果, 说明书) is not one.
pub fn starts_a_note(first: &str) -> bool {
    NOTE_STARTS.iter().any(|start| {
        first.strip_prefix(start).is_some_and(|rest| {
            rest.is_empty()
                || rest.starts_with(|c: char| !c.is_alphanumeric() || matches!(c, '1' | '１' | '①'))
                || rest.chars().take(8).any(|c| matches!(c, '：' | ':'))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::starts_a_note;

    #[test]
    fn notes_and_sign_offs_are_told_from_rows_that_begin_alike() {
        for note in [
            "注",
            "注：本表由县政务公开办负责解释",
            "备注:",
            "注1.时限按工作日计",
            "注①",
            "填表说明：",
            "填报单位（盖章）：示范镇人民政府",
            "审核人：李明",
            "联系电话：0999-1234567",
            "说明、",
        ] {
            assert!(starts_a_note(note), "{note}");
        }
        for row in [
            "审核结果",
            "说明书发放",
            "负责人员培训",
            "1",
            "社会救助",
            "填报",
        ] {
            assert_eq!(starts_a_note(row), row == "填报", "{row}");
        }
    }
}
