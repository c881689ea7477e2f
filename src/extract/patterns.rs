//! The shapes attribution takes in a sentence, found over its words with the quotations
//! set aside: `"Q," X said.`, `X said (that) C`, `C, X said.`, `C, said X, a ...`,
//! `According to X, C`, `C, according to X`, `X, which said C`, `O quoted X as saying C`,
//! `O reported, citing X, that C`.

use super::lexicon::{
    ACT_VERB_PARTICLES, ACT_VERBS, ANONYMOUS_HEADS, APPOSITIVE_OPENERS, ARTICLES,
    ATTRIBUTION_OPENERS, ATTRIBUTIVE_LEAD_WORDS, AUXILIARIES, CLAIM_SUBJECT_PRONOUNS,
    CLAUSE_OPENERS, DAYS, DOCUMENT_SOURCE_ENDS, DOCUMENT_SUBJECT_ENDS, DOCUMENT_VERBS,
    FINITE_WORDS, INDEFINITE_ARTICLES, INVERTING_VERBS, LEADS, MEDIA_OBJECTS, MEDIUM_AUTHORING,
    MEDIUM_SOURCE_CUES, MEDIUM_SOURCE_ENDS, MODALS, NAME_JOINERS, NOBODY, NOT_CLAIM_GOING_ON,
    NOUN_DETERMINERS, NOUN_FOLLOWERS, OWNER_PREPOSITIONS, PASSIVE_AUXILIARIES, PERSON_PRONOUNS,
    QUANTITY_WORDS, RELATIVE_PRONOUNS, SAY_VERBS, SOURCE_DOCUMENTS, SPEECH_PARTICIPLES,
    SUBJECT_PREPOSITIONS, SUBORDINATORS, TELL_VERBS, TIME_WORDS, TITLE_WORDS, TOLD_OBJECT_ENDS,
};
use super::lexicon::{
    BE_FORMS, CITED_BY, CLAIM_NOUNS, COORDINATORS, NAMING_AS_VERBS, NAMING_VERBS, ONLY_VERBS,
    OPENING_CONJUNCTIONS, OWNER_PRONOUN_SUBJECTS, OWNER_PRONOUNS, PROGRESSIVE_SPEECH,
    QUANTITY_VERBS, QUOTE_VERBS, THING_PRONOUNS, TOLD_AUDIENCES,
};
use super::masked::{CLOSE, Masked, OPEN};
use super::outlets::Outlets;
use super::rules::Rule;
use super::speaker::without_participles;
use super::text::{self, capitalised, key, tidy};

/// An attribution found in a sentence; every text is still masked.
#[derive(Debug, Clone, Default)]
pub struct Found {
    pub claim: String,
    /// Who said it, as written; `None` when an outlet is the source.
    pub speaker: Option<String>,
    /// The words of the attribution, where outlets and media are looked for.
    pub attribution: String,
    /// An outlet that reported the claim ("Reuters reported", "according to AP").
    pub reporter: Option<String>,
    /// Whom the speaker told ("told the news agency").
    pub told: Option<String>,
    pub outlet_is_source: bool,
    /// The speaker was read from a medium ("according to a video posted by the group").
    pub medium_source: bool,
    /// The claim opens the sentence and the attribution follows it.
    pub claim_first: bool,
    /// The source is a document with no author named ("according to court documents").
    pub document: bool,
    /// The rules that read it, the outermost last.
    pub rules: Vec<Rule>,
    /// The words that attribute it: "said", "according to", "reported".
    pub cue: Option<String>,
}

impl Found {
    /// Found by `rule` too, through `cue` unless an inner rule named one.
    fn by(mut self, rule: Rule, cue: &str) -> Found {
        if !self.rules.contains(&rule) {
            self.rules.push(rule);
        }
        if self.cue.is_none() {
            self.cue = Some(cue.trim_matches(|c: char| !c.is_alphanumeric()).to_owned());
        }
        self
    }
}

/// The attribution in a sentence, if it has one.
pub fn find(masked: &Masked, outlets: &Outlets, last_outlet: Option<&str>) -> Option<Found> {
    let (lead, body) = split_lead(&masked.text);
    let shapes = |body: &str| {
        according_first(body, outlets, last_outlet)
            .or_else(|| quote_then_according(masked, body, outlets, last_outlet))
            .or_else(|| according_last(body, outlets, last_outlet))
            .or_else(|| quote_first(masked, body))
            .or_else(|| quote_after(body))
            .or_else(|| reported_with_reporter(body))
    };
    match shapes(body) {
        Some(found) => Some(with_lead(found, lead, outlets)),
        // "At least 11 people remained unaccounted for, AP reported.": no lead after all.
        None if !lead.is_empty() => shapes(&masked.text),
        None => None,
    }
}

/// Who a paragraph that ends "X also said:" introduces a list of sayings by: the phrase
/// naming them.
pub fn opens_list(masked: &Masked) -> Option<String> {
    let (_, body) = split_lead(&masked.text);
    let before = body.trim_end().strip_suffix(':')?;
    if before.contains(OPEN) {
        return None;
    }
    let mut words: Vec<&str> = before.split_whitespace().collect();
    while words.len() > 2 && TIME_WORDS.contains(&key(words[words.len() - 1]).as_str()) {
        words.pop();
    }
    let (&verb, subject) = words.split_last()?;
    let subject: Vec<&str> = match subject.split_last() {
        Some((last, rest)) if AUXILIARIES.contains(&key(last).as_str()) => rest.to_vec(),
        _ => subject.to_vec(),
    };
    (SAY_VERBS.contains(&key(verb).as_str()) && !subject.is_empty() && plausible(&subject))
        .then(|| subject.join(" "))
}

/// Reported speech, or a claim an outlet reported, with the outlet that reported it.
fn reported_with_reporter(body: &str) -> Option<Found> {
    let Some((claim, outlet, cited)) = trailing_report(body) else {
        return reported(body);
    };
    let attribution = format!("{outlet} reported");
    match reported(claim) {
        Some(mut found) => {
            found.reporter = found.reporter.or(Some(outlet));
            if cited.is_some() {
                found.speaker = cited;
            }
            Some(found.by(Rule::OutletReported, "reported"))
        }
        None => Some(
            Found {
                claim: claim.to_owned(),
                outlet_is_source: cited.is_none(),
                speaker: cited,
                attribution,
                reporter: Some(outlet),
                claim_first: true,
                ..Found::default()
            }
            .by(Rule::OutletReported, "reported"),
        ),
    }
}

/// A lead-in phrase that names an outlet or a medium ("Speaking on BBC Radio 4's Today
/// programme on Tuesday,", "In a statement carried by the state-run agency,") belongs to
/// the attribution; one that does not ("On Thursday,") to a claim that opens the sentence.
fn with_lead(mut found: Found, lead: &str, outlets: &Outlets) -> Found {
    if lead.is_empty() {
        return found;
    }
    let lower = lead.to_lowercase();
    let attributive = !outlets.named_in(lead, None).is_empty()
        || MEDIA_OBJECTS.iter().any(|m| lower.contains(m))
        || ATTRIBUTIVE_LEAD_WORDS.iter().any(|w| lower.contains(w));
    if found.claim_first && !attributive {
        found.claim = format!("{lead}, {}", found.claim);
    } else {
        found.attribution = format!("{lead}, {}", found.attribution);
    }
    found
}

