//! The command implementations: parse wire input into domain values, call the store, answer
//! in wire types. No SQL here and no presentation.

use std::path::PathBuf;

use chrono::{Local, NaiveDate, Utc};
use gongkai_domain::{
    self as domain, CreditCode, DivisionCode, Name, Phone, RowId, VillageCode, demo,
};
use gongkai_store::{Store, StoreError};

use crate::session::OpenMode;
use crate::wire::{self, WIRE_VERSION};
use crate::{Api, ApiError};

impl Api {
    pub fn app_status(&self, _: wire::NoArgs) -> Result<wire::AppStatus, ApiError> {
        let status = |state, schema_version, profile, problem| wire::AppStatus {
            wire_version: WIRE_VERSION,
            db_path: self.db_path().display().to_string(),
            state,
            schema_version,
            profile,
            problem,
        };
        if !self.database_exists() {
            return Ok(status(wire::DbState::Missing, None, None, None));
        }
        let opened = self.with_store(OpenMode::Existing, |store| {
            let profile = match store.township()? {
                Some(_) => Some(profile_of(store)?),
                None => None,
            };
            Ok((store.schema_version()?, profile))
        });
        Ok(match opened {
            Ok((version, Some(profile))) => {
                status(wire::DbState::Ready, Some(version), Some(profile), None)
            }
            Ok((version, None)) => status(wire::DbState::Empty, Some(version), None, None),
            Err(e) => status(wire::DbState::Broken, None, None, Some(e.message)),
        })
    }

    pub fn setup_create(&self, input: wire::TownshipInput) -> Result<wire::Profile, ApiError> {
        let township = township_from(input, RowId::new())?;
        self.with_store(OpenMode::CreateIfMissing, |store| {
            store.create_township(&township)?;
            profile_of(store)
        })
    }

    /// The demo township's profile alone, what tests start from; the window's 打开示范镇 and
    /// `gongkai demo` make the lived-in one (`setup_demo_lived_in`).
    pub fn setup_demo(&self, _: wire::NoArgs) -> Result<wire::Profile, ApiError> {
        let demo = demo::profile(Utc::now())?;
        self.with_store(OpenMode::CreateIfMissing, |store| {
            store.install_demo(&demo)?;
            profile_of(store)
        })
    }

    pub fn profile_get(&self, _: wire::NoArgs) -> Result<wire::Profile, ApiError> {
        self.with_store(OpenMode::Existing, |store| profile_of(store))
    }

    pub fn township_update(&self, input: wire::TownshipInput) -> Result<wire::Profile, ApiError> {
        self.with_store(OpenMode::Existing, |store| {
            let current = store.require_township()?;
            store.update_township(&township_from(input, current.id)?)?;
            profile_of(store)
        })
    }

    pub fn village_save(&self, input: wire::VillageInput) -> Result<wire::Profile, ApiError> {
        let (id, is_new) = id_or_new(input.id.as_deref())?;
        let village = domain::Village {
            id,
            name: Name::parse("村（社区）名称", &input.name)?,
            code: VillageCode::parse(&input.code)?,
            kind: match input.kind {
                wire::VillageKind::Village => domain::VillageKind::Village,
                wire::VillageKind::Community => domain::VillageKind::Community,
            },
        };
        self.save(
            is_new,
            &village,
            Store::insert_village,
            Store::update_village,
        )
    }

    pub fn village_delete(&self, args: wire::IdArgs) -> Result<wire::Profile, ApiError> {
        self.delete(&args, Store::delete_village)
    }

    pub fn office_save(&self, input: wire::OfficeInput) -> Result<wire::Profile, ApiError> {
        let (id, is_new) = id_or_new(input.id.as_deref())?;
        let office = domain::Office {
            id,
            name: Name::parse("科室名称", &input.name)?,
            phone: non_blank(input.phone.as_deref())
                .map(Phone::parse)
                .transpose()?,
        };
        self.save(is_new, &office, Store::insert_office, Store::update_office)
    }

    pub fn office_delete(&self, args: wire::IdArgs) -> Result<wire::Profile, ApiError> {
        self.delete(&args, Store::delete_office)
    }

    pub fn person_save(&self, input: wire::PersonInput) -> Result<wire::Profile, ApiError> {
        let (id, is_new) = id_or_new(input.id.as_deref())?;
        let person = domain::Person {
            id,
            name: Name::parse("姓名", &input.name)?,
            office: non_blank(input.office_id.as_deref())
                .map(str::parse)
                .transpose()?,
            roles: input.roles.iter().map(|r| role_from(*r)).collect(),
        };
        self.save(is_new, &person, Store::insert_person, Store::update_person)
    }

    pub fn person_delete(&self, args: wire::IdArgs) -> Result<wire::Profile, ApiError> {
        self.delete(&args, Store::delete_person)
    }

    pub fn backup_create(&self, args: wire::BackupArgs) -> Result<wire::BackupResult, ApiError> {
        let out = match non_blank(args.out.as_deref()) {
            Some(path) => PathBuf::from(path),
            None => self.default_backup_path(),
        };
        self.with_store(OpenMode::Existing, |store| {
            let bytes = store.backup_to(&out)?;
            Ok(wire::BackupResult {
                path: out.display().to_string(),
                bytes,
            })
        })
    }

    /// Replaces the whole database with a backup; the replaced content is saved first. The
    /// backup's secrets are opened with the passphrase it was made under.
    pub fn backup_restore(&self, args: wire::RestoreArgs) -> Result<wire::RestoreResult, ApiError> {
        let from = PathBuf::from(args.from.trim());
        let passphrase = args
            .passphrase
            .as_deref()
            .map(gongkai_store::Passphrase::given);
        self.with_store(OpenMode::Existing, |store| {
            let previous = store.restore_from(&from, passphrase.as_ref())?;
            let profile = match store.township()? {
                Some(_) => Some(profile_of(store)?),
                None => None,
            };
            Ok(wire::RestoreResult {
                previous_saved_to: previous.display().to_string(),
                profile,
            })
        })
    }

