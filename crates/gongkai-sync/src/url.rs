//! The loopback rule: a portal URL must be `https://`; plain `http://` is allowed only for a
//! loopback host (tests and a portal on the same machine).

use std::net::IpAddr;

use crate::SyncError;

/// A checked portal base URL, without a trailing slash (`https://county.example/gongkai`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortalUrl {
    base: String,
    /// `host:port` to connect to (`[v6]:port` for an IPv6 literal), the scheme's port when
    /// the URL names none.
    address: String,
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
        let (host, port) =
            host_and_port(authority).ok_or_else(|| SyncError::BadUrl(text.to_owned()))?;
        match scheme.as_str() {
            "https" => {}
            "http" if is_loopback_host(&host) => {}
            "http" => return Err(SyncError::InsecureUrl(text.to_owned())),
            _ => return Err(SyncError::BadUrl(text.to_owned())),
        }
        let port = match port {
            Some(port) => port,
            None if scheme == "https" => 443,
            None => 80,
        };
        let address = if host.contains(':') {
            format!("[{host}]:{port}")
        } else {
            format!("{host}:{port}")
        };
        Ok(Self {
            base: format!("{scheme}://{}", rest.trim_end_matches('/')),
            address,
        })
    }

    /// `host:port` of the portal, for a socket (`[::1]:9000`; 443 or 80 when the URL names no
    /// port).
    pub fn socket_address(&self) -> &str {
        &self.address
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

/// The host (lower case, brackets removed) and port of `host[:port]` or `[v6][:port]`.
fn host_and_port(authority: &str) -> Option<(String, Option<u16>)> {
    let port = |text: &str| -> Option<Option<u16>> {
        (text.bytes().all(|b| b.is_ascii_digit()) && !text.is_empty())
            .then(|| text.parse().ok())
            .flatten()
            .map(Some)
    };
    if let Some(rest) = authority.strip_prefix('[') {
        let (host, after) = rest.split_once(']')?;
        let port = match after.strip_prefix(':') {
            Some(p) => port(p)?,
            None if after.is_empty() => None,
            None => return None,
        };
        return (!host.is_empty()).then(|| (host.to_ascii_lowercase(), port));
    }
    let (host, port) = match authority.rsplit_once(':') {
        Some((host, p)) => (host, port(p)?),
        None => (authority, None),
    };
    (!host.is_empty() && !host.contains(':')).then(|| (host.to_ascii_lowercase(), port))
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
    fn the_socket_address_has_the_port_or_the_scheme_s() {
        for (url, address) in [
            (
                "https://county.example.cn/gongkai/",
                "county.example.cn:443",
            ),
            ("http://127.0.0.1:8080/x", "127.0.0.1:8080"),
            ("http://LOCALHOST", "localhost:80"),
            ("http://[::1]:9000/", "[::1]:9000"),
            ("https://[2001:db8::1]", "[2001:db8::1]:443"),
        ] {
            assert_eq!(PortalUrl::parse(url).unwrap().socket_address(), address);
        }
        for bad in [
            "https://a.example:",
            "https://a.example:99999",
            "https://[::1]x",
        ] {
            assert!(PortalUrl::parse(bad).is_err(), "{bad}");
        }
    }

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