fn split_lead(text: &str) -> (&str, &str) {
    let (first, mut body) = one_lead(text);
    if first.is_empty() {
        return (first, body);
    }
    let mut end = first.len();
    loop {
        let (next, rest) = one_lead(body);
        if next.is_empty() {
            break;
        }
        end = text.len() - rest.len() - 2;
        body = rest;
    }
    (&text[..end], body)
}

fn one_lead(text: &str) -> (&str, &str) {
    let mut words = text.split_whitespace().map(key);
    let first = words.next().unwrap_or_default();
    let second = words.next().unwrap_or_default();
    if !LEADS.contains(&first.as_str()) || QUANTITY_WORDS.contains(&second.as_str()) {
        return ("", text);
    }
    match text.find(", ") {
        Some(at) if text[..at].split_whitespace().count() <= 15 && !text[..at].contains(OPEN) => {
            (&text[..at], &text[at + 2..])
        }
        _ => ("", text),
    }
}

/// "According to the broadcaster, the ballots were discovered by a council cleaner".
fn according_first(body: &str, outlets: &Outlets, last: Option<&str>) -> Option<Found> {
    let rest = body
        .strip_prefix("According to ")
        .or(body.strip_prefix("according to "))?;
    let (source, claim) = rest.split_once(", ")?;
    Some(according(source, claim, outlets, last).by(Rule::AccordingToFirst, "according to"))
}

/// "Lawmakers are expected to convene Thursday, according to The Associated Press."; also
/// in the middle of the sentence ("He had, according to Alex Horton of the Washington
/// Post, killed ..."), and after a speaker of its own ("..., the commission said, according
/// to Reuters."), whom the outlet then relays.
fn according_last(body: &str, outlets: &Outlets, last: Option<&str>) -> Option<Found> {
    let (at, cue) = according_cue(body)?;
    let rest = &body[at + cue.len()..];
    let source = rest.split(", ").next().unwrap_or(rest);
    let after = rest[source.len()..].trim_start_matches(", ");
    let source = source.trim_end_matches('.');
    let claim = match after.split_whitespace().count() {
        0..=2 => body[..at].to_owned(),
        _ => format!("{} {after}", &body[..at]),
    };
    // "Sui-Lee Wee of the New York Times": the paper passed it on, through its reporter.
    let (writer, outlet) = match source.split_once(" of ") {
        Some((writer, outlet)) if outlets.is_outlet(outlet, last).is_some() => {
            (Some(writer), Some(outlet))
        }
        _ => (None, outlets.is_outlet(source, last).map(|_| source)),
    };
    if let Some(outlet) = outlet
        && let Some(mut inner) = reported(&claim).filter(|f| f.speaker.is_some())
    {
        inner.attribution = format!("{} according to {source}", inner.attribution);
        inner.reporter = Some(outlet.to_owned());
        return Some(inner.by(Rule::AccordingToAfter, "according to"));
    }
    let mut found = match (writer, outlet) {
        (Some(writer), Some(outlet)) => Found {
            claim,
            speaker: Some(writer.to_owned()),
            attribution: format!("according to {source}"),
            reporter: Some(outlet.to_owned()),
            ..Found::default()
        },
        _ => according(source, &claim, outlets, last),
    };
    found.claim_first = true;
    Some(found.by(Rule::AccordingToAfter, "according to"))
}

/// Where ", according to " (or ", per ", "per" as "according to" before a name or an
/// article: "..., per the health agency.") stands in `body`, and which it is.
fn according_cue(body: &str) -> Option<(usize, &'static str)> {
    let per = body.match_indices(", per ").map(|(at, _)| at).find(|&at| {
        body[at + ", per ".len()..]
            .split_whitespace()
            .next()
            .is_some_and(|w| capitalised(w) || ARTICLES.contains(&key(w).as_str()))
    });
    match (body.find(", according to "), per) {
        (Some(a), Some(p)) if p < a => Some((p, ", per ")),
        (Some(a), _) => Some((a, ", according to ")),
        (None, Some(p)) => Some((p, ", per ")),
        (None, None) => None,
    }
}

/// `"Q," X said, according to Y`: a quotation whose speaker is named after it keeps that
/// speaker; Y is an outlet that relayed it, or where it was said ("according to a
/// statement").
fn quote_then_according(
    masked: &Masked,
    body: &str,
    outlets: &Outlets,
    last: Option<&str>,
) -> Option<Found> {
    if !body.starts_with(OPEN) {
        return None;
    }
    let (at, cue) = according_cue(body)?;
    let close = body.find(CLOSE)?;
    if at < close {
        return None;
    }
    let rest = &body[at + cue.len()..];
    let source = rest
        .split(", ")
        .next()
        .unwrap_or(rest)
        .trim_end_matches('.');
    let mut found = quote_first(masked, &format!("{}.", &body[..at]))?;
    found.speaker.as_ref()?;
    found.attribution = format!("{} according to {source}", found.attribution);
    if outlets.is_outlet(source, last).is_some() {
        found.reporter = Some(source.to_owned());
    }
    Some(found.by(Rule::AccordingToAfter, "according to"))
}

fn according(source: &str, claim: &str, outlets: &Outlets, last: Option<&str>) -> Found {
    let attribution = format!("according to {source}");
    // "according to industry sources cited by the trade paper Harbour Daily": whoever
    // cited or quoted the source passed it on.
    if let Some((cited, by)) = CITED_BY.iter().find_map(|cue| source.split_once(cue))
        && !cited.trim().is_empty()
    {
        let words: Vec<&str> = by.split_whitespace().collect();
        let reporter = match outlets.is_outlet(by, last) {
            Some(_) => by.to_owned(),
            None => name_at_end(&words).unwrap_or_else(|| by.to_owned()),
        };
        return Found {
            claim: claim.to_owned(),
            speaker: Some(cited.trim().to_owned()),
            attribution,
            reporter: Some(reporter),
            ..Found::default()
        };
    }
    if outlets.is_outlet(source, last).is_some() {
        return Found {
            claim: claim.to_owned(),
            attribution,
            reporter: Some(source.to_owned()),
            outlet_is_source: true,
            ..Found::default()
        };
    }
    let medium = source.split_whitespace().take(4).position(|w| {
        MEDIA_OBJECTS.contains(&key(w).as_str()) || SOURCE_DOCUMENTS.contains(&key(w).as_str())
    });
    if let Some(at) = medium {
        let after: Vec<&str> = source.split_whitespace().skip(at + 1).collect();
        let owner = after
            .iter()
            .position(|w| w.ends_with("'s") || w.ends_with("’s"))
            .map(|at| {
                let from = after[..at]
                    .iter()
                    .rposition(|w| OWNER_PREPOSITIONS.contains(&key(w).as_str()))
                    .map_or(0, |p| p + 1);
                let owner = after[from..=at].join(" ");
                owner
                    .trim_end_matches("'s")
                    .trim_end_matches("’s")
                    .to_owned()
            });
        if let Some(speaker) = medium_source(&after.join(" ")).or(owner) {
            return Found {
                claim: claim.to_owned(),
                speaker: Some(speaker),
                attribution,
                medium_source: true,
                ..Found::default()
            };
        }
        let document: Vec<&str> = source
            .split_whitespace()
            .take_while(|w| !DOCUMENT_SOURCE_ENDS.contains(&key(w).as_str()))
            .collect();
        return Found {
            claim: claim.to_owned(),
            speaker: Some(document.join(" ")),
            attribution,
            document: true,
            ..Found::default()
        };
    }
    Found {
        claim: claim.to_owned(),
        speaker: Some(source.to_owned()),
        attribution,
        ..Found::default()
    }
}

