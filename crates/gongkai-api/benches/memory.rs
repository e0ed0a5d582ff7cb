//! This process's resident memory as Linux reports it (`/proc/self/status`), for benchmarks
//! that say what each phase holds at its peak. Elsewhere the figures read as "unknown".

#![allow(dead_code)] // each benchmark uses part of it

/// Resident and peak resident memory in KiB.
#[derive(Debug, Clone, Copy)]
pub struct Resident {
    pub now_kib: u64,
    pub peak_kib: u64,
}

pub fn resident() -> Option<Resident> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
    };
    Some(Resident {
        now_kib: field("VmRSS:")?,
        peak_kib: field("VmHWM:")?,
    })
}

/// Starts a new peak at the current resident size (writing 5 to `clear_refs` resets VmHWM)
/// and returns that size, the baseline a phase is measured from.
pub fn reset_peak() -> Option<Resident> {
    std::fs::write("/proc/self/clear_refs", "5").ok()?;
    resident()
}

/// `peak 143 MB (+98 MB over the 45 MB before), now 60 MB`.
pub fn report(baseline: Option<Resident>) -> String {
    let mb = |kib: u64| kib as f64 / 1024.0;
    match (baseline, resident()) {
        (Some(before), Some(now)) => format!(
            "peak RSS {:.0} MB (+{:.0} MB over the {:.0} MB before), now {:.0} MB",
            mb(now.peak_kib),
            mb(now.peak_kib.saturating_sub(before.now_kib)),
            mb(before.now_kib),
            mb(now.now_kib)
        ),
        _ => "peak RSS unknown".to_owned(),
    }
}
