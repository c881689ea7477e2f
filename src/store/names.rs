//! How names are compared and written, on every backend.

/// Names are compared lowercased with runs of white space folded to one space.
pub fn name_key(name: &str) -> String {
    tidy(name).to_lowercase()
}

/// A name as stored: trimmed, inner white space folded.
pub fn tidy(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a name is a confidential claimant's placeholder (or a duplicate's, "... #N
/// (duplicate 2)"), as an export made without --reveal writes them.
pub fn is_placeholder(name: &str) -> bool {
    name_key(name)
        .strip_prefix("confidential source #")
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
}

/// The N of "confidential source #N".
pub fn placeholder_id(name: &str) -> Option<i64> {
    name_key(name)
        .strip_prefix("confidential source #")?
        .parse()
        .ok()
}
