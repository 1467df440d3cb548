//! The one place for dates (progress, kiosk counts, group records, handouts).
//!
//! A date is kept as a whole number of days since 1 January 1970 (an `i64`),
//! so records stay small and sums stay simple. The calendar itself is `jiff`'s:
//! "today" is the local date in the system time zone, so in Britain the day
//! turns at midnight GMT in winter and midnight BST in summer, never at
//! midnight UTC.

use std::time::SystemTime;

use jiff::civil::{Date, date};
use jiff::tz::TimeZone;
use jiff::{Span, Timestamp};

/// Day 0: 1 January 1970.
const EPOCH: Date = date(1970, 1, 1);

/// The date `days` after 1 January 1970, clamped to the years 9999 BC to
/// AD 9999 that the calendar covers.
fn to_date(days: i64) -> Date {
    Span::new()
        .try_days(days)
        .and_then(|span| EPOCH.checked_add(span))
        .unwrap_or(if days < 0 { Date::MIN } else { Date::MAX })
}

/// Days since 1 January 1970 for a date.
fn to_days(d: Date) -> i64 {
    d.since(EPOCH).map_or(0, |span| i64::from(span.get_days()))
}

/// Today in the system's time zone, as days since 1970-01-01.
pub fn today() -> i64 {
    day_at(Timestamp::now(), &TimeZone::system())
}

/// The local date at an instant in a time zone, as days since 1970-01-01.
/// 00:30 BST on 1 July is 23:30 UTC on 30 June; this gives 1 July.
pub fn day_at(now: Timestamp, tz: &TimeZone) -> i64 {
    to_days(tz.to_datetime(now).date())
}

/// The local date (system time zone) of a moment, as days since 1970-01-01.
/// A time the calendar cannot hold counts as 1 January 1970.
pub fn days_from_system_time(t: SystemTime) -> i64 {
    Timestamp::try_from(t).map_or(0, |ts| day_at(ts, &TimeZone::system()))
}

/// (year, month 1-12, day 1-31) for days since 1970-01-01.
pub fn civil(days: i64) -> (i64, u32, u32) {
    let d = to_date(days);
    (
        i64::from(d.year()),
        u32::from(d.month().unsigned_abs()),
        u32::from(d.day().unsigned_abs()),
    )
}

/// Days since 1970-01-01 for a date; `None` if the month or day is impossible
/// (31 April, 29 February outside a leap year) or the year is out of range.
pub fn days(y: i64, m: u32, d: u32) -> Option<i64> {
    let date = Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()?;
    Some(to_days(date))
}

/// Parse "YYYY-MM-DD" (spaces around it are ignored); nothing else.
pub fn parse_iso(s: &str) -> Option<i64> {
    let s = s.trim();
    let mut parts = s.splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || m.is_empty() || m.len() > 2 || d.is_empty() || d.len() > 2 {
        return None;
    }
    if ![y, m, d]
        .iter()
        .all(|p| p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    days(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// "2026-03-01".
pub fn iso(days: i64) -> String {
    to_date(days).strftime("%Y-%m-%d").to_string()
}

// "1 March 2026" in words is `crate::i18n::date_long`: the month's name is
// the language's, and this module stays below the wording.

#[cfg(test)]
mod tests {
    use super::*;

    /// Britain's rule, written out so the test needs no time-zone database.
    fn london() -> TimeZone {
        TimeZone::posix("GMT0BST,M3.5.0/1,M10.5.0").expect("a valid rule")
    }

    fn at(s: &str) -> Timestamp {
        s.parse().expect("a valid instant")
    }

    #[test]
    fn round_trips_and_known_dates() {
        assert_eq!(civil(0), (1970, 1, 1));
        assert_eq!(parse_iso("2026-02-14"), days(2026, 2, 14));
        assert_eq!(iso(days(2024, 2, 29).unwrap_or(0)), "2024-02-29");
        assert_eq!(days(2025, 2, 29), None);
        assert_eq!(days(2026, 4, 31), None);
        assert_eq!(days(2026, 13, 1), None);
        let d = parse_iso("2026-12-25").unwrap_or(0);
        assert_eq!(civil(d + 14), (2027, 1, 8));
        for n in (-1000..30_000).step_by(37) {
            let (y, m, dd) = civil(n);
            assert_eq!(days(y, m, dd), Some(n));
        }
    }

    #[test]
    fn parse_takes_only_a_plain_date() {
        assert_eq!(parse_iso(" 2026-03-01 "), days(2026, 3, 1));
        for bad in [
            "",
            "2026",
            "2026-03",
            "26-03-01",
            "2026-03-01T10:00",
            "2026-+3-01",
            "x",
        ] {
            assert_eq!(parse_iso(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn far_out_days_do_not_panic() {
        for n in [i64::MIN, -10_000_000, 10_000_000, i64::MAX] {
            let _ = (civil(n), iso(n));
        }
    }

    #[test]
    fn the_day_turns_at_local_midnight_in_summer_and_winter() {
        let tz = london();
        // 00:30 BST on 1 July is still 30 June in UTC: locally it is 1 July.
        assert_eq!(
            day_at(at("2026-06-30T23:30:00Z"), &tz),
            days(2026, 7, 1).unwrap_or(0)
        );
        assert_eq!(
            day_at(at("2026-06-30T22:59:00Z"), &tz),
            days(2026, 6, 30).unwrap_or(0)
        );
        // In winter the UK is on GMT: 23:30 UTC is 23:30 the same day.
        assert_eq!(
            day_at(at("2026-12-31T23:30:00Z"), &tz),
            days(2026, 12, 31).unwrap_or(0)
        );
        // Either side of the clocks changing (29 March and 25 October 2026).
        assert_eq!(
            day_at(at("2026-03-28T23:30:00Z"), &tz),
            days(2026, 3, 28).unwrap_or(0)
        );
        assert_eq!(
            day_at(at("2026-03-29T23:30:00Z"), &tz),
            days(2026, 3, 30).unwrap_or(0)
        );
        assert_eq!(
            day_at(at("2026-10-24T23:30:00Z"), &tz),
            days(2026, 10, 25).unwrap_or(0)
        );
        assert_eq!(
            day_at(at("2026-10-25T23:30:00Z"), &tz),
            days(2026, 10, 25).unwrap_or(0)
        );
    }
}