/// Who a medium came from: "purportedly from the spokesman for ...", "attributed to the
/// group's spiritual leader, Sheikh Yusuf al-Rawi, and translated by MEMRI", "posted by the
/// group on Sunday night".
pub fn medium_source(after: &str) -> Option<String> {
    let lower = text::fold_case(after);
    // "by" names an author only after a verb of authoring: "published on Monday by X", not
    // "seen by the Guardian".
    let authored_by = lower.match_indices(" by ").map(|(at, _)| at).find(|&at| {
        lower[..at]
            .split_whitespace()
            .rev()
            .take(4)
            .any(|w| MEDIUM_AUTHORING.contains(&w))
    });
    let start = MEDIUM_SOURCE_CUES
        .iter()
        .filter_map(|cue| lower.find(cue).map(|at| at + cue.len()))
        .chain(authored_by.map(|at| at + " by ".len()))
        .min()?;
    if after[..start].split_whitespace().count() > 6 {
        return None;
    }
    let mut phrase = after[start..].to_owned();
    for stop in MEDIUM_SOURCE_ENDS {
        if let Some(at) = phrase.find(stop) {
            phrase.truncate(at);
        }
    }
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let verb = words.iter().position(|w| is_verb(&key(w)));
    let phrase = tidy(&words[..verb.unwrap_or(words.len())].join(" "));
    (!phrase.is_empty()).then_some(phrase.trim_end_matches('.').to_owned())
}

/// `"Q," X said.` and `"Q," said X, a spokeswoman for Y.`; also `"Q" X says in the video.`
fn quote_first(masked: &Masked, body: &str) -> Option<Found> {
    if !masked.starts_with_quote() || !body.starts_with(OPEN) {
        return None;
    }
    let close = body.find(CLOSE)?;
    let after = &body[close + CLOSE.len_utf8()..];
    let segment = after.split(OPEN).next().unwrap_or(after);
    let words: Vec<&str> = segment.split_whitespace().collect();
    // `"Q," the statement continued.`: verbs that say a quotation goes on, or what a
    // document reads, speak only straight after a quotation and a short subject.
    let v = words.iter().enumerate().position(|(i, w)| {
        speech_verb(w, &words) || (i <= 4 && QUOTE_VERBS.contains(&key(w).as_str()))
    })?;
    let claim = quote_markers(body);
    let (speaker, rest) = if v == 0 {
        (words[1..].join(" "), String::new())
    } else {
        (words[..v].join(" "), words[v + 1..].join(" "))
    };
    let told = told_object(&words, v);
    let found = Found {
        claim,
        speaker: Some(tidy(&speaker).trim_end_matches('.').to_owned()),
        attribution: format!("{} {rest}", words[..v].join(" ")),
        told,
        ..Found::default()
    };
    Some(found.by(Rule::QuoteThenSpeaker, words[v]))
}

/// `The minister said: "Q"`, `The minister said last night: "Q"`.
fn quote_after(body: &str) -> Option<Found> {
    let open = body.find(OPEN)?;
    let before = body[..open].trim_end();
    let before = before
        .strip_suffix(':')
        .or(before.strip_suffix(','))
        .unwrap_or(before)
        .trim_end();
    let mut words: Vec<&str> = before.split_whitespace().collect();
    // When it was said, between the verb and the quotation, belongs to neither.
    while words.len() > 2
        && !SAY_VERBS.contains(&key(words[words.len() - 1]).as_str())
        && TIME_WORDS.contains(&key(words[words.len() - 1]).as_str())
    {
        words.pop();
    }
    // "X told Newsweek: \"...\"": whom it was told goes with the attribution.
    let told = words
        .iter()
        .rposition(|w| TELL_VERBS.contains(&key(w).as_str()))
        .filter(|&t| t > 0 && words.len() - t - 1 <= 4)
        .and_then(|t| told_object(&words, t).map(|o| (t, o)))
        .filter(|(t, o)| o.split_whitespace().count() == words.len() - t - 1);
    let (told, object) = match told {
        Some((t, object)) => (Some(t), Some(object)),
        None => (None, None),
    };
    if let Some(t) = told {
        words.truncate(t + 1);
    }
    let (&last, subject) = words.split_last()?;
    if !SAY_VERBS.contains(&key(last).as_str()) || subject.is_empty() || !plausible(subject) {
        return None;
    }
    let rest = &body[open..];
    if rest.split_whitespace().any(|w| !w.starts_with(OPEN)) {
        return None;
    }
    let found = Found {
        claim: quote_markers(body),
        speaker: Some(subject.join(" ")),
        attribution: subject.join(" "),
        told: object,
        ..Found::default()
    };
    Some(found.by(Rule::SpeakerThenQuote, last))
}

