//! Reading and writing the township profile.

use chrono::{DateTime, Utc};
use gongkai_domain::demo::DemoProfile;
use gongkai_domain::{
    CreditCode, DivisionCode, DomainError, Name, Office, Person, Phone, Roles, RowId, Township,
    Village, VillageCode, VillageKind,
};
use rusqlite::{OptionalExtension, Row, params};

use crate::{Store, StoreError, Writer};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProfileCounts {
    pub villages: u32,
    pub offices: u32,
    pub people: u32,
}

impl Store {
    pub fn township(&self) -> Result<Option<Township>, StoreError> {
        let raw = self
            .conn
            .query_row(
                "SELECT id, name, division_code, credit_code, county, updated_at FROM township",
                [],
                RawTownship::from_row,
            )
            .optional()?;
        raw.map(RawTownship::into_domain).transpose()
    }

    pub fn require_township(&self) -> Result<Township, StoreError> {
        self.township()?.ok_or(StoreError::NoTownship)
    }

    pub fn create_township(&mut self, township: &Township) -> Result<(), StoreError> {
        if let Some(existing) = self.township()? {
            return Err(StoreError::TownshipExists(existing.name.to_string()));
        }
        self.write(|w| w.upsert_township(township))
    }

    pub fn update_township(&mut self, township: &Township) -> Result<(), StoreError> {
        self.require_row("township", township.id, "镇（街道）信息")?;
        if let Some(division) = &township.division_code {
            for village in &self.villages()? {
                village.code.check_within(division)?;
            }
        }
        self.write(|w| w.upsert_township(township))
    }

    /// Writes a whole demo profile in one transaction: all of it or nothing.
    pub fn install_demo(&mut self, demo: &DemoProfile) -> Result<(), StoreError> {
        if let Some(existing) = self.township()? {
            return Err(StoreError::TownshipExists(existing.name.to_string()));
        }
        self.write(|w| {
            w.upsert_township(&demo.township)?;
            for village in &demo.villages {
                w.upsert_village(village)?;
            }
            for office in &demo.offices {
                w.upsert_office(office)?;
            }
            for person in &demo.people {
                w.upsert_person(person)?;
            }
            Ok(())
        })
    }

    pub fn villages(&self) -> Result<Vec<Village>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, name, code, kind FROM village ORDER BY code")?;
        let rows = stmt
            .query_map([], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, String>(3)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        rows.into_iter()
            .map(|(id, name, code, kind)| {
                Ok(Village {
                    id: id.parse()?,
                    name: Name::parse("村（社区）名称", &name)?,
                    code: VillageCode::parse(&code)?,
                    kind: parse_kind(&kind)?,
                })
            })
            .collect()
    }

    pub fn insert_village(&mut self, village: &Village) -> Result<(), StoreError> {
        self.check_village(village)?;
        self.write(|w| w.upsert_village(village))
    }

    pub fn update_village(&mut self, village: &Village) -> Result<(), StoreError> {
        self.require_row("village", village.id, "村（社区）")?;
        self.check_village(village)?;
        self.write(|w| w.upsert_village(village))
    }

    pub fn delete_village(&mut self, id: RowId) -> Result<(), StoreError> {
        self.refuse_village_with_boards(id)?;
        self.delete_row("village", id, "村（社区）")
    }

    fn check_village(&self, village: &Village) -> Result<(), StoreError> {
        let township = self.require_township()?;
        if let Some(division) = &township.division_code {
            village.code.check_within(division)?;
        }
        self.refuse_duplicate(
            "village",
            "name",
            village.name.as_str(),
            village.id,
            "村（社区）名称",
        )?;
        self.refuse_duplicate(
            "village",
            "code",
            village.code.as_str(),
            village.id,
            "村（社区）区划代码",
        )
    }

    pub fn offices(&self) -> Result<Vec<Office>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, name, phone FROM office ORDER BY name")?;
        let rows = stmt
            .query_map([], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, Option<String>>(2)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        rows.into_iter()
            .map(|(id, name, phone)| {
                Ok(Office {
                    id: id.parse()?,
                    name: Name::parse("科室名称", &name)?,
                    phone: phone.as_deref().map(Phone::parse).transpose()?,
                })
            })
            .collect()
    }

