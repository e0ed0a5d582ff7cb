//! The HTTP side: API endpoints of protocol v2 and the public pages.
//!
//! A signed request's headers are checked before its body is read, and the body must arrive
//! within a deadline; sync requests beyond `Limits::max_sync_requests` are answered 503 at
//! once. Public pages are read through the read pool and kept in the page cache; attachments
//! are streamed in pieces. Every answer carries the security headers.

use std::sync::{Arc, Mutex, MutexGuard};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::error_handling::HandleErrorLayer;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::Utc;
use futures_util::StreamExt;
use rusqlite::Connection;
use tower::ServiceBuilder;
use tower::limit::GlobalConcurrencyLimitLayer;
use tower::load_shed::LoadShedLayer;

use gongkai_sync::auth::RequestAuth;
use gongkai_sync::types::{ErrorBody, ErrorCode, Kind, Stream};
use gongkai_sync::{MAX_BODY_BYTES, gzip};

use crate::PortalError;
use crate::connections::{Limits, accept_loop};
use crate::db::{self, ApiRefusal, Signed};
use crate::page_cache::PageCache;
use crate::pages::{self, Page, RenderedBlob, StoredBlob};
use crate::read_pool::ReadPool;

/// Shared state: the one writer connection behind a mutex (SQLite has one writer anyway),
/// used from blocking threads; read-only connections for the public side and the pages they
/// rendered; the domain order of the public column; the file, to reopen it; the limits.
#[derive(Clone)]
pub struct Portal {
    conn: Arc<Mutex<Connection>>,
    readers: Arc<ReadPool>,
    cache: Arc<PageCache>,
    domains: Arc<Vec<String>>,
    path: Arc<std::path::PathBuf>,
    limits: Limits,
    /// The portal's public URL as requests are signed for it (`PortalUrl::signed_portal`):
    /// given (`with_public_url`), else the address it serves on.
    signed_portal: Arc<std::sync::OnceLock<String>>,
    /// Township kinds this portal does not take (`refusing_kinds`).
    refused_kinds: Arc<Vec<Kind>>,
}

impl Portal {
    pub fn open(path: &std::path::Path) -> Result<Self, PortalError> {
        Self::open_with(path, Limits::default())
    }

    pub fn open_with(path: &std::path::Path, limits: Limits) -> Result<Self, PortalError> {
        let conn = db::open(path)?;
        let domains = gongkai_catalog::baseline()
            .map(|b| b.domains.into_iter().map(|d| d.name).collect())
            .unwrap_or_default();
        Ok(Self {
            conn: Arc::new(Mutex::new(conn)),
            readers: Arc::new(ReadPool::new(path.to_owned(), limits.max_readers)),
            cache: Arc::new(PageCache::open(path)?),
            domains: Arc::new(domains),
            path: Arc::new(path.to_owned()),
            limits,
            signed_portal: Arc::default(),
            refused_kinds: Arc::default(),
        })
    }

    /// A county not ready to take a kind of township data (`serve --refuse-kind posting`):
    /// its entries are answered `unknown_kind` and left out of the answer's `kinds`, exactly as
    /// a portal that predates the kind answers; townships keep them queued.
    pub fn refusing_kinds(mut self, kinds: Vec<Kind>) -> Self {
        self.refused_kinds = Arc::new(kinds);
        self
    }

    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// The URL townships reach the portal at, when it is not the address it serves on (a
    /// reverse proxy in front, a name instead of an address): requests signed for any other
    /// are refused (`wrong_portal`).
    pub fn with_public_url(self, url: &gongkai_sync::url::PortalUrl) -> Self {
        let _ = self.signed_portal.set(url.signed_portal());
        self
    }

    /// Without a public URL given, the portal is the address it serves on (`127.0.0.1:8080`).
    pub(crate) fn serving_on(&self, listener: &tokio::net::TcpListener) -> std::io::Result<()> {
        let address = listener.local_addr()?;
        self.signed_portal.get_or_init(|| address.to_string());
        Ok(())
    }

    fn signed_portal(&self) -> String {
        self.signed_portal.get().cloned().unwrap_or_default()
    }

