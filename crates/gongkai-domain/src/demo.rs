//! The fictional 示范镇 that a newcomer can open to see a working app at once.
//!
//! Codes use the prefix 99, which no province has, so demo data can never be mistaken for a
//! real township when it reaches a county portal.

use chrono::{DateTime, Days, NaiveDate, Utc};

use crate::{
    CreditCode, DivisionCode, DomainError, Name, Office, Person, Phone, Role, RowId, Township,
    Village, VillageCode, VillageKind, check_character,
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

/// A fictional resident of 示范镇, for the demo's payout lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resident {
    pub name: String,
    /// 18 characters: the fictional region 999901, a birth date from 1940 to 1989, a sequence
    /// number, and the GB 11643 check character, so the import takes it as a real number.
    pub id_number: String,
}

const SURNAMES: [&str; 20] = [
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林",
    "何", "郭", "马", "罗",
];

const GIVEN_NAMES: [&str; 23] = [
    "秀英", "桂兰", "建华", "玉梅", "国强", "志刚", "春花", "德明", "淑珍", "海燕", "立新", "桂芳",
    "振华", "晓东", "丽娟", "永福", "金凤", "长青", "凤英", "学军", "秋菊", "有才", "玉兰",
];

/// The `n`th resident: the same name and number for the same `n`, on every machine and day.
pub fn resident(n: u32) -> Resident {
    // Steps coprime to the list lengths walk every name before repeating one.
    let surname = SURNAMES[(n as usize * 7) % SURNAMES.len()];
    let given = GIVEN_NAMES[(n as usize * 5 + n as usize / 23) % GIVEN_NAMES.len()];
    let first = NaiveDate::from_ymd_opt(1940, 1, 1).unwrap_or(NaiveDate::MIN);
    // 18,262 days: 1940-01-01 up to the end of 1989.
    let birth = first
        .checked_add_days(Days::new(u64::from(n.wrapping_mul(7919) % 18_262)))
        .unwrap_or(first);
    let body = format!("{DIVISION_PREFIX}{}{:03}", birth.format("%Y%m%d"), n % 1000);
    let check = check_character(&body).unwrap_or('0');
    Resident {
        name: format!("{surname}{given}"),
        id_number: format!("{body}{check}"),
    }
}

/// The first six places of the demo's ID numbers: province 99, which does not exist.
const DIVISION_PREFIX: &str = "999901";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check_id_number;

    #[test]
    fn residents_are_fixed_fictional_and_pass_the_check() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let people: Vec<Resident> = (0..400).map(resident).collect();
        for person in &people {
            assert!(person.id_number.starts_with("99"), "{person:?}");
            assert!(
                check_id_number(&person.id_number, today).is_ok(),
                "{person:?}"
            );
        }
        let mut numbers: Vec<&str> = people.iter().map(|p| p.id_number.as_str()).collect();
        numbers.sort_unstable();
        numbers.dedup();
        assert_eq!(
            numbers.len(),
            people.len(),
            "no two residents share a number"
        );
        // The same on every run: a fixed name and number.
        assert_eq!(resident(3), resident(3));
        assert_eq!(resident(0).name, "王秀英");
    }

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
