//! The clerk's PIN that leaves the reading point: 4 to 12 digits, kept as a salted scrypt hash
//! (`scrypt$log_n$r$p$salt$hash`, base64 without padding), and wrong PINs slowed down: after
//! [`FREE_TRIES`] wrong ones in a row each further try waits twice as long as the last, from
//! 30 seconds up to a quarter of an hour. A public screen invites guessing; a clerk who
//! mistypes loses half a minute.

use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD_NO_PAD as B64;

use crate::ApiError;

/// scrypt's cost: 2^15 × 8 × 128 bytes = 32 MiB and a tenth of a second per try on a township
/// PC, as OWASP's minimum for scrypt; a guess costs the same.
const LOG_N: u8 = 15;
const R: u32 = 8;
const P: u32 = 1;
const SALT_BYTES: usize = 16;
const HASH_BYTES: usize = 32;

/// Wrong PINs in a row heard without waiting.
pub(crate) const FREE_TRIES: u32 = 3;
const FIRST_WAIT: Duration = Duration::from_secs(30);
const LONGEST_WAIT: Duration = Duration::from_secs(15 * 60);

/// A PIN as typed: digits only (full-width ones read as digits), 4 to 12 of them.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct Pin(String);

impl std::fmt::Debug for Pin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pin(****)")
    }
}

impl Pin {
    pub fn parse(text: &str) -> Result<Pin, ApiError> {
        let digits: String = text
            .trim()
            .chars()
            .map(gongkai_domain::fold_digit)
            .collect();
        if !(4..=12).contains(&digits.chars().count())
            || !digits.chars().all(|c| c.is_ascii_digit())
        {
            return Err(ApiError::invalid(
                "查阅点退出密码须为 4 至 12 位数字".to_owned(),
            ));
        }
        Ok(Pin(digits))
    }

    /// A new hash with a fresh salt.
    pub fn hash(&self) -> Result<String, ApiError> {
        let mut salt = [0u8; SALT_BYTES];
        getrandom::fill(&mut salt).map_err(ApiError::internal)?;
        let hash = derive(&self.0, &salt, LOG_N, R, P)?;
        Ok(format!(
            "scrypt${LOG_N}${R}${P}${}${}",
            B64.encode(salt),
            B64.encode(hash)
        ))
    }

    /// Whether this PIN is the one `stored` was made from; a hash this code cannot read
    /// matches nothing.
    pub fn matches(&self, stored: &str) -> Result<bool, ApiError> {
        let parts: Vec<&str> = stored.split('$').collect();
        let ["scrypt", log_n, r, p, salt, hash] = parts.as_slice() else {
            return Ok(false);
        };
        let (Ok(log_n), Ok(r), Ok(p), Ok(salt), Ok(hash)) = (
            log_n.parse(),
            r.parse(),
            p.parse(),
            B64.decode(salt),
            B64.decode(hash),
        ) else {
            return Ok(false);
        };
        let derived = derive(&self.0, &salt, log_n, r, p)?;
        // Every byte compared whatever the first difference, so timing tells nothing.
        Ok(derived.len() == hash.len()
            && derived
                .iter()
                .zip(&hash)
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0)
    }
}

fn derive(pin: &str, salt: &[u8], log_n: u8, r: u32, p: u32) -> Result<Vec<u8>, ApiError> {
    let params = scrypt::Params::new(log_n, r, p, HASH_BYTES)
        .map_err(|e| ApiError::internal(format!("scrypt 参数无效：{e}")))?;
    let mut out = vec![0u8; HASH_BYTES];
    scrypt::scrypt(pin.as_bytes(), salt, &params, &mut out)
        .map_err(|e| ApiError::internal(format!("scrypt：{e}")))?;
    Ok(out)
}

/// Wrong PINs in a row and when the next try is heard.
#[derive(Debug, Default)]
pub(crate) struct PinGuard {
    state: Mutex<Attempts>,
}

#[derive(Debug, Default)]
struct Attempts {
    wrong_in_a_row: u32,
    heard_after: Option<Instant>,
}

impl PinGuard {
    /// How long a try at `now` must still wait; `None`: it is heard.
    pub(crate) fn wait(&self, now: Instant) -> Option<Duration> {
        let state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state
            .heard_after
            .and_then(|t| t.checked_duration_since(now))
            .filter(|d| !d.is_zero())
    }

    /// Notes a try's outcome at `now`: a right PIN clears the count.
    pub(crate) fn record(&self, now: Instant, right: bool) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        if right {
            *state = Attempts::default();
            return;
        }
        state.wrong_in_a_row += 1;
        if state.wrong_in_a_row >= FREE_TRIES {
            let doublings = (state.wrong_in_a_row - FREE_TRIES).min(10);
            let wait = (FIRST_WAIT * 2u32.pow(doublings)).min(LONGEST_WAIT);
            state.heard_after = Some(now + wait);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pin_is_four_to_twelve_digits_full_width_ones_read_as_digits() {
        assert_eq!(Pin::parse(" ２０２６ ").unwrap(), Pin("2026".into()));
        for bad in ["123", "1234567890123", "12a4", "", "12 34"] {
            assert!(Pin::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(format!("{:?}", Pin::parse("2026").unwrap()), "Pin(****)");
    }

    #[test]
    fn the_hash_is_salted_and_only_the_pin_matches_it() {
        let pin = Pin::parse("2026").unwrap();
        let stored = pin.hash().unwrap();
        assert!(stored.starts_with("scrypt$15$8$1$"), "{stored}");
        assert!(!stored.contains("2026"));
        assert_ne!(stored, pin.hash().unwrap(), "a fresh salt each time");
        assert!(pin.matches(&stored).unwrap());
        assert!(!Pin::parse("2027").unwrap().matches(&stored).unwrap());
        assert!(!pin.matches("scrypt$15$8$1$!!$??").unwrap());
        assert!(!pin.matches("2026").unwrap());
    }

    #[test]
    fn wrong_pins_beyond_the_free_tries_wait_longer_each_time() {
        let guard = PinGuard::default();
        let t0 = Instant::now();
        for _ in 0..FREE_TRIES - 1 {
            guard.record(t0, false);
            assert_eq!(guard.wait(t0), None);
        }
        guard.record(t0, false);
        assert_eq!(guard.wait(t0), Some(FIRST_WAIT));
        let later = t0 + FIRST_WAIT;
        assert_eq!(guard.wait(later), None, "heard again once the wait is over");
        guard.record(later, false);
        assert_eq!(guard.wait(later), Some(FIRST_WAIT * 2));
        for _ in 0..20 {
            guard.record(later, false);
        }
        assert_eq!(guard.wait(later), Some(LONGEST_WAIT));
        guard.record(later, true);
        assert_eq!(guard.wait(later), None, "the right PIN clears the count");
    }
}
