//! Display rounding: two decimals, half away from zero; scores stay unrounded everywhere else.

use serde::Serialize;

/// Rounds to two decimals, half away from zero. A value within float noise (1e-9 of a hundredth)
/// of a half-hundredth counts as an exact half, so 84.995 → 85.00 even though 84.995 is stored as 84.99499….
pub fn round2(x: f64) -> f64 {
    if !x.is_finite() {
        return x;
    }
    let y = x * 100.0;
    let floor = y.floor();
    let frac = y - floor;
    let r = if (frac - 0.5).abs() < 1e-9 {
        if y >= 0.0 { floor + 1.0 } else { floor }
    } else {
        y.round()
    };
    r / 100.0
}

/// An unrounded score on 0–100 that displays and serialises rounded to two decimals.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default)]
pub struct Score(pub f64);

impl Score {
    /// The unrounded value.
    pub fn value(self) -> f64 {
        self.0
    }

    /// The value rounded for display.
    pub fn rounded(self) -> f64 {
        round2(self.0)
    }
}

impl std::fmt::Display for Score {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:.2}", self.rounded())
    }
}

impl Serialize for Score {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.rounded())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_half_away_from_zero() {
        let table = [
            (84.995, 85.0),
            (84.994999, 84.99),
            (94.995, 95.0),
            (94.99, 94.99),
            (81.4548, 81.45),
            (75.619, 75.62),
            (99.375, 99.38),
            (0.005, 0.01),
            (-0.005, -0.01),
            (100.0, 100.0),
            (2.675, 2.68),
        ];
        for (x, want) in table {
            assert_eq!(round2(x), want, "{x}");
        }
    }

    #[test]
    fn display_has_two_decimals() {
        assert_eq!(Score(85.0).to_string(), "85.00");
        assert_eq!(Score(84.995).to_string(), "85.00");
        assert_eq!(Score(99.375).to_string(), "99.38");
    }
}
