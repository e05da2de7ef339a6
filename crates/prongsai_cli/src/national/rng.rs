//! A tiny deterministic PRNG (SplitMix64) so a seed always gives the same synthetic files, on any machine.

/// SplitMix64: 64 bits of state, passes BigCrush, and is trivially forkable into independent streams.
#[derive(Debug, Clone)]
pub struct Rng {
    state: u64,
}

/// The golden-ratio increment of SplitMix64.
const GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

/// The SplitMix64 output function (also a good 64-bit mixer on its own).
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Rng {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        Rng { state: seed }
    }

    /// An independent generator for stream `n` (e.g. one per agency), so streams can run in parallel
    /// and the output does not depend on the order they run in.
    pub fn fork(&self, n: u64) -> Rng {
        Rng {
            state: mix(self.state ^ mix(n.wrapping_add(1).wrapping_mul(GAMMA))),
        }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GAMMA);
        mix(self.state)
    }

    /// A uniform float in [0, 1) with 53 random bits.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// A uniform float in [lo, hi).
    pub fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.next_f64()
    }

    /// A uniform integer in [0, n) (0 when n is 0), without modulo bias worth caring about (Lemire's multiply).
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.next_f64() < p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_stream() {
        let (mut a, mut b) = (Rng::new(7), Rng::new(7));
        for _ in 0..100 {
            assert_eq!(a.next_u64(), b.next_u64());
        }
        assert_ne!(Rng::new(7).next_u64(), Rng::new(8).next_u64());
    }

    #[test]
    fn known_splitmix_values() {
        // Reference values of SplitMix64 seeded with 0 (Vigna's splitmix64.c).
        let mut r = Rng::new(0);
        assert_eq!(r.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(r.next_u64(), 0x6E78_9E6A_A1B9_65F4);
    }

    #[test]
    fn ranges_stay_in_bounds() {
        let mut r = Rng::new(1);
        for _ in 0..10_000 {
            assert!(r.below(5) < 5);
            let x = r.range(2.0, 3.0);
            assert!((2.0..3.0).contains(&x));
        }
        assert_eq!(r.below(0), 0);
    }

    #[test]
    fn forks_differ() {
        let r = Rng::new(1);
        assert_ne!(r.fork(0).next_u64(), r.fork(1).next_u64());
        assert_eq!(r.fork(3).next_u64(), r.fork(3).next_u64());
    }
}
