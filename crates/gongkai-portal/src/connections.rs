//! Accepting connections with limits, for plain HTTP and TLS alike: a cap on simultaneous
//! connections, a deadline for a request's headers (hyper's `header_read_timeout`), and for
//! TLS a deadline for the handshake. Without them, anyone on the network could hold the
//! portal's sockets and memory with connections that never finish a request.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;

/// How long the portal waits for each part of a client's work before it hangs up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Connections served at once; one more is closed at once, unanswered.
    pub max_connections: usize,
    /// From the connection's start (or the end of its last answer) to the end of the next
    /// request's headers; an idle keep-alive connection is closed after it too.
    pub header_read: Duration,
    /// The TLS handshake.
    pub handshake: Duration,
    /// A signed request's body: this much, plus one second per `min_body_rate` bytes.
    pub body_read: Duration,
    pub min_body_rate: u64,
    /// Sync requests (push, pull, attachments) handled at once; more are answered 503 at
    /// once (the township retries later) rather than queued behind the writer.
    pub max_sync_requests: usize,
    /// Public pages and attachment downloads read at once, each on its own read connection.
    pub max_readers: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_connections: 512,
            header_read: Duration::from_secs(10),
            handshake: Duration::from_secs(10),
            body_read: Duration::from_secs(30),
            min_body_rate: 32 * 1024,
            max_sync_requests: 16,
            max_readers: 4,
        }
    }
}

impl Limits {
    /// The deadline for a body of `length` bytes (as announced in `Content-Length`).
    pub fn body_deadline(&self, length: u64) -> Duration {
        self.body_read + Duration::from_secs(length / self.min_body_rate.max(1))
    }
}

/// Accepts connections on `listener` until it fails for good, passing each through `secure`
/// (identity for plain HTTP, the TLS handshake) and serving it with `app`.
pub(crate) async fn accept_loop<S, F, Io>(
    listener: TcpListener,
    app: Router,
    limits: Limits,
    secure: S,
) -> std::io::Result<()>
where
    S: Fn(TcpStream) -> F + Clone + Send + 'static,
    F: Future<Output = Option<Io>> + Send + 'static,
    Io: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let open = Arc::new(Semaphore::new(limits.max_connections));
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(e) if is_per_connection(&e) => continue,
            Err(e) => {
                // Out of file descriptors, say: wait a moment rather than spin.
                tracing::warn!(error = %e, "接受连接失败");
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let Ok(permit) = open.clone().try_acquire_owned() else {
            tracing::debug!("连接数已达上限，关闭新连接");
            drop(stream);
            continue;
        };
        let (app, secure) = (app.clone(), secure.clone());
        tokio::spawn(async move {
            let _permit = permit;
            let _ = stream.set_nodelay(true);
            let Some(io) = secure(stream).await else {
                return;
            };
            let served = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(limits.header_read)
                .serve_connection(TokioIo::new(io), TowerToHyperService::new(app))
                .await;
            if let Err(e) = served {
                tracing::debug!(error = %e, "连接异常结束");
            }
        });
    }
}

/// An accept error that concerns only the connection being accepted (it was reset before
/// it could be taken), not the listener.
fn is_per_connection(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::ConnectionRefused
            | std::io::ErrorKind::ConnectionAborted
            | std::io::ErrorKind::ConnectionReset
    )
}
