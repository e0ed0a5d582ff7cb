//! A minimal async client of protocol v2 (feature `client`): reqwest over rustls (ring), no
//! redirects, the loopback rule enforced on the portal URL.
//!
//! Every request is signed with a fresh sequence number taken from a [`SeqSource`]; the caller
//! persists the number before it is used (the township keeps it in its database), so a
//! retried request is a new request and an old one can never be accepted again.

use chrono::Utc;
use reqwest::header::{CONTENT_ENCODING, CONTENT_TYPE};
use thiserror::Error;

use crate::auth::RequestAuth;
use crate::batch::pack;
use crate::check::check_entry;
use crate::gzip::gunzip;
use crate::keys::TownshipKey;
use crate::types::{AttachmentStatus, Entry, ErrorBody, ErrorCode, PullResponse, PushAck, Stream};
use crate::url::PortalUrl;
use crate::{
    MAX_ATTACHMENT_BYTES, MAX_BODY_BYTES, MAX_CHUNK_BYTES, MAX_JSON_BYTES, MAX_RESPONSE_BYTES,
    SyncError,
};

/// Where request sequence numbers come from. Each call returns a number greater than every
/// number returned before, already persisted (see [`crate::auth::next_seq`]).
pub trait SeqSource {
    fn next_seq(&mut self) -> Result<u64, String>;
}

/// An in-memory [`SeqSource`] (tests, one-shot tools): clock-based, so it still moves forward
/// across process restarts as long as the clock does.
#[derive(Debug, Default, Clone)]
pub struct ClockSeq {
    last: u64,
}

impl SeqSource for ClockSeq {
    fn next_seq(&mut self) -> Result<u64, String> {
        self.last = crate::auth::next_seq(self.last, Utc::now());
        Ok(self.last)
    }
}

#[derive(Debug, Error)]
pub enum ClientError {
    #[error(transparent)]
    Url(SyncError),
    #[error("无法取得请求序号：{0}")]
    Seq(String),
    #[error("无法连接县级平台：{0}")]
    Network(String),
    /// The portal refused the request (status and its JSON error).
    #[error("县级平台拒绝了请求（{status}）：{}", error.message)]
    Refused { status: u16, error: ErrorBody },
    #[error("县级平台的回答无法识别：{0}")]
    BadResponse(String),
    /// The answer ran past [`MAX_RESPONSE_BYTES`] as received: reading stopped there, so a
    /// wrong address or a broken portal cannot fill the township PC's memory.
    #[error(
        "县级平台的回答超过 {} MiB 上限，已停止读取：请核对平台地址，或联系县政务公开办",
        limit / (1024 * 1024)
    )]
    ResponseTooLarge { limit: usize },
}

/// Checks a county CA certificate a clerk imports and gives the SHA-256 fingerprint of its
/// first certificate (colon-separated hex: what the county reads out to confirm it is theirs),
/// or why it is not a certificate, in Chinese.
pub fn county_ca_fingerprint(pem: &[u8]) -> Result<String, String> {
    use rustls::pki_types::CertificateDer;
    use rustls::pki_types::pem::PemObject;
    use sha2::{Digest, Sha256};
    let certs = CertificateDer::pem_slice_iter(pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("不是 PEM 格式的证书（{e}）"))?;
    let first = certs
        .first()
        .ok_or("文件中没有证书：应是以“-----BEGIN CERTIFICATE-----”开头的 PEM 文本")?;
    reqwest::Certificate::from_pem(pem).map_err(|e| format!("证书无法使用（{e}）"))?;
    let digest = Sha256::digest(first.as_ref());
    Ok(digest
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(":"))
}

/// A transport failure as a clerk can act on it, with the technical chain after it (reqwest's
/// own message says only "error sending request").
fn network_error(e: reqwest::Error) -> ClientError {
    let mut chain = Vec::new();
    let mut source: Option<&dyn std::error::Error> = Some(&e);
    while let Some(cause) = source {
        chain.push(cause.to_string());
        source = cause.source();
    }
    let detail = chain.join("：");
    let lower = detail.to_lowercase();
    let plain = if lower.contains("certificate") || lower.contains("unknownissuer") {
        "县级平台的安全证书不受信任：可能连错了地址，或需要导入县里提供的证书"
    } else if e.is_timeout() {
        "连接超时：网络可能很慢或已断开"
    } else if e.is_connect() {
        "连不上：网络已断开，或平台地址、端口有误，或平台没有运行"
    } else {
        "通信中断"
    };
    ClientError::Network(format!("{plain}（{detail}）"))
}

impl ClientError {
    /// Worth retrying later with backoff (network trouble, a portal error, a stale sequence
    /// number); the others need a person (registration, key, data).
    pub fn is_retryable(&self) -> bool {
        match self {
            ClientError::Network(_) | ClientError::BadResponse(_) => true,
            ClientError::Refused { error, .. } => matches!(
                error.code,
                ErrorCode::Replayed | ErrorCode::Internal | ErrorCode::OffsetMismatch
            ),
            ClientError::Url(_) | ClientError::Seq(_) | ClientError::ResponseTooLarge { .. } => {
                false
            }
        }
    }