    /// The connection, for one request. A handler that panicked while holding it poisoned the
    /// mutex; the connection is then taken back: a transaction the panic left open is rolled
    /// back, and if that fails the file is opened anew. Either way later requests are served.
    fn connection(&self) -> Result<MutexGuard<'_, Connection>, ApiRefusal> {
        let poisoned = match self.conn.lock() {
            Ok(guard) => return Ok(guard),
            Err(poisoned) => poisoned,
        };
        tracing::warn!("上一个请求在使用数据库连接时崩溃，收回连接");
        let mut guard = poisoned.into_inner();
        if let Err(e) = db::roll_back_open_transaction(&guard) {
            tracing::error!(error = %e, "回滚未完成的事务失败，重新打开数据库");
            *guard =
                db::open(&self.path).map_err(|e| ApiRefusal::internal("重新打开数据库失败", &e))?;
        }
        self.conn.clear_poison();
        Ok(guard)
    }
}

pub fn router(portal: Portal) -> Router {
    // One limit shared by every sync route; what is over it is shed, not queued.
    let sync_limit = ServiceBuilder::new()
        .layer(HandleErrorLayer::new(|_: tower::BoxError| async {
            overloaded()
        }))
        .layer(LoadShedLayer::new())
        .layer(GlobalConcurrencyLimitLayer::new(
            portal.limits.max_sync_requests,
        ));
    let sync = Router::new()
        .route("/v1/push", axum::routing::post(push))
        .route("/v1/pull/{stream}", get(pull))
        .route(
            "/v1/attachments/{sha256}",
            get(attachment_status).put(attachment_put),
        )
        .route_layer(sync_limit);
    Router::new()
        .merge(sync)
        .route("/", get(index))
        .route("/t/{code}", get(township))
        .route("/t/{code}/r/{object_id}", get(record))
        .route("/t/{code}/payouts", get(payouts))
        .route("/t/{code}/boards", get(boards))
        .route("/t/{code}/p/{object_id}", get(payout))
        .route("/t/{code}/a/{sha256}", get(attachment_file))
        .layer(axum::middleware::from_fn(security_headers))
        .layer(axum::middleware::from_fn(request_span))
        .with_state(portal)
}

/// The answer to a sync request over the limit: busy, try again (the township's client
/// retries `internal` with backoff).
fn overloaded() -> Response {
    let mut response = error_response(ApiRefusal::with(
        ErrorCode::Internal,
        "县级平台正忙，请稍后再同步".to_owned(),
    ));
    *response.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
    response
}

/// The pages have no script, no frames, no forms and only inline styles: the policy forbids
/// everything else, so injected markup could do nothing, and nothing is sniffed.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; \
img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

async fn security_headers(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    response
}

/// Every request runs in a span naming its method and path, so what it logs says which
/// request it was (the database work carries the span to its blocking thread).
async fn request_span(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    use tracing::Instrument;
    let span = tracing::info_span!(
        "request",
        method = %request.method(),
        path = %request.uri().path()
    );
    let response = next.run(request).instrument(span.clone()).await;
    if response.status().is_server_error() {
        span.in_scope(|| tracing::warn!(status = %response.status(), "请求以服务器错误结束"));
    }
    response
}

/// Serves plain HTTP until the listener fails, within the portal's limits.
pub async fn serve(listener: tokio::net::TcpListener, portal: Portal) -> std::io::Result<()> {
    let limits = portal.limits;
    portal.serving_on(&listener)?;
    accept_loop(listener, router(portal), limits, |stream| async move {
        Some(stream)
    })
    .await
}

