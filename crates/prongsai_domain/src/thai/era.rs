//! Buddhist era (พ.ศ.), the Thai government fiscal year (ปีงบประมาณ) and Thai date formatting.

use std::fmt;

use jiff::civil::Date;

use super::digits::{DigitStyle, apply_digits};
use super::months::{month_abbr, month_full};

/// Years to add to a Common Era year to get the Buddhist-era year (พ.ศ. = ค.ศ. + 543).
pub const BE_OFFSET: i32 = 543;

/// Smallest fiscal year accepted by [`FiscalYear::new`] (BE 2400 = 1857 CE).
pub const MIN_FISCAL_YEAR: u16 = 2400;

/// Largest fiscal year accepted by [`FiscalYear::new`] (BE 2700 = 2157 CE).
pub const MAX_FISCAL_YEAR: u16 = 2700;

/// Converts a Buddhist-era year to the Common Era (saturating, so no input overflows).
pub fn be_to_ce(be: i32) -> i32 {
    be.saturating_sub(BE_OFFSET)
}

/// Converts a Common Era year to the Buddhist era (saturating, so no input overflows).
pub fn ce_to_be(ce: i32) -> i32 {
    ce.saturating_add(BE_OFFSET)
}

/// Why a year or date is outside what the Thai date functions support.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ThaiDateError {
    /// A fiscal year outside BE 2400–2700.
    #[error("fiscal year (ปีงบประมาณ) {0} is outside the supported Buddhist-era years 2400–2700")]
    FiscalYearOutOfRange(i64),
    /// A date whose fiscal year would fall outside BE 2400–2700.
    #[error("date {0} falls in fiscal year (ปีงบประมาณ) {1}, outside the supported years 2400–2700")]
    DateOutOfRange(Date, i64),
}

/// A Thai government fiscal year (ปีงบประมาณ), named by the Buddhist-era year it ends in:
/// FY 2568 runs from 1 October 2024 to 30 September 2025.
///
/// It serialises as the bare year number; deserialising checks the range like [`FiscalYear::new`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(transparent)]
pub struct FiscalYear(u16);

impl FiscalYear {
    /// A fiscal year from its Buddhist-era number, accepted in 2400–2700.
    pub fn new(be: u16) -> Result<Self, ThaiDateError> {
        if (MIN_FISCAL_YEAR..=MAX_FISCAL_YEAR).contains(&be) {
            Ok(FiscalYear(be))
        } else {
            Err(ThaiDateError::FiscalYearOutOfRange(i64::from(be)))
        }
    }

    /// The Buddhist-era year number, e.g. 2568.
    pub fn be(self) -> u16 {
        self.0
    }

    /// The first day, 1 October of the previous Common Era year.
    pub fn start(self) -> Date {
        civil(be_to_ce(i32::from(self.0)) - 1, 10, 1)
    }

    /// The last day, 30 September of the Common Era year matching the name.
    pub fn end(self) -> Date {
        civil(be_to_ce(i32::from(self.0)), 9, 30)
    }

    /// The fiscal year containing `date`, or an error if it is outside BE 2400–2700.
    pub fn try_of(date: Date) -> Result<Self, ThaiDateError> {
        let be = fiscal_be_of(date);
        u16::try_from(be)
            .ok()
            .and_then(|be| FiscalYear::new(be).ok())
            .ok_or(ThaiDateError::DateOutOfRange(date, i64::from(be)))
    }

    /// The fiscal year containing `date`; dates before FY 2400 or after FY 2700 give the
    /// nearest supported year (use [`FiscalYear::try_of`] to detect that).
    pub fn of(date: Date) -> Self {
        let be = fiscal_be_of(date).clamp(i32::from(MIN_FISCAL_YEAR), i32::from(MAX_FISCAL_YEAR));
        FiscalYear(u16::try_from(be).unwrap_or(MIN_FISCAL_YEAR))
    }

    /// Whether `date` lies in this fiscal year (both ends included).
    pub fn contains(self, date: Date) -> bool {
        self.start() <= date && date <= self.end()
    }

    /// The fiscal year before this one, if it is still in range.
    pub fn previous(self) -> Option<Self> {
        FiscalYear::new(self.0.checked_sub(1)?).ok()
    }

    /// The fiscal year after this one, if it is still in range.
    pub fn next(self) -> Option<Self> {
        FiscalYear::new(self.0.checked_add(1)?).ok()
    }

    /// The year as Thai documents print it: "ปีงบประมาณ พ.ศ. ๒๕๖๘".
    pub fn label(self, digits: DigitStyle) -> String {
        apply_digits(&format!("ปีงบประมาณ พ.ศ. {}", self.0), digits)
    }
}

