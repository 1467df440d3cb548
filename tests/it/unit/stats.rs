//! Unit tests of `hangup::stats` (were in src/stats.rs).

use hangup::engine::Outcome;
use hangup::engine::quick_check::{Score, Stage};
use hangup::stats::*;

#[test]
fn dates() {
    assert_eq!(date_of_day(0), "1970-01-01");
    assert_eq!(date_of_day(11_016), "2000-02-29");
    assert_eq!(date_of_day(20_454), "2026-01-01");
    assert_eq!(date_of_day(-1), "1969-12-31");
}

#[test]
fn rows_table_and_csv() {
    let mut c = Counters::default();
    c.visit_started("2026-05-01");
    c.visit_started("2026-05-01");
    c.call_finished("2026-05-01", "police-courier", Outcome::Safe);
    c.idle_reset("2026-05-02");
    let rows = c.rows();
    assert_eq!(rows.len(), 7);
    let mut csv = Vec::new();
    write_csv(&rows, &mut csv).expect("write");
    let csv = String::from_utf8(csv).expect("utf8");
    assert!(csv.starts_with("date,source,measure,scenario,count\n"));
    assert!(csv.contains("2026-05-01,kiosk,visits,,2\n"));
    assert!(csv.contains("2026-05-01,kiosk,finished-safe,police-courier,1\n"));
    assert!(csv.contains("2026-05-02,kiosk,idle-resets,,1\n"));
    let mut table = Vec::new();
    write_table(&rows, &mut table).expect("write");
    let table = String::from_utf8(table).expect("utf8");
    assert!(table.contains("Visits started"));
    assert!(table.lines().all(|l| !l.ends_with(' ')));
}

#[test]
fn damage_while_running_is_told_in_plain_words_and_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(Some(dir.path()));
    assert!(store.warnings.is_empty(), "{:?}", store.warnings);
    std::fs::write(dir.path().join(FILE_NAME), "kiosk = [[[").expect("damage");
    store.record(|c, day| c.visit_started(day));
    assert_eq!(store.warnings.len(), 1, "{:?}", store.warnings);
    let w = &store.warnings[0];
    assert!(w.starts_with("hangup: the counts file "), "{w}");
    assert!(w.contains("counters.toml is damaged ("), "{w}");
    assert!(
        w.contains(&format!("kept as {}", dir.path().display())),
        "{w}"
    );
    let e = load(&dir.path().join("none-here")).map(|c| c.rows().len());
    assert_eq!(e.ok(), Some(0), "a missing file is no counts");
}

#[test]
fn quick_checks_are_counted_as_scores_only() {
    let mut c = Counters::default();
    let s = |right| Score {
        right,
        asked: 6,
        ..Score::default()
    };
    c.check_finished("2026-05-01", Stage::Before, s(3));
    c.check_finished("2026-05-01", Stage::Before, s(4));
    c.check_finished("2026-05-02", Stage::After, s(6));
    let text = toml::to_string(&c).expect("toml");
    let back: Counters = toml::from_str(&text).expect("reads back");
    assert_eq!(back, c);
    let (before, after) = c.check_totals();
    assert_eq!((before.taken, before.right, before.asked), (2, 7, 12));
    assert_eq!(
        after.words().as_deref(),
        Some("1 person, 100% of answers right")
    );
    let lines = check_summary(&c).expect("a summary");
    assert_eq!(lines[1], "Before practice: 2 people, 58% of answers right.");
    let mut csv = Vec::new();
    write_csv(&c.rows(), &mut csv).expect("write");
    let csv = String::from_utf8(csv).expect("utf8");
    assert!(
        csv.contains("2026-05-01,kiosk,check-before-right,,7\n"),
        "{csv}"
    );
    assert!(
        csv.contains("2026-05-02,kiosk,check-after-taken,,1\n"),
        "{csv}"
    );
    // A day without checks writes no check lines.
    assert!(
        !toml::to_string(&Counters::default())
            .expect("toml")
            .contains("check")
    );
}

#[test]
fn not_sure_answers_are_counted_and_shown_apart() {
    let mut c = Counters::default();
    let s = |right, unsure| Score {
        right,
        asked: 6,
        unsure,
    };
    c.check_finished("2026-05-01", Stage::Before, s(4, 2));
    c.check_finished("2026-05-01", Stage::Before, s(5, 1));
    c.check_finished("2026-05-02", Stage::After, s(6, 0));
    let text = toml::to_string(&c).expect("toml");
    let back: Counters = toml::from_str(&text).expect("reads back");
    assert_eq!(back, c);
    let (before, after) = c.check_totals();
    assert_eq!((before.right, before.unsure), (9, 3));
    assert_eq!(after.unsure, 0);
    // 9 right or careful of 12: 6 named the call right, 3 said "not sure".
    assert_eq!(before.named_right(), 6);
    assert_eq!(
        before.words().as_deref(),
        Some(
            "2 people, 50% of answers right, 3 answers \"Not sure: I would check first\" (always safe)"
        )
    );
    assert_eq!(
        after.words().as_deref(),
        Some("1 person, 100% of answers right")
    );
    let mut csv = Vec::new();
    write_csv(&c.rows(), &mut csv).expect("write");
    let csv = String::from_utf8(csv).expect("utf8");
    assert!(
        csv.contains("2026-05-01,kiosk,check-before-unsure,,3\n"),
        "{csv}"
    );
    assert!(
        csv.contains("2026-05-02,kiosk,check-after-unsure,,0\n"),
        "{csv}"
    );
    let mut table = Vec::new();
    write_table(&c.rows(), &mut table).expect("write");
    let table = String::from_utf8(table).expect("utf8");
    assert!(
        table.contains("Quick check before practice: 'Not sure: I would check first'"),
        "{table}"
    );
    // Counts written before "not sure" was counted still read (as 0).
    let old: Counters =
        toml::from_str("[kiosk.2026-01-01.check-before]\ntaken = 1\nright = 3\nasked = 6\n")
            .expect("old counts read");
    assert_eq!(old.check_totals().0.unsure, 0);
}

