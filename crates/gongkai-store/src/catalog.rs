//! The disclosure catalog in layers: the bundled national baseline, county updates and the
//! township's adjustments, kept apart; the effective catalog derived from them; the search index.
//!
//! Invariant: `catalog_effective` and the `catalog` rows of `search_index` are a function of the
//! three layers. Every layer change rewrites the derived rows of the keys it touches in the same
//! transaction ([`Writer::derive`]); nothing else writes them.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use gongkai_catalog::{
    Audience, CatalogItem, Channel, Coverage, DomainKind, ItemProvenance, Level, Mode, Tick,
    item_key,
};
use gongkai_domain::RowId;
use rusqlite::{OptionalExtension, Row, ToSql, params};

use crate::{OutboxItem, Store, StoreError, Writer, search_chars};

/// The `kind` of catalog rows in the shared search index.
pub const SEARCH_KIND_CATALOG: &str = "catalog";

/// Items of domains not in the baseline sort after all baseline domains.
const UNKNOWN_DOMAIN_POSITION: i64 = 1_000_000;
/// Items not in the baseline sort after the baseline items of their domain, by arrival.
const NEW_ITEM_POSITION: i64 = 1_000_000;

/// Where an effective item's text comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemState {
    Baseline,
    County,
    TownshipEdited,
    TownshipAdded,
}

impl ItemState {
    pub fn key(self) -> &'static str {
        match self {
            ItemState::Baseline => "baseline",
            ItemState::County => "county",
            ItemState::TownshipEdited => "township_edited",
            ItemState::TownshipAdded => "township_added",
        }
    }

    fn from_key(key: &str) -> Option<Self> {
        [
            ItemState::Baseline,
            ItemState::County,
            ItemState::TownshipEdited,
            ItemState::TownshipAdded,
        ]
        .into_iter()
        .find(|s| s.key() == key)
    }
}

/// An item of the township's effective catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EffectiveItem {
    pub key: String,
    pub state: ItemState,
    pub item: CatalogItem,
    /// How the bundled baseline knows the item's values; `None` unless the effective text is the
    /// baseline's (a county version or the township's own text is its author's statement).
    pub provenance: Option<ItemProvenance>,
}

/// A domain as the catalog screen lists it: the baseline's facts and the effective item count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogDomain {
    pub name: String,
    pub order: u32,
    /// `None` for a domain only the county or the township brought.
    pub kind: Option<DomainKind>,
    pub coverage: Option<Coverage>,
    pub coverage_note: String,
    pub guideline_issuer: String,
    pub guideline_document: String,
    pub guideline_date: String,
    pub sources: Vec<(String, String)>,
    /// Items in the effective catalog.
    pub items: u32,
}

/// One change a county version brings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CountyChange {
    /// A new item, or new text for an item (named by the item's own key).
    Upsert(CatalogItem),
    /// The item no longer belongs to the county's catalog.
    Withdraw { key: String },
}

/// A county catalog version as it arrives by sync.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountyUpdate {
    /// e.g. “2025年版”.
    pub version_label: String,
    pub issued_on: NaiveDate,
    pub changes: Vec<CountyChange>,
}

/// What the township does to one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TownshipAction {
    /// An item of its own (the key comes from the item's domain and levels).
    Add(CatalogItem),
    /// New text for an item; its key stays.
    Edit(CatalogItem),
    Hide,
    /// Brings a hidden item back, or drops the township's edit of a visible one.
    Restore,
}

impl TownshipAction {
    fn key(&self) -> &'static str {
        match self {
            TownshipAction::Add(_) => "add",
            TownshipAction::Edit(_) => "edit",
            TownshipAction::Hide => "hide",
            TownshipAction::Restore => "restore",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TownshipAdjustment {
    /// The item's key; ignored for `Add` (derived from the new item).
    pub key: String,
    pub action: TownshipAction,
    pub reason: String,
    pub made_on: NaiveDate,
    pub made_by: String,
}

/// Which layer a history entry is from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layer {
    Baseline,
    County,
    Township,
}

impl Layer {
    pub fn key(self) -> &'static str {
        match self {
            Layer::Baseline => "baseline",
            Layer::County => "county",
            Layer::Township => "township",
        }
    }
}

/// One row of an item's history, from any layer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEntry {
    pub layer: Layer,
    /// `load` (baseline), `upsert`/`withdraw` (county), `add`/`edit`/`hide`/`restore` (township).
    pub action: String,
    /// The date the change took effect: baseline load day, county version date, township date.
    pub on: String,
    /// When it was written here (RFC 3339).
    pub recorded_at: String,
    /// Baseline version, county version label, or the township's reason.
    pub note: String,
    /// Who made a township adjustment.
    pub by: Option<String>,
    /// The item's text in this row, if the row carries one.
    pub item: Option<CatalogItem>,
}

/// The fourteen item columns, in the order every layer table declares them.
const ITEM_COLUMNS: &str = "domain, level1, level2, content, basis, time_limit, \
    time_limit_workdays, subject, channels, channels_other, audience, mode, level, source";

fn joined<T: Copy>(values: &[T], label: impl Fn(T) -> &'static str) -> String {
    values
        .iter()
        .map(|v| label(*v))
        .collect::<Vec<_>>()
        .join("、")
}

/// The item's columns as SQL values, in [`ITEM_COLUMNS`] order.
fn item_values(item: &CatalogItem) -> [Box<dyn ToSql>; 14] {
    [
        Box::new(item.domain.clone()),
        Box::new(item.level1.clone()),
        Box::new(item.level2.clone()),
        Box::new(item.content.clone()),
        Box::new(item.basis.clone()),
        Box::new(item.time_limit.clone()),
        Box::new(item.time_limit_workdays),
        Box::new(item.subject.clone()),
        Box::new(joined(&item.channels, Channel::label)),
        Box::new(item.channels_other.clone()),
        Box::new(joined(&item.audience, Tick::label)),
        Box::new(joined(&item.mode, Tick::label)),
        Box::new(joined(&item.level, Tick::label)),
        Box::new(item.source.clone()),
    ]
}

/// The item columns as read, before their labels are checked.
#[derive(Debug, Clone)]
struct RawItem([Option<String>; 13], Option<u32>);

impl RawItem {
    /// Reads [`ITEM_COLUMNS`] starting at column `at`.
    fn read(row: &Row<'_>, at: usize) -> rusqlite::Result<Self> {
        let text = |i: usize| row.get::<_, Option<String>>(at + i);
        Ok(Self(
            [
                text(0)?,
                text(1)?,
                text(2)?,
                text(3)?,
                text(4)?,
                text(5)?,
                text(7)?,
                text(8)?,
                text(9)?,
                text(10)?,
                text(11)?,
                text(12)?,
                text(13)?,
            ],
            row.get(at + 6)?,
        ))
    }