fn error_response(refusal: ApiRefusal) -> Response {
    let status =
        StatusCode::from_u16(refusal.code.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = serde_json::to_vec(&ErrorBody {
        code: refusal.code,
        message: refusal.message,
    })
    .unwrap_or_default();
    (
        status,
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        body,
    )
        .into_response()
}

fn json_response<T: serde::Serialize>(result: Result<T, ApiRefusal>) -> Response {
    match result
        .and_then(|v| gzip::to_gzip_json(&v).map_err(|e| ApiRefusal::internal("回答无法压缩", &e)))
    {
        Ok(body) => (
            StatusCode::OK,
            [
                (header::CONTENT_TYPE, "application/json"),
                (header::CONTENT_ENCODING, "gzip"),
            ],
            body,
        )
            .into_response(),
        Err(refusal) => error_response(refusal),
    }
}

fn read_auth(headers: &HeaderMap) -> Result<RequestAuth, ApiRefusal> {
    RequestAuth::from_headers(|name| headers.get(name).and_then(|v| v.to_str().ok()))
        .map_err(ApiRefusal::from)
}

/// A signed request's auth headers, checked before its body is read (`db::check_headers`),
/// and then its body, read within its deadline and the size limit. The signature and the body
/// digest are verified with the body, in the write transaction.
async fn signed_request(
    portal: &Portal,
    headers: &HeaderMap,
    body: Body,
) -> Result<(RequestAuth, Bytes), ApiRefusal> {
    let auth = read_auth(headers)?;
    let checked = auth.clone();
    let own = portal.signed_portal();
    portal
        .readers
        .read(move |conn| db::check_headers(conn, &checked, &own))
        .await?;
    let announced = match headers.get(header::CONTENT_LENGTH) {
        None => 0,
        Some(value) => value
            .to_str()
            .ok()
            .and_then(|v| v.parse::<u64>().ok())
            .ok_or_else(|| {
                ApiRefusal::with(ErrorCode::Malformed, "Content-Length 不正确".to_owned())
            })?,
    };
    if announced > MAX_BODY_BYTES as u64 {
        return Err(ApiRefusal::new(ErrorCode::TooLarge));
    }
    let deadline = portal.limits.body_deadline(announced);
    match tokio::time::timeout(deadline, axum::body::to_bytes(body, MAX_BODY_BYTES)).await {
        Ok(Ok(bytes)) => Ok((auth, bytes)),
        Ok(Err(_)) => Err(ApiRefusal::with(
            ErrorCode::Malformed,
            "请求体不完整或超过大小上限".to_owned(),
        )),
        // A slow link, most likely: worth trying again (`internal` is retried).
        Err(_) => Err(ApiRefusal::with(
            ErrorCode::Internal,
            format!("请求体未在 {} 秒内收完，请稍后重试", deadline.as_secs()),
        )),
    }
}

async fn blocking<T: Send + 'static>(
    portal: &Portal,
    work: impl FnOnce(&mut Connection) -> Result<T, ApiRefusal> + Send + 'static,
) -> Result<T, ApiRefusal> {
    let portal = portal.clone();
    let span = tracing::Span::current();
    let dispatch = tracing::dispatcher::get_default(tracing::Dispatch::clone);
    tokio::task::spawn_blocking(move || {
        tracing::dispatcher::with_default(&dispatch, || {
            span.in_scope(|| {
                let mut guard = portal.connection()?;
                work(&mut guard)
            })
        })
    })
    .await
    .map_err(|e| ApiRefusal::internal("处理请求时崩溃", &e))?
}

