//! Login throttling, kept in memory with a bounded footprint.
//!
//! Three limits over a 15-minute window: 5 failures per (account, client address), 20 per account
//! from any address (a password tried against one account from many addresses), and 50 per address
//! across accounts (password spraying from one place). Keys are SHA-256 digests of the lower-cased
//! e-mail and of the address, so a megabyte "e-mail" costs 32 bytes; stale keys are pruned every
//! minute (and by the server's timer), and each map is capped.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

/// Failures allowed per (account, address) inside the window before logins are refused.
pub const MAX_FAILURES: usize = 5;
/// Failures allowed per account from all addresses together.
pub const MAX_ACCOUNT_FAILURES: usize = 20;
/// Failures allowed per address across all accounts.
pub const MAX_ADDRESS_FAILURES: usize = 50;
/// The sliding window.
pub const WINDOW: Duration = Duration::from_secs(15 * 60);
/// How often stale keys are dropped.
pub const PRUNE_EVERY: Duration = Duration::from_secs(60);
/// Most keys kept in each map; past it, keys that are not blocking anything are dropped first.
pub const MAX_KEYS: usize = 50_000;

type Key = [u8; 32];

fn digest(kind: &[u8], text: &str) -> Key {
    Sha256::new()
        .chain_update(kind)
        .chain_update(text.as_bytes())
        .finalize()
        .into()
}

/// Failure times by key, each list at most its limit long.
#[derive(Debug, Default)]
struct Counter {
    map: HashMap<Key, Vec<Instant>>,
}

impl Counter {
    fn count(&mut self, key: &Key, now: Instant) -> usize {
        let Some(list) = self.map.get_mut(key) else {
            return 0;
        };
        list.retain(|t| now.duration_since(*t) < WINDOW);
        let n = list.len();
        if n == 0 {
            self.map.remove(key);
        }
        n
    }

    fn add(&mut self, key: Key, now: Instant, limit: usize) {
        if self.map.len() >= MAX_KEYS && !self.map.contains_key(&key) {
            self.prune(now);
            if self.map.len() >= MAX_KEYS {
                self.map.retain(|_, v| v.len() >= limit);
            }
            if self.map.len() >= MAX_KEYS {
                return;
            }
        }
        let list = self.map.entry(key).or_default();
        list.retain(|t| now.duration_since(*t) < WINDOW);
        if list.len() < limit {
            list.push(now);
        }
    }

    fn prune(&mut self, now: Instant) {
        self.map.retain(|_, v| {
            v.retain(|t| now.duration_since(*t) < WINDOW);
            !v.is_empty()
        });
        self.map.shrink_to_fit();
    }
}

#[derive(Debug, Default)]
struct State {
    pairs: Counter,
    accounts: Counter,
    addresses: Counter,
    last_prune: Option<Instant>,
}

/// Recent login failures.
#[derive(Debug, Default)]
pub struct Throttle {
    state: Mutex<State>,
}

fn keys(email: &str, ip: &str) -> (Key, Key, Key) {
    let email = email.trim().to_lowercase();
    let account = digest(b"account\0", &email);
    let address = digest(b"address\0", ip);
    let mut pair = Sha256::new();
    pair.update(account);
    pair.update(address);
    (pair.finalize().into(), account, address)
}

impl Throttle {
    /// True when this e-mail and address may not try again yet.
    pub fn is_blocked(&self, email: &str, ip: &str) -> bool {
        self.is_blocked_at(email, ip, Instant::now())
    }

    fn is_blocked_at(&self, email: &str, ip: &str, now: Instant) -> bool {
        let Ok(mut s) = self.state.lock() else {
            return false;
        };
        let (pair, account, address) = keys(email, ip);
        s.pairs.count(&pair, now) >= MAX_FAILURES
            || s.accounts.count(&account, now) >= MAX_ACCOUNT_FAILURES
            || s.addresses.count(&address, now) >= MAX_ADDRESS_FAILURES
    }

