//! Disclosure records (公开记录): one piece of information disclosed, or decided not to be,
//! under a catalog item; the controls it passes before publication; and its deadline.
//!
//! - [`attribute`]: 公开属性源头认定 — 主动公开 / 依申请公开 / 不予公开 with the grounds of the 2019
//!   《政府信息公开条例》, and 全文发布 / 删减后发布.
//! - [`review`]: 三审 (拟稿 → 审核 → 审定), in order, by three different people.
//! - [`secrecy`]: the 保密审查 checklist.
//! - [`gate`]: what still stands between a record and publication.
//! - [`deadline`]: due dates on the official working-day calendar and their status.
//!
//! No I/O here: the store keeps records, the API applies these rules at its edge, and the
//! database repeats the publication gate as a trigger.

pub mod attribute;
pub mod deadline;
mod error;
pub mod gate;
pub mod review;
pub mod secrecy;

pub use attribute::{Attribute, Ground, PublishForm};
pub use deadline::{DeadlineStatus, Due};
pub use error::RecordError;
pub use gate::{Blocker, blockers};
pub use review::{Decision, Stage};
pub use secrecy::{SecrecyCheck, SecrecyQuestion};
