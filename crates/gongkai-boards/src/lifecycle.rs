//! A posting's lifecycle: 草稿 → 已打印 → 已张贴 → (公示期满) → 已撤下 → 已归档.
//!
//! 公示期满 is not a stored state: it is a posted sheet seen after its notice period's last day.
//! A sheet taken down before it has stayed its zone's minimum days, or while its notice period
//! runs, was taken down early and must be posted again; the new posting names the one it
//! reposts.

use chrono::NaiveDate;

use crate::BoardError;

/// The stored state of a posting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PostingStatus {
    Draft,
    Printed,
    Posted,
    TakenDown,
    Archived,
}

impl PostingStatus {
    pub const ALL: [PostingStatus; 5] = [
        PostingStatus::Draft,
        PostingStatus::Printed,
        PostingStatus::Posted,
        PostingStatus::TakenDown,
        PostingStatus::Archived,
    ];

    pub fn key(self) -> &'static str {
        match self {
            PostingStatus::Draft => "draft",
            PostingStatus::Printed => "printed",
            PostingStatus::Posted => "posted",
            PostingStatus::TakenDown => "taken_down",
            PostingStatus::Archived => "archived",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PostingStatus::Draft => "草稿",
            PostingStatus::Printed => "已打印",
            PostingStatus::Posted => "已张贴",
            PostingStatus::TakenDown => "已撤下",
            PostingStatus::Archived => "已归档",
        }
    }

    pub fn parse(key: &str) -> Result<PostingStatus, BoardError> {
        Self::ALL
            .into_iter()
            .find(|s| s.key() == key)
            .ok_or_else(|| BoardError::Invalid(format!("张贴状态“{key}”无法识别")))
    }

    /// Whether the lifecycle goes from `self` straight to `next`. Printing again (a spoiled
    /// sheet) keeps a printed posting printed; a draft may be archived unposted (withdrawn
    /// before it reached the wall).
    pub fn may_become(self, next: PostingStatus) -> bool {
        use PostingStatus::*;
        matches!(
            (self, next),
            (Draft, Printed)
                | (Printed, Printed)
                | (Printed, Posted)
                | (Posted, TakenDown)
                | (TakenDown, Archived)
                | (Draft, Archived)
                | (Printed, Archived)
        )
    }

    /// [`may_become`](Self::may_become), refused with what the clerk must do first.
    pub fn check(self, next: PostingStatus) -> Result<(), BoardError> {
        if self.may_become(next) {
            return Ok(());
        }
        let hint = match next {
            PostingStatus::Printed => "只有草稿或已打印的张贴可以打印",
            PostingStatus::Posted => "须先打印，才能登记张贴",
            PostingStatus::TakenDown => "只有已张贴的可以撤下",
            PostingStatus::Archived => "已张贴的须先撤下，才能归档",
            PostingStatus::Draft => "张贴不能退回草稿",
        };
        Err(BoardError::Invalid(format!(
            "该张贴目前为“{}”，不能改为“{}”：{hint}",
            self.label(),
            next.label()
        )))
    }
}

/// What the clerk sees: the stored state, with 公示期满 derived.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stage {
    Draft,
    Printed,
    Posted,
    /// Posted, and `today` is past the notice period: take it down.
    Expired,
    TakenDown,
    Archived,
}

impl Stage {
    pub fn of(status: PostingStatus, notice_to: NaiveDate, today: NaiveDate) -> Stage {
        match status {
            PostingStatus::Draft => Stage::Draft,
            PostingStatus::Printed => Stage::Printed,
            PostingStatus::Posted if today > notice_to => Stage::Expired,
            PostingStatus::Posted => Stage::Posted,
            PostingStatus::TakenDown => Stage::TakenDown,
            PostingStatus::Archived => Stage::Archived,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Stage::Draft => "draft",
            Stage::Printed => "printed",
            Stage::Posted => "posted",
            Stage::Expired => "expired",
            Stage::TakenDown => "taken_down",
            Stage::Archived => "archived",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Stage::Draft => "草稿",
            Stage::Printed => "已打印",
            Stage::Posted => "已张贴",
            Stage::Expired => "公示期满",
            Stage::TakenDown => "已撤下",
            Stage::Archived => "已归档",
        }
    }
}