fn quote_markers(body: &str) -> String {
    body.split_whitespace()
        .filter(|w| w.starts_with(OPEN))
        .map(|w| w.trim_end_matches(|c| c != CLOSE))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Reported speech, in the shapes listed at the top of this file.
fn reported(body: &str) -> Option<Found> {
    let mut words: Vec<&str> = body.split_whitespace().collect();
    // "But the coach admitted that ...": a conjunction that opens the sentence joins it to
    // the one before; who speaks comes after it.
    if words.len() > 3
        && capitalised(words[0])
        && !words[0].ends_with(',')
        && OPENING_CONJUNCTIONS.contains(&key(words[0]).as_str())
    {
        words.remove(0);
    }
    if let Some(found) = main_clause(&words) {
        return Some(found);
    }
    if let Some(found) = closing_attribution(&words) {
        return Some(found);
    }
    for v in 0..words.len() {
        let k = key(words[v]);
        if let Some(found) = progressive(&words, v) {
            return Some(found.by(Rule::SpeakerSaid, words[v]));
        }
        if k == "quoted"
            && let Some(found) = quoted_as_saying(&words, v)
        {
            return Some(found.by(Rule::QuotedAsSaying, "quoted"));
        }
        let by_document = DOCUMENT_VERBS.contains(&k.as_str()) && document(&words[..v]).is_some();
        if !(speech_verb(words[v], &words[v..]) || by_document)
            || passive(&words, v)
            || infinitive(&words, v)
            || plural_noun(&words, v)
            || quantity(&words, v)
        {
            continue;
        }
        let cue = words[v];
        if let Some(found) = relative(&words, v) {
            return Some(found.by(Rule::WhoSaid, cue));
        }
        if v == 0 {
            continue;
        }
        // `C, said X` and `... "Q," writes X`, the comma inside the quotation.
        let after_comma = words[v - 1].ends_with(',') || words[v - 1].ends_with(CLOSE);
        if after_comma && is_inverted(&words, v) {
            return inverted(&words, v).map(|f| f.by(Rule::SaidThenSpeaker, cue));
        }
        if let Some(found) = trailing(&words, v) {
            return Some(found.by(Rule::ClaimThenSpeaker, cue));
        }
        if let Some(found) = coordinate(&words, v) {
            return Some(found.by(Rule::SpeakerSaid, cue));
        }
        if plausible(&words[..v]) {
            return leading(&words, v).map(|f| f.by(Rule::SpeakerSaid, cue));
        }
        if let Some(found) = after_opening_clause(&words, v) {
            return Some(found.by(Rule::SpeakerSaid, cue));
        }
        if let Some(found) = in_clause(&words, v) {
            return Some(found.by(Rule::SpeakerInClause, cue));
        }
    }
    saying(&words)
        .map(|f| f.by(Rule::Saying, "saying"))
        .or_else(|| noun_claim(&words))
}

/// "claims by X that C", "X's assertion that C", "his vow that C": a claim carried by a
/// noun, whose owner, or whoever it is by, said it.
fn noun_claim(words: &[&str]) -> Option<Found> {
    for n in 1..words.len() {
        let k = key(words[n]);
        if !CLAIM_NOUNS.contains(&k.as_str()) {
            continue;
        }
        let (speaker, that) = if words.get(n + 1).is_some_and(|w| key(w) == "by") {
            // "claims by X that C": X runs to "that".
            let that = (n + 2..words.len().min(n + 12)).find(|&i| key(words[i]) == "that")?;
            (words[n + 2..that].join(" "), that)
        } else if words.get(n + 1).is_some_and(|w| key(w) == "that") {
            // "X's (often-repeated) vow that C": the owner, a few describing words before.
            let owner = (n.saturating_sub(4)..n).rev().find(|&i| {
                let w = words[i];
                w.ends_with("'s") || w.ends_with("’s") || OWNER_PRONOUNS.contains(&key(w).as_str())
            })?;
            if words[owner + 1..n]
                .iter()
                .any(|w| capitalised(w) || w.ends_with(','))
            {
                continue;
            }
            let owner_word = key(words[owner]);
            let speaker = match OWNER_PRONOUNS.iter().position(|p| *p == owner_word) {
                // "his vow": the sentence's own subject when it opens with a name, else the
                // pronoun's person.
                Some(p) => match subject_name(&words[..owner]) {
                    Some(name) => name,
                    None => OWNER_PRONOUN_SUBJECTS[p].to_owned(),
                },
                None => {
                    let from = (0..owner)
                        .rev()
                        .take_while(|&i| capitalised(words[i]) && !words[i].ends_with(','))
                        .last()
                        .unwrap_or(owner);
                    let phrase = words[from..=owner].join(" ");
                    phrase
                        .trim_end_matches("'s")
                        .trim_end_matches("’s")
                        .to_owned()
                }
            };
            (speaker, n + 1)
        } else {
            continue;
        };
        let claim = words[that + 1..].join(" ");
        if speaker.trim().is_empty() || claim.split_whitespace().count() < 3 {
            continue;
        }
        let found = Found {
            claim,
            speaker: Some(speaker),
            attribution: words[..=n].join(" "),
            ..Found::default()
        };
        return Some(found.by(Rule::NounClaim, words[n]));
    }
    None
}

/// The name a sentence opens with, before its first lower-case word: "Berg is under fire
/// for ..." is "Berg".
fn subject_name(words: &[&str]) -> Option<String> {
    let end = words.iter().position(|w| !capitalised(w))?;
    let first = key(words.first()?);
    (end > 0
        && end <= 4
        && !ARTICLES.contains(&first.as_str())
        && !SUBORDINATORS.contains(&first.as_str()))
    .then(|| words[..end].join(" "))
}

/// Whether `words[v]` is a verb of speech here: not a passive, an infinitive, a plural
/// noun or a quantity ("gold added 0.1%").
fn speaks(words: &[&str], v: usize) -> bool {
    speech_verb(words[v], &words[v..])
        && !passive(words, v)
        && !infinitive(words, v)
        && !plural_noun(words, v)
        && !quantity(words, v)
}

/// `C, X said on Monday.`: an attribution that ends the sentence governs all of it,
/// whatever verbs of speech the claim before it holds ("forecasts called for winds ...,
/// officials said").
fn closing_attribution(words: &[&str]) -> Option<Found> {
    let v = (1..words.len()).rev().take(8).find(|&v| speaks(words, v))?;
    // Something before it must be said: a claim of a few words, then the comma.
    words[..v].iter().rposition(|w| w.ends_with(','))?;
    if words[v - 1].ends_with(',') {
        return None;
    }
    let found = trailing(words, v)?;
    (!words[v].ends_with(',') && words.len() - v <= 5)
        .then(|| found.by(Rule::ClaimThenSpeaker, words[v]))
}

/// `Although X suggested A, Y told lawmakers C`: in a sentence that opens with a
/// subordinate clause, what the main clause's speaker said comes before what the
/// subordinate clause reports.
fn main_clause(words: &[&str]) -> Option<Found> {
    if !words
        .first()
        .is_some_and(|w| SUBORDINATORS.contains(&key(w).as_str()))
    {
        return None;
    }
    let comma = words.iter().position(|w| w.ends_with(','))?;
    let v = (comma + 1..words.len()).find(|&v| speaks(words, v))?;
    after_opening_clause(words, v).map(|f| f.by(Rule::SpeakerSaid, words[v]))
}

/// `While sales disappointed, analysts said C`: a sentence that opens with a subordinate
/// clause has its speaker after the comma that ends it.
fn after_opening_clause(words: &[&str], v: usize) -> Option<Found> {
    if !SUBORDINATORS.contains(&key(words[0]).as_str()) {
        return None;
    }
    let comma = words[..v].iter().rposition(|w| w.ends_with(','))?;
    let main = &words[comma + 1..];
    let v = v - comma - 1;
    // "Though the agency has said A, it has also acknowledged B": "it" is the opening
    // clause's subject, whose attribution then carries both.
    let it = main[..v].iter().all(|w| {
        THING_PRONOUNS.contains(&key(w).as_str()) || AUXILIARIES.contains(&key(w).as_str())
    });
    (v > 0 && !it && plausible(&main[..v])).then(|| leading(main, v))?
}

/// `Advocates are urging the board to ...`, `the union is warning that ...`: a verb of
/// speech in its -ing form after "is" or "are", what someone is saying now.
fn progressive(words: &[&str], v: usize) -> Option<Found> {
    let k = key(words[v]);
    let particle = |p: &[&str]| {
        words
            .get(v + 1)
            .is_some_and(|w| p.contains(&key(w).as_str()))
    };
    let speaks = match k.as_str() {
        "calling" => particle(&["on", "for"]),
        _ => PROGRESSIVE_SPEECH.contains(&k.as_str()),
    };
    if v < 2 || !speaks || !BE_FORMS.contains(&key(words[v - 1]).as_str()) {
        return None;
    }
    if !plausible(&words[..v - 1]) {
        return None;
    }
    leading(words, v)
}

/// `A happened, and X said C`: after a comma and a conjunction, a clause of its own whose
/// subject is who speaks.
fn coordinate(words: &[&str], v: usize) -> Option<Found> {
    let and = (1..v)
        .rev()
        .find(|&i| words[i - 1].ends_with(',') && COORDINATORS.contains(&key(words[i]).as_str()))?;
    let clause = &words[and + 1..];
    let v = v - and - 1;
    (v > 0 && v <= 10 && plausible(&clause[..v])).then(|| leading(clause, v))?
}

/// `A happened when X said C`: the speech verb's subject is what follows the last word
/// that opens a clause before it, not the sentence's own subject.
fn in_clause(words: &[&str], v: usize) -> Option<Found> {
    let opens = words[..v]
        .iter()
        .rposition(|w| CLAUSE_OPENERS.contains(&key(w).as_str()))?;
    let clause = &words[opens + 1..];
    let v = v - opens - 1;
    // Its subject is a short noun phrase ("he", "the mayor has"), not a clause of its own
    // ("the recording is not the first time ISIS leaders have").
    let subject = &clause[..v];
    let auxiliary = |w: &str| AUXILIARIES.contains(&key(w).as_str());
    let head = subject.len() - subject.iter().rev().take_while(|w| auxiliary(w)).count();
    let noun_phrase = head <= 8 && !subject[..head].iter().any(|w| auxiliary(w));
    (v > 0 && noun_phrase && plausible(subject))
        .then(|| leading(clause, v).map(|f| f.by(Rule::SpeakerSaid, clause[v])))?
}

/// `X rejected the criticism in an interview with Y, saying (that) C`, and `X issued a
/// statement warning that C`: the claim is what follows the participle, and X is the name
/// the sentence opens with.
fn saying(words: &[&str]) -> Option<Found> {
    let at = words.iter().enumerate().position(|(at, w)| {
        let k = key(w);
        let after_comma = k == "saying" && at > 0 && words[at - 1].ends_with(',');
        let after_document = SPEECH_PARTICIPLES.contains(&k.as_str())
            && at > 0
            && SOURCE_DOCUMENTS.contains(&key(words[at - 1]).as_str());
        after_comma || after_document
    })?;
    // "The utilities commission is frustrated ..., saying", "the Electoral Commission,
    // which regulates ..., issued a statement warning": a noun phrase opening with an
    // article runs to its verb or its comma; else the name the sentence opens with.
    let subject: Vec<&str> = if ARTICLES.contains(&key(words[0]).as_str()) {
        let mut phrase = Vec::new();
        for w in &words[..at] {
            let k = key(w);
            if FINITE_WORDS.contains(&k.as_str()) || is_verb(&k) || k.ends_with("ed") {
                break;
            }
            phrase.push(w.trim_end_matches(','));
            if w.ends_with(',') || phrase.len() == 6 {
                break;
            }
        }
        phrase
    } else {
        words
            .iter()
            .copied()
            .take_while(|w| capitalised(w) || TITLE_WORDS.contains(&key(w).as_str()))
            .collect()
    };
    if subject.is_empty() || subject.len() >= at || !plausible(&subject) {
        return None;
    }
    let claim = without_that(&words[at + 1..]);
    if claim.split_whitespace().count() < 3 && !claim.starts_with(OPEN) {
        return None;
    }
    Some(Found {
        claim,
        speaker: Some(subject.join(" ")),
        attribution: words[..at].join(" "),
        cue: Some(key(words[at])),
        ..Found::default()
    })
}

/// Whether `, said X` ends the sentence: the words after the verb are who said it, not
/// what ("said the group had received ..." is not).
fn is_inverted(words: &[&str], v: usize) -> bool {
    if !INVERTING_VERBS.contains(&key(words[v]).as_str()) {
        return false;
    }
    let segment: Vec<&str> = words[v + 1..]
        .iter()
        .copied()
        .take_while(|w| !w.ends_with(','))
        .collect();
    let rest = &words[v + 1 + segment.len()..];
    // Who said it is a short phrase that ends the sentence, or is followed by an
    // appositive: "said Dana Whitfield, a spokeswoman for ...", "said Scott Strenfel,
    // PG&E's principal meteorologist", a description with no verb of its own.
    let appositive = rest.get(1).is_some_and(|w| {
        APPOSITIVE_OPENERS.contains(&key(w).as_str())
            || w.trim_end_matches(',').chars().all(|c| c.is_ascii_digit())
    }) || (rest.len() > 1
        && rest.len() <= 12
        && !rest[1..]
            .iter()
            .any(|w| FINITE_WORDS.contains(&key(w).as_str())));
    // "said officials, adding that ...": a participle after the comma goes on about the
    // claim, and the speaker ends at it.
    let participle = rest.get(1).is_some_and(|w| {
        let k = key(w);
        k.ends_with("ing") && w.starts_with(char::is_lowercase)
    });
    let ends = rest.len() <= 1
        || appositive
        || participle
        || segment.last().is_some_and(|w| w.ends_with('.'));
    !(segment.is_empty() && rest.is_empty())
        && segment.len() <= 8
        && ends
        && !segment
            .iter()
            .any(|w| FINITE_WORDS.contains(&key(w).as_str()))
}

/// `C, said X, a spokeswoman for Y.`
fn inverted(words: &[&str], v: usize) -> Option<Found> {
    // "said Ana Ortiz, adding that ...": the speaker ends at the participle's comma.
    let after = &words[v + 1..];
    let end = after
        .iter()
        .position(|w| w.ends_with(','))
        .filter(|&c| {
            after
                .get(c + 1)
                .is_some_and(|w| w.starts_with(char::is_lowercase) && key(w).ends_with("ing"))
        })
        .map_or(after.len(), |c| c + 1);
    let speaker = after[..end].join(" ");
    let speaker = speaker.trim_end_matches(',');
    if speaker.is_empty() {
        return None;
    }
    Some(Found {
        claim: words[..v].join(" "),
        speaker: Some(speaker.trim_end_matches('.').to_owned()),
        attribution: speaker.to_owned(),
        claim_first: true,
        ..Found::default()
    })
}

/// `C, X said on Monday.`, `C, X said, adding that ...`, `C, AFP reported, citing Y.`
fn trailing(words: &[&str], v: usize) -> Option<Found> {
    let after = words[v + 1..].join(" ");
    let complement = if words[v].ends_with(',') {
        ""
    } else {
        after.split(", ").next().unwrap_or("").trim_end_matches('.')
    };
    let short = complement.split_whitespace().count() <= 7
        && !complement.split_whitespace().any(|w| key(w) == "that")
        && !complement.contains(OPEN);
    let subject = words[..v].join(" ");
    let comma = subject.rfind(", ");
    // `C "Q," X said.`: the comma that ends the claim is inside the quotation, which ends
    // the claim; the speaker is the few words after it.
    let quoted = subject
        .rfind(CLOSE)
        .filter(|&q| comma.is_none_or(|c| q > c) && !subject.ends_with(','))
        .map(|q| q + CLOSE.len_utf8());
    let (claim_end, speaker_start, most) = match (quoted, comma) {
        (Some(q), _) => (q, q, 8),
        (None, Some(c)) => (c, c + 2, 12),
        (None, None) => return None,
    };
    // "However, the mayor said the bridge is closed": a word before the comma opens the
    // sentence; it is no claim.
    if subject[..claim_end].split_whitespace().count() < 2 {
        return None;
    }
    let speaker = subject[speaker_start..].trim();
    let speaker_words: Vec<&str> = speaker.split_whitespace().collect();
    if !short || speaker_words.len() > most || !plausible(&speaker_words) {
        return None;
    }
    let (speaker, reporter) = match cited(&after) {
        Some(cited) => (cited, Some(speaker.to_owned())),
        None => (speaker.to_owned(), None),
    };
    // "Many of the bridges, she said, need repair": the attribution interrupts the claim,
    // which goes on after it.
    let claim = match words[v].ends_with(',') && interrupts(&words[v + 1..]) {
        true => format!("{} {after}", &subject[..claim_end]),
        false => subject[..claim_end].to_owned(),
    };
    Some(Found {
        claim,
        speaker: Some(speaker),
        attribution: format!("{} {} {complement}", &subject[speaker_start..], words[v]),
        reporter,
        claim_first: true,
        ..Found::default()
    })
}

/// Whether the words after `, X said,` go on with the claim it interrupted ("..., she said,
/// are aging"), rather than with the attribution ("..., she said, adding that ...", "...,
/// he said, in a statement").
fn interrupts(rest: &[&str]) -> bool {
    let Some(first) = rest.first() else {
        return false;
    };
    let k = key(first);
    rest.len() >= 2
        && first.starts_with(char::is_lowercase)
        && !k.ends_with("ing")
        && !ATTRIBUTION_OPENERS.contains(&k.as_str())
        && !NOT_CLAIM_GOING_ON.contains(&k.as_str())
}

/// `C, Reuters reported.` and `C, AFP reported, citing two diplomats.` at the end of a
/// sentence: the claim before it, the outlet, and whom it cited.
fn trailing_report(body: &str) -> Option<(&str, String, Option<String>)> {
    let at = body.rfind(" reported")?;
    let end = &body[at + " reported".len()..];
    // "..., the Japanese media reported on Monday.": when, and nothing more.
    let when = end
        .trim_end_matches('.')
        .split_whitespace()
        .collect::<Vec<_>>();
    let only_when = !when.is_empty()
        && when.len() <= 3
        && when.iter().all(|w| TIME_WORDS.contains(&key(w).as_str()));
    if !(end.is_empty()
        || end == "."
        || only_when
        || end.starts_with(", citing ")
        || end.starts_with(". "))
    {
        return None;
    }
    let comma = body[..at].rfind(", ")?;
    let outlet = &body[comma + 2..at];
    let words: Vec<&str> = outlet.split_whitespace().collect();
    let first = words.first()?;
    if words.len() > 6 || !(capitalised(first) || key(first) == "the") {
        return None;
    }
    Some((&body[..comma], outlet.to_owned(), cited(end)))
}

/// "citing two diplomats" → "two diplomats".
fn cited(text: &str) -> Option<String> {
    // "said without citing its sources" cites no one.
    let at = text
        .match_indices("citing ")
        .map(|(at, _)| at)
        .find(|&at| !text[..at].ends_with("without "))?;
    let rest = &text[at + "citing ".len()..];
    let phrase = rest.split(", ").next().unwrap_or(rest);
    Some(tidy(phrase).trim_end_matches('.').to_owned())
}

/// `X said (that) C`, `X told O (that) C`, `O, citing X, reported that C`,
/// `O reported, citing X, that C`, and `X urged Y to ...` (the whole sentence is the claim).
fn leading(words: &[&str], v: usize) -> Option<Found> {
    let verb = key(words[v]);
    let mut subject = words[..v].join(" ");
    let mut reporter = None;
    let mut rules = Vec::new();
    if let Some(at) = subject.find(", citing ") {
        reporter = Some(subject[..at].to_owned());
        subject = cited(&subject[at + 2..]).unwrap_or_default();
        rules.push(Rule::Citing);
    }
    let mut complement: Vec<&str> = words[v + 1..].to_vec();
    // "pointed out (that) C": the particle belongs to the verb.
    if SAY_VERBS.contains(&verb.as_str())
        && ACT_VERB_PARTICLES.iter().any(|(v, particles)| {
            *v == verb
                && complement
                    .first()
                    .is_some_and(|w| particles.contains(&key(w).as_str()))
        })
    {
        complement.remove(0);
    }
    if complement.first().is_some_and(|w| key(w) == "citing") {
        let joined = complement.join(" ");
        reporter = Some(subject.clone());
        subject = cited(&joined).unwrap_or_default();
        let skip = joined.find(", ").map_or(joined.len(), |at| at + 2);
        complement = joined[skip..].split_whitespace().collect();
        let found = Found {
            claim: without_that(&complement),
            speaker: Some(subject),
            attribution: reporter.clone().unwrap_or_default(),
            reporter,
            ..Found::default()
        };
        return Some(found.by(Rule::Citing, "citing"));
    }
    // "The study found ...", "A draft text seen by AFP no longer calls ...": a document
    // with no author named is its own, unnamed, source.
    let indefinite = words
        .first()
        .is_some_and(|w| INDEFINITE_ARTICLES.contains(&key(w).as_str()));
    if (DOCUMENT_VERBS.contains(&verb.as_str()) || indefinite)
        && let Some(doc) = document(&words[..v])
    {
        let claim = if ACT_VERBS.contains(&verb.as_str()) {
            words.join(" ")
        } else {
            without_that(&words[v + 1..])
        };
        let found = Found {
            claim,
            speaker: Some(doc),
            attribution: words[..v].join(" "),
            document: true,
            ..Found::default()
        };
        return Some(found.by(Rule::DocumentSays, words[v]));
    }
    let medium_source = medium_led(&subject);
    let medium = medium_source.is_some();
    if let Some(source) = medium_source {
        subject = source;
    }
    if ACT_VERBS.contains(&verb.as_str()) {
        // "Rich countries pledged in 2009 ..." is background; a speech act needs someone
        // in particular: a name, a title, a person referred to, or a source the copy leaves
        // unnamed.
        let particular = medium
            || words[1..v].iter().any(|w| capitalised(w))
            || (v == 1 && PERSON_PRONOUNS.contains(&key(words[0]).as_str()))
            // "Berg urged ...", "Berg, in office since 2016, dismissed ...": a name alone,
            // perhaps described, not a plural ("Governments pledged ...").
            || ((v == 1 || words[0].ends_with(','))
                && capitalised(words[0])
                && !key(words[0]).ends_with('s'))
            || words[..v].iter().any(|w| {
                let k = key(w);
                TITLE_WORDS.contains(&k.as_str()) || ANONYMOUS_HEADS.contains(&k.as_str())
            });
        // "... in an assault that threatened to upset ...": a relative clause's verb, after
        // a subject that is a sentence of its own, is no one's speech act.
        let relative = v > 0 && ["that", "which"].contains(&key(words[v - 1]).as_str());
        // "X rejected the criticism ..., saying C": what X said is C, read by `saying`.
        let says_why = words[v + 1..]
            .windows(2)
            .any(|w| w[0].ends_with(',') && key(w[1]) == "saying");
        if says_why {
            return saying(words).map(|f| f.by(Rule::Saying, "saying"));
        }
        if !particular || relative || (v > 12 && !medium) {
            return None;
        }
        let found = Found {
            claim: words.join(" "),
            speaker: Some(subject.clone()),
            attribution: words[..v].join(" "),
            reporter,
            medium_source: medium,
            ..Found::default()
        };
        return Some(found.by(Rule::SpeechAct, words[v]));
    }
    // "Veritane reported third-quarter results" reports no one's words.
    if verb == "reported" && !reports_words(&complement) {
        return None;
    }
    let told = told_object(words, v);
    let object = told.as_deref().map(|o| o.split_whitespace().count());
    let cut = attribution_end(&complement, object);
    let between = complement[..cut].join(" ");
    let claim = without_that(&complement[cut..]);
    if claim.split_whitespace().count() < 3 && !claim.starts_with(OPEN) {
        return None;
    }
    Some(Found {
        claim,
        speaker: Some(subject.clone()),
        attribution: format!("{} {between}", words[..v].join(" ")),
        reporter,
        told,
        medium_source: medium,
        rules,
        ..Found::default()
    })
}

/// The document a subject names in its first words, up to where it says who saw or
/// published it: "The study, published in The Lancet," is "study"; "A draft text seen by
/// AFP" is "draft text".
fn document(subject: &[&str]) -> Option<String> {
    let at = subject
        .iter()
        .take(3)
        .position(|w| SOURCE_DOCUMENTS.contains(&key(w).as_str()))?;
    let mut phrase: Vec<&str> = Vec::new();
    for word in subject {
        let k = key(word);
        if DOCUMENT_SUBJECT_ENDS.contains(&k.as_str()) {
            break;
        }
        phrase.push(word);
        if word.ends_with(',') {
            break;
        }
    }
    while phrase
        .last()
        .is_some_and(|w| AUXILIARIES.contains(&key(w).as_str()))
    {
        phrase.pop();
    }
    if phrase.len() <= at {
        return None;
    }
    let phrase = tidy(&phrase.join(" "));
    let phrase = phrase
        .strip_prefix("The ")
        .or(phrase.strip_prefix("the "))
        .or(phrase.strip_prefix("A "))
        .or(phrase.strip_prefix("a "))
        .or(phrase.strip_prefix("An "))
        .unwrap_or(&phrase);
    Some(phrase.to_owned())
}

/// "An audio recording purportedly from the spokesman ... urges": who the recording is
/// from.
fn medium_led(subject: &str) -> Option<String> {
    let words: Vec<&str> = subject.split_whitespace().collect();
    let at = words
        .iter()
        .take(4)
        .position(|w| MEDIA_OBJECTS.contains(&key(w).as_str()))?;
    medium_source(&words[at + 1..].join(" "))
}

/// "reported that ...", "reported on Monday that ...": a report of what someone said, not
/// "reported results that beat estimates".
fn reports_words(complement: &[&str]) -> bool {
    match complement.iter().take(8).position(|w| key(w) == "that") {
        Some(0) => true,
        Some(at) => attribution_end(&complement[..=at], None) == at,
        None => false,
    }
}

/// Where the words after a speech verb stop being attribution ("in an interview with Sky
/// News", "the news agency by telephone") and the claim begins: at "that" when it comes
/// soon after such words.
fn attribution_end(complement: &[&str], told: Option<usize>) -> usize {
    let that = complement.iter().take(14).position(|w| key(w) == "that");
    let opens_attribution = complement
        .first()
        .is_some_and(|w| ATTRIBUTION_OPENERS.contains(&key(w).as_str()) || is_time_word(w));
    match (that, told) {
        (Some(at), _) if told.is_some() || opens_attribution || at == 0 => at,
        // "told the newspaper she had ...": the claim starts at its subject, or else after
        // whom it was told ("told Reuters the border would ...").
        (_, Some(object)) => complement
            .iter()
            .position(|w| CLAIM_SUBJECT_PRONOUNS.contains(&key(w).as_str()))
            .unwrap_or(object),
        _ => 0,
    }
}

fn without_that(words: &[&str]) -> String {
    let words = match words.first() {
        Some(w) if key(w) == "that" => &words[1..],
        _ => words,
    };
    words.join(" ")
}

fn is_time_word(word: &str) -> bool {
    DAYS.contains(&key(word).as_str())
}

/// `X, which said C` and `X, who said C`.
fn relative(words: &[&str], v: usize) -> Option<Found> {
    if v < 2
        || !RELATIVE_PRONOUNS.contains(&key(words[v - 1]).as_str())
        || !words[v - 2].ends_with(',')
    {
        return None;
    }
    let before = words[..v - 1].join(" ");
    let antecedent = before.trim_end_matches(',');
    let antecedent = antecedent.rsplit(", ").next().unwrap_or(antecedent);
    let by = antecedent
        .rfind(" by ")
        .map_or(antecedent, |at| &antecedent[at + 4..]);
    let complement: Vec<&str> = words[v + 1..].to_vec();
    let claim = without_that(&complement);
    if claim.split_whitespace().count() < 3 && !claim.starts_with(OPEN) {
        return None;
    }
    Some(Found {
        claim,
        speaker: Some(by.to_owned()),
        attribution: by.to_owned(),
        ..Found::default()
    })
}

/// `O quoted X as saying (that) C`.
fn quoted_as_saying(words: &[&str], v: usize) -> Option<Found> {
    let as_saying = (v + 1..words.len().saturating_sub(1))
        .take(14)
        .find(|&i| key(words[i]) == "as" && key(words[i + 1]) == "saying")?;
    let outlet = words[..v].join(" ");
    let speaker = words[v + 1..as_saying].join(" ");
    Some(Found {
        claim: without_that(&words[as_saying + 2..]),
        speaker: Some(speaker),
        attribution: outlet.clone(),
        reporter: Some(outlet),
        ..Found::default()
    })
}

/// Whom a "told" told: a name ("told Reuters", "told The Associated Press"), which ends
/// where the name does; else the words after it up to "that", a colon or comma, a
/// preposition, a pronoun or a quotation.
fn told_object(words: &[&str], v: usize) -> Option<String> {
    if !TELL_VERBS.contains(&key(words[v]).as_str()) {
        return None;
    }
    let after = &words[v + 1..];
    let object: Vec<&str> = match after.first() {
        Some(first) if capitalised(first) && key(first) != "the" || is_the_name(after) => {
            name_run(after)
        }
        // "told lawmakers no evidence supports ...": a bare plural audience is all of whom
        // it was told.
        Some(first) if TOLD_AUDIENCES.contains(&key(first).as_str()) => vec![*first],
        // "told reporters the plan was dead": a second determiner opens the claim, as
        // does a quotation ("told the Commons: \"...\"").
        _ => {
            let mut object = Vec::new();
            for (i, word) in after.iter().enumerate() {
                let k = key(word);
                if TOLD_OBJECT_ENDS.contains(&k.as_str())
                    || (i > 0 && ARTICLES.contains(&k.as_str()))
                    || word.starts_with(OPEN)
                {
                    break;
                }
                object.push(*word);
                if word.ends_with([':', ',']) {
                    break;
                }
            }
            object
        }
    };
    let object = tidy(&object.join(" "));
    (!object.is_empty()).then_some(object)
}

/// The capitalised words that end a phrase ("the trade paper Harbour Daily"): a name after
/// its description.
fn name_at_end(words: &[&str]) -> Option<String> {
    let from = words
        .iter()
        .rposition(|w| !capitalised(w))
        .map_or(0, |at| at + 1);
    (from < words.len()).then(|| words[from..].join(" "))
}

/// "The Associated Press ...": a name opening with "The".
fn is_the_name(words: &[&str]) -> bool {
    words.first().is_some_and(|w| *w == "The") && words.get(1).is_some_and(|w| capitalised(w))
}

/// The words of a name at the head of `words`: capitalised words and numbers, with "of",
/// "and" or "the" between two of them, up to a comma.
fn name_run<'a>(words: &[&'a str]) -> Vec<&'a str> {
    let mut run = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let joins = NAME_JOINERS.contains(&key(word).as_str())
            && !run.is_empty()
            && words.get(i + 1).is_some_and(|w| capitalised(w));
        // "BBC Radio 5 Live", "France 24"
        let numbered = !run.is_empty() && word.starts_with(|c: char| c.is_ascii_digit());
        if !(capitalised(word) || joins || numbered) {
            break;
        }
        run.push(*word);
        if word.ends_with(',') {
            break;
        }
    }
    run
}

