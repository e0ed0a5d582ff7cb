//! The reference county portal (`gongkai-portal`): receives signed pushes from registered
//! townships, serves county publications by pull, keeps resumable attachment uploads, and
//! renders the public 基层政务公开 pages. Protocol: `docs/sync-protocol.md`.
//!
//! - [`boards`]: which village boards are overdue, from the postings pushed;
//! - [`db`]: the SQLite file (WAL; one immediate transaction per write) and every operation;
//! - [`server`]: the axum router; API errors are `{code, message}` JSON with one status each;
//! - [`pages`]: server-rendered Chinese HTML, no JavaScript;
//! - [`tls`]: HTTPS served by the portal itself, when no reverse proxy fronts it;
//! - [`connections`]: the accept loop both share, with its [`Limits`] (connections, header
//!   and body deadlines, sync requests and readers at once);
//! - [`read_pool`], [`page_cache`]: read-only connections for the public side, and the pages
//!   they rendered, kept until the database changes.

pub mod boards;
pub mod catalog_table;
pub mod connections;
pub mod db;
pub mod page_cache;
pub mod pages;
pub mod read_pool;
pub mod server;
pub mod tls;

pub use connections::Limits;
pub use server::{Portal, router, serve};
pub use tls::{serve_tls, server_config};

#[derive(Debug, thiserror::Error)]
pub enum PortalError {
    #[error("数据库错误：{0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("{0}")]
    Usage(String),
    #[error("读写文件出错：{0}")]
    Io(#[from] std::io::Error),
}
