//! The closed vocabularies are spelled once, in Rust (`model.rs`); every list of them in SQL
//! (the CHECKs of both schemas and their migrations, the open-status predicates of indexes,
//! triggers and queries, the per-status columns) must say the same, on both backends.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use claimtrail::model::{ClaimantKind, Credibility, EditField, OutletKind, Reliability, Status};

fn files_under(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files_under(&path, ext, out);
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
}

/// Every file that holds SQL: both schemas, every migration, and the store's Rust.
fn sql_sources() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("schema.sql"), root.join("schema-postgres.sql")];
    files_under(&root.join("src/store"), "sql", &mut files);
    files_under(&root.join("src/store"), "rs", &mut files);
    files
        .into_iter()
        .map(|f| {
            let text = std::fs::read_to_string(&f).unwrap();
            (f, text)
        })
        .collect()
}

/// Each `column IN ('a', 'b')` with the table it sits in (the last CREATE TABLE before it)
/// and whether it is a CHECK.
struct InList {
    table: String,
    column: String,
    words: BTreeSet<String>,
    check: bool,
}

fn in_lists(text: &str) -> Vec<InList> {
    let mut found = Vec::new();
    for (at, _) in text.match_indices(" IN ('") {
        let before = &text[..at];
        let column: String = before
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '.')
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let column = column.rsplit('.').next().unwrap_or_default().to_owned();
        let rest = &text[at + " IN (".len()..];
        let list = &rest[..rest.find(')').expect("a closed list")];
        let words = list
            .split(',')
            .map(|w| w.trim().trim_matches('\'').to_owned())
            .collect();
        let table = before
            .rfind("CREATE TABLE ")
            .map(|t| {
                before[t + "CREATE TABLE ".len()..]
                    .split(|c: char| !c.is_alphanumeric() && c != '_')
                    .next()
                    .unwrap_or_default()
                    .to_owned()
            })
            .unwrap_or_default();
        let check = before.trim_end().ends_with(&format!("CHECK ({column}"));
        found.push(InList {
            table,
            column,
            words,
            check,
        });
    }
    found
}

fn set(words: &[&str]) -> BTreeSet<String> {
    words.iter().map(|w| w.to_string()).collect()
}

#[test]
fn every_vocabulary_in_sql_is_the_one_in_rust() {
    let open: Vec<&str> = Status::open().into_iter().map(Status::as_str).collect();
    let mut checked = 0;
    for (file, text) in sql_sources() {
        for list in in_lists(&text) {
            let expected = match (list.check, list.column.as_str(), list.table.as_str()) {
                (true, "status", _) => set(Status::WORDS),
                (false, "status", _) => set(&open),
                (true, "kind", "claimants") => set(ClaimantKind::WORDS),
                (true, "kind", "outlets") => set(OutletKind::WORDS),
                (true, "kind", "claim_sources" | "source_counts") => set(&["claimant", "outlet"]),
                (true, "field", _) => set(EditField::WORDS),
                (true, "grade", "reliability_grades") => set(Reliability::WORDS),
                _ => continue,
            };
            assert_eq!(
                list.words,
                expected,
                "{}: {} IN (...) in table {:?}",
                file.display(),
                list.column,
                list.table
            );
            checked += 1;
        }
    }
    // Both schemas' CHECKs and the open-status predicates: a parser that found nothing
    // would prove nothing.
    assert!(checked >= 18, "only {checked} lists found");
}

#[test]
fn every_status_named_alone_in_sql_is_a_status() {
    for (file, text) in sql_sources() {
        for (at, _) in text.match_indices("status = '") {
            let word = text[at + "status = '".len()..].split('\'').next().unwrap();
            if word.starts_with('{') {
                continue; // built from the enum by format!
            }
            assert!(
                Status::WORDS.contains(&word),
                "{}: {word:?}",
                file.display()
            );
        }
    }
}

#[test]
fn the_per_status_totals_have_a_column_for_each_status() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let totals =
        std::fs::read_to_string(root.join("src/store/sqlite/migrations/0007_source_totals.sql"))
            .unwrap();
    let table = &totals[totals.find("CREATE TABLE source_totals").unwrap()..];
    let table = &table[..table.find(");").unwrap()];
    let columns: BTreeSet<String> = table
        .split_whitespace()
        .filter_map(|w| w.strip_prefix("n_"))
        .map(|w| w.trim_end_matches(',').to_owned())
        .collect();
    assert_eq!(columns, set(Status::WORDS));
}

#[test]
fn every_credibility_range_in_sql_is_the_scale_in_rust() {
    let words: Vec<i64> = Credibility::WORDS
        .iter()
        .map(|w| w.parse().unwrap())
        .collect();
    let expected = format!(
        "grade BETWEEN {} AND {}",
        words.first().unwrap(),
        words.last().unwrap()
    );
    let mut found = 0;
    for (file, text) in sql_sources() {
        for (at, _) in text.match_indices("grade BETWEEN") {
            let range: String = text[at..].chars().take(expected.len()).collect();
            assert_eq!(range, expected, "{}", file.display());
            found += 1;
        }
    }
    assert!(found >= 2, "one range for each backend, found {found}");
    for (n, word) in words.iter().zip(Credibility::WORDS) {
        assert_eq!(Credibility::new(*n).unwrap().to_string(), *word);
    }
    assert!(Credibility::new(words[0] - 1).is_err());
    assert!(Credibility::new(words[words.len() - 1] + 1).is_err());
}
