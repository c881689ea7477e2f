//! How alike two claims' words are: the share of their content words they have in common
//! (Jaccard), so that a claim logged twice from two outlets is noticed.

use std::collections::BTreeSet;

/// At or above this, `add` says the new claim looks like an open one. Tuned on the example
/// article: its fourteen distinct claims resemble one another at most 0.09; the same claims
/// reworded as another outlet would carry them score 0.42 to 0.70.
pub const THRESHOLD: f64 = 0.35;

/// Words that carry no claim of their own.
const STOP: &[&str] = &[
    "the",
    "and",
    "for",
    "from",
    "with",
    "are",
    "was",
    "were",
    "been",
    "has",
    "have",
    "had",
    "its",
    "this",
    "that",
    "these",
    "those",
    "not",
    "but",
    "than",
    "then",
    "there",
    "their",
    "they",
    "them",
    "his",
    "her",
    "our",
    "you",
    "your",
    "who",
    "whom",
    "which",
    "what",
    "when",
    "where",
    "why",
    "how",
    "all",
    "any",
    "some",
    "more",
    "most",
    "such",
    "into",
    "over",
    "under",
    "about",
    "after",
    "before",
    "between",
    "out",
    "off",
    "again",
    "once",
    "here",
    "very",
    "can",
    "will",
    "just",
    "should",
    "now",
    "also",
    "said",
    "says",
    "told",
    "according",
    "would",
    "could",
    "may",
    "might",
    "must",
    "did",
    "does",
    "she",
    "him",
];

/// The words of a claim that can carry its meaning: lower case, three letters or more.
pub fn content_words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() >= 3 && !STOP.contains(&w.as_str()))
        .collect()
}

/// Shared content words over all content words of the two, from 0 to 1.
pub fn resemblance(a: &str, b: &str) -> f64 {
    let (a, b) = (content_words(a), content_words(b));
    let union = a.union(&b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(&b).count() as f64 / union as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_claim_reworded_resembles_and_another_claim_does_not() {
        let logged = "The whole of Kirkuk has fallen into the hands of peshmerga. No Iraqi army remains in Kirkuk now.";
        let again = "Kirkuk has fallen to the peshmerga and no Iraqi army remains in the city.";
        let other = "On Thursday, Iraqi Kurds seized control of the northern oil city of Kirkuk.";
        assert!(resemblance(logged, again) >= THRESHOLD);
        assert!(resemblance(logged, other) < THRESHOLD);
        assert_eq!(resemblance("", "the and"), 0.0);
    }
}
