//! TLS served by the portal itself (rustls, ring), for a county that runs no reverse proxy.
//!
//! Handshakes run on their own tasks, with a deadline, and only finished connections reach the
//! HTTP server: a client that stalls mid-handshake holds up nobody else.

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

pub use rustls::ServerConfig;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use tokio_rustls::TlsAcceptor;
use tokio_rustls::server::TlsStream;

use crate::{Portal, PortalError, router};

/// How long a client may take to finish its handshake.
const HANDSHAKE_DEADLINE: Duration = Duration::from_secs(10);

/// The server's TLS settings from a PEM certificate chain (leaf first) and its PEM private key.
pub fn server_config(cert_pem: &Path, key_pem: &Path) -> Result<Arc<ServerConfig>, PortalError> {
    let unreadable = |what: &str, path: &Path, e: &dyn std::fmt::Display| {
        PortalError::Usage(format!("{what}“{}”无法读取：{e}", path.display()))
    };
    let certs = CertificateDer::pem_file_iter(cert_pem)
        .map_err(|e| unreadable("证书文件", cert_pem, &e))?
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| unreadable("证书文件", cert_pem, &e))?;
    if certs.is_empty() {
        return Err(PortalError::Usage(format!(
            "证书文件“{}”中没有 PEM 格式的证书",
            cert_pem.display()
        )));
    }
    let key =
        PrivateKeyDer::from_pem_file(key_pem).map_err(|e| unreadable("私钥文件", key_pem, &e))?;
    let mut config =
        ServerConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
            .with_safe_default_protocol_versions()
            .and_then(|b| b.with_no_client_auth().with_single_cert(certs, key))
            .map_err(|e| PortalError::Usage(format!("证书与私钥不能配合使用：{e}")))?;
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(Arc::new(config))
}

/// Serves HTTPS until the process ends.
pub async fn serve_tls(
    listener: TcpListener,
    portal: Portal,
    config: Arc<ServerConfig>,
) -> std::io::Result<()> {
    let tls = TlsListener::new(listener, config)?;
    axum::serve(tls, router(portal)).await
}

/// Accepted TCP connections, handed to the HTTP server once their handshake finished.
struct TlsListener {
    ready: mpsc::Receiver<(TlsStream<TcpStream>, SocketAddr)>,
    local: SocketAddr,
}

impl TlsListener {
    fn new(listener: TcpListener, config: Arc<ServerConfig>) -> std::io::Result<Self> {
        let local = listener.local_addr()?;
        let acceptor = TlsAcceptor::from(config);
        let (done, ready) = mpsc::channel(64);
        tokio::spawn(async move {
            loop {
                let Ok((stream, peer)) = listener.accept().await else {
                    // Out of file descriptors, say: wait a moment rather than spin.
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                };
                let (acceptor, finished) = (acceptor.clone(), done.clone());
                tokio::spawn(async move {
                    let handshake =
                        tokio::time::timeout(HANDSHAKE_DEADLINE, acceptor.accept(stream));
                    if let Ok(Ok(tls)) = handshake.await {
                        let _ = finished.send((tls, peer)).await;
                    }
                });
                if done.is_closed() {
                    return;
                }
            }
        });
        Ok(TlsListener { ready, local })
    }
}

impl axum::serve::Listener for TlsListener {
    type Io = TlsStream<TcpStream>;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        match self.ready.recv().await {
            Some(connection) => connection,
            // The accepting task ended: nothing will ever come.
            None => std::future::pending().await,
        }
    }

    fn local_addr(&self) -> std::io::Result<Self::Addr> {
        Ok(self.local)
    }
}
