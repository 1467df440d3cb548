//! Unit tests of `hangup::engine::house` (were in src/engine/house.rs).

use hangup::engine::house::*;

#[test]
fn finds_real_numbers_but_not_drama_or_amounts() {
    let found = |t: &str| -> Vec<String> {
        phone_numbers(t)
            .into_iter()
            .filter(|(_, _, d)| !allowed_number(d))
            .map(|(a, l, _)| t[a..a + l].to_string())
            .collect()
    };
    assert_eq!(found("Call 01632 960123 now."), Vec::<String>::new());
    assert_eq!(found("Ring 0300 123 2040."), Vec::<String>::new());
    assert_eq!(found("Ring 020 7123 4567 now."), vec!["020 7123 4567"]);
    assert_eq!(found("Text +44 7911 123456."), vec!["+44 7911 123456"]);
    assert_eq!(found("It cost £1,850 and 0 pence."), Vec::<String>::new());
    assert_eq!(found("Call 101 or 999, or 159."), Vec::<String>::new());
    // From a newcomer trial: the same real numbers written other ways.
    assert_eq!(found("Ring (020) 7123 4567."), vec!["(020) 7123 4567"]);
    assert_eq!(found("Text 07911-123-456 now."), vec!["07911-123-456"]);
    assert_eq!(found("Text 0044 7911 123456."), vec!["0044 7911 123456"]);
    assert_eq!(
        found("Ring +44 (0)20 7123 4567."),
        vec!["+44 (0)20 7123 4567"]
    );
    assert_eq!(found("Ring 020.7123.4567."), vec!["020.7123.4567"]);
    assert_eq!(found("(020)71234567"), vec!["(020)71234567"]);
    // Drama numbers written the same ways are still fine.
    assert_eq!(found("Ring (01632) 960 123."), Vec::<String>::new());
    assert_eq!(found("Ring 07700-900-123."), Vec::<String>::new());
    assert_eq!(found("Ring +44 7700 900123."), Vec::<String>::new());
    // Dates, times and prices are not numbers to dial.
    assert_eq!(
        found("On 01.02.2024 at 10.30, it was 0.5%."),
        Vec::<String>::new()
    );
    assert_eq!(found("Ref 0 - 1 - 2 (3)."), Vec::<String>::new());
}

#[test]
fn sentences_and_words() {
    let s = sentences("One two. Three four! Five");
    assert_eq!(s, vec![(0, "One two."), (8, " Three four!"), (20, " Five")]);
    assert_eq!(has_word("Please click here", "click"), Some(7));
    assert_eq!(has_word("clickable", "click"), None);
}