    /// Records one failed attempt.
    pub fn fail(&self, email: &str, ip: &str) {
        self.fail_at(email, ip, Instant::now());
    }

    fn fail_at(&self, email: &str, ip: &str, now: Instant) {
        let Ok(mut s) = self.state.lock() else {
            return;
        };
        if s.last_prune
            .is_none_or(|t| now.saturating_duration_since(t) >= PRUNE_EVERY)
        {
            prune_state(&mut s, now);
        }
        let (pair, account, address) = keys(email, ip);
        s.pairs.add(pair, now, MAX_FAILURES);
        s.accounts.add(account, now, MAX_ACCOUNT_FAILURES);
        s.addresses.add(address, now, MAX_ADDRESS_FAILURES);
    }

    /// Forgets this e-mail and address's failures after a successful login (the per-account and
    /// per-address counts stay: a success from one place does not excuse failures from others).
    pub fn clear(&self, email: &str, ip: &str) {
        if let Ok(mut s) = self.state.lock() {
            let (pair, _, _) = keys(email, ip);
            s.pairs.map.remove(&pair);
        }
    }

    /// Drops every failure older than the window (the server calls this on a timer).
    pub fn prune(&self) {
        if let Ok(mut s) = self.state.lock() {
            prune_state(&mut s, Instant::now());
        }
    }

    /// Keys held in all maps together (for tests and monitoring).
    pub fn len(&self) -> usize {
        self.state
            .lock()
            .map(|s| s.pairs.map.len() + s.accounts.map.len() + s.addresses.map.len())
            .unwrap_or(0)
    }

    /// Whether no failure is remembered.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn prune_state(s: &mut State, now: Instant) {
    s.pairs.prune(now);
    s.accounts.prune(now);
    s.addresses.prune(now);
    s.last_prune = Some(now);
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

    #[test]
    fn one_account_from_many_addresses_is_blocked_at_twenty() {
        let t = Throttle::default();
        let now = Instant::now();
        for i in 0..19 {
            t.fail_at("victim@x.th", &format!("10.0.0.{i}"), now);
        }
        assert!(!t.is_blocked_at("victim@x.th", "10.0.1.1", now));
        t.fail_at("victim@x.th", "10.0.0.99", now);
        assert!(t.is_blocked_at("victim@x.th", "10.0.1.1", now), "20th");
        assert!(!t.is_blocked_at("other@x.th", "10.0.1.1", now));
    }

    #[test]
    fn one_address_spraying_many_accounts_is_blocked_at_fifty() {
        let t = Throttle::default();
        let now = Instant::now();
        for i in 0..50 {
            t.fail_at(&format!("user{i}@x.th"), "1.2.3.4", now);
        }
        assert!(t.is_blocked_at("fresh@x.th", "1.2.3.4", now));
        assert!(!t.is_blocked_at("fresh@x.th", "1.2.3.5", now));
    }

    #[test]
    fn huge_emails_cost_a_digest_and_stale_keys_go_on_the_timer() {
        let t = Throttle::default();
        let start = Instant::now();
        let huge = "x".repeat(1 << 20);
        t.fail_at(&huge, "1.2.3.4", start);
        {
            let s = t.state.lock().unwrap();
            let held: usize = s.pairs.map.keys().map(|k| k.len()).sum();
            assert_eq!(held, 32, "the key is a digest, not the megabyte");
        }
        assert_eq!(t.len(), 3);
        // A failure a minute after the window ends prunes the old keys, not only past a size.
        t.fail_at("late@x.th", "9.9.9.9", start + WINDOW + PRUNE_EVERY);
        assert_eq!(t.len(), 3, "only the late failure's three keys remain");
    }

    #[test]
    fn maps_are_capped() {
        let mut c = Counter::default();
        let now = Instant::now();
        for i in 0..(MAX_KEYS + 10) {
            c.add(digest(b"k", &i.to_string()), now, 5);
        }
        assert!(c.map.len() <= MAX_KEYS);
    }
}
