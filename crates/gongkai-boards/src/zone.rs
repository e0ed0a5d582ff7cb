//! A zone (版块) of a board: its name, rectangle, cadence (每月 / 每季度 / 每半年 / 随时 / 长期)
//! with its due rule, and the fewest days a sheet stays up. Templates (三务, 四务,
//! 乡镇政务公开栏) are rows of the township's database, never constants here.
//!
//! The cadence maps one to one onto the columns of migration 14 (`cadence`, `due_day`,
//! `due_within_days`, `due_in_working_days`): [`Cadence::from_columns`] and
//! [`Cadence::columns`] are the one place that reads and writes them.

use std::fmt;

use crate::BoardError;
use crate::geometry::Rect;

/// The day of the month a periodic zone's sheet is due, 1 to 31. In a shorter month a 31 is
/// that month's last day (see `period`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DueDay(u8);

impl DueDay {
    pub fn new(day: u32) -> Result<Self, BoardError> {
        match u8::try_from(day) {
            Ok(day @ 1..=31) => Ok(Self(day)),
            _ => Err(BoardError::Invalid(format!(
                "截止日应为每月 1 至 31 日，这里是 {day} 日"
            ))),
        }
    }

    pub fn get(self) -> u32 {
        u32::from(self.0)
    }
}

/// The most days a rule may count: a year.
pub const MAX_RULE_DAYS: u32 = 365;

/// How often a zone's content is renewed, and when its sheet falls due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cadence {
    /// 每月: the sheet of a month is due on this day of the next month (财务: the 15th).
    Monthly(DueDay),
    /// 每季度: the sheet of a quarter is due on this day of the next quarter's first month.
    Quarterly(DueDay),
    /// 每半年: the sheet of a half-year is due on this day of the month after it.
    HalfYearly(DueDay),
    /// 随时: a sheet is due within `within_days` of the matter, counted in working days on the
    /// official calendar when `working` (重大事项: within 10 days).
    AsNeeded { within_days: u32, working: bool },
    /// 长期: nothing falls due (监督电话, QR strips, 便民服务 information).
    Standing,
}

/// A cadence without its rule: what the clerk picks first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CadenceKind {
    Monthly,
    Quarterly,
    HalfYearly,
    AsNeeded,
    Standing,
}

impl CadenceKind {
    pub const ALL: [CadenceKind; 5] = [
        CadenceKind::Monthly,
        CadenceKind::Quarterly,
        CadenceKind::HalfYearly,
        CadenceKind::AsNeeded,
        CadenceKind::Standing,
    ];

    /// The key of migration 14's `cadence` column.
    pub fn key(self) -> &'static str {
        match self {
            CadenceKind::Monthly => "monthly",
            CadenceKind::Quarterly => "quarterly",
            CadenceKind::HalfYearly => "half_yearly",
            CadenceKind::AsNeeded => "as_needed",
            CadenceKind::Standing => "standing",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            CadenceKind::Monthly => "每月",
            CadenceKind::Quarterly => "每季度",
            CadenceKind::HalfYearly => "每半年",
            CadenceKind::AsNeeded => "随时",
            CadenceKind::Standing => "长期",
        }
    }
}

/// The columns of a cadence as migration 14 stores them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CadenceColumns {
    /// `monthly`, `quarterly`, `half_yearly`, `as_needed` or `standing`.
    pub key: &'static str,
    pub due_day: Option<u32>,
    pub due_within_days: Option<u32>,
    pub due_in_working_days: bool,
}

impl Cadence {
    pub const KEYS: [&'static str; 5] = [
        "monthly",
        "quarterly",
        "half_yearly",
        "as_needed",
        "standing",
    ];

    /// The key stored in `cadence` and carried on the wire.
    pub fn key(self) -> &'static str {
        self.kind().key()
    }

    pub fn kind(self) -> CadenceKind {
        match self {
            Cadence::Monthly(_) => CadenceKind::Monthly,
            Cadence::Quarterly(_) => CadenceKind::Quarterly,
            Cadence::HalfYearly(_) => CadenceKind::HalfYearly,
            Cadence::AsNeeded { .. } => CadenceKind::AsNeeded,
            Cadence::Standing => CadenceKind::Standing,
        }
    }

    /// The Chinese name of a cadence key.
    pub fn label_of(key: &str) -> Option<&'static str> {
        CadenceKind::ALL
            .into_iter()
            .find(|k| k.key() == key)
            .map(CadenceKind::label)
    }

    /// The day of the month a periodic cadence falls due.
    pub fn due_day(self) -> Option<DueDay> {
        match self {
            Cadence::Monthly(day) | Cadence::Quarterly(day) | Cadence::HalfYearly(day) => Some(day),
            Cadence::AsNeeded { .. } | Cadence::Standing => None,
        }
    }

    /// A cadence from its columns: the day only for the periodic ones, the day count only for
    /// 随时 (the table's CHECKs say the same).
    pub fn from_columns(
        key: &str,
        due_day: Option<u32>,
        due_within_days: Option<u32>,
        due_in_working_days: bool,
    ) -> Result<Self, BoardError> {
        let day = || match due_day {
            Some(day) => DueDay::new(day),
            None => Err(BoardError::Invalid(format!(
                "周期为“{}”的版块需要每月的截止日",
                Self::label_of(key).unwrap_or(key)
            ))),
        };
        let no_day = |label: &str| match due_day {
            None => Ok(()),
            Some(_) => Err(BoardError::Invalid(format!(
                "周期为“{label}”的版块没有每月截止日"
            ))),
        };
        let cadence = match key {
            "monthly" => Cadence::Monthly(day()?),
            "quarterly" => Cadence::Quarterly(day()?),
            "half_yearly" => Cadence::HalfYearly(day()?),
            "as_needed" => {
                no_day("随时")?;
                let within_days = due_within_days.ok_or_else(|| {
                    BoardError::Invalid("周期为“随时”的版块需要写明几天内张贴".into())
                })?;
                if !(1..=MAX_RULE_DAYS).contains(&within_days) {
                    return Err(BoardError::Invalid(format!(
                        "“随时”版块的张贴期限应为 1 至 {MAX_RULE_DAYS} 天，这里是 {within_days} 天"
                    )));
                }
                return Ok(Cadence::AsNeeded {
                    within_days,
                    working: due_in_working_days,
                });
            }
            "standing" => {
                no_day("长期")?;
                Cadence::Standing
            }
            other => {
                return Err(BoardError::Invalid(format!(
                    "不认识的更新周期“{other}”（应为每月、每季度、每半年、随时或长期）"
                )));
            }
        };
        if due_within_days.is_some() {
            return Err(BoardError::Invalid(format!(
                "只有“随时”版块有张贴期限天数，“{}”没有",
                Self::label_of(key).unwrap_or(key)
            )));
        }
        Ok(cadence)
    }

    /// The columns that store this cadence.
    pub fn columns(self) -> CadenceColumns {
        let (due_within_days, due_in_working_days) = match self {
            Cadence::AsNeeded {
                within_days,
                working,
            } => (Some(within_days), working),
            _ => (None, false),
        };
        CadenceColumns {
            key: self.key(),
            due_day: self.due_day().map(DueDay::get),
            due_within_days,
            due_in_working_days,
        }
    }
}