    /// `None` when the row carries no item (a withdrawal, a hide).
    fn parse(self) -> Result<Option<CatalogItem>, StoreError> {
        let Self(t, workdays) = self;
        let [
            domain,
            level1,
            level2,
            content,
            basis,
            time_limit,
            subject,
            channels,
            channels_other,
            audience,
            mode,
            level,
            source,
        ] = t;
        let Some(level2) = level2 else {
            return Ok(None);
        };
        let s = |v: Option<String>| v.unwrap_or_default();
        Ok(Some(CatalogItem {
            domain: s(domain),
            level1: s(level1),
            level2,
            content: s(content),
            basis: s(basis),
            time_limit: s(time_limit),
            time_limit_workdays: workdays,
            subject: s(subject),
            channels: labels(&s(channels), Channel::from_label)?,
            channels_other: s(channels_other),
            audience: labels(&s(audience), Audience::from_label)?,
            mode: labels(&s(mode), Mode::from_label)?,
            level: labels(&s(level), Level::from_label)?,
            source: s(source),
        }))
    }
}

fn labels<T>(text: &str, parse: impl Fn(&str) -> Option<T>) -> Result<Vec<T>, StoreError> {
    text.split('、')
        .filter(|l| !l.is_empty())
        .map(|l| {
            parse(l).ok_or_else(|| StoreError::Catalog(format!("目录中保存的取值“{l}”无法识别")))
        })
        .collect()
}

/// The text the search index holds for an item: 一级/二级事项 as title, every other column of
/// the standard table as body.
fn search_text(item: &CatalogItem) -> (String, String) {
    let title = format!("{} {}", item.level1, item.level2);
    let body = [
        item.domain.as_str(),
        &item.content,
        &item.basis,
        &item.time_limit,
        &item.subject,
        &joined(&item.channels, Channel::label),
        &item.channels_other,
        &joined(&item.audience, Tick::label),
        &joined(&item.mode, Tick::label),
        &joined(&item.level, Tick::label),
    ]
    .join("\n");
    (title, body)
}

impl Store {
    /// Loads the bundled baseline if this database holds none or another version. Returns
    /// whether it did. Every catalog read calls it, so the first use after an upgrade sees the
    /// new baseline; county and township layers are untouched by a reload.
    pub fn catalog_ensure_baseline(&mut self) -> Result<bool, StoreError> {
        let version = gongkai_catalog::baseline_version();
        let stored: Option<String> = self
            .conn
            .query_row("SELECT version FROM catalog_baseline_meta", [], |r| {
                r.get(0)
            })
            .optional()?;
        if stored.as_deref() == Some(version.as_str()) {
            return Ok(false);
        }
        let baseline =
            gongkai_catalog::baseline().map_err(|e| StoreError::Catalog(e.to_string()))?;
        self.write(|w| {
            let tx = &w.tx;
            tx.execute_batch(
                "DELETE FROM catalog_domain; DELETE FROM catalog_baseline;",
            )?;
            let mut domain = tx.prepare(
                "INSERT INTO catalog_domain (name, position, kind, guideline_issuer,
                     guideline_document, guideline_date, coverage, coverage_note)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?;
            let mut source = tx.prepare(
                "INSERT INTO catalog_domain_source (domain, position, title, url)
                 VALUES (?1, ?2, ?3, ?4)",
            )?;
            let mut item = tx.prepare(&format!(
                "INSERT INTO catalog_baseline (key, position, {ITEM_COLUMNS})
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"
            ))?;
            let mut position = 0_i64;
            for d in &baseline.domains {
                domain.execute(params![
                    d.name,
                    d.order,
                    d.kind.key(),
                    d.guideline.issuer,
                    d.guideline.document,
                    d.guideline.date,
                    d.coverage.key(),
                    d.coverage_note
                ])?;
                for (i, s) in d.sources.iter().enumerate() {
                    source.execute(params![d.name, i, s.title, s.url])?;
                }
                for it in &d.items {
                    position += 1;
                    let key = it.key();
                    let mut values: Vec<&dyn ToSql> = vec![&key, &position];
                    let columns = item_values(it);
                    values.extend(columns.iter().map(|b| b.as_ref() as &dyn ToSql));
                    item.execute(values.as_slice())?;
                }
            }
            tx.execute(
                "INSERT INTO catalog_baseline_meta (singleton, version, loaded_at)
                 VALUES (1, ?1, ?2)
                 ON CONFLICT (singleton) DO UPDATE SET version = excluded.version,
                     loaded_at = excluded.loaded_at",
                params![version, w.now_text()],
            )?;
            // Every key any layer names, old baseline keys included (they may now be gone).
            let keys: BTreeSet<String> = tx
                .prepare(
                    "SELECT key FROM catalog_baseline UNION SELECT key FROM catalog_county
                     UNION SELECT key FROM catalog_township UNION SELECT key FROM catalog_effective",
                )?
                .query_map([], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            for key in &keys {
                w.derive(key)?;
            }
            Ok(())
        })?;
        Ok(true)
    }

    /// Every domain: the baseline's in national order, then any others the layers brought.
    pub fn catalog_domains(&mut self) -> Result<Vec<CatalogDomain>, StoreError> {
        self.catalog_ensure_baseline()?;
        let mut sources: Vec<(String, String, String)> = self
            .conn
            .prepare(
                "SELECT domain, title, url FROM catalog_domain_source ORDER BY domain, position",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<Result<_, _>>()?;
        let mut stmt = self.conn.prepare(
            "SELECT * FROM (
                 SELECT d.name AS name, d.position AS position, d.kind, d.coverage,
                        d.coverage_note, d.guideline_issuer, d.guideline_document,
                        d.guideline_date,
                        (SELECT count(*) FROM catalog_effective e WHERE e.domain = d.name)
                 FROM catalog_domain d
                 UNION ALL
                 SELECT e.domain, NULL, NULL, NULL, '', '', '', '', count(*)
                 FROM catalog_effective e
                 WHERE e.domain NOT IN (SELECT name FROM catalog_domain)
                 GROUP BY e.domain
             )
             ORDER BY position IS NULL, position, name",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<u32>>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    [
                        r.get::<_, String>(4)?,
                        r.get::<_, String>(5)?,
                        r.get::<_, String>(6)?,
                        r.get::<_, String>(7)?,
                    ],
                    r.get::<_, u32>(8)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let mut order = rows.iter().filter_map(|r| r.1).max().unwrap_or_default();
        Ok(rows
            .into_iter()
            .map(
                |(name, position, kind, coverage, [note, issuer, document, date], items)| {
                    let mine: Vec<(String, String)> = sources
                        .iter()
                        .filter(|(d, _, _)| *d == name)
                        .map(|(_, t, u)| (t.clone(), u.clone()))
                        .collect();
                    sources.retain(|(d, _, _)| *d != name);
                    CatalogDomain {
                        order: position.unwrap_or_else(|| {
                            order += 1;
                            order
                        }),
                        kind: kind.as_deref().and_then(DomainKind::from_key),
                        coverage: coverage.as_deref().and_then(Coverage::from_key),
                        coverage_note: note,
                        guideline_issuer: issuer,
                        guideline_document: document,
                        guideline_date: date,
                        sources: mine,
                        items,
                        name,
                    }
                },
            )
            .collect())
    }

    /// The effective catalog, or one domain of it, in table order.
    /// Items the township has hidden (last hide not followed by a restore), with the hide's
    /// reason, date and who, so the clerk can find them again: (key, reason, made_on, made_by).
    pub fn catalog_hidden(&self) -> Result<Vec<(String, String, String, String)>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT t.key, t.reason, t.made_on, t.made_by FROM catalog_township t
             WHERE t.action = 'hide' AND t.id = (SELECT max(u.id) FROM catalog_township u
                 WHERE u.key = t.key AND u.action IN ('hide', 'restore'))
             ORDER BY t.key",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn catalog_items(
        &mut self,
        domain: Option<&str>,
    ) -> Result<Vec<EffectiveItem>, StoreError> {
        self.catalog_ensure_baseline()?;
        let sql = format!(
            "SELECT key, state, {ITEM_COLUMNS} FROM catalog_effective
             WHERE ?1 IS NULL OR domain = ?1
             ORDER BY domain_position, domain, item_position, first_seen, key"
        );
        self.effective_rows(&sql, &[&domain])
    }

