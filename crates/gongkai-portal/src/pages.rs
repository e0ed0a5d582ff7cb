//! Public pages: Chinese, server-rendered HTML, no JavaScript. Only the version in force of each
//! object is shown; withdrawn objects are gone (410) from the county pages too.

use std::collections::BTreeMap;
use std::fmt::Write;

use rusqlite::{Connection, OptionalExtension, params};

use gongkai_sync::types::{PayoutListPayload, RecordPayload};

/// What a page request ends in.
#[derive(Clone)]
pub enum Page {
    Html(String),
    NotFound,
    Gone(String),
    /// An attachment, streamed from the database in pieces by [`attachment_piece`].
    File {
        file_name: String,
        blob: StoredBlob,
    },
    /// A page written in force as `head`, the stored part (streamed by [`payout_page_piece`]),
    /// then `tail`.
    Listing {
        head: String,
        villages: RenderedBlob,
        tail: String,
    },
}

impl Page {
    /// The bytes a cached copy holds; `None` for what is not cached (attachments).
    pub fn cached_size(&self) -> Option<usize> {
        match self {
            Page::Html(text) | Page::Gone(text) => Some(text.len()),
            Page::NotFound => Some(0),
            Page::File { .. } | Page::Listing { .. } => None,
        }
    }
}

/// Where an attachment's bytes are: the row of `attachment` and its length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoredBlob {
    pub rowid: i64,
    pub size: u64,
}

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// Appends `text` to `out`, HTML-escaped (no string of its own per cell of a long list).
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

const LAYOUT_BEFORE_TITLE: &str = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>";
const LAYOUT_AFTER_TITLE: &str = "</title>\
<style>body{font-family:\"Noto Sans CJK SC\",\"Microsoft YaHei\",sans-serif;max-width:960px;margin:2em auto;padding:0 1em;color:#222}\
h1{border-bottom:3px solid #b00;padding-bottom:.3em}table{border-collapse:collapse;width:100%}\
td,th{border:1px solid #ccc;padding:.3em .5em;text-align:left}th{background:#f5f5f5}.muted{color:#777}\
nav a{margin-right:1em}.body{white-space:pre-wrap;line-height:1.8}\
.domains{display:grid;grid-template-columns:repeat(auto-fill,minmax(15em,1fr));gap:.3em .8em;margin:1em 0 1.5em;padding:.8em 1em;background:#faf7f5;border:1px solid #eadbd3}\
.domains a,.domains span{text-decoration:none;line-height:1.9}.domains .empty{color:#aaa}\
.domains b{display:inline-block;min-width:1.4em;margin-left:.3em;padding:0 .35em;border-radius:.7em;background:#b00;color:#fff;font-size:.8em;text-align:center;font-weight:normal}\
table.list td{border:none;border-bottom:1px solid #eee}table.list td.date{width:7em;color:#777;text-align:right;white-space:nowrap}\
h2 small{font-size:.6em;color:#777;font-weight:normal;margin-left:.5em}</style></head>\
<body><nav><a href=\"/\">基层政务公开</a></nav>";
const LAYOUT_END: &str = "</body></html>\n";

/// The page up to where its body goes, with room for `body_bytes` more.
fn layout_start(title: &str, body_bytes: usize) -> String {
    let mut page = String::with_capacity(
        LAYOUT_BEFORE_TITLE.len()
            + title.len()
            + LAYOUT_AFTER_TITLE.len()
            + body_bytes
            + LAYOUT_END.len(),
    );
    page.push_str(LAYOUT_BEFORE_TITLE);
    escape_into(&mut page, title);
    page.push_str(LAYOUT_AFTER_TITLE);
    page
}

fn layout(title: &str, body: &str) -> String {
    let mut page = layout_start(title, body.len());
    page.push_str(body);
    page.push_str(LAYOUT_END);
    page
}

fn township_name(conn: &Connection, code: &str) -> rusqlite::Result<Option<String>> {
    conn.query_row(
        "SELECT name FROM township WHERE code = ?1 AND status = 'active'",
        [code],
        |r| r.get(0),
    )
    .optional()
}

/// A sync time as a resident reads it: `2026年1月6日 17:30（北京时间）`. Stored times are
/// RFC 3339 UTC; anything unparsable is shown as it is.
pub fn beijing_time(rfc3339: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(rfc3339) {
        Ok(t) => {
            let beijing = chrono::FixedOffset::east_opt(8 * 3600)
                .map(|tz| t.with_timezone(&tz))
                .unwrap_or(t);
            beijing
                .format("%Y年%-m月%-d日 %H:%M（北京时间）")
                .to_string()
        }
        Err(_) => rfc3339.to_owned(),
    }
}

