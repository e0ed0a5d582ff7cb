//! The HTTP side: API endpoints of protocol v1 and the public pages.

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::Utc;
use rusqlite::Connection;

use gongkai_sync::auth::RequestAuth;
use gongkai_sync::types::{ErrorBody, ErrorCode, Stream};
use gongkai_sync::{MAX_BODY_BYTES, gzip};

use crate::PortalError;
use crate::db::{self, ApiRefusal, Signed};
use crate::pages::{self, Page};

/// Shared state: one connection behind a mutex (SQLite has one writer anyway), used from
/// blocking threads; the domain order of the public column.
#[derive(Clone)]
pub struct Portal {
    conn: Arc<Mutex<Connection>>,
    domains: Arc<Vec<String>>,
}

impl Portal {
    pub fn open(path: &std::path::Path) -> Result<Self, PortalError> {
        let conn = db::open(path)?;
        let domains = gongkai_catalog::baseline()
            .map(|b| b.domains.into_iter().map(|d| d.name).collect())
            .unwrap_or_default();
        Ok(Self {
            conn: Arc::new(Mutex::new(conn)),
            domains: Arc::new(domains),
        })
    }
}

pub fn router(portal: Portal) -> Router {
    Router::new()
        .route("/v1/push", axum::routing::post(push))
        .route("/v1/pull/{stream}", get(pull))
        .route(
            "/v1/attachments/{sha256}",
            get(attachment_status).put(attachment_put),
        )
        .route("/", get(index))
        .route("/t/{code}", get(township))
        .route("/t/{code}/r/{object_id}", get(record))
        .route("/t/{code}/payouts", get(payouts))
        .route("/t/{code}/p/{object_id}", get(payout))
        .route("/t/{code}/a/{sha256}", get(attachment_file))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .with_state(portal)
}

/// Serves until the listener fails.
pub async fn serve(listener: tokio::net::TcpListener, portal: Portal) -> std::io::Result<()> {
    axum::serve(listener, router(portal)).await
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
        .and_then(|v| gzip::to_gzip_json(&v).map_err(|_| ApiRefusal::new(ErrorCode::Internal)))
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

async fn blocking<T: Send + 'static>(
    portal: &Portal,
    work: impl FnOnce(&mut Connection) -> Result<T, ApiRefusal> + Send + 'static,
) -> Result<T, ApiRefusal> {
    let conn = portal.conn.clone();
    tokio::task::spawn_blocking(move || {
        let mut guard = conn
            .lock()
            .map_err(|_| ApiRefusal::new(ErrorCode::Internal))?;
        work(&mut guard)
    })
    .await
    .map_err(|_| ApiRefusal::new(ErrorCode::Internal))?
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
    body: Bytes,
) -> Response {
    let result = async {
        let auth = read_auth(&headers)?;
        let path = path_and_query(&uri);
        blocking(&portal, move |conn| {
            let req = Signed {
                auth: &auth,
                method: method.as_str(),
                path_and_query: &path,
                body: &body,
            };
            db::push(conn, &req, Utc::now())
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
    body: Bytes,
) -> Response {
    let result = async {
        let auth = read_auth(&headers)?;
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
        blocking(&portal, move |conn| {
            let req = Signed {
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
    body: Bytes,
) -> Response {
    let result = async {
        let auth = read_auth(&headers)?;
        check_sha(&sha256)?;
        let path = path_and_query(&uri);
        blocking(&portal, move |conn| {
            let req = Signed {
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
    body: Bytes,
) -> Response {
    let result = async {
        let auth = read_auth(&headers)?;
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
        blocking(&portal, move |conn| {
            let req = Signed {
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

async fn page(
    portal: &Portal,
    work: impl FnOnce(&Connection, &[String]) -> rusqlite::Result<Page> + Send + 'static,
) -> Response {
    let domains = portal.domains.clone();
    let result = blocking(portal, move |conn| {
        work(conn, &domains).map_err(ApiRefusal::from)
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
    match result {
        Ok(Page::Html(text)) => html(StatusCode::OK, text),
        Ok(Page::Gone(text)) => html(StatusCode::GONE, text),
        Ok(Page::NotFound) | Err(ApiRefusal { code: ErrorCode::NotFound, .. }) => html(
            StatusCode::NOT_FOUND,
            "<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>未找到</title><h1>未找到该页面</h1><p><a href=\"/\">返回首页</a></p></html>".to_owned(),
        ),
        Ok(Page::File { content_type, file_name, bytes }) => {
            let mut response = Response::new(Body::from(bytes));
            response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
            let ascii: String = file_name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '.' { c } else { '_' }).collect();
            if let Ok(value) = HeaderValue::from_str(&format!("inline; filename=\"{ascii}\"")) {
                response.headers_mut().insert(header::CONTENT_DISPOSITION, value);
            }
            response
        }
        Err(_) => html(StatusCode::INTERNAL_SERVER_ERROR, "<h1>服务器内部错误</h1>".to_owned()),
    }
}

async fn index(State(portal): State<Portal>) -> Response {
    page(&portal, |conn, _| pages::index(conn)).await
}

async fn township(State(portal): State<Portal>, Path(code): Path<String>) -> Response {
    page(&portal, move |conn, domains| {
        pages::township(conn, &code, domains)
    })
    .await
}

async fn record(
    State(portal): State<Portal>,
    Path((code, id)): Path<(String, String)>,
) -> Response {
    page(&portal, move |conn, _| pages::record(conn, &code, &id)).await
}

async fn payouts(State(portal): State<Portal>, Path(code): Path<String>) -> Response {
    page(&portal, move |conn, _| pages::payouts(conn, &code)).await
}

async fn payout(
    State(portal): State<Portal>,
    Path((code, id)): Path<(String, String)>,
) -> Response {
    page(&portal, move |conn, _| pages::payout(conn, &code, &id)).await
}

async fn attachment_file(
    State(portal): State<Portal>,
    Path((code, sha256)): Path<(String, String)>,
) -> Response {
    page(&portal, move |conn, _| {
        pages::attachment(conn, &code, &sha256)
    })
    .await
}
