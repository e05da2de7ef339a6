//! Timestamps and dates as stored: RFC 3339 UTC text with microseconds, ISO `YYYY-MM-DD` dates.

use jiff::Timestamp;
use jiff::civil::Date;

use crate::DbError;
use crate::error::corrupt;

/// The current instant, truncated to microseconds so that what is returned equals what is stored.
pub(crate) fn now() -> Timestamp {
    let now = Timestamp::now();
    Timestamp::from_microsecond(now.as_microsecond()).unwrap_or(now)
}

/// Fixed-width RFC 3339 UTC text (`2025-01-31T08:15:00.123456Z`), so text order is time order.
pub(crate) fn ts_text(ts: Timestamp) -> String {
    format!("{ts:.6}")
}

/// Reads back a stored timestamp.
pub(crate) fn parse_ts(text: &str) -> Result<Timestamp, DbError> {
    text.parse().map_err(|_| corrupt("timestamp", text))
}

/// Reads back an optional stored timestamp.
pub(crate) fn parse_opt_ts(text: Option<String>) -> Result<Option<Timestamp>, DbError> {
    text.as_deref().map(parse_ts).transpose()
}

/// ISO `YYYY-MM-DD` text of a date.
pub(crate) fn date_text(date: Date) -> String {
    date.to_string()
}

/// Optional date to optional text.
pub(crate) fn opt_date_text(date: Option<Date>) -> Option<String> {
    date.map(date_text)
}

/// Reads back an optional stored date.
pub(crate) fn parse_opt_date(text: Option<String>) -> Result<Option<Date>, DbError> {
    text.as_deref()
        .map(|t| t.parse().map_err(|_| corrupt("date", t)))
        .transpose()
}

/// Reads back a stored date.
pub(crate) fn parse_date(text: &str) -> Result<Date, DbError> {
    text.parse().map_err(|_| corrupt("date", text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_fixed_width_utc() {
        let ts: Timestamp = "2025-01-31T08:15:00Z".parse().unwrap();
        assert_eq!(ts_text(ts), "2025-01-31T08:15:00.000000Z");
        let n = now();
        assert_eq!(parse_ts(&ts_text(n)).unwrap(), n);
        assert_eq!(ts_text(n).len(), 27);
    }
}
