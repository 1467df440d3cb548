//! The one place for dates (progress, kiosk counts, group records, handouts).
//! Calendar sums without a date library: days since 1970-01-01 to and from
//! year, month and day (Howard Hinnant's civil-date algorithms). Dates are UTC.

use std::time::{SystemTime, UNIX_EPOCH};

/// Today, as days since 1970-01-01.
pub fn today() -> i64 {
    days_from_system_time(SystemTime::now())
}

pub fn days_from_system_time(t: SystemTime) -> i64 {
    t.duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs() / 86_400).unwrap_or(0))
}

/// (year, month 1-12, day 1-31) for days since 1970-01-01.
pub fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// Days since 1970-01-01 for a date; `None` if the month or day is impossible.
pub fn days(y: i64, m: u32, d: u32) -> Option<i64> {
    if !(1..=12).contains(&m) || d == 0 || d > 31 {
        return None;
    }
    let y2 = if m <= 2 { y - 1 } else { y };
    let era = y2.div_euclid(400);
    let yoe = y2.rem_euclid(400);
    let mp = i64::from(if m > 2 { m - 3 } else { m + 9 });
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let n = era * 146_097 + doe - 719_468;
    // Reject 31 April and the like: the round trip must agree.
    (civil(n) == (y, m, d)).then_some(n)
}

/// Parse "YYYY-MM-DD".
pub fn parse_iso(s: &str) -> Option<i64> {
    let mut parts = s.trim().splitn(3, '-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let d = parts.next()?.parse().ok()?;
    days(y, m, d)
}

/// "2026-03-01".
pub fn iso(days: i64) -> String {
    let (y, m, d) = civil(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// "1 March 2026", the way a letter writes it, in the current language
/// ("1 Mawrth 2026" in Welsh; see `crate::i18n`).
pub fn long(days: i64) -> String {
    crate::i18n::date_long(days)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_known_dates() {
        assert_eq!(civil(0), (1970, 1, 1));
        assert_eq!(parse_iso("2026-02-14"), days(2026, 2, 14));
        assert_eq!(iso(days(2024, 2, 29).unwrap_or(0)), "2024-02-29");
        assert_eq!(days(2025, 2, 29), None);
        assert_eq!(days(2026, 4, 31), None);
        let d = parse_iso("2026-12-25").unwrap_or(0);
        assert_eq!(long(d + 14), "8 January 2027");
        for n in (-1000..30_000).step_by(37) {
            let (y, m, dd) = civil(n);
            assert_eq!(days(y, m, dd), Some(n));
        }
    }
}