/// `/`: every township with its last sync.
pub fn index(conn: &Connection) -> rusqlite::Result<Page> {
    let stats = crate::db::stats(conn).map_err(|e| match e {
        crate::PortalError::Sqlite(e) => e,
        other => rusqlite::Error::ToSqlConversionFailure(Box::new(other)),
    })?;
    let mut body = String::from(
        "<h1>基层政务公开</h1><table><tr><th>乡镇</th><th>公开记录</th><th>最近同步</th></tr>",
    );
    for t in stats.iter().filter(|t| t.status == "active") {
        let _ = write!(
            body,
            "<tr><td><a href=\"/t/{code}\">{name}</a></td><td>{records}</td><td>{sync}</td></tr>",
            code = escape(&t.code),
            name = escape(&t.name),
            records = t.records,
            sync = if t.last_sync.is_empty() {
                "尚未同步".to_owned()
            } else {
                escape(&beijing_time(&t.last_sync))
            },
        );
    }
    body.push_str("</table>");
    Ok(Page::Html(layout("基层政务公开", &body)))
}

/// `/t/{code}`: the 基层政务公开 column, records by domain in the national order.
pub fn township(conn: &Connection, code: &str, domain_order: &[String]) -> rusqlite::Result<Page> {
    let Some(name) = township_name(conn, code)? else {
        return Ok(Page::NotFound);
    };
    let mut by_domain: BTreeMap<String, Vec<(String, String, String)>> = BTreeMap::new();
    let mut stmt = conn.prepare(
        "SELECT object_id, title, domain, published_on FROM object_head
         WHERE township = ?1 AND kind = 'record' AND withdrawn = 0
         ORDER BY published_on DESC, object_id DESC",
    )?;
    let rows = stmt.query_map([code], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
        ))
    })?;
    for row in rows {
        let (id, title, domain, date) = row?;
        by_domain.entry(domain).or_default().push((id, title, date));
    }
    let last_sync: Option<String> = conn.query_row(
        "SELECT last_sync FROM township WHERE code = ?1",
        [code],
        |r| r.get(0),
    )?;
    let total: usize = by_domain.values().map(Vec::len).sum();
    let mut body = format!(
        "<h1>{} · 基层政务公开</h1><p class=\"muted\">最近同步：{} · 公开信息 {total} 条 · <a href=\"/t/{c}/payouts\">补贴发放公示（按村）</a> · <a href=\"/t/{c}/boards\">公开栏在贴公示（按村）</a></p>",
        escape(&name),
        escape(
            &last_sync
                .as_deref()
                .map_or_else(|| "尚未同步".to_owned(), beijing_time)
        ),
        c = escape(code)
    );
    let mut order: Vec<&String> = domain_order.iter().collect();
    for extra in by_domain.keys() {
        if !domain_order.contains(extra) {
            order.push(extra);
        }
    }
    // Every domain of the standard, in its order: those with records link to their section,
    // the others are shown greyed, so the column stays complete without a screen of
    // “暂无公开信息” before the first record.
    body.push_str("<nav class=\"domains\" aria-label=\"公开领域\">");
    for (n, domain) in order.iter().enumerate() {
        match by_domain.get(domain.as_str()) {
            Some(list) => {
                let _ = write!(
                    body,
                    "<a href=\"#d{n}\">{}<b>{}</b></a>",
                    escape(domain),
                    list.len()
                );
            }
            None => {
                let _ = write!(
                    body,
                    "<span class=\"empty\" title=\"暂无公开信息\">{}</span>",
                    escape(domain)
                );
            }
        }
    }
    body.push_str("</nav>");
    if total == 0 {
        body.push_str("<p class=\"muted\">暂无公开信息</p>");
    }
    annual_reports(conn, code, &mut body)?;
    for (n, domain) in order.iter().enumerate() {
        let Some(list) = by_domain.get(domain.as_str()) else {
            continue;
        };
        let _ = write!(
            body,
            "<section id=\"d{n}\"><h2>{}<small>{} 条</small></h2><table class=\"list\">",
            escape(domain),
            list.len()
        );
        for (id, title, date) in list {
            let _ = write!(
                body,
                "<tr><td><a href=\"/t/{}/r/{}\">{}</a></td><td class=\"date\">{}</td></tr>",
                escape(code),
                escape(id),
                escape(title),
                escape(date)
            );
        }
        body.push_str("</table></section>");
    }
    Ok(Page::Html(layout(&format!("{name} · 基层政务公开"), &body)))
}