    /// One item of the effective catalog (`None`: hidden, withdrawn or unknown).
    pub fn catalog_item(&mut self, key: &str) -> Result<Option<EffectiveItem>, StoreError> {
        self.catalog_ensure_baseline()?;
        let sql =
            format!("SELECT key, state, {ITEM_COLUMNS} FROM catalog_effective WHERE key = ?1");
        Ok(self.effective_rows(&sql, &[&key])?.pop())
    }

    fn effective_rows(
        &self,
        sql: &str,
        values: &[&dyn ToSql],
    ) -> Result<Vec<EffectiveItem>, StoreError> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt
            .query_map(values, |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    RawItem::read(r, 2)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        rows.into_iter()
            .filter_map(|(key, state, raw)| {
                let state = match ItemState::from_key(&state) {
                    Some(s) => s,
                    None => {
                        return Some(Err(StoreError::Catalog(format!(
                            "事项状态“{state}”无法识别"
                        ))));
                    }
                };
                // The baseline layer is the bundled data of this binary (reloaded whenever its
                // version differs), so the bundled provenance is the stored row's.
                let provenance = (state == ItemState::Baseline)
                    .then(|| gongkai_catalog::baseline_provenance().get(&key).cloned())
                    .flatten();
                raw.parse().transpose().map(|item| {
                    item.map(|item| EffectiveItem {
                        key,
                        state,
                        item,
                        provenance,
                    })
                })
            })
            .collect()
    }

    /// Searches every column of the effective catalog. Terms are separated by spaces and must
    /// all occur; terms of three characters or more go through the trigram index, shorter ones
    /// (低保) through the one-character index (`search_chars`), or by LIKE beside a long term. Items whose 一级/二级事项 hold more of
    /// the terms come first, then table order. At most `limit` items.
    pub fn catalog_search(
        &mut self,
        query: &str,
        limit: u32,
    ) -> Result<Vec<EffectiveItem>, StoreError> {
        self.catalog_ensure_baseline()?;
        let keys = self.search(SEARCH_KIND_CATALOG, query, limit)?;
        let mut found = Vec::with_capacity(keys.len());
        let sql =
            format!("SELECT key, state, {ITEM_COLUMNS} FROM catalog_effective WHERE key = ?1");
        for key in keys {
            found.extend(self.effective_rows(&sql, &[&key])?);
        }
        Ok(found)
    }

    /// The `ref_id`s of rows of `kind` in the search index matching every term of `query`: catalog
    /// items best first, every other kind newest first. Shared by every kind of thing indexed.
    pub fn search(&self, kind: &str, query: &str, limit: u32) -> Result<Vec<String>, StoreError> {
        let terms: Vec<&str> = query.split_whitespace().collect();
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        let Some(first) = kind_block(&self.conn, kind)? else {
            return Ok(Vec::new());
        };
        let (long, short): (Vec<&str>, Vec<&str>) =
            terms.into_iter().partition(|t| t.chars().count() >= 3);
        let mut values: Vec<Box<dyn ToSql>> =
            vec![Box::new(first), Box::new(first + KIND_BLOCK - 1)];
        // Short terms of letters and digits only are in the one-character index; one with
        // punctuation in it (rare: “1,”) is matched by LIKE, which keeps the punctuation exact.
        let (indexed, mut like): (Vec<&str>, Vec<&str>) = short
            .iter()
            .partition(|t| t.chars().all(char::is_alphanumeric));
        let mut sql;
        // The table whose rowid order the query walks.
        let mut driver = "s";
        if !long.is_empty() {
            let phrase = long
                .iter()
                .map(|t| format!("\"{}\"", t.replace('"', "\"\"")))
                .collect::<Vec<_>>()
                .join(" AND ");
            values.push(Box::new(phrase));
            // The rowid range keeps FTS5 from even visiting (and ranking) other kinds' rows.
            sql = String::from(
                "SELECT d.ref_id FROM search_index s JOIN search_doc d ON d.id = s.rowid
                 WHERE search_index MATCH ?3 AND s.rowid BETWEEN ?1 AND ?2",
            );
            // What the trigram found, the short terms narrow.
            like = short.clone();
        } else if !indexed.is_empty() {
            let phrases = indexed
                .iter()
                .map(|t| search_chars::phrase(t))
                .collect::<Vec<_>>()
                .join(" AND ");
            values.push(Box::new(phrases));
            sql = String::from(
                "SELECT d.ref_id FROM search_chars c
                 JOIN search_index s ON s.rowid = c.rowid
                 JOIN search_doc d ON d.id = c.rowid
                 WHERE search_chars MATCH ?3 AND c.rowid BETWEEN ?1 AND ?2",
            );
            driver = "c";
        } else {
            // Nothing to look up: scan this kind's rows only, by rowid range.
            sql = String::from(
                "SELECT d.ref_id FROM search_index s JOIN search_doc d ON d.id = s.rowid
                 WHERE s.rowid BETWEEN ?1 AND ?2",
            );
        }
        for term in &like {
            let pattern = format!(
                "%{}%",
                term.replace('\\', "\\\\")
                    .replace('%', "\\%")
                    .replace('_', "\\_")
            );
            values.push(Box::new(pattern));
            let n = values.len();
            sql.push_str(&format!(
                " AND (s.title LIKE ?{n} ESCAPE '\\' OR s.body LIKE ?{n} ESCAPE '\\')"
            ));
        }
        if kind == SEARCH_KIND_CATALOG {
            // The catalog is small: ranked by how many terms occur in the title (一级/二级事项),
            // then in index order. Not bm25: its IDF counts every matching row of the whole
            // table, other kinds included.
            let mut title_hits = Vec::new();
            for term in long.iter().chain(&short) {
                values.push(Box::new((*term).to_owned()));
                title_hits.push(format!("(instr(s.title, ?{}) > 0)", values.len()));
            }
            sql.push_str(&format!(" ORDER BY {} DESC, d.id", title_hits.join(" + ")));
        } else {
            // Records and the like grow to 100,000s: newest first, so FTS5 walks the rowid range
            // backwards and stops at the limit instead of sorting every match.
            sql.push_str(&format!(" ORDER BY {driver}.rowid DESC"));
        }
        values.push(Box::new(i64::from(limit)));
        sql.push_str(&format!(" LIMIT ?{}", values.len()));
        let refs: Vec<&dyn ToSql> = values.iter().map(|b| b.as_ref() as &dyn ToSql).collect();
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let found = stmt
            .query_map(refs.as_slice(), |r| r.get(0))?
            .collect::<Result<Vec<String>, _>>()?;
        Ok(found)
    }

