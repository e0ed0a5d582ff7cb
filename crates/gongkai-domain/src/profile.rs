//! The township profile: who publishes (the township and its offices), for whom (its villages
//! and communities) and who signs off (the people who draft, review and approve).

use chrono::{DateTime, Utc};

use crate::{CreditCode, DivisionCode, DomainError, Name, Phone, RowId, VillageCode};

/// The township or street office (乡镇/街道) this installation serves. One per database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Township {
    pub id: RowId,
    pub name: Name,
    pub division_code: Option<DivisionCode>,
    pub credit_code: Option<CreditCode>,
    /// 所属县（市、区）, as printed in document headers.
    pub county: Name,
    pub updated_at: DateTime<Utc>,
}

impl Township {
    /// Either code identifies the township to the county; at least one is required.
    pub fn new(
        id: RowId,
        name: Name,
        division_code: Option<DivisionCode>,
        credit_code: Option<CreditCode>,
        county: Name,
        updated_at: DateTime<Utc>,
    ) -> Result<Self, DomainError> {
        if division_code.is_none() && credit_code.is_none() {
            return Err(DomainError::MissingTownshipCode);
        }
        Ok(Self {
            id,
            name,
            division_code,
            credit_code,
            county,
            updated_at,
        })
    }
}

/// 村 or 社区: the distinction is printed on notices (村民委员会 / 居民委员会).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VillageKind {
    Village,
    Community,
}

impl VillageKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Village => "村",
            Self::Community => "社区",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Village {
    pub id: RowId,
    pub name: Name,
    pub code: VillageCode,
    pub kind: VillageKind,
}

/// 各办/站/中心 of the township.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Office {
    pub id: RowId,
    pub name: Name,
    pub phone: Option<Phone>,
}

/// The three signatures of 三审: 拟稿 (draft), 审核 (review by the office head), 审定
/// (approval by the leader in charge).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Draft,
    Review,
    Approve,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Draft, Role::Review, Role::Approve];

    pub fn label(self) -> &'static str {
        match self {
            Self::Draft => "拟稿",
            Self::Review => "审核",
            Self::Approve => "审定",
        }
    }
}

/// The set of roles one person may take; small townships give several to the same person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Roles {
    pub draft: bool,
    pub review: bool,
    pub approve: bool,
}

impl Roles {
    pub fn contains(self, role: Role) -> bool {
        match role {
            Role::Draft => self.draft,
            Role::Review => self.review,
            Role::Approve => self.approve,
        }
    }

    pub fn iter(self) -> impl Iterator<Item = Role> {
        Role::ALL.into_iter().filter(move |r| self.contains(*r))
    }
}

impl FromIterator<Role> for Roles {
    fn from_iter<I: IntoIterator<Item = Role>>(iter: I) -> Self {
        let mut roles = Roles::default();
        for role in iter {
            match role {
                Role::Draft => roles.draft = true,
                Role::Review => roles.review = true,
                Role::Approve => roles.approve = true,
            }
        }
        roles
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub id: RowId,
    pub name: Name,
    pub office: Option<RowId>,
    pub roles: Roles,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn township_needs_a_code() {
        let err = Township::new(
            RowId::new(),
            Name::parse("名称", "某镇").unwrap(),
            None,
            None,
            Name::parse("所属县", "某县").unwrap(),
            Utc::now(),
        )
        .unwrap_err();
        assert_eq!(err, DomainError::MissingTownshipCode);
    }

    #[test]
    fn roles_round_trip_through_iteration() {
        let roles: Roles = [Role::Approve, Role::Draft].into_iter().collect();
        assert_eq!(
            roles.iter().collect::<Vec<_>>(),
            [Role::Draft, Role::Approve]
        );
    }
}
