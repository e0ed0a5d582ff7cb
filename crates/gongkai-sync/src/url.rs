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
    /// The base path (`/gongkai`), empty at the root.
    path: String,
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
        // An IP literal in its one canonical form (`[0:0::1]` is `[::1]`).
        let host = host.parse::<IpAddr>().map_or(host, |ip| ip.to_string());
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
        let rest = rest.trim_end_matches('/');
        Ok(Self {
            base: format!("{scheme}://{rest}"),
            path: rest[authority.len()..].to_owned(),
            address,
        })
    }

    /// The portal as requests are signed for it (protocol v2): `host:port` and the base path,
    /// normalised so every way of writing one URL gives the same text — host in lower case,
    /// IPv6 in brackets, the port always written (443 or 80 when the URL names none), no
    /// trailing slash (`county.example.cn:443/gongkai`, `[::1]:8080`). The township signs for the
    /// URL it connects to; the portal compares with its own public URL (`serve --public-url`,
    /// which a reverse proxy in front of it makes necessary), so a request meant for one portal
    /// is refused by every other that registered the same township key.
    pub fn signed_portal(&self) -> String {
        format!("{}{}", self.address, self.path)
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
    fn every_way_of_writing_one_portal_signs_the_same_and_others_differ() {
        let same = [
            "https://County.Example.CN/gongkai",
            "https://county.example.cn:443/gongkai/",
            " HTTPS://county.example.cn/gongkai// ",
        ];
        for url in same {
            assert_eq!(
                PortalUrl::parse(url).unwrap().signed_portal(),
                "county.example.cn:443/gongkai",
                "{url}"
            );
        }
        let others = [
            "https://county.example.cn",
            "https://county.example.cn/Gongkai",
            "https://county.example.cn:8443/gongkai",
            "https://county-b.example.cn/gongkai",
            "http://localhost/gongkai",
        ];
        let mut seen: Vec<String> = others
            .iter()
            .map(|u| PortalUrl::parse(u).unwrap().signed_portal())
            .collect();
        seen.push("county.example.cn:443/gongkai".to_owned());
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), others.len() + 1, "{seen:?}");
        for (url, signed) in [
            ("http://[::1]:8080/", "[::1]:8080"),
            ("http://[0:0:0:0:0:0:0:1]:8080", "[::1]:8080"),
            ("https://[2001:DB8::1]", "[2001:db8::1]:443"),
            ("http://127.0.0.1", "127.0.0.1:80"),
        ] {
            assert_eq!(PortalUrl::parse(url).unwrap().signed_portal(), signed);
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