/// The dates a posting carries, checked for order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PostingDates {
    pub notice_from: NaiveDate,
    pub notice_to: NaiveDate,
    pub printed_on: Option<NaiveDate>,
    pub posted_on: Option<NaiveDate>,
    pub taken_down_on: Option<NaiveDate>,
}

impl PostingDates {
    /// Refuses dates out of order, or a date after `today` (nothing is posted in the future).
    pub fn check(&self, today: NaiveDate) -> Result<(), BoardError> {
        if self.notice_to < self.notice_from {
            return Err(BoardError::Invalid(format!(
                "公示结束日期 {} 早于开始日期 {}",
                self.notice_to, self.notice_from
            )));
        }
        for (what, date) in [("张贴", self.posted_on), ("撤下", self.taken_down_on)] {
            if let Some(date) = date
                && date > today
            {
                return Err(BoardError::Invalid(format!(
                    "{what}日期 {date} 晚于今天 {today}：请登记实际发生的日期"
                )));
            }
        }
        if let (Some(printed), Some(posted)) = (self.printed_on, self.posted_on)
            && posted < printed
        {
            return Err(BoardError::Invalid(format!(
                "张贴日期 {posted} 早于打印日期 {printed}"
            )));
        }
        if let (Some(posted), Some(down)) = (self.posted_on, self.taken_down_on)
            && down < posted
        {
            return Err(BoardError::Invalid(format!(
                "撤下日期 {down} 早于张贴日期 {posted}"
            )));
        }
        Ok(())
    }
}

/// Whether a take-down came too soon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TakeDown {
    InTime,
    /// Taken down early: the sheet must be posted again. The reason names the rule broken.
    Early {
        reason: String,
    },
}

impl TakeDown {
    /// A sheet posted on `posted_on` and taken down on `taken_down_on` stayed up
    /// `taken_down_on - posted_on` full days; it is early when that is fewer than the zone's
    /// `min_days`, or when it came down on or before `notice_to` (the notice period's last day
    /// is a day on the wall).
    pub fn judge(
        posted_on: NaiveDate,
        taken_down_on: NaiveDate,
        notice_to: NaiveDate,
        min_days: Option<u32>,
    ) -> TakeDown {
        let days_up = (taken_down_on - posted_on).num_days();
        let mut reasons = Vec::new();
        if let Some(min) = min_days
            && days_up < i64::from(min)
        {
            reasons.push(format!("只张贴了 {days_up} 天，本版块要求至少 {min} 天"));
        }
        if taken_down_on <= notice_to {
            reasons.push(format!(
                "公示期到 {notice_to} 止，{taken_down_on} 撤下时尚未期满"
            ));
        }
        if reasons.is_empty() {
            TakeDown::InTime
        } else {
            TakeDown::Early {
                reason: format!("提前撤下，须重新张贴：{}", reasons.join("；")),
            }
        }
    }

    pub fn is_early(&self) -> bool {
        matches!(self, TakeDown::Early { .. })
    }
}