/// The township's annual reports (政府信息公开工作年度报告), newest year first: each year's
/// record, and its PDF streamed as the record's attachment.
fn annual_reports(conn: &Connection, code: &str, body: &mut String) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare(
        "SELECT object_id, year, title, pdf_sha256, pdf_name FROM annual_report
         WHERE township = ?1 ORDER BY year DESC, published_on DESC",
    )?;
    let reports = stmt
        .query_map([code], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i32>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    if reports.is_empty() {
        return Ok(());
    }
    body.push_str(
        "<section id=\"annual-reports\"><h2>政府信息公开工作年度报告</h2><table class=\"list\">",
    );
    for (id, year, title, pdf_sha256, pdf_name) in &reports {
        let _ = write!(
            body,
            "<tr><td class=\"date\">{year}年度</td><td><a href=\"/t/{c}/r/{}\">{}</a></td><td>",
            escape(id),
            escape(title),
            c = escape(code)
        );
        if let (Some(sha256), Some(name)) = (pdf_sha256, pdf_name) {
            let _ = write!(
                body,
                "<a href=\"/t/{}/a/{}\" title=\"下载{}\">PDF</a>",
                escape(code),
                escape(sha256),
                escape(name)
            );
        }
        body.push_str("</td></tr>");
    }
    body.push_str("</table></section>");
    Ok(())
}