fn is_verb(k: &str) -> bool {
    SAY_VERBS.contains(&k) || ACT_VERBS.contains(&k)
}

/// A speech verb at the head of `rest` ("called" only as "called on" or "called for").
fn speech_verb(word: &str, rest: &[&str]) -> bool {
    let k = key(word);
    if word.contains(OPEN) || !is_verb(&k) {
        return false;
    }
    // "called the plan \"a disgrace\"", "described the deal as a mistake": a verb of naming
    // says something only with the name it gives.
    let names = |within: usize| {
        NAMING_VERBS.contains(&k.as_str())
            && rest
                .iter()
                .skip(1)
                .take(within)
                .any(|w| w.starts_with(OPEN))
    };
    let names_as = |within: usize| {
        NAMING_AS_VERBS.contains(&k.as_str())
            && rest.iter().skip(2).take(within).any(|w| key(w) == "as")
    };
    if NAMING_AS_VERBS.contains(&k.as_str()) {
        return names_as(8);
    }
    match ACT_VERB_PARTICLES.iter().find(|(verb, _)| *verb == k) {
        Some((_, particles)) => {
            rest.get(1)
                .is_some_and(|next| particles.contains(&key(next).as_str()))
                || names(6)
        }
        None if NAMING_VERBS.contains(&k.as_str()) => names(6),
        None => true,
    }
}

