//! Unit tests of `hangup::spreadsheet` (were in src/spreadsheet.rs).

use hangup::spreadsheet::*;

#[test]
fn formula_cells_are_made_safe_and_read_back() {
    for s in ["=1+1", "+44", "-2", "@SUM(A1)", "\tx", "=HYPERLINK(\"x\")"] {
        let safe = safe_cell(s);
        assert!(safe.starts_with('\''), "{s}");
        assert_eq!(plain_cell(&safe), s);
    }
    for s in ["police-courier", "2026-03-01", "", "'quoted", "12"] {
        assert_eq!(safe_cell(s), s);
        assert_eq!(plain_cell(s), s);
    }
}

#[test]
fn quoted_commas_quotes_and_line_breaks_round_trip() {
    let mut out = Vec::new();
    {
        let mut w = writer(&mut out);
        w.write_record(["a,b", "say \"hi\"", "two\nlines", "=1"])
            .expect("write");
        w.write_record(["x", "y"]).expect("write");
        w.flush().expect("flush");
    }
    let text = String::from_utf8(out.clone()).expect("utf-8");
    assert_eq!(text, "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",=1\nx,y\n");
    let rows: Vec<Vec<String>> = reader(&out)
        .records()
        .map(|r| r.expect("row").iter().map(str::to_string).collect())
        .collect();
    assert_eq!(rows[0], ["a,b", "say \"hi\"", "two\nlines", "=1"]);
    assert_eq!(rows[1], ["x", "y"]);
}

#[test]
fn a_byte_order_mark_is_not_part_of_the_first_cell() {
    let rows: Vec<csv::StringRecord> = reader("\u{feff}date,n\r\n1,2".as_bytes())
        .records()
        .filter_map(Result::ok)
        .collect();
    assert_eq!(&rows[0][0], "date");
    assert_eq!(&rows[1][1], "2");
}