    /// The portal's error code, when it refused.
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            ClientError::Refused { error, .. } => Some(error.code),
            _ => None,
        }
    }
}

/// A township's connection to its county portal.
#[derive(Debug, Clone)]
pub struct PortalClient {
    base: PortalUrl,
    /// What requests are signed for: [`PortalUrl::signed_portal`] of `base`.
    signed_portal: String,
    http: reqwest::Client,
    township: String,
    key: TownshipKey,
}

impl PortalClient {
    /// `portal_url` must be `https://…` (or `http://` to a loopback host). `extra_ca_pem` adds a
    /// county CA certificate (PEM) to the platform's trust store.
    pub fn new(
        portal_url: &str,
        township: &str,
        key: TownshipKey,
        extra_ca_pem: Option<&[u8]>,
    ) -> Result<Self, ClientError> {
        let base = PortalUrl::parse(portal_url).map_err(ClientError::Url)?;
        // reqwest is built without a default crypto provider; ring is ours. An error only means
        // a provider is already installed.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let mut builder = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(std::time::Duration::from_secs(15))
            // The portal closes a connection idle for 10 s. A run busy between two requests
            // (checking or compressing a large outbox) must not write its next request into a
            // connection the portal already closed: the pool only reuses ones idle less than 5 s.
            .pool_idle_timeout(std::time::Duration::from_secs(5))
            .timeout(std::time::Duration::from_secs(120));
        if base.as_str().starts_with("http://") {
            builder = builder.no_proxy();
        }
        if let Some(pem) = extra_ca_pem {
            let cert = reqwest::Certificate::from_pem(pem)
                .map_err(|e| ClientError::Url(SyncError::BadUrl(format!("CA 证书：{e}"))))?;
            builder = builder.add_root_certificate(cert);
        }
        let http = builder.build().map_err(network_error)?;
        Ok(Self {
            signed_portal: base.signed_portal(),
            base,
            http,
            township: township.to_owned(),
            key,
        })
    }

    pub fn portal(&self) -> &PortalUrl {
        &self.base
    }

    /// Sends outbox entries, in as many pushes as the portal's limits need (each body within
    /// [`MAX_BODY_BYTES`] and [`crate::MAX_BATCH_ENTRIES`] entries, in order). On success
    /// every id in `acked` is held by the portal: mark those sent; ids in `rejected` failed for
    /// good; ids in neither were not processed — send them again. A failure after some pushes
    /// went through loses only their answer: those entries are acknowledged again next time.
    ///
    /// Each entry is first put through [`check_entry`], the portal's own check: one that fails
    /// it is not sent, and is answered in `rejected` as the portal would (an unmasked ID or bank
    /// number never leaves the township); so is one too large for any push
    /// ([`crate::RejectCode::TooLarge`]). When every entry fails, no request is made.
    pub async fn push(
        &self,
        seq: &mut (dyn SeqSource + Send),
        entries: &[Entry],
    ) -> Result<PushAck, ClientError> {
        let mut refused = Vec::new();
        let mut sendable = Vec::with_capacity(entries.len());
        for entry in entries {
            match check_entry(entry) {
                Ok(_) => sendable.push(entry.clone()),
                Err(rejection) => refused.push(rejection),
            }
        }
        let (pushes, mut too_large) =
            pack(&self.township, sendable, MAX_BODY_BYTES).map_err(ClientError::Url)?;
        refused.append(&mut too_large);
        let mut ack = PushAck {
            acked: Vec::new(),
            stored: 0,
            rejected: refused,
            kinds: None,
        };
        for push in pushes {
            let bytes = self.send("POST", "/v1/push", seq, push.gzip, true).await?;
            let answer: PushAck = parse_json(&bytes)?;
            ack.acked.extend(answer.acked);
            ack.stored += answer.stored;
            ack.rejected.extend(answer.rejected);
            ack.kinds = answer.kinds.or(ack.kinds);
        }
        Ok(ack)
    }

    /// Fetches the changes of `stream` after `after` (`None` from the start). Apply them, commit,
    /// then store `next_cursor`.
    pub async fn pull(
        &self,
        seq: &mut (dyn SeqSource + Send),
        stream: Stream,
        after: Option<&str>,
        limit: u32,
    ) -> Result<PullResponse, ClientError> {
        let mut path = format!("/v1/pull/{}?limit={limit}", stream.key());
        if let Some(after) = after {
            path.push_str("&after=");
            path.push_str(&percent_encode(after));
        }
        let bytes = self.send("GET", &path, seq, Vec::new(), false).await?;
        parse_json(&bytes)
    }

    /// How much of attachment `sha256` the portal holds.
    pub async fn attachment_status(
        &self,
        seq: &mut (dyn SeqSource + Send),
        sha256: &str,
    ) -> Result<AttachmentStatus, ClientError> {
        let bytes = self
            .send(
                "GET",
                &format!("/v1/attachments/{sha256}"),
                seq,
                Vec::new(),
                false,
            )
            .await?;
        parse_json(&bytes)
    }