    /// Records a county catalog version: each change is a row of the county layer.
    /// `pulled`: the sync change id it came with, recorded as applied in the same transaction.
    pub fn catalog_apply_county_update(
        &mut self,
        update: &CountyUpdate,
        pulled: Option<&str>,
    ) -> Result<(), StoreError> {
        self.catalog_ensure_baseline()?;
        self.write(|w| {
            if let Some(change_id) = pulled {
                w.mark_applied(change_id, "catalog")?;
            }
            for change in &update.changes {
                let id = RowId::new();
                let (key, action, item) = match change {
                    CountyChange::Upsert(item) => (item.key(), "upsert", Some(item)),
                    CountyChange::Withdraw { key } => (key.clone(), "withdraw", None),
                };
                w.insert_layer_row(
                    "catalog_county",
                    "id, key, action, version_label, issued_on, received_at",
                    vec![
                        Box::new(id.to_string()),
                        Box::new(key.clone()),
                        Box::new(action),
                        Box::new(update.version_label.trim().to_owned()),
                        Box::new(update.issued_on.to_string()),
                        Box::new(w.now_text()),
                    ],
                    item,
                )?;
                w.derive(&key)?;
            }
            Ok(())
        })
    }

    /// Records a township adjustment and rederives the item. Refuses what makes no sense for the
    /// item's current state, in Chinese.
    ///
    /// Queues `sync` (the adjustment for the county) in the same transaction.
    pub fn catalog_adjust(
        &mut self,
        adjustment: &TownshipAdjustment,
        sync: &OutboxItem,
    ) -> Result<String, StoreError> {
        self.catalog_ensure_baseline()?;
        let key = match &adjustment.action {
            TownshipAction::Add(item) => item.key(),
            _ => adjustment.key.trim().to_owned(),
        };
        self.write(|w| {
            let effective: Option<String> =
                w.tx.query_row(
                    "SELECT state FROM catalog_effective WHERE key = ?1",
                    [&key],
                    |r| r.get(0),
                )
                .optional()?;
            let hidden = w.hidden(&key)?;
            let refuse = |m: String| Err(StoreError::Catalog(m));
            match (&adjustment.action, effective.as_deref(), hidden) {
                (TownshipAction::Add(_), Some(_), _) => {
                    return refuse(format!("目录中已有事项“{key}”，请改用修改"));
                }
                (TownshipAction::Add(_), None, true) => {
                    return refuse(format!("事项“{key}”已被隐藏，请改用恢复"));
                }
                (TownshipAction::Edit(_) | TownshipAction::Hide, None, true) => {
                    return refuse(format!("事项“{key}”已被隐藏，请先恢复"));
                }
                (TownshipAction::Edit(_) | TownshipAction::Hide, None, false) => {
                    return refuse(format!("目录中没有事项“{key}”"));
                }
                (TownshipAction::Restore, None, false) => {
                    return refuse(format!("事项“{key}”未被隐藏，无需恢复"));
                }
                (TownshipAction::Restore, Some(state), _) if state != "township_edited" => {
                    return refuse(format!("事项“{key}”未被隐藏，也没有本镇的修改，无需恢复"));
                }
                _ => {}
            }
            // The key names the item everywhere (records, sync, history): an edit keeps it.
            if let TownshipAction::Edit(item) = &adjustment.action
                && item.key() != key
            {
                return refuse(format!(
                    "修改事项时不能改变其领域、一级事项或二级事项（“{key}”）；如需改名，请隐藏原事项后新增"
                ));
            }
            let item = match &adjustment.action {
                TownshipAction::Add(item) | TownshipAction::Edit(item) => Some(item),
                TownshipAction::Hide | TownshipAction::Restore => None,
            };
            let id = RowId::new();
            w.insert_layer_row(
                "catalog_township",
                "id, key, action, reason, made_on, made_by, recorded_at",
                vec![
                    Box::new(id.to_string()),
                    Box::new(key.clone()),
                    Box::new(adjustment.action.key()),
                    Box::new(adjustment.reason.trim().to_owned()),
                    Box::new(adjustment.made_on.to_string()),
                    Box::new(adjustment.made_by.trim().to_owned()),
                    Box::new(w.now_text()),
                ],
                item,
            )?;
            w.derive(&key)?;
            w.enqueue(sync)?;
            Ok(key.clone())
        })
    }

