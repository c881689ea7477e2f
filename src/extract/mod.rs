//! Reading attributed claims out of wire copy, the way an editor does: who said it, which
//! outlets passed it on, how, and with what doubt. Rules over sentences, quotations and
//! speech verbs; the words they look for are data in `lexicon`.

mod earlier;
#[rustfmt::skip]
mod lexicon;
mod masked;
mod outlets;
mod patterns;
mod reader;
mod rules;
mod speaker;
mod text;

use serde::Serialize;

use crate::model::ClaimantKind;

pub use outlets::KnownOutlet;
use outlets::Outlets;
use reader::Reader;
pub use rules::Rule;

/// What the copy is and what the ledger knows.
#[derive(Debug, Clone, Default)]
pub struct Setup {
    /// The outlet the copy comes from: the end of every chain.
    pub outlet: Option<String>,
    pub known_outlets: Vec<KnownOutlet>,
}

/// One attributed claim found in the copy, shaped like a claim in `show --format json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Proposal {
    pub text: String,
    pub attributions: Vec<ProposedAttribution>,
    /// The markers of doubt found in the passage or attached to its source.
    pub doubt: Vec<String>,
    /// True when the claimant is unnamed or vague.
    pub anonymous: bool,
    /// The rules that read it, by id.
    pub rules: Vec<Rule>,
    /// Where it was read, for `--explain`.
    #[serde(skip)]
    pub read: Reading,
}

/// The words of the copy a proposal was read from, part by part, and what the reader
/// brought from elsewhere in the copy.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Reading {
    /// The sentence, or the quotation standing alone.
    pub sentence: String,
    /// Who said it, as the sentence names them.
    pub claimant: Option<String>,
    /// The words that attribute it.
    pub cue: Option<String>,
    /// What was said, as the sentence has it.
    pub content: String,
    /// What else went into it: "claimant: \"he\" is the speaker before", ...
    pub steps: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProposedAttribution {
    pub claimant: String,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    /// person, organization or anonymous, as the ledger records claimants.
    pub kind: ClaimantKind,
    pub via: Vec<String>,
    pub medium: Option<String>,
}

/// The attributed claims in `copy`, in the order they appear.
pub fn extract(copy: &str, setup: &Setup) -> Vec<Proposal> {
    let paragraphs = text::paragraphs(copy);
    let mut outlet = setup.outlet.clone();
    if outlet.is_none()
        && let Some(first) = paragraphs
            .iter()
            .find_map(|p| text::strip_dateline(&p.text).1)
    {
        outlet = Some(first.to_owned());
    }
    let outlets = Outlets::new(&setup.known_outlets, outlet.as_deref());
    let copy_outlet = outlet.map(|o| outlets.canonical(&o));
    let mut reader = Reader::new(outlets, copy_outlet);
    for (n, paragraph) in paragraphs.iter().enumerate() {
        let (body, _) = text::strip_dateline(&paragraph.text);
        reader.paragraph(n, body, &paragraph.lines);
    }
    reader.finish()
}