fn head_payload(
    conn: &Connection,
    code: &str,
    object_id: &str,
    kind: &str,
) -> rusqlite::Result<Option<(bool, String)>> {
    conn.query_row(
        "SELECT h.withdrawn, e.payload FROM object_head h
         JOIN entry e ON e.township = h.township AND e.id = h.entry_id
         WHERE h.township = ?1 AND h.object_id = ?2 AND h.kind = ?3",
        params![code, object_id, kind],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()
}

/// `/t/{code}/r/{object_id}`: one record, at a URL stable across its edits (QR code target).
pub fn record(conn: &Connection, code: &str, object_id: &str) -> rusqlite::Result<Page> {
    let Some(name) = township_name(conn, code)? else {
        return Ok(Page::NotFound);
    };
    let Some((withdrawn, payload)) = head_payload(conn, code, object_id, "record")? else {
        return Ok(Page::NotFound);
    };
    if withdrawn {
        return Ok(Page::Gone(layout(
            "该信息已撤回",
            "<h1>该信息已撤回</h1><p>发布机关已撤回此条公开信息。</p>",
        )));
    }
    let Ok(r) = serde_json::from_str::<RecordPayload>(&payload) else {
        return Ok(Page::NotFound);
    };
    let mut body = format!(
        "<h1>{}</h1><table><tr><th>发布机关</th><td>{}</td></tr><tr><th>公开事项</th><td>{}</td></tr>",
        escape(&r.title),
        escape(&name),
        escape(&r.item_key)
    );
    if let Some(number) = r.doc_number.as_deref().filter(|n| !n.is_empty()) {
        let _ = write!(body, "<tr><th>文号</th><td>{}</td></tr>", escape(number));
    }
    let _ = write!(
        body,
        "<tr><th>形成日期</th><td>{}</td></tr><tr><th>公开日期</th><td>{}</td></tr><tr><th>公开渠道</th><td>{}</td></tr></table><div class=\"body\">{}</div>",
        escape(&r.formed_on),
        escape(&r.published_on),
        escape(&r.channels.join("、")),
        escape(&r.body)
    );
    if !r.attachments.is_empty() {
        body.push_str("<h2>附件</h2><ul>");
        for a in &r.attachments {
            let _ = write!(
                body,
                "<li><a href=\"/t/{}/a/{}\">{}</a> <span class=\"muted\">{} 字节</span></li>",
                escape(code),
                escape(&a.sha256),
                escape(&a.file_name),
                a.size
            );
        }
        body.push_str("</ul>");
    }
    let _ = write!(
        body,
        "<p><a href=\"/t/{}\">返回{}基层政务公开</a></p>",
        escape(code),
        escape(&name)
    );
    Ok(Page::Html(layout(&r.title, &body)))
}

fn yuan(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let fen = fen.unsigned_abs();
    format!("{sign}{}.{:02}", fen / 100, fen % 100)
}

/// `/t/{code}/payouts`: payout publications grouped by village, with their 公示期. Read from
/// the per-village summaries kept at push time (`payout_village`), never from the lists
/// themselves: a view costs the same for a 10-row list as for a 100,000-row one.
pub fn payouts(conn: &Connection, code: &str) -> rusqlite::Result<Page> {
    let Some(name) = township_name(conn, code)? else {
        return Ok(Page::NotFound);
    };
    let mut stmt = conn.prepare(
        "SELECT h.object_id, h.title, v.village_code, v.village_name, v.notice_from, v.notice_to,
                v.row_count, v.amount_fen
         FROM object_head h
         JOIN payout_village v ON v.township = h.township AND v.object_id = h.object_id
         WHERE h.township = ?1 AND h.kind = 'payout_list' AND h.withdrawn = 0
         ORDER BY h.published_on DESC, h.object_id, v.position",
    )?;
    let mut rows = stmt.query([code])?;
    let mut by_village: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    while let Some(row) = rows.next()? {
        let (id, title, village_code, village_name): (String, String, String, String) =
            (row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?);
        let (from, to, count, amount): (String, String, i64, i64) =
            (row.get(4)?, row.get(5)?, row.get(6)?, row.get(7)?);
        let line = format!(
            "<tr><td><a href=\"/t/{c}/p/{id}#v{vc}\">{title}</a></td><td>{from} 至 {to}</td><td>{count}</td><td>{amount}</td></tr>",
            c = escape(code),
            id = escape(&id),
            vc = escape(&village_code),
            title = escape(&title),
            from = escape(&from),
            to = escape(&to),
            amount = yuan(amount),
        );
        by_village
            .entry((village_code, village_name))
            .or_default()
            .push(line);
    }
    let mut body = format!("<h1>{} · 补贴发放公示</h1>", escape(&name));
    if by_village.is_empty() {
        body.push_str("<p class=\"muted\">暂无公示</p>");
    }
    for ((_, village), lines) in &by_village {
        let _ = write!(
            body,
            "<h2>{}</h2><table><tr><th>公示</th><th>公示期</th><th>人数</th><th>金额（元）</th></tr>{}</table>",
            escape(village),
            lines.concat()
        );
    }
    let _ = write!(body, "<p><a href=\"/t/{}\">返回</a></p>", escape(code));
    Ok(Page::Html(layout(&format!("{name} · 补贴发放公示"), &body)))
}

/// `/t/{code}/boards`: the sheets on the township's and its villages' boards on `today`
/// (posted, not taken down, within their notice period), by village, each linking its printed
/// sheet. Read from the lines kept at push time (`board_posting`).
pub fn boards(conn: &Connection, code: &str, today: chrono::NaiveDate) -> rusqlite::Result<Page> {
    let Some(name) = township_name(conn, code)? else {
        return Ok(Page::NotFound);
    };
    let mut stmt = conn.prepare(
        "SELECT village_code, village_name, board_name, zone_name, title, notice_from, notice_to,
                posted_on, register_no, sheet_sha256, sheet_name
         FROM board_posting
         WHERE township = ?1 AND status = 'posted' AND notice_from <= ?2 AND notice_to >= ?2
         ORDER BY village_code, board_name, zone_name, notice_from, register_no",
    )?;
    let mut rows = stmt.query(params![code, today.to_string()])?;
    let mut by_village: Vec<(String, String)> = Vec::new(); // (village, its rows' HTML)
    while let Some(row) = rows.next()? {
        let village: String = row.get(1)?;
        let village = if row.get::<_, String>(0)?.is_empty() {
            format!("{name}（乡镇本级）")
        } else {
            village
        };
        let (board, zone, title): (String, String, String) =
            (row.get(2)?, row.get(3)?, row.get(4)?);
        let (from, to, posted_on, register_no): (String, String, Option<String>, String) =
            (row.get(5)?, row.get(6)?, row.get(7)?, row.get(8)?);
        let sheet: Option<(String, String)> = match (row.get(9)?, row.get(10)?) {
            (Some(sha), Some(file)) => Some((sha, file)),
            _ => None,
        };
        let title_cell = match &sheet {
            Some((sha, file)) => format!(
                "<a href=\"/t/{}/a/{}\" title=\"下载{}\">{}</a>",
                escape(code),
                escape(sha),
                escape(file),
                escape(&title)
            ),
            None => escape(&title),
        };
        let line = format!(
            "<tr><td>{}·{}</td><td>{title_cell}</td><td>{} 至 {}</td><td>{}</td><td>{}</td></tr>",
            escape(&board),
            escape(&zone),
            escape(&from),
            escape(&to),
            escape(posted_on.as_deref().unwrap_or("")),
            escape(&register_no),
        );
        match by_village.last_mut() {
            Some((v, lines)) if *v == village => lines.push_str(&line),
            _ => by_village.push((village, line)),
        }
    }
    let mut body = format!(
        "<h1>{} · 公开栏在贴公示</h1><p class=\"muted\">{} 各村（社区）公开栏上正在张贴、仍在公示期内的公示，点击标题下载张贴的原件。</p>",
        escape(&name),
        today.format("%Y年%-m月%-d日")
    );
    if by_village.is_empty() {
        body.push_str("<p class=\"muted\">今日没有在贴的公示</p>");
    }
    for (village, lines) in &by_village {
        let _ = write!(
            body,
            "<h2>{}</h2><table><tr><th>公开栏·版块</th><th>公示</th><th>公示期</th><th>张贴日期</th><th>登记号</th></tr>{lines}</table>",
            escape(village)
        );
    }
    let _ = write!(body, "<p><a href=\"/t/{}\">返回</a></p>", escape(code));
    Ok(Page::Html(layout(
        &format!("{name} · 公开栏在贴公示"),
        &body,
    )))
}

/// `/t/{code}/p/{object_id}`: one payout list whole, village by village. The villages' part
/// was rendered when the list was pushed (`payout_page`, [`payout_villages_html`]); here only
/// the head is written, and the rest is streamed from the file in pieces.
pub fn payout(conn: &Connection, code: &str, object_id: &str) -> rusqlite::Result<Page> {
    let Some(name) = township_name(conn, code)? else {
        return Ok(Page::NotFound);
    };
    let withdrawn: Option<bool> = conn
        .query_row(
            "SELECT withdrawn FROM object_head
             WHERE township = ?1 AND object_id = ?2 AND kind = 'payout_list'",
            params![code, object_id],
            |r| r.get(0),
        )
        .optional()?;
    match withdrawn {
        None => return Ok(Page::NotFound),
        Some(true) => return Ok(Page::Gone(layout("该公示已撤回", "<h1>该公示已撤回</h1>"))),
        Some(false) => {}
    }
    let rendered: Option<(String, i64, i64, i64, i64, String)> = conn
        .query_row(
            "SELECT p.title, p.row_count, p.amount_fen, p.rowid, length(p.villages), p.entry_id
             FROM payout_page p
             JOIN object_head h ON h.township = p.township AND h.object_id = p.object_id
                               AND h.entry_id = p.entry_id
             WHERE p.township = ?1 AND p.object_id = ?2",
            params![code, object_id],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            },
        )
        .optional()?;
    // A list in force without its page: its payload did not parse when it was kept.
    let Some((title, rows, amount, rowid, size, entry_id)) = rendered else {
        return Ok(Page::NotFound);
    };
    let mut head = layout_start(&title, 256);
    let _ = write!(
        head,
        "<h1>{}</h1><p>{} · 共 {} 人，{} 元</p>",
        escape(&title),
        escape(&name),
        rows,
        yuan(amount)
    );
    let tail = format!(
        "<p><a href=\"/t/{}/payouts\">返回</a></p>{LAYOUT_END}",
        escape(code)
    );
    Ok(Page::Listing {
        head,
        villages: RenderedBlob {
            blob: StoredBlob {
                rowid,
                size: u64::try_from(size).unwrap_or(0),
            },
            entry_id,
        },
        tail,
    })
}