    pub fn insert_office(&mut self, office: &Office) -> Result<(), StoreError> {
        self.refuse_duplicate(
            "office",
            "name",
            office.name.as_str(),
            office.id,
            "科室名称",
        )?;
        self.write(|w| w.upsert_office(office))
    }

    pub fn update_office(&mut self, office: &Office) -> Result<(), StoreError> {
        self.require_row("office", office.id, "科室")?;
        self.insert_office(office)
    }

    pub fn delete_office(&mut self, id: RowId) -> Result<(), StoreError> {
        let people: u32 = self.conn.query_row(
            "SELECT count(*) FROM person WHERE office_id = ?1",
            [id.to_string()],
            |row| row.get(0),
        )?;
        if people > 0 {
            let office = self
                .offices()?
                .into_iter()
                .find(|o| o.id == id)
                .map(|o| o.name.to_string())
                .unwrap_or_default();
            return Err(StoreError::OfficeInUse { office, people });
        }
        self.delete_row("office", id, "科室")
    }

    pub fn people(&self) -> Result<Vec<Person>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, name, office_id, can_draft, can_review, can_approve
             FROM person ORDER BY name",
        )?;
        let rows = stmt
            .query_map([], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, Option<String>>(2)?,
                    Roles {
                        draft: row.get(3)?,
                        review: row.get(4)?,
                        approve: row.get(5)?,
                    },
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        rows.into_iter()
            .map(|(id, name, office, roles)| {
                Ok(Person {
                    id: id.parse()?,
                    name: Name::parse("姓名", &name)?,
                    office: office.as_deref().map(str::parse).transpose()?,
                    roles,
                })
            })
            .collect()
    }

    pub fn insert_person(&mut self, person: &Person) -> Result<(), StoreError> {
        if let Some(office) = person.office {
            self.require_row("office", office, "科室")?;
        }
        self.write(|w| w.upsert_person(person))
    }

    pub fn update_person(&mut self, person: &Person) -> Result<(), StoreError> {
        self.require_row("person", person.id, "人员")?;
        self.insert_person(person)
    }

    pub fn delete_person(&mut self, id: RowId) -> Result<(), StoreError> {
        self.delete_row("person", id, "人员")
    }

    pub fn profile_counts(&self) -> Result<ProfileCounts, StoreError> {
        Ok(self.conn.query_row(
            "SELECT (SELECT count(*) FROM village), (SELECT count(*) FROM office),
                    (SELECT count(*) FROM person)",
            [],
            |row| {
                Ok(ProfileCounts {
                    villages: row.get(0)?,
                    offices: row.get(1)?,
                    people: row.get(2)?,
                })
            },
        )?)
    }

    // `table` and `column` are always literals from this module, never user input.
    fn refuse_duplicate(
        &self,
        table: &str,
        column: &str,
        value: &str,
        own_id: RowId,
        what: &'static str,
    ) -> Result<(), StoreError> {
        let taken: bool = self.conn.query_row(
            &format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE {column} = ?1 AND id <> ?2)"),
            [value, &own_id.to_string()],
            |row| row.get(0),
        )?;
        if taken {
            return Err(StoreError::Duplicate {
                what,
                value: value.to_owned(),
            });
        }
        Ok(())
    }

    fn require_row(&self, table: &str, id: RowId, what: &'static str) -> Result<(), StoreError> {
        let exists: bool = self.conn.query_row(
            &format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1)"),
            [id.to_string()],
            |row| row.get(0),
        )?;
        if exists {
            Ok(())
        } else {
            Err(StoreError::NotFound { what })
        }
    }

    fn delete_row(&mut self, table: &str, id: RowId, what: &'static str) -> Result<(), StoreError> {
        self.write(|w| {
            let deleted = w.tx.execute(
                &format!("DELETE FROM {table} WHERE id = ?1"),
                [id.to_string()],
            )?;
            if deleted == 0 {
                return Err(StoreError::NotFound { what });
            }
            Ok(())
        })
    }
}

