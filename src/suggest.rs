//! "Did you mean": the closest of some known words to one that was not recognised.

/// The candidate nearest to `word` by edit distance, ignoring case, when it is near enough
/// to be a slip (a third of the word's length, at least one edit); `None` otherwise.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word = word.trim().to_lowercase();
    let allowed = (word.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| (distance(&word, &c.to_lowercase()), c))
        .filter(|(d, _)| *d <= allowed)
        .min_by_key(|(d, c)| (*d, c.len()))
        .map(|(_, c)| c)
}

/// Levenshtein distance over characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(ca != *cb);
            current.push(substitute.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slips_find_their_word_and_strangers_find_none() {
        let statuses = ["unverified", "corroborated", "verified", "disputed"];
        assert_eq!(closest("verfied", statuses), Some("verified"));
        assert_eq!(closest("Disputd", statuses), Some("disputed"));
        assert_eq!(closest("banana", statuses), None);
        assert_eq!(
            closest("iraq2014", ["iraq-2014", "syria-2014"]),
            Some("iraq-2014")
        );
        assert_eq!(distance("kitten", "sitting"), 3);
    }
}