    /// Every layer row naming `key`, oldest first: the baseline, then county and township rows
    /// in the order they were recorded.
    pub fn catalog_history(&mut self, key: &str) -> Result<Vec<HistoryEntry>, StoreError> {
        self.catalog_ensure_baseline()?;
        let mut entries = Vec::new();
        let sql = format!(
            "SELECT 'baseline', 'load', substr(m.loaded_at, 1, 10), m.loaded_at, m.version, NULL,
                    {ITEM_COLUMNS}, '' AS seq
             FROM catalog_baseline b, catalog_baseline_meta m WHERE b.key = ?1
             UNION ALL
             SELECT 'county', action, issued_on, received_at, version_label, NULL,
                    {ITEM_COLUMNS}, id
             FROM catalog_county WHERE key = ?1
             UNION ALL
             SELECT 'township', action, made_on, recorded_at, reason, made_by,
                    {ITEM_COLUMNS}, id
             FROM catalog_township WHERE key = ?1
             ORDER BY 4, 21"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt
            .query_map([key], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, Option<String>>(5)?,
                    RawItem::read(r, 6)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        for (layer, action, on, recorded_at, note, by, raw) in rows {
            entries.push(HistoryEntry {
                layer: match layer.as_str() {
                    "baseline" => Layer::Baseline,
                    "county" => Layer::County,
                    _ => Layer::Township,
                },
                action,
                on,
                recorded_at,
                note,
                by,
                item: raw.parse()?,
            });
        }
        Ok(entries)
    }

    /// Benchmarks only: adds `rows` (ref_id, title, body) of `kind` to the search index, as
    /// disclosure records will be, in one transaction.
    #[doc(hidden)]
    pub fn bench_fill_search_index(
        &mut self,
        kind: &str,
        rows: impl Iterator<Item = (String, String, String)>,
    ) -> Result<(), StoreError> {
        self.write(|w| {
            for (ref_id, title, body) in rows {
                w.index(kind, &ref_id, Some((&title, &body)))?;
            }
            Ok(())
        })
    }
}

impl Writer<'_> {
    fn insert_layer_row(
        &self,
        table: &str,
        head: &str,
        mut values: Vec<Box<dyn ToSql>>,
        item: Option<&CatalogItem>,
    ) -> Result<(), StoreError> {
        let head_len = values.len();
        let sql = match item {
            Some(item) => {
                values.extend(item_values(item));
                format!(
                    "INSERT INTO {table} ({head}, {ITEM_COLUMNS}) VALUES ({})",
                    placeholders(values.len())
                )
            }
            None => format!(
                "INSERT INTO {table} ({head}) VALUES ({})",
                placeholders(head_len)
            ),
        };
        let refs: Vec<&dyn ToSql> = values.iter().map(|b| b.as_ref() as &dyn ToSql).collect();
        self.tx.execute(&sql, refs.as_slice())?;
        Ok(())
    }

    /// Whether the township's last word on `key` is that it is hidden.
    fn hidden(&self, key: &str) -> Result<bool, StoreError> {
        Ok(self.township_fold(key)?.hidden)
    }

    fn township_fold(&self, key: &str) -> Result<TownshipFold, StoreError> {
        let sql = format!(
            "SELECT action, {ITEM_COLUMNS} FROM catalog_township WHERE key = ?1 ORDER BY id"
        );
        let mut stmt = self.tx.prepare_cached(&sql)?;
        let rows = stmt
            .query_map([key], |r| {
                Ok((r.get::<_, String>(0)?, RawItem::read(r, 1)?))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let mut fold = TownshipFold::default();
        for (action, raw) in rows {
            match action.as_str() {
                "add" | "edit" => fold.item = raw.parse()?,
                "hide" => fold.hidden = true,
                _ if fold.hidden => fold.hidden = false,
                _ => fold.item = None,
            }
        }
        Ok(fold)
    }

    /// Rewrites the effective row and the search index row of `key` from the three layers.
    fn derive(&self, key: &str) -> Result<(), StoreError> {
        let baseline_sql =
            format!("SELECT position, {ITEM_COLUMNS} FROM catalog_baseline WHERE key = ?1");
        let baseline: Option<(i64, RawItem)> = self
            .tx
            .prepare_cached(&baseline_sql)?
            .query_row([key], |r| Ok((r.get(0)?, RawItem::read(r, 1)?)))
            .optional()?;
        let county_sql = format!(
            "SELECT {ITEM_COLUMNS} FROM catalog_county WHERE key = ?1
             ORDER BY issued_on DESC, id DESC LIMIT 1"
        );
        let county: Option<RawItem> = self
            .tx
            .prepare_cached(&county_sql)?
            .query_row([key], |r| RawItem::read(r, 0))
            .optional()?;
        let first_seen: String = self.tx.query_row(
            "SELECT coalesce(min(id), '') FROM (SELECT id FROM catalog_county WHERE key = ?1
             UNION ALL SELECT id FROM catalog_township WHERE key = ?1)",
            [key],
            |r| r.get(0),
        )?;
        let (position, upper) = match (county, baseline) {
            (Some(raw), baseline) => (
                baseline.map_or(NEW_ITEM_POSITION, |b| b.0),
                raw.parse()?.map(|i| (ItemState::County, i)),
            ),
            (None, Some((position, raw))) => {
                (position, raw.parse()?.map(|i| (ItemState::Baseline, i)))
            }
            (None, None) => (NEW_ITEM_POSITION, None),
        };
        let township = self.township_fold(key)?;
        let effective = if township.hidden {
            None
        } else {
            match (township.item, upper) {
                (Some(item), Some(_)) => Some((ItemState::TownshipEdited, item)),
                (Some(item), None) => Some((ItemState::TownshipAdded, item)),
                (None, upper) => upper,
            }
        };
        self.tx
            .execute("DELETE FROM catalog_effective WHERE key = ?1", [key])?;
        match effective {
            None => self.index(SEARCH_KIND_CATALOG, key, None),
            Some((state, item)) => {
                let domain_position: i64 = self
                    .tx
                    .query_row(
                        "SELECT position FROM catalog_domain WHERE name = ?1",
                        [&item.domain],
                        |r| r.get(0),
                    )
                    .optional()?
                    .unwrap_or(UNKNOWN_DOMAIN_POSITION);
                let mut values: Vec<Box<dyn ToSql>> = vec![
                    Box::new(key.to_owned()),
                    Box::new(state.key()),
                    Box::new(domain_position),
                    Box::new(position),
                    Box::new(first_seen),
                ];
                values.extend(item_values(&item));
                let refs: Vec<&dyn ToSql> =
                    values.iter().map(|b| b.as_ref() as &dyn ToSql).collect();
                self.tx
                    .prepare_cached(&format!(
                        "INSERT INTO catalog_effective (key, state, domain_position,
                             item_position, first_seen, {ITEM_COLUMNS})
                         VALUES ({})",
                        placeholders(19)
                    ))?
                    .execute(refs.as_slice())?;
                let (title, body) = search_text(&item);
                self.index(SEARCH_KIND_CATALOG, key, Some((&title, &body)))
            }
        }
    }

    /// Puts (or with `None` removes) the search index row of `kind`/`ref_id`.
    pub(crate) fn index(
        &self,
        kind: &str,
        ref_id: &str,
        text: Option<(&str, &str)>,
    ) -> Result<(), StoreError> {
        let existing: Option<i64> = self
            .tx
            .prepare_cached("SELECT id FROM search_doc WHERE kind = ?1 AND ref_id = ?2")?
            .query_row([kind, ref_id], |r| r.get(0))
            .optional()?;
        if let Some(id) = existing {
            self.tx
                .prepare_cached("DELETE FROM search_index WHERE rowid = ?1")?
                .execute([id])?;
            self.tx
                .prepare_cached("DELETE FROM search_chars WHERE rowid = ?1")?
                .execute([id])?;
            if text.is_none() {
                self.tx
                    .prepare_cached("DELETE FROM search_doc WHERE id = ?1")?
                    .execute([id])?;
            }
        }
        if let Some((title, body)) = text {
            let id = match existing {
                Some(id) => id,
                None => {
                    let first = match kind_block(&self.tx, kind)? {
                        Some(first) => first,
                        None => {
                            self.tx
                                .prepare_cached("INSERT INTO search_kind (kind) VALUES (?1)")?
                                .execute([kind])?;
                            self.tx.last_insert_rowid() << KIND_SHIFT
                        }
                    };
                    let id: i64 = self
                        .tx
                        .prepare_cached(
                            "SELECT coalesce(max(id) + 1, ?1) FROM search_doc
                             WHERE id BETWEEN ?1 AND ?2",
                        )?
                        .query_row([first, first + KIND_BLOCK - 1], |r| r.get(0))?;
                    self.tx
                        .prepare_cached(
                            "INSERT INTO search_doc (id, kind, ref_id) VALUES (?1, ?2, ?3)",
                        )?
                        .execute(params![id, kind, ref_id])?;
                    id
                }
            };
            self.tx
                .prepare_cached(
                    "INSERT INTO search_index (rowid, title, body) VALUES (?1, ?2, ?3)",
                )?
                .execute(params![id, title, body])?;
            self.tx
                .prepare_cached(
                    "INSERT INTO search_chars (rowid, title, body) VALUES (?1, ?2, ?3)",
                )?
                .execute(params![
                    id,
                    search_chars::spaced(title),
                    search_chars::spaced(body)
                ])?;
        }
        Ok(())
    }
}

#[derive(Debug, Default)]
struct TownshipFold {
    item: Option<CatalogItem>,
    hidden: bool,
}

/// Each kind of the search index owns rowids `kind id << KIND_SHIFT` onwards.
const KIND_SHIFT: u32 = 40;
const KIND_BLOCK: i64 = 1 << KIND_SHIFT;

/// The first rowid of `kind`'s block, if the kind has been registered.
fn kind_block(conn: &rusqlite::Connection, kind: &str) -> Result<Option<i64>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT id FROM search_kind WHERE kind = ?1")?
        .query_row([kind], |r| r.get::<_, i64>(0))
        .optional()?
        .map(|id| id << KIND_SHIFT))
}

