//! Readable at every width: each command's table output pinned by snapshots at 60, 80 and
//! 120 columns, on a small ledger of invented claims at a fixed time; and, beyond what a
//! snapshot shows, checks that `list` fits the width and leaves the claim's text at least
//! half of it, and that prose is wrapped, never cut mid-word.

mod common;

use common::Ledger;
use unicode_width::UnicodeWidthStr;

const NOW: &str = "2031-03-04T12:00:00Z";
const WIDTHS: [u16; 3] = [60, 80, 120];

/// The claims' opening words, to find each claim's text in a table.
const OPENINGS: [&str; 5] = [
    "The Harbour Bridge",
    "Repairs will take",
    "Two inspectors",
    "The council knew",
    "Ferries will run",
];

/// Five invented claims about a closed bridge, logged across three days: long chains,
/// several attributions, a confidential source, a graded one, a note with evidence.
fn ledger() -> Ledger {
    let ledger = Ledger::new();
    ledger.ok_at(
        "2031-03-01T08:00:00Z",
        &[
            "add",
            "The Harbour Bridge will stay closed to all traffic until the end of the month after engineers found cracks in two of its supports.",
            "--by",
            "Marta Okonkwo-Lindqvist",
            "--role",
            "chief engineer",
            "--affiliation",
            "Port City Transport Authority",
            "--kind",
            "official",
            "--via",
            "Port City Radio",
            "--via",
            "Coastal News Agency",
            "--via",
            "The Evening Ledger",
            "--story",
            "harbour-bridge",
            "--quiet",
        ],
    );
    ledger.ok_at(
        "2031-03-02T09:30:00Z",
        &[
            "add",
            "Repairs will take at least six weeks and cost more than four million.",
            "--by",
            "Port City Transport Authority",
            "--kind",
            "organization",
            "--via",
            "Coastal News Agency",
            "--medium",
            "statement",
            "--story",
            "harbour-bridge",
            "--quiet",
        ],
    );
    ledger.ok_at(
        "2031-03-03T14:00:00Z",
        &[
            "add",
            "Two inspectors warned last year that the supports were corroding.",
            "--by",
            "Dev Raman",
            "--role",
            "inspector",
            "--affiliation",
            "Port City Council",
            "--confidential",
            "--via",
            "The Evening Ledger",
            "--story",
            "harbour-bridge",
            "--quiet",
        ],
    );
    ledger.ok_at(
        "2031-03-04T06:00:00Z",
        &[
            "add",
            "The council knew about the cracks in January.",
            "--by",
            "Opposition councillors",
            "--kind",
            "anonymous",
            "--story",
            "harbour-bridge",
            "--quiet",
        ],
    );
    ledger.ok_at(
        "2031-03-04T10:00:00Z",
        &[
            "add",
            "Ferries will run every twenty minutes while the bridge is shut.",
            "--by",
            "Harbour Ferries",
            "--kind",
            "organization",
            "--via",
            "Port City Radio",
            "--quiet",
        ],
    );
    ledger.ok_at(
        "2031-03-02T12:00:00Z",
        &[
            "cite",
            "1",
            "--by",
            "Port City Transport Authority",
            "--via",
            "Coastal News Agency",
            "--credibility",
            "2",
        ],
    );
    ledger.ok_at(
        "2031-03-02T13:00:00Z",
        &[
            "mark",
            "1",
            "corroborated",
            "--note",
            "the authority's own statement confirms the closure and the date",
            "--evidence",
            "https://example.org/harbour-bridge/statement",
        ],
    );
    ledger.ok_at(
        "2031-03-03T10:00:00Z",
        &[
            "mark",
            "2",
            "disputed",
            "--note",
            "an outside engineer says eight weeks at least",
        ],
    );
    ledger.ok_at("2031-03-04T11:00:00Z", &["mark", "5", "verified"]);
    ledger.ok_at(
        "2031-03-04T11:00:00Z",
        &[
            "sources",
            "edit",
            "Port City Transport Authority",
            "--reliability",
            "B",
        ],
    );
    ledger
}

/// Copy of our own, for `extract`.
const COPY: &str =
    "PORT CITY (Coastal News Agency) - The Harbour Bridge will stay closed until the \
end of the month, the city's transport authority said on Tuesday.

\"We will not reopen a bridge we cannot trust,\" said Marta Okonkwo-Lindqvist, the authority's \
chief engineer.

An official who asked not to be named said the repairs could cost twice the first estimate.
";