/// A repost must put up again a sheet that came down early and has not been reposted yet.
pub fn check_repost(
    original_title: &str,
    original_take_down: Option<&TakeDown>,
    already_reposted: bool,
) -> Result<(), BoardError> {
    match original_take_down {
        Some(t) if t.is_early() && !already_reposted => Ok(()),
        Some(t) if t.is_early() => Err(BoardError::Invalid(format!(
            "“{original_title}”已经重新张贴过，不能再次登记为重新张贴"
        ))),
        _ => Err(BoardError::Invalid(format!(
            "“{original_title}”没有被提前撤下，无需重新张贴"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn the_lifecycle_goes_forward_only() {
        use PostingStatus::*;
        assert!(Draft.may_become(Printed));
        assert!(Printed.may_become(Posted));
        assert!(Posted.may_become(TakenDown));
        assert!(TakenDown.may_become(Archived));
        for (from, to) in [
            (Draft, Posted),
            (Posted, Archived),
            (Posted, Printed),
            (Archived, Posted),
            (TakenDown, Posted),
            (Printed, Draft),
        ] {
            let err = from.check(to).unwrap_err().to_string();
            assert!(
                err.contains(from.label()) && err.contains(to.label()),
                "{err}"
            );
        }
        for status in PostingStatus::ALL {
            assert_eq!(PostingStatus::parse(status.key()).unwrap(), status);
        }
        assert!(PostingStatus::parse("expired").is_err());
    }

    #[test]
    fn expired_is_derived_from_the_notice_period() {
        let to = day("2026-11-10");
        assert_eq!(Stage::of(PostingStatus::Posted, to, to), Stage::Posted);
        assert_eq!(
            Stage::of(PostingStatus::Posted, to, day("2026-11-11")),
            Stage::Expired
        );
        assert_eq!(
            Stage::of(PostingStatus::TakenDown, to, day("2026-12-01")),
            Stage::TakenDown
        );
        assert_eq!(Stage::Expired.label(), "公示期满");
    }

    #[test]
    fn dates_out_of_order_are_refused() {
        let today = day("2026-11-30");
        let good = PostingDates {
            notice_from: day("2026-11-02"),
            notice_to: day("2026-11-08"),
            printed_on: Some(day("2026-11-01")),
            posted_on: Some(day("2026-11-02")),
            taken_down_on: Some(day("2026-11-20")),
        };
        good.check(today).unwrap();
        let cases = [
            (
                PostingDates {
                    notice_to: day("2026-11-01"),
                    ..good
                },
                "早于开始日期",
            ),
            (
                PostingDates {
                    posted_on: Some(day("2026-10-31")),
                    ..good
                },
                "早于打印日期",
            ),
            (
                PostingDates {
                    taken_down_on: Some(day("2026-11-01")),
                    posted_on: Some(day("2026-11-02")),
                    ..good
                },
                "早于张贴日期",
            ),
            (
                PostingDates {
                    taken_down_on: Some(day("2026-12-01")),
                    ..good
                },
                "晚于今天",
            ),
        ];
        for (dates, expected) in cases {
            let err = dates.check(today).unwrap_err().to_string();
            assert!(err.contains(expected), "{err}");
        }
    }

    #[test]
    fn an_early_take_down_is_flagged_and_may_be_reposted_once() {
        let posted = day("2026-11-02");
        let notice_to = day("2026-11-08");
        // Down on 11-09: notice period over, but only 7 days up of a 10-day zone.
        let early = TakeDown::judge(posted, day("2026-11-09"), notice_to, Some(10));
        let TakeDown::Early { reason } = &early else {
            panic!("expected early")
        };
        assert!(
            reason.contains("须重新张贴") && reason.contains("至少 10 天"),
            "{reason}"
        );
        // Down during the notice period on a zone without a minimum.
        let early = TakeDown::judge(posted, day("2026-11-08"), notice_to, None);
        assert!(early.is_early());
        // Ten days up and after the period: in time.
        let fine = TakeDown::judge(posted, day("2026-11-12"), notice_to, Some(10));
        assert_eq!(fine, TakeDown::InTime);

        check_repost("财务公开", Some(&early), false).unwrap();
        assert!(
            check_repost("财务公开", Some(&early), true)
                .unwrap_err()
                .to_string()
                .contains("已经重新张贴过")
        );
        assert!(
            check_repost("财务公开", Some(&fine), false)
                .unwrap_err()
                .to_string()
                .contains("无需重新张贴")
        );
        assert!(check_repost("财务公开", None, false).is_err());
    }
}
