//! What every extract target checks of a run that returned.

use std::collections::HashSet;

use claimtrail::extract::Proposal;

/// The runs of letters and digits in `text`, in lower case: words, whatever punctuation
/// surrounds them.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Every word of every proposed claim is a word of the copy; punctuation may move.
pub fn words_come_from_the_copy(copy: &str, proposals: &[Proposal]) {
    let known: HashSet<String> = words(copy).collect();
    for proposal in proposals {
        for word in words(&proposal.text) {
            assert!(
                known.contains(&word),
                "{word:?} in the proposal {:?} is not in the copy",
                proposal.text
            );
        }
    }
}