fn run(ledger: &Ledger, width: u16, args: &[&str]) -> String {
    let out = ledger
        .cmd()
        .env("CLAIMTRAIL_NOW", NOW)
        .env("COLUMNS", width.to_string())
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A claim's uid is random: shown as `[uid]`.
fn without_uids(text: &str) -> String {
    text.lines()
        .map(|line| {
            line.split(' ')
                .map(|word| {
                    let shape: Vec<usize> = word.split('-').map(str::len).collect();
                    let hex = word.chars().all(|c| c.is_ascii_hexdigit() || c == '-');
                    if hex && shape == [8, 4, 4, 4, 12] {
                        "[uid]"
                    } else {
                        word
                    }
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn widest(text: &str) -> usize {
    text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

#[test]
fn every_command_at_60_80_and_120_columns() {
    let ledger = ledger();
    let copy = ledger.dir.path().join("copy.txt");
    std::fs::write(&copy, COPY).unwrap();
    let copy = copy.display().to_string();
    let commands: [(&str, Vec<&str>); 8] = [
        ("list", vec!["list", "--all"]),
        ("show", vec!["show", "1"]),
        ("report", vec!["report"]),
        ("sources", vec!["sources"]),
        ("outlets", vec!["outlets"]),
        ("stories", vec!["stories"]),
        ("extract", vec!["extract", &copy]),
        ("history", vec!["show", "2"]),
    ];
    for width in WIDTHS {
        for (name, args) in &commands {
            let out = run(&ledger, width, args);
            assert!(
                widest(&out) <= usize::from(width),
                "{name} at {width} is {} wide:\n{out}",
                widest(&out)
            );
            insta::assert_snapshot!(format!("{name}_{width}"), without_uids(&out));
        }
    }
}

/// The claim's text keeps at least half the width: beside the facts, or on lines of its
/// own under them.
#[test]
fn the_claim_s_text_keeps_half_the_width() {
    let ledger = ledger();
    for width in [60, 80, 100, 120, 160] {
        let out = run(&ledger, width, &["list", "--all"]);
        assert!(widest(&out) <= usize::from(width), "{width}:\n{out}");
        for opening in OPENINGS {
            let line = out
                .lines()
                .find(|l| l.contains(opening))
                .unwrap_or_else(|| panic!("{opening:?} not whole on a line at {width}:\n{out}"));
            let start = line[..line.find(opening).unwrap()].width();
            assert!(
                usize::from(width) - start >= usize::from(width) / 2,
                "at {width} the text starts at column {start}:\n{out}"
            );
        }
    }
}

/// Prose is wrapped at spaces to the width: every word of the legend is whole.
#[test]
fn the_report_s_legend_is_wrapped_to_the_width_not_cut() {
    let ledger = ledger();
    // The legend is the last paragraph, after the tables.
    let legend = |out: &str| -> Vec<String> {
        let lines: Vec<&str> = out.lines().collect();
        let blank = lines.iter().rposition(|l| l.is_empty()).unwrap();
        lines[blank + 1..].iter().map(|l| l.to_string()).collect()
    };
    let words = |lines: &[String]| -> Vec<String> {
        lines
            .iter()
            .flat_map(|l| l.split_whitespace())
            .map(str::to_owned)
            .collect()
    };
    let wide = run(&ledger, 60, &["--wide", "report"]);
    let wide_words = words(&legend(&wide));
    assert!(wide_words.len() > 20, "{wide}");
    for width in [60, 80, 120] {
        let out = run(&ledger, width, &["report"]);
        let lines = legend(&out);
        assert!(lines.iter().all(|l| l.width() <= usize::from(width)));
        // A narrow table's shorter headings are explained first.
        assert!(words(&lines).ends_with(&wide_words), "at {width}:\n{out}");
    }
    // --wide: one line a paragraph.
    assert_eq!(
        wide.lines().filter(|l| l.starts_with("open:")).count(),
        1,
        "{wide}"
    );
}

/// Piped with no $COLUMNS, tables fit 80 columns; --wide lifts the limit.
#[test]
fn piped_output_fits_80_columns_unless_wide() {
    let ledger = ledger();
    let piped = ledger
        .cmd()
        .env("CLAIMTRAIL_NOW", NOW)
        .args(["list", "--all"])
        .output()
        .unwrap();
    let piped = String::from_utf8(piped.stdout).unwrap();
    assert_eq!(piped, run(&ledger, 80, &["list", "--all"]));
    let wide = run(&ledger, 60, &["--wide", "list", "--all"]);
    assert!(widest(&wide) > 120, "{wide}");
    // One line a claim, whole, to grep.
    for opening in OPENINGS {
        assert_eq!(
            wide.lines().filter(|l| l.contains(opening)).count(),
            1,
            "{wide}"
        );
    }
    assert!(wide.contains("Port City Radio → Coastal News Agency → The Evening Ledger"));
}