impl Writer<'_> {
    fn upsert_township(&self, township: &Township) -> Result<(), StoreError> {
        self.tx.execute(
            "INSERT INTO township (id, name, division_code, credit_code, county, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (id) DO UPDATE SET name = excluded.name,
                 division_code = excluded.division_code, credit_code = excluded.credit_code,
                 county = excluded.county, updated_at = excluded.updated_at",
            params![
                township.id.to_string(),
                township.name.as_str(),
                township.division_code.as_ref().map(DivisionCode::as_str),
                township.credit_code.as_ref().map(CreditCode::as_str),
                township.county.as_str(),
                self.now_text(),
            ],
        )?;
        Ok(())
    }

    fn upsert_village(&self, village: &Village) -> Result<(), StoreError> {
        self.tx.execute(
            "INSERT INTO village (id, name, code, kind, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (id) DO UPDATE SET name = excluded.name, code = excluded.code,
                 kind = excluded.kind, updated_at = excluded.updated_at",
            params![
                village.id.to_string(),
                village.name.as_str(),
                village.code.as_str(),
                kind_text(village.kind),
                self.now_text(),
            ],
        )?;
        Ok(())
    }

    fn upsert_office(&self, office: &Office) -> Result<(), StoreError> {
        self.tx.execute(
            "INSERT INTO office (id, name, phone, updated_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone,
                 updated_at = excluded.updated_at",
            params![
                office.id.to_string(),
                office.name.as_str(),
                office.phone.as_ref().map(Phone::as_str),
                self.now_text(),
            ],
        )?;
        Ok(())
    }

    fn upsert_person(&self, person: &Person) -> Result<(), StoreError> {
        self.tx.execute(
            "INSERT INTO person (id, name, office_id, can_draft, can_review, can_approve, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (id) DO UPDATE SET name = excluded.name, office_id = excluded.office_id,
                 can_draft = excluded.can_draft, can_review = excluded.can_review,
                 can_approve = excluded.can_approve, updated_at = excluded.updated_at",
            params![
                person.id.to_string(),
                person.name.as_str(),
                person.office.map(|o| o.to_string()),
                person.roles.draft,
                person.roles.review,
                person.roles.approve,
                self.now_text(),
            ],
        )?;
        Ok(())
    }
}

struct RawTownship {
    id: String,
    name: String,
    division_code: Option<String>,
    credit_code: Option<String>,
    county: String,
    updated_at: String,
}

impl RawTownship {
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Self {
            id: row.get(0)?,
            name: row.get(1)?,
            division_code: row.get(2)?,
            credit_code: row.get(3)?,
            county: row.get(4)?,
            updated_at: row.get(5)?,
        })
    }

    fn into_domain(self) -> Result<Township, StoreError> {
        let updated_at = DateTime::parse_from_rfc3339(&self.updated_at)
            .map(|t| t.with_timezone(&Utc))
            .map_err(|_| DomainError::BadCode {
                field: "更新时间",
                value: self.updated_at.clone(),
                reason: "不是有效的时间".to_owned(),
            })?;
        Ok(Township::new(
            self.id.parse()?,
            Name::parse("名称", &self.name)?,
            self.division_code
                .as_deref()
                .map(DivisionCode::parse)
                .transpose()?,
            self.credit_code
                .as_deref()
                .map(CreditCode::parse)
                .transpose()?,
            Name::parse("所属县（市、区）", &self.county)?,
            updated_at,
        )?)
    }
}

fn kind_text(kind: VillageKind) -> &'static str {
    match kind {
        VillageKind::Village => "village",
        VillageKind::Community => "community",
    }
}

fn parse_kind(text: &str) -> Result<VillageKind, DomainError> {
    match text {
        "village" => Ok(VillageKind::Village),
        "community" => Ok(VillageKind::Community),
        other => Err(DomainError::BadCode {
            field: "村（社区）类型",
            value: other.to_owned(),
            reason: "应为村或社区".to_owned(),
        }),
    }
}
