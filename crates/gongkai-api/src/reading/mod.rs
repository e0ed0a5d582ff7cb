//! The public reading point (公开查阅点, issue 14): what a visitor at the 便民服务中心 screen may
//! read — the effective catalog, payout notices in their 公示期 (the very sheet printed for the
//! village board, masked as printed), published records, and published documents with their
//! published 政策解读 — each as a view of its own (`wire::reading`), plus the clerk's PIN that
//! leaves the mode and the screen's idle time.
//!
//! The commands here are listed in `with_reading_commands!`; the reading window can call those
//! and nothing else, and the app opens its database with [`Api::read_only`].

mod pin;
mod portal;
mod views;

use std::time::Instant;

use chrono::{Local, NaiveDate};
use gongkai_store::Store;

use pin::Pin;
pub(crate) use pin::PinGuard;
use portal::Portal;

use crate::commands::non_blank;
use crate::payout_notice::{Period, village_sheet};
use crate::pii::masked_if_id;
use crate::session::OpenMode;
use crate::wire;
use crate::{Api, ApiError};

/// A minute, as the seeds' reading points do.
pub(crate) const DEFAULT_IDLE_SECONDS: u32 = 60;
const IDLE_SECONDS: std::ops::RangeInclusive<u32> = 15..=3600;
/// Results per kind while the visitor types.
const SEARCH_LIMIT: u32 = 50;

/// The idle time and whether a PIN is set.
fn settings(store: &Store) -> Result<wire::ReadingSettings, ApiError> {
    let setting = store.reading_point_setting()?;
    Ok(wire::ReadingSettings {
        idle_seconds: setting.idle_seconds.unwrap_or(DEFAULT_IDLE_SECONDS),
        pin_set: setting.pin_hash.is_some(),
    })
}

/// The portal's pages for this township, or why there are none.
fn portal(store: &Store) -> Result<Result<Portal, String>, ApiError> {
    let township = store.require_township()?;
    let code = township.division_code.map(|c| c.to_string());
    Ok(Portal::of(store.portal_url()?.as_deref(), code.as_deref()))
}

/// A village's 公示期 when `today` falls in it.
fn in_period(posted_on: &str, ends_on: &str, today: NaiveDate) -> bool {
    let (Ok(from), Ok(to)) = (posted_on.parse::<NaiveDate>(), ends_on.parse::<NaiveDate>()) else {
        return false;
    };
    from <= today && today <= to
}

impl Api {
    /// The start screen: domains, notices in their 公示期, published records and documents, and
    /// the township's portal pages.
    pub fn reading_start(&self, _: wire::NoArgs) -> Result<wire::ReadingStart, ApiError> {
        let (township, settings, portal) = self.with_store(OpenMode::Existing, |store| {
            let township = store.require_township()?.name.to_string();
            Ok((township, settings(store)?, portal(store)?))
        })?;
        let (portal, portal_note) = match portal {
            Ok(portal) => (portal.township_pages()?, None),
            Err(note) => (Vec::new(), Some(note)),
        };
        let domains = self
            .catalog_domains(wire::NoArgs {})?
            .domains
            .into_iter()
            .filter(|d| d.items > 0)
            .map(|d| wire::ReadingDomain {
                name: d.name,
                items: d.items,
            })
            .collect();
        Ok(wire::ReadingStart {
            township,
            idle_seconds: settings.idle_seconds,
            pin_set: settings.pin_set,
            domains,
            notices: self.notices_in_period(&[])?,
            records: self.published_records(None)?,
            documents: self.published_documents(None)?,
            portal,
            portal_note,
        })
    }

    /// A domain's items of the effective catalog, in table order.
    pub fn reading_domain(
        &self,
        args: wire::ReadingDomainArgs,
    ) -> Result<wire::ReadingItems, ApiError> {
        let domain = non_blank(Some(&args.domain))
            .ok_or_else(|| ApiError::invalid("请选择领域".to_owned()))?;
        let items = self
            .catalog_items(wire::CatalogItemsArgs {
                domain: Some(domain.to_owned()),
            })?
            .items;
        Ok(wire::ReadingItems {
            items: items.into_iter().map(views::catalog_item).collect(),
        })
    }

