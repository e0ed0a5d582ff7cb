//! A task at the end of its year: where it stood on 31 December (from the notes dated in the
//! year, the last one's status deciding) and the first draft of its 年终小结, which the clerk
//! rewrites and which goes into section 一 of the annual report.

use chrono::{Datelike, NaiveDate};

/// Where a task stood when its year ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearEndOutcome {
    /// The last note of the year marked it done, on that day.
    Done { on: NaiveDate },
    /// Notes in the year, the last not marking it done.
    InProgress,
    /// No note in the year.
    NotStarted,
}

/// A progress note as the year's end weighs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoteFacts<'a> {
    pub noted_on: NaiveDate,
    /// The note marked the task done.
    pub done: bool,
    pub text: &'a str,
    /// Evidence files kept with the note.
    pub evidence: u32,
}

/// What the year's notes say of a task.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearEnd {
    pub outcome: YearEndOutcome,
    /// Notes dated in the year.
    pub notes: u32,
    /// Evidence files of those notes.
    pub evidence: u32,
    /// The last note of the year that says something: its day and text.
    pub last_said: Option<(NaiveDate, String)>,
}

impl YearEnd {
    /// `notes` oldest first (as the store gives them); notes after the year are not counted.
    pub fn of(year: i32, notes: &[NoteFacts<'_>]) -> YearEnd {
        let in_year: Vec<&NoteFacts<'_>> =
            notes.iter().filter(|n| n.noted_on.year() == year).collect();
        let outcome = match in_year.last() {
            Some(last) if last.done => YearEndOutcome::Done { on: last.noted_on },
            Some(_) => YearEndOutcome::InProgress,
            None => YearEndOutcome::NotStarted,
        };
        YearEnd {
            outcome,
            notes: u32::try_from(in_year.len()).unwrap_or(u32::MAX),
            evidence: in_year.iter().map(|n| n.evidence).sum(),
            last_said: in_year
                .iter()
                .rev()
                .find(|n| !n.text.trim().is_empty())
                .map(|n| (n.noted_on, n.text.trim().to_owned())),
        }
    }

    /// The 年终小结 drafted from the notes: the outcome, the last thing done, the evidence kept.
    pub fn draft(&self) -> String {
        // The note's day is left out where the sentence already names it.
        let said = |prefix: &str, on_day: Option<NaiveDate>| match &self.last_said {
            Some((on, text)) if Some(*on) == on_day => sentence(text),
            Some((on, text)) => format!("{prefix}{}：{}", month_day(*on), sentence(text)),
            None => String::new(),
        };
        let evidence = if self.evidence > 0 {
            format!("留存佐证材料 {} 份。", self.evidence)
        } else {
            "未留存佐证材料。".to_owned()
        };
        match self.outcome {
            YearEndOutcome::Done { on } => {
                format!(
                    "已于{}完成。{}{evidence}",
                    month_day(on),
                    said("", Some(on))
                )
            }
            YearEndOutcome::InProgress => format!(
                "推进中，全年记录进展 {} 次。{}{evidence}",
                self.notes,
                said("最近一次", None)
            ),
            YearEndOutcome::NotStarted => "年内未记录进展。".to_owned(),
        }
    }
}

fn month_day(day: NaiveDate) -> String {
    format!("{}月{}日", day.month(), day.day())
}

/// A note's text ending as a sentence does.
fn sentence(text: &str) -> String {
    let text = text.trim_end_matches(['，', ',', '；', ';', '、', ' ']);
    if text.ends_with(['。', '！', '？', '.', '!', '?']) {
        text.to_owned()
    } else {
        format!("{text}。")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap_or(NaiveDate::MIN)
    }

    fn note(on: &str, done: bool, text: &'static str, evidence: u32) -> NoteFacts<'static> {
        NoteFacts {
            noted_on: day(on),
            done,
            text,
            evidence,
        }
    }

    #[test]
    fn the_last_note_of_the_year_decides_the_outcome() {
        let notes = [
            note("2021-09-01", false, "已起草培训方案", 1),
            note("2021-10-15", true, "10月15日开展全镇政务公开培训", 2),
            note("2022-01-10", false, "补充签到表", 1),
        ];
        let end = YearEnd::of(2021, &notes);
        assert_eq!(
            end.outcome,
            YearEndOutcome::Done {
                on: day("2021-10-15")
            }
        );
        assert_eq!(
            (end.notes, end.evidence),
            (2, 3),
            "a note of 2022 is not 2021's"
        );
        assert_eq!(
            end.draft(),
            "已于10月15日完成。10月15日开展全镇政务公开培训。留存佐证材料 3 份。"
        );

        let reopened = [
            note("2021-05-01", true, "已公开", 0),
            note("2021-06-01", false, "上级要求补充，重新整理；", 0),
        ];
        let end = YearEnd::of(2021, &reopened);
        assert_eq!(end.outcome, YearEndOutcome::InProgress);
        assert_eq!(
            end.draft(),
            "推进中，全年记录进展 2 次。最近一次6月1日：上级要求补充，重新整理。未留存佐证材料。"
        );

        let end = YearEnd::of(2021, &[note("2022-02-01", true, "次年完成", 1)]);
        assert_eq!(end.outcome, YearEndOutcome::NotStarted);
        assert_eq!(end.draft(), "年内未记录进展。");
    }

    #[test]
    fn a_done_note_without_words_leaves_the_last_words_said() {
        let notes = [
            note("2021-03-02", false, "专栏已建成", 1),
            note("2021-03-20", true, "", 0),
        ];
        let end = YearEnd::of(2021, &notes);
        assert_eq!(
            end.draft(),
            "已于3月20日完成。3月2日：专栏已建成。留存佐证材料 1 份。"
        );
    }
}
