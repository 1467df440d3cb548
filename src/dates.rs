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
