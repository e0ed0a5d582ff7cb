//! Splitting checked outbox entries into pushes the portal accepts: each gzip body within the
//! portal's body limit ([`crate::MAX_BODY_BYTES`]) and [`crate::MAX_BATCH_ENTRIES`] entries,
//! so a large list or a long backlog goes up in several pushes instead of one the portal must
//! refuse (and refuse again at every later sync, holding up everything queued behind it). An
//! entry no push could carry is refused here, before anything is sent, with its title named.

use crate::gzip::to_gzip_json;
use crate::types::{Entry, Kind, PushRequest, RejectCode, Rejection};
use crate::{MAX_BATCH_ENTRIES, MAX_ENTRY_JSON_BYTES, MAX_JSON_BYTES, PROTOCOL_VERSION, SyncError};

/// One push: the gzip body and how many entries it carries.
#[derive(Debug)]
pub struct PushBody {
    pub gzip: Vec<u8>,
    pub entries: usize,
}

/// Packs `entries`, in order, into push bodies of at most `limit` bytes as sent. Entries are
/// packed by their JSON size under a budget that gzip cannot exceed (deflate adds at most a
/// few bytes per 64 KiB to data it cannot compress), so no body needs compressing twice; an
/// entry over the budget on its own is compressed alone and sent if it then fits. One that
/// does not (or whose JSON passes the portal's decompressed limit) is answered in the second
/// list with [`RejectCode::TooLarge`].
pub fn pack(
    township: &str,
    entries: Vec<Entry>,
    limit: usize,
) -> Result<(Vec<PushBody>, Vec<Rejection>), SyncError> {
    let envelope = |entries: Vec<Entry>| PushRequest {
        protocol: PROTOCOL_VERSION,
        township: township.to_owned(),
        entries,
    };
    let overhead = json_len(&envelope(Vec::new()))?;
    let budget = limit.saturating_sub(limit / 1024 + 1024);
    let mut bodies = Vec::new();
    let mut refused = Vec::new();
    let mut current: Vec<Entry> = Vec::new();
    let mut current_len = overhead;
    let mut flush = |batch: Vec<Entry>, refused: &mut Vec<Rejection>| -> Result<(), SyncError> {
        if batch.is_empty() {
            return Ok(());
        }
        let count = batch.len();
        let lone = (count == 1).then(|| batch[0].clone());
        let gzip = to_gzip_json(&envelope(batch))?;
        match lone {
            Some(entry) if gzip.len() > limit => refused.push(too_large(&entry, gzip.len(), limit)),
            _ => bodies.push(PushBody {
                gzip,
                entries: count,
            }),
        }
        Ok(())
    };
    for entry in entries {
        let len = json_len(&entry)? + 1; // and its comma
        if overhead + len > MAX_JSON_BYTES {
            refused.push(too_large(&entry, len, MAX_JSON_BYTES));
            continue;
        }
        if len > MAX_ENTRY_JSON_BYTES {
            let payload_len = json_len(&entry.payload)?;
            if payload_len > MAX_ENTRY_JSON_BYTES {
                refused.push(too_large(&entry, payload_len, MAX_ENTRY_JSON_BYTES));
                continue;
            }
        }
        if !current.is_empty() && (current_len + len > budget || current.len() == MAX_BATCH_ENTRIES)
        {
            flush(std::mem::take(&mut current), &mut refused)?;
            current_len = overhead;
        }
        current.push(entry);
        current_len += len;
    }
    flush(current, &mut refused)?;
    Ok((bodies, refused))
}

fn json_len(value: &impl serde::Serialize) -> Result<usize, SyncError> {
    serde_json::to_vec(value)
        .map(|json| json.len())
        .map_err(|e| SyncError::BadJson(e.to_string()))
}

fn mib(bytes: usize) -> String {
    format!("{:.1}", bytes as f64 / (1024.0 * 1024.0))
}