/// The villages of a payout list as its page shows them: per village its heading (the anchor
/// the payouts page links to), 公示期 and totals, and the table of its rows. Written straight
/// into one string sized up front: a 100,000-row list is megabytes of HTML.
pub fn payout_villages_html(list: &PayoutListPayload) -> String {
    let cells: usize = list
        .villages
        .iter()
        .flat_map(|v| &v.rows)
        .map(|row| row.iter().map(|c| c.len() + 9).sum::<usize>() + 9)
        .sum();
    let mut body = String::with_capacity(cells + 512 * list.villages.len());
    for v in &list.villages {
        let _ = write!(
            body,
            "<h2 id=\"v{}\">{}</h2><p>公示期：{} 至 {}（{} 人，{} 元）</p><table><tr>",
            escape(&v.village_code),
            escape(&v.village_name),
            escape(&v.notice_from),
            escape(&v.notice_to),
            v.summary.rows,
            yuan(v.summary.amount_fen)
        );
        for c in &v.columns {
            let _ = write!(body, "<th>{}</th>", escape(c));
        }
        body.push_str("</tr>");
        for row in &v.rows {
            body.push_str("<tr>");
            for cell in row {
                body.push_str("<td>");
                escape_into(&mut body, cell);
                body.push_str("</td>");
            }
            body.push_str("</tr>");
        }
        body.push_str("</table>");
    }
    body
}

