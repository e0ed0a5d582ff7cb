//! TLS served by the portal itself (rustls, ring), for a county that runs no reverse proxy.
//!
//! Handshakes run on each connection's own task, with a deadline, and count against the
//! connection cap (`connections`): a client that stalls mid-handshake holds up nobody else.

use std::path::Path;
use std::sync::Arc;

pub use rustls::ServerConfig;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use tokio::net::{TcpListener, TcpStream};
use tokio_rustls::TlsAcceptor;

use crate::connections::accept_loop;
use crate::{Portal, PortalError, router};

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

/// Serves HTTPS until the listener fails, with the same limits as plain HTTP plus a deadline
/// for each handshake.
pub async fn serve_tls(
    listener: TcpListener,
    portal: Portal,
    config: Arc<ServerConfig>,
) -> std::io::Result<()> {
    let limits = portal.limits();
    portal.serving_on(&listener)?;
    let acceptor = TlsAcceptor::from(config);
    let handshake = move |stream: TcpStream| {
        let acceptor = acceptor.clone();
        async move {
            match tokio::time::timeout(limits.handshake, acceptor.accept(stream)).await {
                Ok(Ok(tls)) => Some(tls),
                _ => None,
            }
        }
    };
    accept_loop(listener, router(portal), limits, handshake).await
}
