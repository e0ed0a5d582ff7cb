//! The loopback rule: a portal URL must be `https://`; plain `http://` is allowed only for a
//! loopback host (tests and a portal on the same machine).

use std::net::IpAddr;

use crate::SyncError;

/// A checked portal base URL, without a trailing slash (`https://county.example/gongkai`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortalUrl {
    base: String,
}

impl PortalUrl {
    /// Checks `text` against the loopback rule.
    pub fn parse(text: &str) -> Result<Self, SyncError> {
        let text = text.trim();
        let (scheme, rest) = text
            .split_once("://")
            .ok_or_else(|| SyncError::BadUrl(text.to_owned()))?;
        let scheme = scheme.to_ascii_lowercase();
        let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
        if authority.is_empty() || authority.contains('@') || rest.contains(['?', '#']) {
            return Err(SyncError::BadUrl(text.to_owned()));
        }
        let host = host_of(authority).ok_or_else(|| SyncError::BadUrl(text.to_owned()))?;
        match scheme.as_str() {
            "https" => {}
            "http" if is_loopback_host(&host) => {}
            "http" => return Err(SyncError::InsecureUrl(text.to_owned())),
            _ => return Err(SyncError::BadUrl(text.to_owned())),
        }
        Ok(Self {
            base: format!("{scheme}://{}", rest.trim_end_matches('/')),
        })
    }

    /// The base URL, no trailing slash.
    pub fn as_str(&self) -> &str {
        &self.base
    }

    /// The full URL of an API path such as `/v1/push`.
    pub fn join(&self, path_and_query: &str) -> String {
        format!("{}{path_and_query}", self.base)
    }
}

/// The host part of `host[:port]` or `[v6]:port`, lower case, brackets removed.
fn host_of(authority: &str) -> Option<String> {
    if let Some(rest) = authority.strip_prefix('[') {
        let (host, after) = rest.split_once(']')?;
        if !(after.is_empty() || after.starts_with(':')) {
            return None;
        }
        return Some(host.to_ascii_lowercase());
    }
    let host = match authority.rsplit_once(':') {
        Some((host, port)) if port.bytes().all(|b| b.is_ascii_digit()) => host,
        Some(_) => return None,
        None => authority,
    };
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// `localhost` or a loopback IP literal (127.0.0.0/8, ::1).
pub fn is_loopback_host(host: &str) -> bool {
    host == "localhost"
        || host
            .parse::<IpAddr>()
            .map(|ip| ip.is_loopback())
            .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_anywhere_http_only_on_loopback() {
        assert!(PortalUrl::parse("https://county.example.cn/gongkai/").is_ok());
        assert_eq!(
            PortalUrl::parse("https://county.example.cn/gongkai/")
                .unwrap()
                .join("/v1/push"),
            "https://county.example.cn/gongkai/v1/push"
        );
        for ok in [
            "http://127.0.0.1:8080",
            "http://127.3.4.5",
            "http://[::1]:9000/",
            "http://localhost:1",
            "HTTP://LOCALHOST",
        ] {
            assert!(PortalUrl::parse(ok).is_ok(), "{ok}");
        }
        for insecure in [
            "http://192.168.1.10:8080",
            "http://county.example.cn",
            "http://10.0.0.1",
            "http://[::2]:80",
            "http://localhost.evil.example",
        ] {
            assert!(
                matches!(PortalUrl::parse(insecure), Err(SyncError::InsecureUrl(_))),
                "{insecure}"
            );
        }
        for bad in [
            "ftp://127.0.0.1",
            "127.0.0.1:80",
            "http://user@127.0.0.1",
            "https://",
            "http://127.0.0.1:80x",
            "https://a.example/?x=1",
        ] {
            assert!(
                matches!(PortalUrl::parse(bad), Err(SyncError::BadUrl(_))),
                "{bad}"
            );
        }
    }
}
