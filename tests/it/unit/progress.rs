//! Unit tests of `hangup::progress` (were in src/progress.rs).

use hangup::progress::*;

fn ymd(y: i64, m: u32, d: u32) -> Day {
    Day(hangup::dates::days(y, m, d).expect("a real date"))
}

#[test]
fn days_round_trip() {
    for (y, m, d) in [(1970, 1, 1), (2000, 2, 29), (2024, 12, 31), (2026, 3, 1)] {
        let day = ymd(y, m, d);
        assert_eq!(day.ymd(), (y, m, d));
        assert_eq!(Day::parse(&day.to_string()), Some(day));
    }
    assert_eq!(ymd(1970, 1, 1), Day(0));
    assert_eq!(Day::parse("2025-02-29"), None);
    assert_eq!(Day::parse("nonsense"), None);
    assert_eq!(ymd(2026, 1, 31).plus(14).long(), "14 February 2026");
    assert_eq!(ymd(2026, 1, 3).compact(), "20260103");
}

/// Between midnight and 1 a.m. in British Summer Time it is already the
/// next day in Britain, though not yet in UTC.
#[test]
fn practise_again_at_half_past_midnight_bst_counts_from_that_day() {
    let london = jiff::tz::TimeZone::posix("GMT0BST,M3.5.0/1,M10.5.0").expect("rule");
    let now: jiff::Timestamp = "2026-06-30T23:30:00Z".parse().expect("instant");
    let local = london.to_datetime(now);
    assert_eq!((local.hour(), local.minute()), (0, 30), "00:30 BST");
    let today = Day::at(now, &london);
    assert_eq!(today, ymd(2026, 7, 1));
    assert_eq!(
        booster_line(today),
        "Practise this again in about two weeks, on or after 15 July 2026."
    );
}
