//! Login throttling: at most 5 failures per (email, client address) in 15 minutes, kept in memory.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failures allowed inside the window before logins are refused.
pub const MAX_FAILURES: usize = 5;
/// The sliding window.
pub const WINDOW: Duration = Duration::from_secs(15 * 60);

/// Recent login failures keyed by lower-cased email and client address.
#[derive(Debug, Default)]
pub struct Throttle {
    failures: Mutex<HashMap<(String, String), Vec<Instant>>>,
}

impl Throttle {
    fn key(email: &str, ip: &str) -> (String, String) {
        (email.trim().to_lowercase(), ip.to_string())
    }

    /// True when this email+address has used up its failures in the window.
    pub fn is_blocked(&self, email: &str, ip: &str) -> bool {
        self.is_blocked_at(email, ip, Instant::now())
    }

    fn is_blocked_at(&self, email: &str, ip: &str, now: Instant) -> bool {
        let Ok(mut map) = self.failures.lock() else {
            return false;
        };
        let key = Throttle::key(email, ip);
        let Some(list) = map.get_mut(&key) else {
            return false;
        };
        list.retain(|t| now.duration_since(*t) < WINDOW);
        if list.is_empty() {
            map.remove(&key);
            return false;
        }
        list.len() >= MAX_FAILURES
    }

    /// Records one failed attempt.
    pub fn fail(&self, email: &str, ip: &str) {
        self.fail_at(email, ip, Instant::now());
    }

    fn fail_at(&self, email: &str, ip: &str, now: Instant) {
        if let Ok(mut map) = self.failures.lock() {
            // Forget stale keys now and then so the map cannot grow without bound.
            if map.len() > 10_000 {
                map.retain(|_, v| v.iter().any(|t| now.duration_since(*t) < WINDOW));
            }
            map.entry(Throttle::key(email, ip)).or_default().push(now);
        }
    }

    /// Forgets the failures after a successful login.
    pub fn clear(&self, email: &str, ip: &str) {
        if let Ok(mut map) = self.failures.lock() {
            map.remove(&Throttle::key(email, ip));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_failures_block_until_the_window_passes() {
        let t = Throttle::default();
        let start = Instant::now();
        for _ in 0..4 {
            t.fail_at("A@x.th", "1.2.3.4", start);
        }
        assert!(!t.is_blocked_at("a@x.th", "1.2.3.4", start));
        t.fail_at("a@x.th ", "1.2.3.4", start);
        assert!(t.is_blocked_at("a@x.th", "1.2.3.4", start));
        assert!(
            !t.is_blocked_at("a@x.th", "5.6.7.8", start),
            "other address"
        );
        assert!(!t.is_blocked_at("a@x.th", "1.2.3.4", start + WINDOW));
        t.fail_at("b@x.th", "1.2.3.4", start);
        t.clear("b@x.th", "1.2.3.4");
        assert!(!t.is_blocked_at("b@x.th", "1.2.3.4", start));
    }
}