/// The query parameters of `uri` (values percent-decoded).
fn query_params(uri: &Uri) -> Vec<(String, String)> {
    uri.query()
        .unwrap_or_default()
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = text.get(i + 1..i + 3)
            && let Ok(b) = u8::from_str_radix(hex, 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(if bytes[i] == b'+' { b' ' } else { bytes[i] });
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn param<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    params
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

fn path_and_query(uri: &Uri) -> String {
    uri.path_and_query()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| uri.path().to_owned())
}

async fn push(
    State(portal): State<Portal>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let result = async {
        let (auth, body) = signed_request(&portal, &headers, body).await?;
        let path = path_and_query(&uri);
        let own = portal.signed_portal();
        let refused = portal.refused_kinds.clone();
        blocking(&portal, move |conn| {
            let req = Signed {
                portal: &own,
                auth: &auth,
                method: method.as_str(),
                path_and_query: &path,
                body: &body,
            };
            db::push(conn, &req, Utc::now(), &refused)
        })
        .await
    }
    .await;
    json_response(result)
}

async fn pull(
    State(portal): State<Portal>,
    Path(stream): Path<String>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let result = async {
        let (auth, body) = signed_request(&portal, &headers, body).await?;
        let stream =
            Stream::from_key(&stream).ok_or_else(|| ApiRefusal::new(ErrorCode::NotFound))?;
        let params = query_params(&uri);
        let after = param(&params, "after").map(str::to_owned);
        let limit = match param(&params, "limit") {
            None => 100,
            Some(text) => text.parse().map_err(|_| {
                ApiRefusal::with(ErrorCode::Malformed, format!("limit“{text}”不正确"))
            })?,
        };
        let path = path_and_query(&uri);
        let own = portal.signed_portal();
        blocking(&portal, move |conn| {
            let req = Signed {
                portal: &own,
                auth: &auth,
                method: method.as_str(),
                path_and_query: &path,
                body: &body,
            };
            db::pull(conn, &req, stream, after.as_deref(), limit, Utc::now())
        })
        .await
    }
    .await;
    json_response(result)
}

fn check_sha(sha256: &str) -> Result<(), ApiRefusal> {
    if gongkai_sync::is_sha256_hex(sha256) {
        Ok(())
    } else {
        Err(ApiRefusal::with(
            ErrorCode::Malformed,
            format!("附件摘要“{sha256}”不是小写十六进制 SHA-256"),
        ))
    }
}

async fn attachment_status(
    State(portal): State<Portal>,
    Path(sha256): Path<String>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let result = async {
        let (auth, body) = signed_request(&portal, &headers, body).await?;
        check_sha(&sha256)?;
        let path = path_and_query(&uri);
        let own = portal.signed_portal();
        blocking(&portal, move |conn| {
            let req = Signed {
                portal: &own,
                auth: &auth,
                method: method.as_str(),
                path_and_query: &path,
                body: &body,
            };
            db::attachment_status(conn, &req, &sha256, Utc::now())
        })
        .await
    }
    .await;
    json_response(result)
}

async fn attachment_put(
    State(portal): State<Portal>,
    Path(sha256): Path<String>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let result = async {
        let (auth, body) = signed_request(&portal, &headers, body).await?;
        check_sha(&sha256)?;
        let params = query_params(&uri);
        let number = |name: &str| {
            param(&params, name)
                .and_then(|v| v.parse::<u64>().ok())
                .ok_or_else(|| {
                    ApiRefusal::with(ErrorCode::Malformed, format!("缺少或不正确的参数 {name}"))
                })
        };
        let (offset, total) = (number("offset")?, number("total")?);
        let path = path_and_query(&uri);
        let own = portal.signed_portal();
        blocking(&portal, move |conn| {
            let req = Signed {
                portal: &own,
                auth: &auth,
                method: method.as_str(),
                path_and_query: &path,
                body: &body,
            };
            db::attachment_put(conn, &req, &sha256, offset, total, Utc::now())
        })
        .await
    }
    .await;
    json_response(result)
}

// ---- public pages --------------------------------------------------------------------------

const NOT_FOUND_PAGE: &str = "<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>未找到</title><h1>未找到该页面</h1><p><a href=\"/\">返回首页</a></p></html>";

/// A public page at `path`: from the page cache while the database is unchanged, otherwise
/// rendered by `work` on a read connection (and kept).
async fn page(
    portal: &Portal,
    path: &Uri,
    work: impl FnOnce(&Connection, &[String]) -> rusqlite::Result<Page> + Send + 'static,
) -> Response {
    page_keyed(portal, path.path().to_owned(), work).await
}

/// A public page kept in the cache under `path` (its path, and what else it depends on).
async fn page_keyed(
    portal: &Portal,
    path: String,
    work: impl FnOnce(&Connection, &[String]) -> rusqlite::Result<Page> + Send + 'static,
) -> Response {
    let (domains, cache) = (portal.domains.clone(), portal.cache.clone());
    let result = portal
        .readers
        .read(move |conn| {
            let version = cache.version();
            if let Some(kept) = version.and_then(|v| cache.get(v, &path)) {
                return Ok(kept);
            }
            let page = Arc::new(work(conn, &domains)?);
            if let Some(version) = version {
                cache.put(version, &path, page.clone());
            }
            Ok(page)
        })
        .await;
    let html = |status: StatusCode, text: String| {
        (
            status,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            text,
        )
            .into_response()
    };
    // A page not kept in the cache is this request's alone: its text is moved into the
    // answer, not copied (a long list's page is megabytes).
    let result = result.map(|page| Arc::try_unwrap(page).unwrap_or_else(|kept| (*kept).clone()));
    match result {
        Ok(Page::Html(text)) => html(StatusCode::OK, text),
        Ok(Page::Gone(text)) => html(StatusCode::GONE, text),
        Ok(Page::NotFound)
        | Err(ApiRefusal {
            code: ErrorCode::NotFound,
            ..
        }) => html(StatusCode::NOT_FOUND, NOT_FOUND_PAGE.to_owned()),
        Ok(Page::File { file_name, blob }) => attachment_response(portal, &file_name, blob),
        Ok(Page::Listing {
            head,
            villages,
            tail,
        }) => listing_response(portal, head, villages, tail),
        Err(_) => html(
            StatusCode::INTERNAL_SERVER_ERROR,
            "<h1>服务器内部错误</h1>".to_owned(),
        ),
    }
}

/// How much of a stored file or page is read from the database at a time.
const PIECE_BYTES: usize = 256 * 1024;

/// What a stored piece reader gives: the bytes from an offset, or `None` when what was being
/// streamed is no longer there as it was.
type PieceReader<B> = fn(&Connection, &B, u64, usize) -> rusqlite::Result<Option<Vec<u8>>>;

/// `size` bytes stored in the database, streamed in pieces: each read on a read connection
/// only when the client has taken the one before, so a slow reader of a large file holds one
/// piece of memory and no connection between pieces.
fn stored_pieces<B: Clone + Send + Sync + 'static>(
    portal: &Portal,
    stored: B,
    size: u64,
    read: PieceReader<B>,
) -> impl futures_util::Stream<Item = std::io::Result<Bytes>> + Send + 'static {
    let readers = portal.readers.clone();
    futures_util::stream::try_unfold(0_u64, move |offset| {
        let (readers, stored) = (readers.clone(), stored.clone());
        async move {
            if offset >= size {
                return Ok(None);
            }
            let piece = readers
                .read(move |conn| Ok(read(conn, &stored, offset, PIECE_BYTES)?))
                .await
                .map_err(|refusal| std::io::Error::other(refusal.message))?;
            let piece = piece.ok_or_else(|| std::io::Error::other("页面在发送中被新版本替换"))?;
            if piece.is_empty() {
                return Err(std::io::Error::other("存储的内容比记录的长度短"));
            }
            let next = offset + piece.len() as u64;
            Ok(Some((Bytes::from(piece), next)))
        }
    })
}