fn placeholders(n: usize) -> String {
    (1..=n)
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The key an item would have; re-exported so callers need not depend on the catalog crate.
pub fn catalog_key(domain: &str, level1: &str, level2: &str) -> String {
    item_key(domain, level1, level2)
}

#[cfg(test)]
mod tests {
    use tempfile::TempDir;

    use super::*;

    const KEY: &str = "涉农补贴/农业生产发展资金/农机购置补贴";

    fn store(dir: &TempDir) -> Store {
        Store::open(&dir.path().join("c.sqlite3")).unwrap()
    }

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn baseline_item(store: &mut Store, key: &str) -> CatalogItem {
        store.catalog_item(key).unwrap().unwrap().item
    }

    fn adjust(store: &mut Store, key: &str, action: TownshipAction) -> Result<String, StoreError> {
        let sync = OutboxItem {
            kind: "catalog_adjustment",
            object_id: key.to_owned(),
            withdraw: false,
            payload: "{}".to_owned(),
        };
        store.catalog_adjust(
            &TownshipAdjustment {
                key: key.to_owned(),
                action,
                reason: "本镇无此项工作".to_owned(),
                made_on: day("2025-03-01"),
                made_by: "李文书".to_owned(),
            },
            &sync,
        )
    }

    #[test]
    fn the_baseline_loads_once_with_every_domain_and_item() {
        let dir = TempDir::new().unwrap();
        let mut store = store(&dir);
        assert!(store.catalog_ensure_baseline().unwrap());
        assert!(!store.catalog_ensure_baseline().unwrap());
        let baseline = gongkai_catalog::baseline().unwrap();
        let domains = store.catalog_domains().unwrap();
        assert_eq!(domains.len(), baseline.domains.len());
        assert_eq!(domains[0].name, "城乡规划");
        for (stored, bundled) in domains.iter().zip(&baseline.domains) {
            assert_eq!(stored.name, bundled.name);
            assert_eq!(
                stored.items as usize,
                bundled.items.len(),
                "{}",
                stored.name
            );
            assert_eq!(stored.sources.len(), bundled.sources.len());
        }
        let items = store.catalog_items(None).unwrap();
        assert_eq!(items.len(), baseline.items().count());
        assert!(items.iter().all(|i| i.state == ItemState::Baseline));
        // Read back exactly as bundled, in table order.
        let bundled: Vec<&CatalogItem> = baseline.items().collect();
        for (stored, bundled) in items.iter().zip(bundled) {
            assert_eq!(&stored.item, bundled);
        }
        let docs: i64 = store
            .conn
            .query_row(
                "SELECT count(*) FROM search_doc WHERE kind = 'catalog'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(docs as usize, items.len());
    }

    #[test]
    fn baseline_items_say_how_their_values_are_known_and_county_text_does_not_borrow_it() {
        let dir = TempDir::new().unwrap();
        let mut store = store(&dir);
        let key = "社会救助/综合业务/政策法规文件";
        let effective = store.catalog_item(key).unwrap().unwrap();
        let provenance = effective
            .provenance
            .expect("a baseline item has its provenance");
        assert_eq!(provenance.borrowed_from, "天津市北辰区");
        assert!(provenance.has_unconfirmed_ticks());
        let items = store.catalog_items(None).unwrap();
        assert!(
            items.iter().all(|i| i.provenance.is_some()),
            "every baseline item"
        );

        let item = baseline_item(&mut store, key);
        store
            .catalog_apply_county_update(
                &CountyUpdate {
                    version_label: "2025年县级目录".to_owned(),
                    issued_on: day("2025-01-15"),
                    changes: vec![CountyChange::Upsert(item)],
                },
                None,
            )
            .unwrap();
        let county = store.catalog_item(key).unwrap().unwrap();
        assert_eq!(county.state, ItemState::County);
        assert_eq!(
            county.provenance, None,
            "the county's table is its own statement"
        );
    }

    #[test]
    fn county_overrides_baseline_township_overrides_both_and_hide_restore() {
        let dir = TempDir::new().unwrap();
        let mut store = store(&dir);
        let mut item = baseline_item(&mut store, KEY);
        assert_eq!(
            store.catalog_item(KEY).unwrap().unwrap().state,
            ItemState::Baseline
        );

        item.subject = "某县农业农村局".to_owned();
        store
            .catalog_apply_county_update(
                &CountyUpdate {
                    version_label: "2025年县级目录".to_owned(),
                    issued_on: day("2025-01-15"),
                    changes: vec![CountyChange::Upsert(item.clone())],
                },
                None,
            )
            .unwrap();
        let effective = store.catalog_item(KEY).unwrap().unwrap();
        assert_eq!(effective.state, ItemState::County);
        assert_eq!(effective.item.subject, "某县农业农村局");

        let mut edited = item.clone();
        edited.subject = "示范镇农业综合服务中心".to_owned();
        adjust(&mut store, KEY, TownshipAction::Edit(edited)).unwrap();
        let effective = store.catalog_item(KEY).unwrap().unwrap();
        assert_eq!(effective.state, ItemState::TownshipEdited);
        assert_eq!(effective.item.subject, "示范镇农业综合服务中心");
        let found = store.catalog_search("农业综合服务", 50).unwrap();
        assert_eq!(found[0].key, KEY);
        assert!(
            store
                .catalog_search("某县农业农村局", 50)
                .unwrap()
                .is_empty()
        );

        // A later county version does not undo the township's edit.
        item.basis = "《农业机械化促进法》".to_owned();
        store
            .catalog_apply_county_update(
                &CountyUpdate {
                    version_label: "2026年县级目录".to_owned(),
                    issued_on: day("2026-01-10"),
                    changes: vec![CountyChange::Upsert(item.clone())],
                },
                None,
            )
            .unwrap();
        assert_eq!(
            store.catalog_item(KEY).unwrap().unwrap().item.subject,
            "示范镇农业综合服务中心"
        );

        adjust(&mut store, KEY, TownshipAction::Hide).unwrap();
        assert!(store.catalog_item(KEY).unwrap().is_none());
        assert!(
            !store
                .catalog_search("农机购置补贴", 50)
                .unwrap()
                .iter()
                .any(|e| e.key == KEY)
        );
        assert!(
            !store
                .catalog_items(Some("涉农补贴"))
                .unwrap()
                .iter()
                .any(|i| i.key == KEY)
        );
        let err = adjust(&mut store, KEY, TownshipAction::Hide).unwrap_err();
        assert!(err.to_string().contains("已被隐藏"), "{err}");

        adjust(&mut store, KEY, TownshipAction::Restore).unwrap();
        let back = store.catalog_item(KEY).unwrap().unwrap();
        assert_eq!(back.state, ItemState::TownshipEdited);
        assert_eq!(
            store.catalog_search("农机购置补贴", 50).unwrap()[0].key,
            KEY
        );

        // Restoring a visible edited item drops the township's edit: the county text shows.
        adjust(&mut store, KEY, TownshipAction::Restore).unwrap();
        let back = store.catalog_item(KEY).unwrap().unwrap();
        assert_eq!(back.state, ItemState::County);
        assert_eq!(back.item.basis, "《农业机械化促进法》");
        let err = adjust(&mut store, KEY, TownshipAction::Restore).unwrap_err();
        assert!(err.to_string().contains("无需恢复"), "{err}");

        let history = store.catalog_history(KEY).unwrap();
        let steps: Vec<(Layer, &str)> = history
            .iter()
            .map(|h| (h.layer, h.action.as_str()))
            .collect();
        assert_eq!(
            steps,
            [
                (Layer::Baseline, "load"),
                (Layer::County, "upsert"),
                (Layer::Township, "edit"),
                (Layer::County, "upsert"),
                (Layer::Township, "hide"),
                (Layer::Township, "restore"),
                (Layer::Township, "restore"),
            ]
        );
        assert_eq!(history[1].note, "2025年县级目录");
        assert_eq!(history[4].note, "本镇无此项工作");
        assert_eq!(history[4].by.as_deref(), Some("李文书"));
        assert!(history[4].item.is_none());
        assert_eq!(
            history[2].item.as_ref().unwrap().subject,
            "示范镇农业综合服务中心"
        );
    }

    #[test]
    fn county_withdrawal_and_township_additions() {
        let dir = TempDir::new().unwrap();
        let mut store = store(&dir);
        store
            .catalog_apply_county_update(
                &CountyUpdate {
                    version_label: "2025年版".to_owned(),
                    issued_on: day("2025-01-15"),
                    changes: vec![CountyChange::Withdraw {
                        key: KEY.to_owned(),
                    }],
                },
                None,
            )
            .unwrap();
        assert!(store.catalog_item(KEY).unwrap().is_none());

        let mut own = baseline_item(&mut store, "社会救助/最低生活保障/审批信息");
        own.level1 = "临时救助".to_owned();
        own.level2 = "乡镇临时救助备用金使用情况".to_owned();
        own.source = "示范镇".to_owned();
        let key = adjust(&mut store, "", TownshipAction::Add(own.clone())).unwrap();
        assert_eq!(key, "社会救助/临时救助/乡镇临时救助备用金使用情况");
        let added = store.catalog_item(&key).unwrap().unwrap();
        assert_eq!(added.state, ItemState::TownshipAdded);
        // Township items come after the baseline items of their domain.
        let social = store.catalog_items(Some("社会救助")).unwrap();
        assert_eq!(social.last().unwrap().key, key);
        assert_eq!(store.catalog_search("备用金", 50).unwrap()[0].key, key);
        let err = adjust(&mut store, "", TownshipAction::Add(own)).unwrap_err();
        assert!(err.to_string().contains("已有事项"), "{err}");
        let err = adjust(&mut store, "社会救助/没有/这一项", TownshipAction::Hide).unwrap_err();
        assert!(err.to_string().contains("目录中没有事项"), "{err}");
    }

    #[test]
    fn search_by_any_column_long_and_short_terms() {
        let dir = TempDir::new().unwrap();
        let mut store = store(&dir);
        // Two characters: LIKE over the same columns (低保 only occurs in 公开内容).
        let found = store.catalog_search("低保", 50).unwrap();
        assert!(
            found
                .iter()
                .any(|i| i.key == "社会救助/最低生活保障/审批信息"),
            "{found:?}"
        );
        // One character.
        assert!(
            !store.catalog_search("粮", 50).unwrap().is_empty()
                || !store.catalog_search("农", 50).unwrap().is_empty()
        );
        // 二级事项, 公开依据, 公开主体, 渠道.
        assert_eq!(
            store.catalog_search("农机购置补贴", 50).unwrap()[0].key,
            KEY
        );
        assert!(
            store
                .catalog_search("农业机械化促进法", 50)
                .unwrap()
                .iter()
                .any(|i| i.key == KEY)
        );
        assert!(
            store
                .catalog_search("铁力市农业农村局", 50)
                .unwrap()
                .iter()
                .any(|i| i.key == KEY)
        );
        assert!(
            !store
                .catalog_search("投资项目在线审批监管平台", 50)
                .unwrap()
                .is_empty()
        );
        // Several terms must all match; a short and a long one mix.
        let both = store.catalog_search("农机 购置补贴", 50).unwrap();
        assert!(both.iter().any(|i| i.key == KEY));
        assert!(
            store
                .catalog_search("农机购置补贴 户籍", 50)
                .unwrap()
                .is_empty()
        );
        // Ranked: the item whose title matches comes first.
        let ranked = store.catalog_search("最低生活保障", 50).unwrap();
        assert!(
            ranked[0].item.level1.contains("最低生活保障"),
            "{:?}",
            ranked[0]
        );
        // Query syntax is never interpreted.
        for odd in ["\"", "a*b", "NOT AND", "%", "_", "\\", "农机\"购置"] {
            store.catalog_search(odd, 50).unwrap();
        }
        assert!(store.catalog_search("   ", 50).unwrap().is_empty());
        assert!(store.catalog_search("%", 50).unwrap().is_empty());
        assert_eq!(store.catalog_search("补贴", 3).unwrap().len(), 3);
    }

    #[test]
    fn a_new_baseline_replaces_only_the_baseline_layer() {
        let dir = TempDir::new().unwrap();
        let mut store = store(&dir);
        let item = baseline_item(&mut store, KEY);
        let mut edited = item.clone();
        edited.subject = "示范镇".to_owned();
        adjust(&mut store, KEY, TownshipAction::Edit(edited)).unwrap();
        adjust(
            &mut store,
            "户籍管理/户口登记/出生登记",
            TownshipAction::Hide,
        )
        .ok();
        // Pretend an older binary loaded another baseline with an item since dropped.
        store
            .conn
            .execute_batch(
                "UPDATE catalog_baseline_meta SET version = 'old';
                 UPDATE catalog_baseline SET subject = '旧主体';
                 INSERT INTO catalog_baseline SELECT '涉农补贴/旧/已删除', 0, domain, '旧', '已删除',
                     content, basis, time_limit, time_limit_workdays, subject, channels,
                     channels_other, audience, mode, level, source
                     FROM catalog_baseline WHERE key = '涉农补贴/农业生产发展资金/农机购置补贴';
                 INSERT INTO catalog_effective SELECT key, 'baseline', 1, 0, '', domain, level1,
                     level2, content, basis, time_limit, time_limit_workdays, subject, channels,
                     channels_other, audience, mode, level, source
                     FROM catalog_baseline WHERE key = '涉农补贴/旧/已删除';",
            )
            .unwrap();
        assert!(store.catalog_ensure_baseline().unwrap());
        assert!(store.catalog_item("涉农补贴/旧/已删除").unwrap().is_none());
        assert_eq!(baseline_item(&mut store, KEY).subject, "示范镇");
        let other = store.catalog_items(Some("社会救助")).unwrap();
        assert!(other.iter().all(|i| i.item.subject != "旧主体"));
        let count: i64 = store
            .conn
            .query_row("SELECT count(*) FROM catalog_township", [], |r| r.get(0))
            .unwrap();
        assert!(count >= 1);
    }

    #[test]
    fn other_kinds_in_the_search_index_stay_out_of_catalog_results() {
        let dir = TempDir::new().unwrap();
        let mut store = store(&dir);
        store.catalog_ensure_baseline().unwrap();
        store
            .bench_fill_search_index(
                "record",
                (0..50).map(|i| {
                    (
                        format!("r{i}"),
                        "农机购置补贴公示".to_owned(),
                        "低保".to_owned(),
                    )
                }),
            )
            .unwrap();
        let records = store.search("record", "农机购置补贴", 100).unwrap();
        assert_eq!(records.len(), 50);
        assert_eq!(store.search("record", "低保", 100).unwrap().len(), 50);
        // The catalog items that name it (the baseline row, and 重庆's 农机购置与应用补贴 citing
        // the 农机购置补贴 plan), however many records share the words.
        let naming = store
            .catalog_items(None)
            .unwrap()
            .iter()
            .filter(|e| {
                let (title, body) = search_text(&e.item);
                title.contains("农机购置补贴") || body.contains("农机购置补贴")
            })
            .count();
        let catalog = store.catalog_search("农机购置补贴", 100).unwrap();
        assert_eq!(catalog.len(), naming);
        assert_eq!(store.catalog_search("低保", 100).unwrap().len(), 1);
        assert!(
            store
                .search("nothing-indexed", "低保", 10)
                .unwrap()
                .is_empty()
        );
        // Re-deriving the catalog keeps its rows inside its own block.
        adjust(&mut store, KEY, TownshipAction::Hide).unwrap();
        adjust(&mut store, KEY, TownshipAction::Restore).unwrap();
        assert_eq!(
            store.catalog_search("农机购置补贴", 100).unwrap().len(),
            naming
        );
        let outside: i64 = store
            .conn
            .query_row(
                "SELECT count(*) FROM search_doc WHERE kind = 'catalog' AND id >> 40 <> 1",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(outside, 0);
    }

    #[test]
    fn every_layer_change_is_logged() {
        let dir = TempDir::new().unwrap();
        let mut store = store(&dir);
        adjust(&mut store, KEY, TownshipAction::Hide).unwrap();
        let entities: Vec<String> = store
            .conn
            .prepare("SELECT entity FROM change_log ORDER BY seq")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(entities, ["catalog_baseline_meta", "catalog_township"]);
    }
}