    pub fn db_check(&self, _: wire::NoArgs) -> Result<wire::CheckReport, ApiError> {
        self.with_store(OpenMode::Existing, |store| {
            let report = store.check()?;
            Ok(wire::CheckReport {
                ok: report.ok(),
                schema_version: report.schema_version,
                integrity: report.integrity.clone(),
                villages: report.counts.villages,
                offices: report.counts.offices,
                people: report.counts.people,
            })
        })
    }

    /// Adds or edits one profile row, answering with the whole profile.
    fn save<T>(
        &self,
        is_new: bool,
        row: &T,
        insert: fn(&mut Store, &T) -> Result<(), StoreError>,
        update: fn(&mut Store, &T) -> Result<(), StoreError>,
    ) -> Result<wire::Profile, ApiError> {
        self.with_store(OpenMode::Existing, |store| {
            if is_new {
                insert(store, row)?;
            } else {
                update(store, row)?;
            }
            profile_of(store)
        })
    }

    fn delete(
        &self,
        args: &wire::IdArgs,
        delete: fn(&mut Store, RowId) -> Result<(), StoreError>,
    ) -> Result<wire::Profile, ApiError> {
        let id = args.id.parse()?;
        self.with_store(OpenMode::Existing, |store| {
            delete(store, id)?;
            profile_of(store)
        })
    }

    /// `备份/gongkai-backup-YYYYMMDD-HHMMSS.sqlite3` beside the database: a clerk looking for
    /// the backups finds them next to the data.
    fn default_backup_path(&self) -> PathBuf {
        let dir = self
            .db_path()
            .parent()
            .map(|p| p.join("备份"))
            .unwrap_or_else(|| PathBuf::from("备份"));
        dir.join(format!(
            "gongkai-backup-{}.sqlite3",
            Utc::now().format("%Y%m%d-%H%M%S")
        ))
    }
}

pub(crate) fn non_blank(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

/// A date the clerk typed (YYYY-MM-DD), named `what` in the error.
pub(crate) fn date(what: &str, text: &str) -> Result<NaiveDate, ApiError> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| ApiError::invalid(format!("{what}“{text}”应写成 2026-11-25 的形式")))
}

/// A date the clerk may leave blank for today.
pub(crate) fn date_or_today(what: &str, text: Option<&str>) -> Result<NaiveDate, ApiError> {
    match non_blank(text) {
        Some(text) => date(what, text),
        None => Ok(Local::now().date_naive()),
    }
}

/// Lower-case hex, as SHA-256 fingerprints are shown and stored.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn id_or_new(id: Option<&str>) -> Result<(RowId, bool), ApiError> {
    match non_blank(id) {
        Some(id) => Ok((id.parse()?, false)),
        None => Ok((RowId::new(), true)),
    }
}

fn township_from(input: wire::TownshipInput, id: RowId) -> Result<domain::Township, ApiError> {
    Ok(domain::Township::new(
        id,
        Name::parse("镇（街道）名称", &input.name)?,
        non_blank(input.division_code.as_deref())
            .map(DivisionCode::parse)
            .transpose()?,
        non_blank(input.credit_code.as_deref())
            .map(CreditCode::parse)
            .transpose()?,
        Name::parse("所属县（市、区）", &input.county)?,
        Utc::now(),
    )?)
}

fn role_from(role: wire::Role) -> domain::Role {
    match role {
        wire::Role::Draft => domain::Role::Draft,
        wire::Role::Review => domain::Role::Review,
        wire::Role::Approve => domain::Role::Approve,
    }
}

fn role_to(role: domain::Role) -> wire::Role {
    match role {
        domain::Role::Draft => wire::Role::Draft,
        domain::Role::Review => wire::Role::Review,
        domain::Role::Approve => wire::Role::Approve,
    }
}

fn profile_of(store: &Store) -> Result<wire::Profile, ApiError> {
    let township = store.require_township()?;
    let offices = store.offices()?;
    let office_name = |id: RowId| {
        offices
            .iter()
            .find(|o| o.id == id)
            .map(|o| o.name.to_string())
    };
    let people = store
        .people()?
        .into_iter()
        .map(|p| wire::Person {
            id: p.id.to_string(),
            name: p.name.to_string(),
            office_id: p.office.map(|o| o.to_string()),
            office_name: p.office.and_then(office_name),
            roles: p.roles.iter().map(role_to).collect(),
        })
        .collect();
    Ok(wire::Profile {
        township: wire::Township {
            id: township.id.to_string(),
            name: township.name.to_string(),
            division_code: township.division_code.map(|c| c.to_string()),
            credit_code: township.credit_code.map(|c| c.to_string()),
            county: township.county.to_string(),
            updated_at: township.updated_at.to_rfc3339(),
        },
        villages: store
            .villages()?
            .into_iter()
            .map(|v| wire::Village {
                id: v.id.to_string(),
                name: v.name.to_string(),
                code: v.code.to_string(),
                kind: match v.kind {
                    domain::VillageKind::Village => wire::VillageKind::Village,
                    domain::VillageKind::Community => wire::VillageKind::Community,
                },
            })
            .collect(),
        offices: offices
            .into_iter()
            .map(|o| wire::Office {
                id: o.id.to_string(),
                name: o.name.to_string(),
                phone: o.phone.map(|p| p.to_string()),
            })
            .collect(),
        people,
    })
}
