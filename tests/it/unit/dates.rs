//! Unit tests of `hangup::dates` (were in src/dates.rs).

use hangup::dates::*;
use jiff::Timestamp;
use jiff::tz::TimeZone;

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