/// "The United States has ...", "two Arab states to have signed", "the claims of": a
/// speech verb's -s form used as a plural noun, followed by a verb or a preposition of its
/// own, or owned.
fn plural_noun(words: &[&str], v: usize) -> bool {
    let k = key(words[v]);
    // "which the West says is ...": some -s forms are never nouns.
    if !k.ends_with('s') || words[v].ends_with(',') || ONLY_VERBS.contains(&k.as_str()) {
        return false;
    }
    let next = words.get(v + 1).map(|w| key(w)).unwrap_or_default();
    let before = v.checked_sub(1).map(|b| key(words[b])).unwrap_or_default();
    NOUN_FOLLOWERS.contains(&next.as_str())
        || NOUN_DETERMINERS.contains(&before.as_str())
        // "10-year notes", "5 reports": counted, a noun.
        || (v > 0
            && words[v - 1].starts_with(|c: char| c.is_ascii_digit())
            && !words[v - 1].ends_with(','))
}

/// "Gold added 0.1%", "the index adds 20 points": a verb of speech that takes a quantity
/// says how much something moved.
fn quantity(words: &[&str], v: usize) -> bool {
    QUANTITY_VERBS.contains(&key(words[v]).as_str())
        && words.get(v + 1).is_some_and(|w| {
            w.trim_start_matches(['$', '€', '£', '¥', '+', '-'])
                .starts_with(|c: char| c.is_ascii_digit())
        })
}