/// `/t/{code}/a/{sha256}`: an attachment of a record in force, or the printed sheet of a
/// posting in force (where it is, not its bytes). A posting's photos are never served.
pub fn attachment(conn: &Connection, code: &str, sha256: &str) -> rusqlite::Result<Page> {
    let found: Option<(String, i64, i64)> = conn
        .query_row(
            "SELECT ea.file_name, a.rowid, a.size FROM entry_attachment ea
             JOIN object_head h ON h.township = ea.township AND h.entry_id = ea.entry_id AND h.withdrawn = 0
             JOIN attachment a ON a.township = ea.township AND a.sha256 = ea.sha256
             JOIN township t ON t.code = ea.township AND t.status = 'active'
             WHERE ea.township = ?1 AND ea.sha256 = ?2 LIMIT 1",
            params![code, sha256],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    Ok(match found {
        None => Page::NotFound,
        Some((file_name, rowid, size)) => Page::File {
            file_name,
            blob: StoredBlob {
                rowid,
                size: u64::try_from(size).unwrap_or(0),
            },
        },
    })
}

/// A rendered payout page's stored part, and the list version it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedBlob {
    pub blob: StoredBlob,
    pub entry_id: String,
}

/// Up to `length` bytes of a rendered payout page from `offset`. `None` once that page is no
/// longer the one of the version `rendered` names (a newer version was pushed while it was
/// streamed): a page is never pieced together from two versions.
pub fn payout_page_piece(
    conn: &Connection,
    rendered: &RenderedBlob,
    offset: u64,
    length: usize,
) -> rusqlite::Result<Option<Vec<u8>>> {
    // One read transaction: the check and the read see the same state of the file.
    let read = conn.unchecked_transaction()?;
    let same: Option<i64> = read
        .query_row(
            "SELECT rowid FROM payout_page WHERE rowid = ?1 AND entry_id = ?2",
            params![rendered.blob.rowid, rendered.entry_id],
            |r| r.get(0),
        )
        .optional()?;
    if same.is_none() {
        return Ok(None);
    }
    blob_piece(
        &read,
        "payout_page",
        "villages",
        rendered.blob,
        offset,
        length,
    )
    .map(Some)
}

/// Up to `length` bytes of an attachment from `offset` (incremental BLOB I/O: only those
/// bytes are read, however large the file). Attachments are never changed once stored.
pub fn attachment_piece(
    conn: &Connection,
    blob: StoredBlob,
    offset: u64,
    length: usize,
) -> rusqlite::Result<Vec<u8>> {
    blob_piece(conn, "attachment", "content", blob, offset, length)
}

fn blob_piece(
    conn: &Connection,
    table: &str,
    column: &str,
    blob: StoredBlob,
    offset: u64,
    length: usize,
) -> rusqlite::Result<Vec<u8>> {
    let stored = conn.blob_open(rusqlite::MAIN_DB, table, column, blob.rowid, true)?;
    let offset = usize::try_from(offset).unwrap_or(usize::MAX);
    let length = length.min(stored.len().saturating_sub(offset));
    let mut piece = vec![0; length];
    stored.read_at_exact(&mut piece, offset)?;
    Ok(piece)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sync_times_are_shown_in_beijing_time() {
        assert_eq!(
            beijing_time("2026-01-06T09:30:00Z"),
            "2026年1月6日 17:30（北京时间）"
        );
        assert_eq!(
            beijing_time("2026-12-31T16:05:00Z"),
            "2027年1月1日 00:05（北京时间）"
        );
        assert_eq!(beijing_time("not a time"), "not a time");
    }
}
