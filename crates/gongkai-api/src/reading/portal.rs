//! The township's pages on the county portal, named as `gongkai-portal`'s router serves them
//! (`/t/{code}`, `/t/{code}/payouts`, `/t/{code}/boards`, `/t/{code}/r/{id}`,
//! `/t/{code}/p/{id}`: see `crates/gongkai-portal/src/server.rs` and `pages.rs`), each with a
//! QR code the visitor scans to read it on a phone.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

use crate::ApiError;
use crate::wire::PortalLink;

/// The portal's address and the township's code on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Portal {
    base: String,
    code: String,
}

impl Portal {
    /// The portal as the sync settings name it, or why the screen shows no codes.
    pub fn of(portal_url: Option<&str>, division_code: Option<&str>) -> Result<Portal, String> {
        let base = portal_url
            .map(|u| u.trim().trim_end_matches('/'))
            .filter(|u| !u.is_empty())
            .ok_or("本镇尚未设置县级政务公开平台地址，暂无手机扫码查看。")?;
        if !(base.starts_with("https://") || base.starts_with("http://")) {
            return Err(format!("县级平台地址“{base}”不是网址，暂无手机扫码查看。"));
        }
        let code = division_code
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .ok_or("本镇尚未填写行政区划代码，县级平台无法找到本镇页面。")?;
        Ok(Portal {
            base: base.to_owned(),
            code: code.to_owned(),
        })
    }

    fn township_path(&self) -> String {
        format!("{}/t/{}", self.base, self.code)
    }

    /// The township's own pages: its published records, payout notices and boards.
    pub fn township_pages(&self) -> Result<Vec<PortalLink>, ApiError> {
        let home = self.township_path();
        [
            ("本镇政务公开信息", home.clone()),
            ("补贴发放公示（按村）", format!("{home}/payouts")),
            ("公开栏在贴公示（按村）", format!("{home}/boards")),
        ]
        .into_iter()
        .map(|(title, url)| link(title, url))
        .collect()
    }

    pub fn record(&self, record_id: &str) -> Result<PortalLink, ApiError> {
        link(
            "在手机上查看此条公开信息",
            format!("{}/r/{record_id}", self.township_path()),
        )
    }

    pub fn payout_list(&self, list_id: &str) -> Result<PortalLink, ApiError> {
        link(
            "在手机上查看此份公示",
            format!("{}/p/{list_id}", self.township_path()),
        )
    }
}

fn link(title: &str, url: String) -> Result<PortalLink, ApiError> {
    // Level M, as the printed sheets' codes: a screen may be smudged by fingers.
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M)
        .map_err(|e| ApiError::invalid(format!("网址“{url}”无法生成二维码：{e}")))?;
    let qr_svg = code
        .render::<svg::Color<'_>>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build();
    Ok(PortalLink {
        title: title.to_owned(),
        url,
        qr_svg,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_township_pages_are_the_portals_paths_under_its_address() {
        let portal = Portal::of(Some(" https://gk.example.cn/ "), Some("990101100")).unwrap();
        let urls: Vec<String> = portal
            .township_pages()
            .unwrap()
            .into_iter()
            .map(|l| l.url)
            .collect();
        assert_eq!(
            urls,
            [
                "https://gk.example.cn/t/990101100",
                "https://gk.example.cn/t/990101100/payouts",
                "https://gk.example.cn/t/990101100/boards",
            ]
        );
        let record = portal.record("0190-abc").unwrap();
        assert_eq!(record.url, "https://gk.example.cn/t/990101100/r/0190-abc");
        assert!(record.qr_svg.starts_with("<?xml") && record.qr_svg.contains("<svg"));
    }

    #[test]
    fn without_an_address_or_a_code_the_screen_says_why() {
        assert!(
            Portal::of(None, Some("990101100"))
                .unwrap_err()
                .contains("平台地址")
        );
        assert!(
            Portal::of(Some("gk.example.cn"), Some("1"))
                .unwrap_err()
                .contains("不是网址")
        );
        assert!(
            Portal::of(Some("https://gk.example.cn"), None)
                .unwrap_err()
                .contains("区划代码")
        );
    }
}