impl fmt::Display for FiscalYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl<'de> serde::Deserialize<'de> for FiscalYear {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Checked rather than derived, so every FiscalYear value has a representable start and end.
        FiscalYear::new(u16::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

/// The Buddhist-era fiscal year number of `date` (October onwards belongs to the next year).
fn fiscal_be_of(date: Date) -> i32 {
    let ce = i32::from(date.year());
    ce_to_be(if date.month() >= 10 { ce + 1 } else { ce })
}

/// A civil date from parts known to be valid. [`FiscalYear`] keeps its year within BE
/// 2400–2700, so the fallback (the earliest date jiff supports) is never reached; it is
/// there only so that no input can make this module panic.
fn civil(year: i32, month: i8, day: i8) -> Date {
    i16::try_from(year)
        .ok()
        .and_then(|y| Date::new(y, month, day).ok())
        .unwrap_or(Date::MIN)
}

/// Formats `date` the Thai way, day month Buddhist-era year: "๑ ตุลาคม ๒๕๖๘", or with
/// `abbreviated` "๑ ต.ค. ๒๕๖๘"; `digits` picks Thai or Arabic digits.
pub fn format_thai_date(date: Date, digits: DigitStyle, abbreviated: bool) -> String {
    let month = u8::try_from(date.month()).unwrap_or(0);
    let name = if abbreviated {
        month_abbr(month)
    } else {
        month_full(month)
    };
    let be = ce_to_be(i32::from(date.year()));
    apply_digits(
        &format!("{} {} {}", date.day(), name.unwrap_or_default(), be),
        digits,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn converts_eras() {
        for (be, ce) in [(2568, 2025), (2567, 2024), (2543, 2000), (543, 0)] {
            assert_eq!(be_to_ce(be), ce);
            assert_eq!(ce_to_be(ce), be);
        }
        // Extremes saturate instead of overflowing.
        assert_eq!(be_to_ce(i32::MIN), i32::MIN);
        assert_eq!(ce_to_be(i32::MAX), i32::MAX);
    }

    #[test]
    fn fiscal_year_bounds() {
        let fy = FiscalYear::new(2568).unwrap();
        assert_eq!(fy.be(), 2568);
        assert_eq!(fy.start(), date(2024, 10, 1));
        assert_eq!(fy.end(), date(2025, 9, 30));
        assert_eq!(fy.to_string(), "2568");
        assert_eq!(fy.label(DigitStyle::Thai), "ปีงบประมาณ พ.ศ. ๒๕๖๘");
        assert_eq!(fy.previous().map(FiscalYear::be), Some(2567));
        assert_eq!(fy.next().map(FiscalYear::be), Some(2569));
        assert_eq!(FiscalYear::new(2400).unwrap().previous(), None);
        assert_eq!(FiscalYear::new(2700).unwrap().next(), None);
        assert_eq!(FiscalYear::new(2400).unwrap().start(), date(1856, 10, 1));
        assert_eq!(FiscalYear::new(2700).unwrap().end(), date(2157, 9, 30));
    }

    #[test]
    fn fiscal_year_range_is_checked() {
        for ok in [2400, 2566, 2700] {
            assert!(FiscalYear::new(ok).is_ok(), "{ok}");
        }
        for bad in [0, 68, 2025, 2399, 2701, u16::MAX] {
            assert_eq!(
                FiscalYear::new(bad),
                Err(ThaiDateError::FiscalYearOutOfRange(i64::from(bad)))
            );
        }
    }

    #[test]
    fn fiscal_year_of_dates() {
        for (d, want) in [
            (date(2024, 9, 30), 2567),
            (date(2024, 10, 1), 2568),
            (date(2025, 1, 1), 2568),
            (date(2025, 9, 30), 2568),
            (date(2025, 10, 1), 2569),
            (date(2022, 10, 1), 2566),
            (date(2023, 9, 30), 2566),
        ] {
            let fy = FiscalYear::of(d);
            assert_eq!(fy.be(), want, "{d}");
            assert_eq!(FiscalYear::try_of(d), Ok(fy));
            assert!(fy.contains(d));
        }
        let fy = FiscalYear::new(2568).unwrap();
        assert!(!fy.contains(date(2024, 9, 30)));
        assert!(!fy.contains(date(2025, 10, 1)));
    }

    #[test]
    fn fiscal_year_of_far_dates_saturates() {
        assert_eq!(FiscalYear::of(Date::MIN).be(), MIN_FISCAL_YEAR);
        assert_eq!(FiscalYear::of(Date::MAX).be(), MAX_FISCAL_YEAR);
        assert!(FiscalYear::try_of(Date::MIN).is_err());
        assert!(FiscalYear::try_of(date(2158, 1, 1)).is_err());
    }

    #[test]
    fn fiscal_year_serde_is_a_checked_number() {
        let fy = FiscalYear::new(2568).unwrap();
        assert_eq!(serde_json::to_string(&fy).unwrap(), "2568");
        assert_eq!(serde_json::from_str::<FiscalYear>("2568").unwrap(), fy);
        assert!(serde_json::from_str::<FiscalYear>("65535").is_err());
        assert!(serde_json::from_str::<FiscalYear>("\"2568\"").is_err());
    }

    #[test]
    fn formats_thai_dates() {
        for (d, digits, abbreviated, want) in [
            (date(2025, 10, 1), DigitStyle::Thai, false, "๑ ตุลาคม ๒๕๖๘"),
            (date(2025, 10, 1), DigitStyle::Arabic, true, "1 ต.ค. 2568"),
            (date(2026, 9, 30), DigitStyle::Thai, true, "๓๐ ก.ย. ๒๕๖๙"),
            (
                date(2024, 2, 29),
                DigitStyle::Arabic,
                false,
                "29 กุมภาพันธ์ 2567",
            ),
            (
                date(2025, 12, 31),
                DigitStyle::Thai,
                false,
                "๓๑ ธันวาคม ๒๕๖๘",
            ),
        ] {
            assert_eq!(format_thai_date(d, digits, abbreviated), want);
        }
        // Extreme dates still format without panicking.
        assert_eq!(
            format_thai_date(Date::MIN, DigitStyle::Arabic, true),
            "1 ม.ค. -9456"
        );
    }
}