/// An attachment as a download, streamed from the file.
fn attachment_response(portal: &Portal, file_name: &str, blob: StoredBlob) -> Response {
    let pieces = stored_pieces(portal, blob, blob.size, |conn, blob, offset, length| {
        pages::attachment_piece(conn, *blob, offset, length).map(Some)
    });
    let mut response = Response::new(Body::from_stream(pieces));
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(download_type(file_name)),
    );
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from(blob.size));
    if let Ok(value) = HeaderValue::from_str(&content_disposition(file_name)) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// A page rendered ahead (a payout list whole): its head, its stored part streamed from the
/// file in pieces, its tail. A newer version pushed meanwhile cuts the answer short (the
/// announced length unmet), never mixes two versions.
fn listing_response(
    portal: &Portal,
    head: String,
    villages: RenderedBlob,
    tail: String,
) -> Response {
    let length = head.len() as u64 + villages.blob.size + tail.len() as u64;
    let size = villages.blob.size;
    let body = futures_util::stream::once(std::future::ready(Ok(Bytes::from(head))))
        .chain(stored_pieces(
            portal,
            villages,
            size,
            pages::payout_page_piece,
        ))
        .chain(futures_util::stream::once(std::future::ready(Ok(
            Bytes::from(tail),
        ))));
    let mut response = Response::new(Body::from_stream(body));
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from(length));
    response
}