/// "His refusal to say", "declined to confirm": a verb no one is said to have done.
fn infinitive(words: &[&str], v: usize) -> bool {
    v > 0 && key(words[v - 1]) == "to"
}

/// "were first reported by", "was said to be": not someone saying something.
fn passive(words: &[&str], v: usize) -> bool {
    let next_is_by = words
        .get(v + 1)
        .is_some_and(|w| key(w) == "by" || (key(w) == "of" && key(words[v]) == "accused"));
    let aux = |i: usize| PASSIVE_AUXILIARIES.contains(&key(words[i]).as_str());
    let adverb = |i: usize| key(words[i]).ends_with("ly") || key(words[i]) == "first";
    let aux_before = (v >= 1 && aux(v - 1)) || (v >= 2 && adverb(v - 1) && aux(v - 2));
    next_is_by || aux_before
}

/// Whether the words before a verb can be who said it: short, and not a clause of their
/// own ("While the recording is not the first time ISIS leaders have urged").
fn plausible(subject: &[&str]) -> bool {
    // Set aside ", speaking on condition of anonymity because ...," before judging.
    let without = without_participles(&subject.join(" "));
    let main: Vec<&str> = without
        .split_whitespace()
        .take_while(|w| !RELATIVE_PRONOUNS.contains(&key(w).as_str()))
        .collect();
    // A subject is a noun phrase: it does not open with a preposition ("For small island
    // states ..." is not someone who "states").
    if main
        .first()
        .is_some_and(|w| SUBJECT_PREPOSITIONS.contains(&key(w).as_str()))
    {
        return false;
    }
    if main.iter().any(|w| MODALS.contains(&key(w).as_str())) {
        return false;
    }
    let Some(first) = main.first() else {
        return false;
    };
    // "No group claimed responsibility": no one said anything.
    if NOBODY.contains(&key(first).as_str()) {
        return false;
    }
    // "It said ...": the pronoun of an organisation, not a clause ("It is likely ...").
    let it_speaks = main.iter().all(|w| {
        THING_PRONOUNS.contains(&key(w).as_str()) || AUXILIARIES.contains(&key(w).as_str())
    });
    if main.len() > 30
        || (SUBORDINATORS.contains(&key(first).as_str()) && !it_speaks)
        || main.iter().any(|w| w.contains(';'))
    {
        return false;
    }
    let clause_inside = main
        .iter()
        .skip(1)
        .any(|w| key(w) == "if" || CLAUSE_OPENERS.contains(&key(w).as_str()));
    !clause_inside && !main.iter().any(|w| w.contains(OPEN))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_speaker_described_after_a_comma_follows_the_claim() {
        let found = reported(
            "The reservoir has had no rain since September, the first dry autumn since 1905, \
             said Ana Ortiz, Harbor Power's chief meteorologist.",
        )
        .expect("an attribution");
        assert_eq!(
            found.speaker.as_deref(),
            Some("Ana Ortiz, Harbor Power's chief meteorologist")
        );
        assert!(
            found.claim.starts_with("The reservoir has had no rain"),
            "{found:?}"
        );
    }

    #[test]
    fn the_speaker_of_a_clause_is_its_own_subject() {
        let found =
            reported("The crowd cheered when the mayor said the bridge would reopen by spring.")
                .expect("an attribution");
        assert_eq!(found.speaker.as_deref(), Some("the mayor"));
        assert!(
            found.claim.starts_with("the bridge would reopen"),
            "{found:?}"
        );
    }

    #[test]
    fn an_outlet_named_after_the_speaker_relays_the_speaker() {
        let outlets = Outlets::new(&[], Some("Reuters"));
        let found = according_last(
            "The dam is safe, the Harbor Water Board said, according to Reuters.",
            &outlets,
            None,
        )
        .expect("an attribution");
        assert_eq!(found.speaker.as_deref(), Some("the Harbor Water Board"));
        assert_eq!(found.reporter.as_deref(), Some("Reuters"));
        assert!(found.claim.starts_with("The dam is safe"), "{found:?}");
    }

    #[test]
    fn according_to_in_mid_sentence_leaves_the_sentence_whole() {
        let outlets = Outlets::new(&[], None);
        let found = according_last(
            "She had, according to Tom Reyes of The New York Times, left the city before the flood.",
            &outlets,
            None,
        )
        .expect("an attribution");
        assert_eq!(found.speaker.as_deref(), Some("Tom Reyes"));
        assert_eq!(found.reporter.as_deref(), Some("The New York Times"));
        assert_eq!(found.claim, "She had left the city before the flood.");
    }

    #[test]
    fn a_speech_verb_next_to_a_number_is_a_quantity() {
        assert!(reported("Spot silver added 0.4% to $24.10 an ounce.").is_none());
        assert!(reported("The 10-year notes last fell 3/32 in price to yield 4.1%.").is_none());
        assert!(reported("The index gained 12 points, or 0.3%, in early trade.").is_none());
    }

    #[test]
    fn a_clause_after_the_name_is_not_its_description() {
        let found = reported("The plant is safe, said Ana Ortiz, adding that it will reopen.");
        let speaker = found.and_then(|f| f.speaker).unwrap_or_default();
        assert!(!speaker.contains("adding"), "{speaker}");
    }
}
