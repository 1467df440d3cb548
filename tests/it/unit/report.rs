//! Unit tests of `hangup::report` (were in src/report.rs).

use hangup::dates;
use hangup::engine::Library;
use hangup::group::record::Record;
use hangup::report::*;
use hangup::stats::Counters;

#[test]
fn weeks_start_on_monday() {
    // 2026-11-30 is a Monday.
    let monday_30 = dates::parse_iso("2026-11-30").expect("date");
    assert_eq!(monday(monday_30), monday_30);
    assert_eq!(monday(monday_30 + 6), monday_30);
    assert_eq!(monday(monday_30 - 1), monday_30 - 7);
}

#[test]
fn nice_tops() {
    for n in [
        0,
        1,
        4,
        9,
        10,
        11,
        37,
        99,
        100,
        101,
        1234,
        99_999,
        u64::MAX / 4,
    ] {
        let t = nice_top(n);
        assert!(t > n, "{n} -> {t}");
        assert!(t <= n.max(4) * 2 + 10, "{n} -> {t}");
    }
}

/// A month of records: a kiosk open six days a week from Monday
/// 2 November 2026 for four weeks and two days, and a group session
/// every Wednesday.
fn month() -> (Counters, Vec<Record>) {
    use hangup::engine::Outcome;
    use hangup::engine::quick_check::{Score, Stage};
    use hangup::group::Tally;
    use hangup::group::record::Hands;
    let start = dates::parse_iso("2026-11-02").expect("date");
    let mut c = Counters::default();
    let mut groups = Vec::new();
    for i in 0..30 {
        let day = start + i;
        if (day + 3).rem_euclid(7) == 6 {
            continue; // closed on Sundays
        }
        let date = dates::iso(day);
        for v in 0..(3 + i % 5) {
            c.visit_started(&date);
            if v % 2 == 0 {
                c.call_finished(&date, "police-courier", Outcome::Safe);
            }
            if v % 3 == 0 {
                c.call_finished(&date, "hmrc-tax", Outcome::Defrauded);
            }
        }
        c.check_finished(
            &date,
            Stage::Before,
            Score {
                right: 3,
                asked: 6,
                unsure: 1,
            },
        );
        if i % 2 == 0 {
            c.check_finished(
                &date,
                Stage::After,
                Score {
                    right: 5,
                    asked: 6,
                    unsure: 0,
                },
            );
        }
        if (day + 3).rem_euclid(7) == 2 {
            groups.push(Record {
                date,
                duration_minutes: 50,
                scenarios: vec!["police-courier".into()],
                attendees: 12,
                tallies: vec![Tally {
                    scenario: "police-courier".into(),
                    step: "intro".into(),
                    // safer, risky (fake authority), neutral
                    counts: vec![Some(7), Some(4), None],
                    labels: Vec::new(),
                }],
                check_before: Some(Hands {
                    named_right: 40,
                    hands: 72,
                    unsure: 0,
                }),
                check_after: Some(Hands {
                    named_right: 60,
                    hands: 72,
                    unsure: 0,
                }),
                marks: Default::default(),
            });
        }
    }
    (c, groups)
}

/// How plotters writes a text in SVG.
fn svg_text(s: &str) -> String {
    format!(">\n{s}\n</text>")
}