    /// Everything public that holds every word typed.
    pub fn reading_search(
        &self,
        args: wire::ReadingSearchArgs,
    ) -> Result<wire::ReadingSearchResult, ApiError> {
        let words: Vec<&str> = args.query.split_whitespace().collect();
        if words.is_empty() {
            return Ok(wire::ReadingSearchResult {
                query: args.query,
                items: Vec::new(),
                notices: Vec::new(),
                records: Vec::new(),
                documents: Vec::new(),
            });
        }
        let query = words.join(" ");
        let items = self
            .catalog_search(wire::CatalogSearchArgs {
                query: query.clone(),
                limit: Some(SEARCH_LIMIT),
            })?
            .items;
        Ok(wire::ReadingSearchResult {
            items: items.into_iter().map(views::catalog_item).collect(),
            notices: self.notices_in_period(&words)?,
            records: self.published_records(Some(&query))?,
            documents: self.published_documents(Some(&query))?,
            query: args.query,
        })
    }

    /// One village's payout notice as printed for its board, while it is in its 公示期.
    pub fn reading_notice(
        &self,
        args: wire::ReadingNoticeArgs,
    ) -> Result<wire::ReadingNotice, ApiError> {
        let list_id = args.list_id.trim().parse()?;
        let today = Local::now().date_naive();
        self.with_store(OpenMode::Existing, |store| {
            let list = store.payout_list(list_id)?;
            let period = (list.status == wire::PayoutListStatus::Posted.key())
                .then(|| store.postings(list_id))
                .transpose()?
                .into_iter()
                .flatten()
                .find(|p| p.village == args.village)
                .filter(|p| p.posted_on <= today && today <= p.ends_on)
                .ok_or_else(|| {
                    ApiError::invalid(format!("“{}”的这份公示不在公示期内", args.village))
                })?;
            let sheet = village_sheet(
                store,
                list_id,
                &period.village,
                Period {
                    start: period.posted_on,
                    end: period.ends_on,
                },
            )?;
            let portal = portal(store)?
                .ok()
                .map(|p| p.payout_list(&list_id.to_string()))
                .transpose()?;
            Ok(views::notice(sheet, portal))
        })
    }

    /// A published record as the county's page shows it.
    pub fn reading_record(&self, args: wire::IdArgs) -> Result<wire::ReadingRecord, ApiError> {
        let detail = self.record_get(args)?;
        let summary = views::record_summary(&detail.summary)
            .ok_or_else(|| ApiError::invalid("这条信息未公开".to_owned()))?;
        let portal = self
            .with_store(OpenMode::Existing, |store| portal(store))?
            .ok()
            .map(|p| p.record(&summary.id))
            .transpose()?;
        Ok(wire::ReadingRecord {
            formed_on: detail.summary.formed_on.clone(),
            summary,
            body: masked_if_id(detail.body),
            portal,
        })
    }

    /// A published document, with its 政策解读 once that is published too.
    pub fn reading_document(&self, args: wire::IdArgs) -> Result<wire::ReadingDocument, ApiError> {
        let detail = self.document_get(args)?;
        let summary = views::document_summary(&detail.summary)
            .ok_or_else(|| ApiError::invalid("这份文件未公开".to_owned()))?;
        let interpretation = match detail
            .interpretation
            .filter(|i| i.record_status == wire::RecordStatus::Published)
        {
            Some(entry) => {
                let record = self.record_get(wire::IdArgs {
                    id: entry.record_id,
                })?;
                Some(wire::ReadingInterpretation {
                    title: masked_if_id(record.summary.title),
                    form: entry.form,
                    body: masked_if_id(record.body),
                })
            }
            None => None,
        };
        Ok(wire::ReadingDocument {
            summary,
            effective_on: detail.summary.effective_on,
            valid_until: detail.summary.valid_until,
            body: masked_if_id(detail.body),
            interpretation,
        })
    }

    /// The reading point's setting, for the workstation's 设置.
    pub fn reading_settings_get(&self, _: wire::NoArgs) -> Result<wire::ReadingSettings, ApiError> {
        self.with_store(OpenMode::Existing, |store| settings(store))
    }

    /// Sets the idle time and, when one is given, a new PIN.
    pub fn reading_settings_save(
        &self,
        args: wire::ReadingSettingsInput,
    ) -> Result<wire::ReadingSettings, ApiError> {
        if !IDLE_SECONDS.contains(&args.idle_seconds) {
            return Err(ApiError::invalid(format!(
                "无人操作返回首页的时间须在 {} 至 {} 秒之间，收到 {} 秒",
                IDLE_SECONDS.start(),
                IDLE_SECONDS.end(),
                args.idle_seconds
            )));
        }
        let hash = non_blank(args.pin.as_deref())
            .map(|pin| Pin::parse(pin)?.hash())
            .transpose()?;
        self.with_store(OpenMode::Existing, |store| {
            store.set_reading_point_setting(args.idle_seconds, hash.as_deref())?;
            settings(store)
        })
    }