/// The refusal of an entry no push can carry, naming it as the clerk knows it.
fn too_large(entry: &Entry, size: usize, limit: usize) -> Rejection {
    let label = match Kind::from_key(&entry.kind) {
        Some(kind) => kind.label(),
        None => entry.kind.as_str(),
    };
    let named = match entry.payload.get("title").and_then(|t| t.as_str()) {
        Some(title) => format!("{label}“{title}”"),
        None => format!("{label}（{}）", entry.object_id),
    };
    Rejection {
        id: entry.id.clone(),
        code: RejectCode::TooLarge,
        message: format!(
            "{named}的数据有 {} MiB，超过县级平台单次接收的上限 {} MiB，无法上传：请拆分后重新发布",
            mib(size),
            mib(limit)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gzip::from_gzip_json;
    use crate::types::Op;

    /// Text that gzip cannot shrink much: a fixed pseudo-random walk over letters.
    fn noise(len: usize, seed: u64) -> String {
        let mut state = seed | 1;
        (0..len)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                char::from(b'a' + (state % 26) as u8)
            })
            .collect()
    }

    fn entry(n: u64, body_len: usize) -> Entry {
        Entry {
            id: format!("0194d1a0-0000-7000-8000-{n:012}"),
            kind: "record".into(),
            object_id: format!("0194d1a0-0000-7000-9000-{n:012}"),
            op: Op::Upsert,
            replaces: None,
            created_at: "2026-01-06T09:30:00+08:00".into(),
            payload: serde_json::json!({"title": format!("记录 {n}"), "body": noise(body_len, n)}),
        }
    }

    #[test]
    fn every_body_is_within_the_limit_and_every_entry_goes_once_in_order() {
        let limit = 64 * 1024;
        let entries: Vec<Entry> = (0..40)
            .map(|n| entry(n, 5_000 + n as usize * 300))
            .collect();
        let (bodies, refused) = pack("341502101", entries.clone(), limit).unwrap();
        assert!(refused.is_empty(), "{refused:?}");
        assert!(bodies.len() > 1, "the entries need more than one push");
        let mut sent = Vec::new();
        for body in &bodies {
            assert!(body.gzip.len() <= limit, "{} > {limit}", body.gzip.len());
            let push: PushRequest = from_gzip_json(&body.gzip).unwrap();
            assert_eq!(push.entries.len(), body.entries);
            assert_eq!(push.protocol, PROTOCOL_VERSION);
            sent.extend(push.entries);
        }
        assert_eq!(sent, entries);
    }

    #[test]
    fn an_entry_no_push_can_carry_is_refused_by_name_and_the_others_still_go() {
        let limit = 64 * 1024;
        let mut entries: Vec<Entry> = (0..5).map(|n| entry(n, 1_000)).collect();
        entries.insert(2, entry(99, 200 * 1024));
        let (bodies, refused) = pack("341502101", entries, limit).unwrap();
        assert_eq!(refused.len(), 1, "{refused:?}");
        assert_eq!(refused[0].code, RejectCode::TooLarge);
        assert!(
            refused[0].message.contains("公开记录“记录 99”"),
            "{}",
            refused[0].message
        );
        let sent: usize = bodies.iter().map(|b| b.entries).sum();
        assert_eq!(sent, 5);
    }

    #[test]
    fn a_compressible_entry_over_the_budget_goes_alone() {
        let limit = 64 * 1024;
        let mut big = entry(7, 0);
        big.payload["body"] = serde_json::Value::String("公开".repeat(60_000));
        let (bodies, refused) = pack("341502101", vec![entry(1, 100), big], limit).unwrap();
        assert!(refused.is_empty(), "{refused:?}");
        assert_eq!(bodies.iter().map(|b| b.entries).collect::<Vec<_>>(), [1, 1]);
    }

    #[test]
    fn an_entry_over_the_portal_entry_limit_is_refused_however_well_it_compresses() {
        let mut big = entry(8, 0);
        big.payload["body"] = serde_json::Value::String("a".repeat(MAX_ENTRY_JSON_BYTES));
        let (bodies, refused) = pack(
            "341502101",
            vec![entry(1, 100), big.clone()],
            crate::MAX_BODY_BYTES,
        )
        .unwrap();
        assert_eq!(refused.len(), 1, "{refused:?}");
        assert_eq!(
            (refused[0].id.as_str(), refused[0].code),
            (big.id.as_str(), RejectCode::TooLarge)
        );
        assert_eq!(bodies.iter().map(|b| b.entries).sum::<usize>(), 1);
    }

    #[test]
    fn no_push_has_more_than_the_entries_allowed() {
        let entries: Vec<Entry> = (0..(MAX_BATCH_ENTRIES as u64 + 5))
            .map(|n| entry(n, 10))
            .collect();
        let (bodies, _) = pack("341502101", entries, crate::MAX_BODY_BYTES).unwrap();
        assert_eq!(
            bodies.iter().map(|b| b.entries).collect::<Vec<_>>(),
            [MAX_BATCH_ENTRIES, 5]
        );
    }
}
