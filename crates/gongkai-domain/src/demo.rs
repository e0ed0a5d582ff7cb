//! The fictional 示范镇 that a newcomer can open to see a working app at once.
//!
//! Codes use the prefix 99, which no province has, so demo data can never be mistaken for a
//! real township when it reaches a county portal.

use chrono::{DateTime, Utc};

use crate::{
    CreditCode, DivisionCode, DomainError, Name, Office, Person, Phone, Role, RowId, Township,
    Village, VillageCode, VillageKind,
};

/// Everything a demo installation starts with.
#[derive(Debug, Clone)]
pub struct DemoProfile {
    pub township: Township,
    pub villages: Vec<Village>,
    pub offices: Vec<Office>,
    pub people: Vec<Person>,
}

const DIVISION: &str = "999901101";

const VILLAGES: [(&str, &str, VillageKind); 6] = [
    ("001", "镇区社区", VillageKind::Community),
    ("201", "东山村", VillageKind::Village),
    ("202", "西河村", VillageKind::Village),
    ("203", "南岭村", VillageKind::Village),
    ("204", "北塘村", VillageKind::Village),
    ("205", "桃源村", VillageKind::Village),
];

const OFFICES: [(&str, &str); 5] = [
    ("党政综合办公室", "0799-5550101"),
    ("财政所", "0799-5550102"),
    ("农业综合服务中心", "0799-5550103"),
    ("社会事务办公室", "0799-5550104"),
    ("便民服务中心", "0799-5550105"),
];

/// (name, office index, roles)
const PEOPLE: [(&str, usize, &[Role]); 6] = [
    ("李明", 0, &[Role::Draft]),
    ("王芳", 0, &[Role::Review]),
    ("张建国", 0, &[Role::Approve]),
    ("赵丽", 1, &[Role::Draft, Role::Review]),
    ("刘洋", 2, &[Role::Draft]),
    ("陈静", 3, &[Role::Draft]),
];

/// Builds the demo township. Fresh ids each time: two demo databases are two installations.
pub fn profile(now: DateTime<Utc>) -> Result<DemoProfile, DomainError> {
    let township = Township::new(
        RowId::new(),
        Name::parse("名称", "示范镇")?,
        Some(DivisionCode::parse(DIVISION)?),
        Some(CreditCode::with_check_character("11999901MB0000001")?),
        Name::parse("所属县（市、区）", "示范县")?,
        now,
    )?;
    let villages = VILLAGES
        .iter()
        .map(|(suffix, name, kind)| {
            Ok(Village {
                id: RowId::new(),
                name: Name::parse("村（社区）名称", name)?,
                code: VillageCode::parse(&format!("{DIVISION}{suffix}"))?,
                kind: *kind,
            })
        })
        .collect::<Result<Vec<_>, DomainError>>()?;
    let offices = OFFICES
        .iter()
        .map(|(name, phone)| {
            Ok(Office {
                id: RowId::new(),
                name: Name::parse("科室名称", name)?,
                phone: Some(Phone::parse(phone)?),
            })
        })
        .collect::<Result<Vec<_>, DomainError>>()?;
    let people = PEOPLE
        .iter()
        .map(|(name, office, roles)| {
            Ok(Person {
                id: RowId::new(),
                name: Name::parse("姓名", name)?,
                office: offices.get(*office).map(|o| o.id),
                roles: roles.iter().copied().collect(),
            })
        })
        .collect::<Result<Vec<_>, DomainError>>()?;
    Ok(DemoProfile {
        township,
        villages,
        offices,
        people,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_is_consistent() {
        let demo = profile(Utc::now()).unwrap();
        let division = demo.township.division_code.clone().unwrap();
        for village in &demo.villages {
            village.code.check_within(&division).unwrap();
        }
        assert!(demo.people.iter().all(|p| p.office.is_some()));
        for role in Role::ALL {
            assert!(
                demo.people.iter().any(|p| p.roles.contains(role)),
                "no one can {}",
                role.label()
            );
        }
    }
}