    /// Whether the PIN typed at the reading point lets it close (the shell closes it). Wrong
    /// PINs are slowed down ([`PinGuard`]); without a PIN set the mode is not left from its
    /// window at all.
    pub fn reading_leave(
        &self,
        args: wire::ReadingLeaveArgs,
    ) -> Result<wire::ReadingLeave, ApiError> {
        let refused = |message: String, wait_seconds: Option<u32>| wire::ReadingLeave {
            allowed: false,
            message,
            wait_seconds,
        };
        let now = Instant::now();
        if let Some(wait) = self.reading_pins.wait(now) {
            let seconds = u32::try_from(wait.as_secs().max(1)).unwrap_or(u32::MAX);
            return Ok(refused(
                format!("密码错误次数过多，请 {seconds} 秒后再试"),
                Some(seconds),
            ));
        }
        let Some(stored) = self.with_store(OpenMode::Existing, |store| {
            Ok(store.reading_point_setting()?.pin_hash)
        })?
        else {
            return Ok(refused(
                "本查阅点未设置退出密码，不能在此退出：请工作人员在工作台“设置 → 查阅点”中设置密码，或直接关闭窗口".to_owned(),
                None,
            ));
        };
        let right = match Pin::parse(&args.pin) {
            Ok(pin) => pin.matches(&stored)?,
            Err(_) => false,
        };
        self.reading_pins.record(now, right);
        if right {
            return Ok(wire::ReadingLeave {
                allowed: true,
                message: "已退出查阅模式".to_owned(),
                wait_seconds: None,
            });
        }
        let wait_seconds = self
            .reading_pins
            .wait(now)
            .map(|w| u32::try_from(w.as_secs()).unwrap_or(u32::MAX));
        Ok(refused("密码不正确".to_owned(), wait_seconds))
    }

    /// Each village of each posted list whose 公示期 holds today, and whose title or village
    /// holds every one of `words`.
    fn notices_in_period(
        &self,
        words: &[&str],
    ) -> Result<Vec<wire::ReadingNoticeSummary>, ApiError> {
        let today = Local::now().date_naive();
        let mut notices = Vec::new();
        for list in self.payouts_list(wire::NoArgs {})?.lists {
            if list.status != wire::PayoutListStatus::Posted {
                continue;
            }
            let title = format!("{}年{}", list.year, list.project);
            for posting in &list.postings {
                if !in_period(&posting.posted_on, &posting.ends_on, today) {
                    continue;
                }
                if !words
                    .iter()
                    .all(|w| title.contains(w) || posting.village.contains(w))
                {
                    continue;
                }
                let rows = list
                    .villages
                    .iter()
                    .find(|v| v.name == posting.village)
                    .map_or(0, |v| v.rows);
                notices.push(wire::ReadingNoticeSummary {
                    list_id: list.id.clone(),
                    title: title.clone(),
                    village: posting.village.clone(),
                    rows,
                    posted_on: posting.posted_on.clone(),
                    ends_on: posting.ends_on.clone(),
                });
            }
        }
        Ok(notices)
    }

    /// Published records, newest first; those a search finds when `query` is given.
    fn published_records(
        &self,
        query: Option<&str>,
    ) -> Result<Vec<wire::ReadingRecordSummary>, ApiError> {
        let records = match query {
            Some(query) => self.records_search(wire::RecordSearchArgs {
                query: query.to_owned(),
            })?,
            None => self.records_list(wire::NoArgs {})?,
        };
        let mut published: Vec<wire::ReadingRecordSummary> = records
            .records
            .iter()
            .filter_map(views::record_summary)
            .collect();
        published.sort_by(|a, b| b.published_on.cmp(&a.published_on));
        Ok(published)
    }

    /// Documents whose publishing record is published; those a search finds when `query` is
    /// given.
    fn published_documents(
        &self,
        query: Option<&str>,
    ) -> Result<Vec<wire::ReadingDocumentSummary>, ApiError> {
        let documents = self.documents_list(wire::DocumentsListArgs {
            query: query.map(str::to_owned),
            ..wire::DocumentsListArgs::default()
        })?;
        Ok(documents
            .documents
            .iter()
            .filter_map(views::document_summary)
            .collect())
    }
}