impl fmt::Display for Cadence {
    /// The rule as the clerk reads it: 每月，次月 15 日前 / 随时，10 个工作日内 / 长期.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Cadence::Monthly(day) => write!(f, "每月，次月 {} 日前", day.get()),
            Cadence::Quarterly(day) => write!(f, "每季度，下季度首月 {} 日前", day.get()),
            Cadence::HalfYearly(day) => write!(f, "每半年，次月 {} 日前", day.get()),
            Cadence::AsNeeded {
                within_days,
                working,
            } => write!(
                f,
                "随时，{within_days} 个{}内",
                if *working { "工作日" } else { "自然日" }
            ),
            Cadence::Standing => f.write_str("长期"),
        }
    }
}

/// A zone of a board or a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Zone {
    /// As the clerk typed it; [`crate::geometry::Layout::check`] refuses a blank or repeated one.
    pub name: String,
    pub rect: Rect,
    pub cadence: Cadence,
    /// The fewest calendar days a sheet stays up (山东 ≥5, 重庆 ≥10); `None`: no rule.
    pub min_days: Option<u32>,
}

impl Zone {
    /// The zone's own rules in range (a cadence built by hand may not be); the message is
    /// Chinese, without the zone's name (the layout check adds it).
    pub(crate) fn check_rules(&self) -> Result<(), String> {
        if let Some(days) = self.min_days
            && !(1..=MAX_RULE_DAYS).contains(&days)
        {
            return Err(format!(
                "最少张贴天数应为 1 至 {MAX_RULE_DAYS} 天，这里是 {days} 天"
            ));
        }
        let columns = self.cadence.columns();
        Cadence::from_columns(
            columns.key,
            columns.due_day,
            columns.due_within_days,
            columns.due_in_working_days,
        )
        .map(|_| ())
        .map_err(|e| e.to_string())
    }
}

/// Whom a template is for: the township's own board, or a village's or community's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BoardScope {
    Township,
    Village,
}

impl BoardScope {
    pub fn key(self) -> &'static str {
        match self {
            BoardScope::Township => "township",
            BoardScope::Village => "village",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        match key {
            "township" => Some(BoardScope::Township),
            "village" => Some(BoardScope::Village),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            BoardScope::Township => "乡镇（街道）公开栏",
            BoardScope::Village => "村（社区）公开栏",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cadence_round_trips_through_its_columns() {
        let day = DueDay::new(15).unwrap();
        for cadence in [
            Cadence::Monthly(day),
            Cadence::Quarterly(day),
            Cadence::HalfYearly(DueDay::new(31).unwrap()),
            Cadence::AsNeeded {
                within_days: 10,
                working: true,
            },
            Cadence::AsNeeded {
                within_days: 20,
                working: false,
            },
            Cadence::Standing,
        ] {
            let c = cadence.columns();
            assert_eq!(
                Cadence::from_columns(c.key, c.due_day, c.due_within_days, c.due_in_working_days),
                Ok(cadence)
            );
            assert_eq!(cadence.kind().key(), c.key);
            assert!(Cadence::label_of(c.key).is_some());
        }
    }

    #[test]
    fn columns_that_do_not_go_together_are_refused_in_chinese() {
        let refused = |key, day, within| {
            Cadence::from_columns(key, day, within, false)
                .unwrap_err()
                .to_string()
        };
        assert!(refused("monthly", None, None).contains("需要每月的截止日"));
        assert!(refused("monthly", Some(32), None).contains("1 至 31 日"));
        assert!(refused("monthly", Some(15), Some(3)).contains("只有“随时”"));
        assert!(refused("as_needed", None, None).contains("几天内"));
        assert!(refused("as_needed", None, Some(400)).contains("1 至 365 天"));
        assert!(refused("standing", Some(1), None).contains("没有每月截止日"));
        assert!(refused("weekly", None, None).contains("不认识"));
    }

    #[test]
    fn a_cadence_reads_as_its_rule() {
        let day = DueDay::new(15).unwrap();
        assert_eq!(Cadence::Monthly(day).to_string(), "每月，次月 15 日前");
        assert_eq!(
            Cadence::AsNeeded {
                within_days: 10,
                working: true
            }
            .to_string(),
            "随时，10 个工作日内"
        );
    }
}