/// PDFs as PDFs; anything else as bytes to save, never as something a browser would render.
fn download_type(file_name: &str) -> &'static str {
    if file_name.to_lowercase().ends_with(".pdf") {
        "application/pdf"
    } else {
        "application/octet-stream"
    }
}

/// `attachment` (saved, not shown in the portal's origin), with the Chinese file name in
/// `filename*` (RFC 6266 / 5987) and an ASCII stand-in for old browsers.
fn content_disposition(file_name: &str) -> String {
    let ascii: String = file_name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut encoded = String::with_capacity(file_name.len() * 3);
    for byte in file_name.bytes() {
        if byte.is_ascii_alphanumeric() || b".-_~".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

async fn index(State(portal): State<Portal>, uri: Uri) -> Response {
    page(&portal, &uri, |conn, _| pages::index(conn)).await
}

async fn township(State(portal): State<Portal>, uri: Uri, Path(code): Path<String>) -> Response {
    page(&portal, &uri, move |conn, domains| {
        pages::township(conn, &code, domains)
    })
    .await
}

async fn record(
    State(portal): State<Portal>,
    uri: Uri,
    Path((code, id)): Path<(String, String)>,
) -> Response {
    page(&portal, &uri, move |conn, _| {
        pages::record(conn, &code, &id)
    })
    .await
}

/// The boards page depends on the day too (a notice period ends): kept per path and day.
async fn boards(State(portal): State<Portal>, Path(code): Path<String>) -> Response {
    let today = crate::boards::beijing_today();
    let key = format!("/t/{code}/boards@{today}");
    page_keyed(&portal, key, move |conn, _| {
        pages::boards(conn, &code, today)
    })
    .await
}

async fn payouts(State(portal): State<Portal>, uri: Uri, Path(code): Path<String>) -> Response {
    page(&portal, &uri, move |conn, _| pages::payouts(conn, &code)).await
}

async fn payout(
    State(portal): State<Portal>,
    uri: Uri,
    Path((code, id)): Path<(String, String)>,
) -> Response {
    page(&portal, &uri, move |conn, _| {
        pages::payout(conn, &code, &id)
    })
    .await
}

async fn attachment_file(
    State(portal): State<Portal>,
    uri: Uri,
    Path((code, sha256)): Path<(String, String)>,
) -> Response {
    page(&portal, &uri, move |conn, _| {
        pages::attachment(conn, &code, &sha256)
    })
    .await
}

#[cfg(test)]
mod tests {
    use std::io::{Read, Write};

    use super::*;

    /// Log lines written by a test's own subscriber.
    #[derive(Clone, Default)]
    struct Captured(Arc<Mutex<Vec<u8>>>);

    impl Write for Captured {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl Captured {
        fn text(&self) -> String {
            String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
        }
    }

    fn capture() -> (Captured, tracing::subscriber::DefaultGuard) {
        let logs = Captured::default();
        let writer = logs.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(move || writer.clone())
            .with_ansi(false)
            .finish();
        (logs, tracing::subscriber::set_default(subscriber))
    }

    /// The real router on 127.0.0.1:0, one plain HTTP/1.1 GET: (status, body).
    async fn get(portal: &Portal, path: &str) -> (u16, String) {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        let server = tokio::spawn(serve(listener, portal.clone()));
        let path = path.to_owned();
        let answer = tokio::task::spawn_blocking(move || {
            let mut stream = std::net::TcpStream::connect(address).unwrap();
            write!(
                stream,
                "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
            )
            .unwrap();
            let mut answer = String::new();
            stream.read_to_string(&mut answer).unwrap();
            answer
        })
        .await
        .unwrap();
        server.abort();
        let status = answer
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap();
        let body = answer
            .split_once("\r\n\r\n")
            .map(|(_, b)| b.to_owned())
            .unwrap();
        (status, body)
    }

    fn portal() -> (tempfile::TempDir, Portal) {
        let dir = tempfile::tempdir().unwrap();
        let portal = Portal::open(&dir.path().join("portal.sqlite3")).unwrap();
        (dir, portal)
    }

    #[tokio::test]
    async fn a_request_after_a_handler_panicked_holding_the_connection_is_served() {
        // Every test that logs runs under a capturing subscriber: tracing caches per call site
        // whether anyone listens, and a test logging with no subscriber at the moment another
        // test installs one could leave that test's log lines unwritten.
        let (logs, _guard) = capture();
        let (_dir, portal) = portal();
        // A handler that began a write and crashed: the mutex is poisoned, its transaction open.
        let crashed = blocking(&portal, |conn| -> Result<(), ApiRefusal> {
            conn.execute_batch("BEGIN IMMEDIATE; CREATE TABLE half_done (x)")?;
            panic!("a bug in a handler");
        })
        .await;
        assert_eq!(crashed.err().map(|r| r.code), Some(ErrorCode::Internal));
        assert!(portal.conn.is_poisoned());
        assert!(logs.text().contains("处理请求时崩溃"), "{}", logs.text());

        // The next request that needs the writer takes it back.
        let next = blocking(&portal, |conn| Ok(db::data_version(conn)?)).await;
        assert!(next.is_ok());
        assert!(!portal.conn.is_poisoned());
        let (status, body) = get(&portal, "/").await;
        assert_eq!(status, 200, "{body}");
        assert!(body.contains("基层政务公开"), "{body}");
        // The crashed handler's write was rolled back, not committed by whoever came next.
        let half_done: bool = portal
            .connection()
            .unwrap()
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'half_done')",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert!(!half_done);
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn public_pages_do_not_wait_for_the_writer() {
        let (_dir, portal) = portal();
        // A push holding the writer (its transaction, its signature checks) for as long as
        // it likes: visitors are served from the read connections meanwhile.
        let writer = portal.conn.clone();
        let (locked, release) = (std::sync::mpsc::channel(), std::sync::mpsc::channel::<()>());
        let holder = std::thread::spawn(move || {
            let _held = writer.lock().unwrap();
            locked.0.send(()).unwrap();
            let _ = release.1.recv();
        });
        locked.1.recv().unwrap();
        let page =
            tokio::time::timeout(std::time::Duration::from_secs(20), get(&portal, "/")).await;
        release.0.send(()).unwrap();
        holder.join().unwrap();
        let Ok((status, _)) = page else {
            panic!("the page waited for the writer");
        };
        assert_eq!(status, 200);
    }

    #[tokio::test]
    async fn a_database_error_is_logged_with_its_request_and_answered_with_code_and_message() {
        let (logs, _guard) = capture();
        let (_dir, portal) = portal();
        portal
            .connection()
            .unwrap()
            .execute_batch("ALTER TABLE township RENAME TO township_gone")
            .unwrap();

        let (status, body) = get(&portal, "/").await;
        assert_eq!(status, 500);
        assert!(body.contains("服务器内部错误"), "{body}");
        let text = logs.text();
        assert!(text.contains("数据库出错"), "{text}");
        assert!(text.contains("no such table: township"), "{text}");
        assert!(
            text.contains("method=GET") && text.contains("path=/"),
            "{text}"
        );
        assert!(text.contains("server.rs:"), "the line of the `?`: {text}");

        // The API answer stays `{code, message}`; the cause is in the log, not in the answer.
        let response = json_response::<()>(
            blocking(&portal, |conn| {
                conn.execute("UPDATE township_gone SET no_such_column = 1", [])?;
                Ok(())
            })
            .await,
        );
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let body = axum::body::to_bytes(response.into_body(), 1 << 16)
            .await
            .unwrap();
        let answer: ErrorBody = serde_json::from_slice(&body).unwrap();
        assert_eq!(answer.code, ErrorCode::Internal);
        assert_eq!(answer.message, ErrorCode::Internal.message());
        assert!(logs.text().contains("no_such_column"), "{}", logs.text());
    }
}
