//! The states of a payout list, with their Chinese names (the one place they are written).

/// 草稿 → 公示中 → 已归档; an archived list is 已被更正清册替代 once a corrected list names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PayoutListStatus {
    Draft,
    Posted,
    Archived,
    Superseded,
}

impl PayoutListStatus {
    pub const ALL: [PayoutListStatus; 4] = [
        PayoutListStatus::Draft,
        PayoutListStatus::Posted,
        PayoutListStatus::Archived,
        PayoutListStatus::Superseded,
    ];

    /// As stored in `payout_list.status`.
    pub fn key(self) -> &'static str {
        match self {
            PayoutListStatus::Draft => "draft",
            PayoutListStatus::Posted => "posted",
            PayoutListStatus::Archived => "archived",
            PayoutListStatus::Superseded => "superseded",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            PayoutListStatus::Draft => "草稿",
            PayoutListStatus::Posted => "公示中",
            PayoutListStatus::Archived => "已归档",
            PayoutListStatus::Superseded => "已被更正清册替代",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for s in PayoutListStatus::ALL {
            assert_eq!(PayoutListStatus::from_key(s.key()), Some(s));
        }
        assert_eq!(PayoutListStatus::from_key("已归档"), None);
    }
}
