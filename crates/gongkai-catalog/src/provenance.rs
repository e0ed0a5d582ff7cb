//! How each value of a bundled baseline item is known, and which of its sources may be shown as
//! links.
//!
//! The baseline was read from public pages that often lost the tick columns' positions; a tick
//! guessed from column order or copied from another county's page must not reach the clerk as a
//! fact. Every bundled item therefore says, per tick column, how its value is known, whose local
//! version its 公开主体 and channels are, and the government portal test decides whether its
//! source address is shown as a link or only as an unverified copy.

/// How one tick column (公开对象, 公开方式, 公开层级) of a baseline item is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TickProvenance {
    /// The source says it in words (“全社会”“主动公开” written in the cell).
    Stated,
    /// Read from a tick in a column position the source shows.
    Column,
    /// Inferred: ticks whose positions were lost, mapped by the header's column order, or a
    /// level taken from what kind of table it was.
    Inferred,
    /// Copied from another county's version of the same template (see `borrowed_from`).
    Borrowed,
    /// Nothing ticked: the source shows no value.
    None,
}

impl TickProvenance {
    pub const ALL: [TickProvenance; 5] = [
        TickProvenance::Stated,
        TickProvenance::Column,
        TickProvenance::Inferred,
        TickProvenance::Borrowed,
        TickProvenance::None,
    ];

    /// The key in the bundled JSON.
    pub fn key(self) -> &'static str {
        match self {
            TickProvenance::Stated => "stated",
            TickProvenance::Column => "column",
            TickProvenance::Inferred => "inferred",
            TickProvenance::Borrowed => "borrowed",
            TickProvenance::None => "none",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.key() == key)
    }

    /// What the screen and the export legend call it.
    pub fn label(self) -> &'static str {
        match self {
            TickProvenance::Stated => "原文标明",
            TickProvenance::Column => "按列位置读出",
            TickProvenance::Inferred => "推断",
            TickProvenance::Borrowed => "借用",
            TickProvenance::None => "原文未见",
        }
    }

    /// Whether ticks known this way may be shown as the source's fact. Inferred and borrowed
    /// ticks may not: they are shown marked, never as plain ticks.
    pub fn is_fact(self) -> bool {
        matches!(self, TickProvenance::Stated | TickProvenance::Column)
    }
}

/// Where the values of one baseline item come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemProvenance {
    pub audience: TickProvenance,
    pub mode: TickProvenance,
    pub level: TickProvenance,
    /// The county whose page the borrowed ticks were copied from; empty when none is borrowed.
    pub borrowed_from: String,
    /// Whose localized version 公开主体 and 公开渠道和载体 are (the cited page's county or
    /// township): the baseline row is that county's table, not the national one.
    pub version_of: String,
    /// Anything else about this row's values (a column filled from another county's copy).
    pub note: String,
}

impl ItemProvenance {
    /// The three tick columns with their group titles, in table order.
    pub fn ticks(&self) -> [(&'static str, TickProvenance); 3] {
        [
            ("公开对象", self.audience),
            ("公开方式", self.mode),
            ("公开层级", self.level),
        ]
    }

    /// Whether any tick of the item is not a fact of its source.
    pub fn has_unconfirmed_ticks(&self) -> bool {
        self.ticks()
            .iter()
            .any(|(_, p)| *p != TickProvenance::None && !p.is_fact())
    }
}

/// Whether `url` is on a government portal (a host under `gov.cn`). Everything else — mirror
/// copies, document sharing sites, bare IP addresses — is an unverified copy: its domain may
/// have passed to gambling or spam sites, so it is never shown as a link.
pub fn is_government_url(url: &str) -> bool {
    let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        // user@host tricks: a government name before the '@' says nothing about the host.
        return false;
    }
    let host = authority
        .split(':')
        .next()
        .unwrap_or_default()
        .trim_end_matches('.')
        .to_ascii_lowercase();
    host == "gov.cn" || host.ends_with(".gov.cn")
}

/// What a source is shown as: the address as a link (government portals only), or the words an
/// unverified copy is marked with.
pub const UNVERIFIED_COPY: &str = "未核实转载";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_gov_cn_hosts_are_government() {
        for url in [
            "http://www.dazhu.gov.cn/xxgk-show-199777.html",
            "https://zs.gov.cn/zwgk/mulu/content/post_1853596.html",
            "https://www.jyx.gov.cn:10079/x",
            "HTTP://WWW.ZS.GOV.CN/a".to_ascii_lowercase().as_str(),
        ] {
            assert!(is_government_url(url), "{url}");
        }
        for url in [
            "http://www.fauziblues.com/fsnhq/zwgk/jczwgkml/bzml/cxgh/index.html",
            "http://hqbet6270.com/doc/2021/09/02/10460676.shtml",
            "http://101.230.193.164/ztzl/bzhgfh/bzhgfharticle.html",
            "http://www.gov.cn.example.com/",
            "http://dazhu.gov.cn@evil.com/",
            "http://notgov.cn/",
            "ftp://www.zs.gov.cn/",
            "本镇增加",
        ] {
            assert!(!is_government_url(url), "{url}");
        }
    }

    #[test]
    fn inferred_and_borrowed_ticks_are_not_facts() {
        let facts: Vec<&str> = TickProvenance::ALL
            .iter()
            .filter(|p| p.is_fact())
            .map(|p| p.label())
            .collect();
        assert_eq!(facts, ["原文标明", "按列位置读出"]);
        for p in TickProvenance::ALL {
            assert_eq!(TickProvenance::from_key(p.key()), Some(p));
        }
    }
}