    /// Sends one chunk of attachment `sha256` (`total` bytes long) starting at `offset`.
    pub async fn upload_chunk(
        &self,
        seq: &mut (dyn SeqSource + Send),
        sha256: &str,
        total: u64,
        offset: u64,
        chunk: &[u8],
    ) -> Result<AttachmentStatus, ClientError> {
        let path = format!("/v1/attachments/{sha256}?offset={offset}&total={total}");
        let bytes = self.send("PUT", &path, seq, chunk.to_vec(), false).await?;
        parse_json(&bytes)
    }

    /// Uploads `data` resumably: asks where the portal stands, then sends the rest in chunks of
    /// `chunk_size` (capped at [`MAX_CHUNK_BYTES`]). Safe to call again after any failure.
    pub async fn upload_attachment(
        &self,
        seq: &mut (dyn SeqSource + Send),
        data: &[u8],
        chunk_size: usize,
    ) -> Result<AttachmentStatus, ClientError> {
        let total = data.len() as u64;
        if total > MAX_ATTACHMENT_BYTES {
            // The portal would refuse it at the first chunk: not a byte is sent.
            return Err(ClientError::Refused {
                status: ErrorCode::TooLarge.status(),
                error: ErrorBody {
                    code: ErrorCode::TooLarge,
                    message: format!(
                        "附件有 {} MiB，超过县级平台接收的上限 {} MiB",
                        total / (1024 * 1024),
                        MAX_ATTACHMENT_BYTES / (1024 * 1024)
                    ),
                },
            });
        }
        let sha256 = crate::sha256_hex(data);
        let chunk_size = chunk_size.clamp(1, MAX_CHUNK_BYTES);
        let mut status = self.attachment_status(seq, &sha256).await?;
        while !status.complete {
            let start = usize::try_from(status.received)
                .ok()
                .filter(|s| *s <= data.len())
                .ok_or_else(|| ClientError::BadResponse("已接收字节数超出附件长度".to_owned()))?;
            let end = (start + chunk_size).min(data.len());
            status = self
                .upload_chunk(seq, &sha256, total, start as u64, &data[start..end])
                .await?;
            if !status.complete && status.received <= start as u64 {
                return Err(ClientError::BadResponse("附件续传没有进展".to_owned()));
            }
        }
        Ok(status)
    }

    async fn send(
        &self,
        method: &str,
        path: &str,
        seq: &mut (dyn SeqSource + Send),
        body: Vec<u8>,
        gzip_json: bool,
    ) -> Result<Vec<u8>, ClientError> {
        let seq = seq.next_seq().map_err(ClientError::Seq)?;
        let auth = RequestAuth::sign(
            &self.key,
            &self.signed_portal,
            &self.township,
            method,
            path,
            seq,
            Utc::now(),
            &body,
        );
        let url = self.base.join(path);
        let mut request = match method {
            "POST" => self.http.post(url),
            "PUT" => self.http.put(url),
            _ => self.http.get(url),
        };
        for (name, value) in auth.headers() {
            request = request.header(name, value);
        }
        if gzip_json {
            request = request
                .header(CONTENT_TYPE, "application/json")
                .header(CONTENT_ENCODING, "gzip");
        } else if !body.is_empty() {
            request = request.header(CONTENT_TYPE, "application/octet-stream");
        }
        let response = request
            .header("accept-encoding", "gzip")
            .body(body)
            .send()
            .await
            .map_err(network_error)?;
        let status = response.status().as_u16();
        let gzipped = response
            .headers()
            .get(CONTENT_ENCODING)
            .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"gzip"));
        let raw = read_capped(response, MAX_RESPONSE_BYTES).await?;
        let bytes = if gzipped {
            gunzip(&raw, MAX_JSON_BYTES).map_err(|e| ClientError::BadResponse(e.to_string()))?
        } else {
            raw
        };
        if (200..300).contains(&status) {
            return Ok(bytes);
        }
        match serde_json::from_slice::<ErrorBody>(&bytes) {
            Ok(error) => Err(ClientError::Refused { status, error }),
            Err(_) if status >= 500 => Err(ClientError::Network(format!("HTTP {status}"))),
            Err(_) => Err(ClientError::BadResponse(format!("HTTP {status}"))),
        }
    }
}

/// The body of `response` as received (before any gunzip), refused once it passes `limit`:
/// whether announced by `Content-Length` or streamed without end, at most `limit` bytes are held.
async fn read_capped(
    mut response: reqwest::Response,
    limit: usize,
) -> Result<Vec<u8>, ClientError> {
    if response
        .content_length()
        .is_some_and(|announced| announced > limit as u64)
    {
        return Err(ClientError::ResponseTooLarge { limit });
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(network_error)? {
        if body.len() + chunk.len() > limit {
            return Err(ClientError::ResponseTooLarge { limit });
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

fn parse_json<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, ClientError> {
    serde_json::from_slice(bytes).map_err(|e| ClientError::BadResponse(e.to_string()))
}

/// Percent-encodes everything but unreserved characters (cursors are opaque text).
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