#[test]
fn csv_fields_are_quoted_when_needed_and_formula_safe() {
    let rows = [Row {
        date: "2026-05-01".into(),
        source: "kiosk",
        measure: "finished-safe",
        scenario: "=cmd,\"x\"".into(),
        count: 3,
    }];
    let mut csv = Vec::new();
    write_csv(&rows, &mut csv).expect("write");
    assert_eq!(
        String::from_utf8(csv).expect("utf8"),
        "date,source,measure,scenario,count\n2026-05-01,kiosk,finished-safe,\"'=cmd,\"\"x\"\"\",3\n"
    );
}

/// `hangup stats` said a kiosk "Not sure: I would check first" answer was
/// "counted as right", after the group's room result and `hangup progress`
/// had stopped counting it so. Now the table's summary, `--csv` and the
/// report count only the answers that named the call right, and say the
/// careful ones apart, as safe (never as wrong). The counts file is read as
/// older versions wrote it (`right` with the careful answers in it, and
/// `unsure` apart): nothing stored changes, the numbers are worked out when
/// they are shown. The same for the group records' summary.
#[test]
fn stats_count_not_sure_apart_and_never_as_right() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Written by an older version: 2 people, 9 of 12 right or careful, 3
    // of them "not sure". So 6 of 12 named the call right: 50%.
    std::fs::write(
        dir.path().join(FILE_NAME),
        "[kiosk.2026-05-01]\nvisits = 2\n\n[kiosk.2026-05-01.check-before]\n\
         taken = 2\nright = 9\nasked = 12\nunsure = 3\n",
    )
    .expect("counts");
    // A group record as the file always had it: 8 of 10 hands right or
    // careful, 2 of them not sure. So 6 of 10 named the call right: 60%.
    std::fs::write(
        dir.path().join(hangup::group::record::FILE_NAME),
        format!(
            "{}\n2026-05-01,50,police-courier,10,,8,10,,,2,,\n",
            hangup::group::record::HEADER
        ),
    )
    .expect("records");
    let mut table = Vec::new();
    print(Some(dir.path()), false, &mut table).expect("table");
    let table = String::from_utf8(table).expect("utf8");
    assert!(
        table.contains(
            "Before practice: 2 people, 50% of answers right, \
             3 answers \"Not sure: I would check first\" (always safe)."
        ),
        "{table}"
    );
    assert!(
        table.contains(
            "Group quick check: before practice 10 hands, 60% right, \
             2 of them not sure: I would check first (always safe);"
        ),
        "{table}"
    );
    let mut csv = Vec::new();
    print(Some(dir.path()), true, &mut csv).expect("csv");
    let csv = String::from_utf8(csv).expect("utf8");
    assert!(
        csv.contains("2026-05-01,kiosk,check-before-right,,6\n"),
        "{csv}"
    );
    assert!(
        csv.contains("2026-05-01,kiosk,check-before-unsure,,3\n"),
        "{csv}"
    );
    let file = dir.path().join("report.html");
    hangup::report::write(Some(dir.path()), None, &file).expect("report");
    let page = std::fs::read_to_string(&file).expect("page");
    // The chart's bars: the kiosk's 50% and the group's 60%, not 75% and 80%.
    for bar in ["50%", "60%"] {
        assert!(
            page.contains(&format!(">\n{bar}\n</text>")),
            "{bar}: {page}"
        );
    }
    for bar in ["75%", "80%"] {
        assert!(
            !page.contains(&format!(">\n{bar}\n</text>")),
            "{bar}: {page}"
        );
    }
    assert!(
        page.contains("At the kiosk, 3 answers before practice and 0 after"),
        "{page}"
    );
    for said in [table.as_str(), csv.as_str(), page.as_str()] {
        assert!(!said.contains(", counted as right"), "{said}");
        assert!(!said.contains("counts as right:"), "{said}");
        assert!(!said.contains("wrong"), "{said}");
    }
    // The files are as they were: nothing is written back.
    let counts = load(&dir.path().join(FILE_NAME)).expect("counts load");
    assert_eq!(counts.check_totals().0.right, 9);
}