#[test]
fn a_generated_month() {
    let (c, groups) = month();
    let library = Library::builtin();
    let r = gather(&c, &groups, &library);
    assert_eq!(r.per, "week");
    let labels: Vec<&str> = r.periods.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(labels, ["2 Nov", "9 Nov", "16 Nov", "23 Nov", "30 Nov"]);
    let visits: u64 = r.periods.iter().map(|p| p.visits).sum();
    assert_eq!(visits, r.visits);
    assert_eq!(r.sessions, 4);
    assert_eq!(r.people, 48);
    assert_eq!(r.periods.iter().map(|p| p.sessions).sum::<u64>(), 4);
    assert_eq!(r.kiosk_before.taken, 26);
    assert_eq!(r.group_after.named_right, 240);
    // Only the risky answer's trick, with its catalogue name.
    assert_eq!(r.tricks, [("Fake authority".to_string(), 16)]);
    assert_eq!(r.hands_counted, 44);

    let page = html(&r, dates::parse_iso("2026-12-01").expect("date"));
    assert_eq!(page.matches("<svg").count(), 4, "four charts");
    assert_eq!(page.matches("</svg>").count(), 4);
    assert!(page.contains("The two sets are different calls."));
    assert!(
        page.contains("From 2 November 2026 to 1 December 2026"),
        "{page}"
    );
    assert!(page.contains("role=\"img\""));
    assert!(!page.contains("<?xml"), "no XML prolog inside HTML");
    // Each week's label and the numbers above the bars are in the charts.
    for p in &r.periods {
        assert!(page.contains(&svg_text(&p.label)), "{}", p.label);
        assert!(page.contains(&svg_text(&p.visits.to_string())));
    }
    assert!(page.contains(&svg_text("16 hands")));
    assert!(page.contains("size: A4"));
    assert!(!page.contains("Nothing counted yet"));
}

#[test]
fn many_months_are_counted_by_month() {
    let mut c = Counters::default();
    let start = dates::parse_iso("2024-01-15").expect("date");
    for i in 0..(365 * 2) {
        c.visit_started(&dates::iso(start + i));
    }
    let r = gather(&c, &[], &Library::builtin());
    assert_eq!(r.per, "month");
    assert_eq!(r.periods.len(), MAX_MONTHS);
    assert_eq!(r.periods_left_out, 25 - MAX_MONTHS);
    assert_eq!(r.periods[0].label, "Aug 24");
    assert!(html(&r, start + 800).contains("are left out to fit the page"));
}

#[test]
fn empty_folder_says_nothing_counted_yet() {
    let r = gather(&Counters::default(), &[], &Library::builtin());
    assert!(r.is_empty());
    let page = html(&r, 0);
    assert!(page.contains("Nothing counted yet."));
    assert!(!page.contains("<svg"));
}

#[test]
fn damaged_numbers_and_dates_do_not_break_the_page() {
    let mut c = Counters::default();
    c.kiosk_day("2026-11-02").visits = u64::MAX;
    c.kiosk_day("not a date <b>").visits = 3;
    let r = gather(&c, &[], &Library::builtin());
    assert_eq!(r.unreadable_dates, 1);
    let page = html(&r, 0);
    assert!(page.contains(TOO_BIG));
    assert!(page.contains("1 record with a date that could not be read was left out"));
    assert!(!page.contains("not a date"));
}

#[test]
fn names_in_charts_are_escaped() {
    let svg = rank_chart(&[("<script>&\u{1b}[2J".into(), 3)], ("hand", "hands")).expect("chart");
    assert!(svg.contains("&lt;script&gt;&amp;"), "{svg}");
    assert!(!svg.contains('\u{1b}'));
    assert!(!svg.contains("<script"));
}

#[test]
fn escape_html() {
    // The escape is shown, not dropped (see `hangup::sanitize`).
    assert_eq!(
        escape("<b>&\"'\u{1b}[2J"),
        "&lt;b&gt;&amp;&quot;&#39;&lt;U+001B&gt;[2J"
    );
}

/// The trial: the report said "1 group sessions" and "1 hands". One of
/// anything is said in the singular.
#[test]
fn one_of_anything_is_singular() {
    let mut c = Counters::default();
    c.kiosk_day("2026-11-02").visits = 1;
    let mut r = gather(&c, &[], &Library::builtin());
    r.finished = 1;
    r.sessions = 1;
    r.group_minutes = 1;
    r.people = 1;
    r.hands_counted = 1;
    let page = html(&r, 0);
    for bad in [
        "<b>1</b>kiosk visits",
        "<b>1</b>practice calls",
        "<b>1</b>group sessions",
        "1 minutes",
        "<b>1</b>people",
        "1 hands",
    ] {
        assert!(!page.contains(bad), "{bad}");
    }
    for good in [
        "<b>1</b>kiosk visit<",
        "<b>1</b>group session, 1 minute<",
        "<b>1</b>person at group sessions",
        "Out of 1 hand counted.",
    ] {
        assert!(page.contains(good), "{good}");
    }
}
