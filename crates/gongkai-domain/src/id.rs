use std::fmt;
use std::str::FromStr;

use uuid::Uuid;

use crate::DomainError;

/// Identity of a stored row.
///
/// UUIDv7: unique across installations (so rows from many townships can meet at the county
/// portal without renumbering) and roughly time-ordered (so indexes stay compact).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RowId(Uuid);

impl RowId {
    pub fn new() -> Self {
        Self(Uuid::now_v7())
    }
}

impl Default for RowId {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Display for RowId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.hyphenated().fmt(f)
    }
}

impl FromStr for RowId {
    type Err = DomainError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Uuid::parse_str(s.trim())
            .map(Self)
            .map_err(|_| DomainError::BadRowId(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_text() {
        let id = RowId::new();
        assert_eq!(id.to_string().parse::<RowId>(), Ok(id));
    }

    #[test]
    fn later_ids_sort_after_earlier_ones() {
        let first = RowId::new();
        let second = RowId::new();
        assert!(first < second);
    }

    #[test]
    fn refuses_garbage() {
        assert!("村委会".parse::<RowId>().is_err());
    }
}
