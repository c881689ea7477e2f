//! Reading attributed claims out of wire copy, the way an editor does: who said it, which
//! outlets passed it on, how, and with what doubt. Rules over sentences, quotations and
//! speech verbs; the words they look for are data in `lexicon`.

#[rustfmt::skip]
mod lexicon;
mod outlets;
mod patterns;
mod speaker;
mod text;

use serde::Serialize;

use lexicon::{DOUBT_MARKERS, MEDIA, MEDIA_OBJECTS, RELAY_VERBS};
pub use outlets::KnownOutlet;
use outlets::{Mention, Outlets};
use patterns::Found;
use speaker::{Kind, Parsed, Speaker};
use text::{key, tidy};

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
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProposedAttribution {
    pub claimant: String,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    /// person, organization or anonymous, as the ledger records claimants.
    pub kind: &'static str,
    pub via: Vec<String>,
    pub medium: Option<String>,
}

/// The attributed claims in `copy`, in the order they appear.
pub fn extract(copy: &str, setup: &Setup) -> Vec<Proposal> {
    let paragraphs = text::paragraphs(copy);
    let mut outlet = setup.outlet.clone();
    if outlet.is_none()
        && let Some(first) = paragraphs.iter().find_map(|p| text::strip_dateline(p).1)
    {
        outlet = Some(first.to_owned());
    }
    let outlets = Outlets::new(&setup.known_outlets, outlet.as_deref());
    let copy_outlet = outlet.map(|o| outlets.canonical(&o));
    let mut reader = Reader::new(outlets, copy_outlet.clone());
    // Until another is named, "the newspaper" is the copy's own.
    reader.last_outlet = copy_outlet;
    for (n, paragraph) in paragraphs.iter().enumerate() {
        let (body, _) = text::strip_dateline(paragraph);
        reader.paragraph(n, body);
    }
    reader.finish()
}

/// A recording, video or statement the copy keeps coming back to, with the outlets that
/// passed it on and the doubts about it.
#[derive(Debug, Clone)]
struct Medium {
    kind: &'static str,
    speaker: Option<Speaker>,
    chain: Vec<Mention>,
    doubt: Vec<&'static str>,
}

/// A claim as read so far; its chain and doubts are settled at the end, once everything
/// said later about its source is known.
#[derive(Debug, Clone)]
struct Draft {
    text: String,
    speaker: Speaker,
    origin: Vec<Mention>,
    reporters: Vec<Mention>,
    medium: Option<&'static str>,
    source: Option<usize>,
    doubt: Vec<&'static str>,
    paragraph: usize,
}

/// What a speaker's last claim came through, for the follow-ups that do not repeat it.
#[derive(Debug, Clone)]
struct Channel {
    speaker: String,
    origin: Vec<Mention>,
    reporters: Vec<Mention>,
    medium: Option<&'static str>,
    source: Option<usize>,
}

struct Reader {
    outlets: Outlets,
    copy: Option<String>,
    drafts: Vec<Draft>,
    people: Vec<Speaker>,
    last_speaker: Option<Speaker>,
    last_outlet: Option<String>,
    media: Vec<Medium>,
    current_medium: Option<usize>,
    channels: Vec<Channel>,
    /// Every claim's speaker so far, with the medium it came in.
    recent: Vec<(Speaker, Option<&'static str>)>,
    /// Everything read so far, to find the full name behind a surname.
    seen: String,
    reporter_before: Option<Mention>,
    reporter_now: Option<Mention>,
    /// Whether the sentence being read introduced a medium.
    introduced_now: bool,
    sentence_now: String,
}

impl Reader {
    fn new(outlets: Outlets, copy: Option<String>) -> Reader {
        Reader {
            outlets,
            copy,
            drafts: Vec::new(),
            people: Vec::new(),
            last_speaker: None,
            last_outlet: None,
            media: Vec::new(),
            current_medium: None,
            channels: Vec::new(),
            recent: Vec::new(),
            seen: String::new(),
            reporter_before: None,
            reporter_now: None,
            introduced_now: false,
            sentence_now: String::new(),
        }
    }

    fn paragraph(&mut self, n: usize, body: &str) {
        self.reporter_before = self.reporter_now.take();
        if text::is_headline(body) {
            self.seen.push_str(body);
            self.seen.push_str(". ");
            return;
        }
        for sentence in text::sentences(body) {
            self.sentence_now = sentence.clone();
            self.sentence(n, &sentence);
            self.seen.push_str(&sentence);
            self.seen.push(' ');
        }
    }

    fn sentence(&mut self, paragraph: usize, sentence: &str) {
        let masked = patterns::Masked::new(sentence);
        let doubt = doubts_in(sentence);
        self.introduced_now = false;
        self.note_media(&masked, &doubt);
        match patterns::find(&masked, &self.outlets, self.last_outlet.as_deref()) {
            Some(found) => self.claim(paragraph, &masked, found, doubt),
            None if masked.only_quotes() => self.continue_quote(paragraph, &masked),
            None => {
                self.doubt_about_what_came_before(paragraph, &masked, &doubt);
                // "Superintendent Mara Lindqvist declined to comment. ... she said": a
                // person a sentence is about is whom "she" means next.
                if let Some(person) = patterns::subject_person(&masked.outside()) {
                    let person = match person.name.split_whitespace().count() {
                        1 => self.by_surname(&speaker::surname_key(&person.name), &person.name),
                        _ => person,
                    };
                    if person.name.contains(' ') {
                        self.register(&person);
                    }
                }
            }
        }
        let mentioned = self
            .outlets
            .named_in(&masked.outside(), self.last_outlet.as_deref());
        if let Some(last) = mentioned.last() {
            self.last_outlet = Some(last.name.clone());
        }
    }

    /// `"A," she said. "B."`: the second quotation belongs to the claim before it.
    fn continue_quote(&mut self, paragraph: usize, masked: &patterns::Masked) {
        if let Some(last) = self.drafts.last_mut()
            && last.paragraph == paragraph
        {
            last.text =
                patterns::join_quotes([last.text.as_str(), &masked.quotes_text()].into_iter());
        }
    }

    /// "It was not immediately possible to independently verify the toll": a doubt about
    /// the medium in hand, or else about the claims of this paragraph.
    fn doubt_about_what_came_before(
        &mut self,
        paragraph: usize,
        masked: &patterns::Masked,
        doubt: &[&'static str],
    ) {
        let verification: Vec<&'static str> = doubt
            .iter()
            .copied()
            .filter(|d| d.contains("verif") || d.contains("unconfirmed"))
            .collect();
        if verification.is_empty() {
            return;
        }
        let outside = masked.outside().to_lowercase();
        let about_medium = MEDIA_OBJECTS.iter().any(|m| outside.contains(m))
            || outside.contains("its authenticity");
        if about_medium && self.current_medium.is_some() {
            return;
        }
        for draft in self.drafts.iter_mut().rev() {
            if draft.paragraph != paragraph {
                break;
            }
            add_all(&mut draft.doubt, &verification);
        }
    }

    /// Recordings, videos and statements introduced ("an audio recording purportedly from
    /// the spokesman", "a separate audio message attributed to ...") or referred back to
    /// ("the recording was flagged and translated by SITE").
    fn note_media(&mut self, masked: &patterns::Masked, doubt: &[&'static str]) {
        let outside = masked.outside();
        let words: Vec<&str> = outside.split_whitespace().collect();
        for (i, word) in words.iter().enumerate() {
            let k = key(word);
            if !MEDIA_OBJECTS.contains(&k.as_str()) {
                continue;
            }
            if k == "audio"
                && words
                    .get(i + 1)
                    .is_some_and(|w| MEDIA_OBJECTS.contains(&key(w).as_str()))
            {
                continue;
            }
            let determiner = words[i.saturating_sub(4)..i]
                .iter()
                .rev()
                .map(|w| key(w))
                .find(|w| {
                    ["a", "an", "another", "the", "its", "this", "that"].contains(&w.as_str())
                });
            let relayed = self.relays_in(&words[i..].join(" "));
            match determiner.as_deref() {
                Some("a" | "an" | "another") => {
                    let Some(source) = patterns::medium_source(&words[i + 1..].join(" ")) else {
                        continue;
                    };
                    let speaker = self.resolve(&source).map(|(s, _)| s);
                    self.media.push(Medium {
                        kind: medium_kind(&words[i.saturating_sub(1)..=i].join(" ")),
                        speaker,
                        chain: relayed,
                        doubt: doubt.to_vec(),
                    });
                    self.current_medium = Some(self.media.len() - 1);
                    self.introduced_now = true;
                    return;
                }
                Some(_) => {
                    if let Some(m) = self.current_medium {
                        let medium = &mut self.media[m];
                        medium.chain.extend(relayed);
                        let verification: Vec<&'static str> = doubt
                            .iter()
                            .copied()
                            .filter(|d| d.contains("verif"))
                            .collect();
                        add_all(&mut medium.doubt, &verification);
                    }
                    return;
                }
                None => {}
            }
        }
        let lower = outside.to_lowercase();
        if lower.contains("its authenticity")
            && let Some(m) = self.current_medium
        {
            let verification: Vec<&'static str> = doubt
                .iter()
                .copied()
                .filter(|d| d.contains("verif"))
                .collect();
            add_all(&mut self.media[m].doubt, &verification);
        }
    }

    /// Outlets named after a relay verb: "flagged and translated by X", "carried by X".
    fn relays_in(&self, text: &str) -> Vec<Mention> {
        let lower = text.to_lowercase();
        let Some(by) = RELAY_VERBS
            .iter()
            .filter_map(|v| lower.find(&format!("{v} by ")).map(|at| at + v.len() + 1))
            .min()
        else {
            return Vec::new();
        };
        let after = &text[by..];
        let end = after.find(", which").unwrap_or(after.len());
        self.outlets
            .named_in(&after[..end], self.last_outlet.as_deref())
    }

    fn claim(
        &mut self,
        paragraph: usize,
        masked: &patterns::Masked,
        found: Found,
        doubt: Vec<&'static str>,
    ) {
        let last = self.last_outlet.clone();
        let attribution = masked.unmask(&found.attribution);
        let mut origin = self.outlets.named_in(&attribution, last.as_deref());
        let mut reporters: Vec<Mention> = Vec::new();
        if let Some(reporter) = &found.reporter {
            let name = self
                .outlets
                .is_outlet(reporter, last.as_deref())
                .unwrap_or_else(|| self.outlets.canonical(reporter));
            origin.retain(|m| m.name != name);
            reporters.push(Mention {
                name,
                at: usize::MAX,
                broadcast: None,
            });
        }
        if let Some(told) = &found.told {
            let named = self.outlets.named_in(told, last.as_deref());
            origin.retain(|m| !named.iter().any(|n| n.name == m.name));
            reporters.extend(named);
        }
        let (speaker, by_reference) = match self.speaker_of(&found, &reporters) {
            Some(s) => s,
            None => return,
        };
        if speaker.kind == Kind::Outlet && !reporters.iter().any(|r| r.name == speaker.name) {
            origin.retain(|m| m.name != speaker.name);
            reporters.insert(
                0,
                Mention {
                    name: speaker.name.clone(),
                    at: 0,
                    broadcast: None,
                },
            );
        }
        self.register(&speaker);
        let medium = medium_in(&attribution)
            .or_else(|| origin.iter().chain(&reporters).find_map(|m| m.broadcast));
        let mut draft = Draft {
            text: tidy(&masked.unmask(&found.claim)),
            speaker,
            origin,
            reporters,
            medium,
            source: self.source_of(&attribution, found.medium_source),
            doubt,
            paragraph,
        };
        if draft.text.split_whitespace().count() < 2 {
            return;
        }
        self.bind_medium(&mut draft);
        self.inherit(&mut draft, by_reference);
        if let Some(reporter) = draft.reporters.first() {
            self.reporter_now = Some(reporter.clone());
        }
        self.remember(&draft);
        self.recent.push((draft.speaker.clone(), draft.medium));
        self.drafts.push(draft);
    }

    /// The claimant: the speaker phrase resolved, or the outlet itself when it is the
    /// source ("according to Reuters", "the Associated Press reported").
    fn speaker_of(&mut self, found: &Found, reporters: &[Mention]) -> Option<(Speaker, bool)> {
        if found.outlet_is_source {
            let outlet = reporters.first()?;
            return Some((Speaker::new(&outlet.name, Kind::Outlet), false));
        }
        let phrase = found.speaker.as_deref()?;
        if found.document {
            return Some((
                Speaker::new(&speaker::without_article(phrase), Kind::Anonymous),
                false,
            ));
        }
        let last = self.last_outlet.clone();
        if let Some(outlet) = self.outlets.is_outlet(phrase, last.as_deref()) {
            return Some((Speaker::new(&outlet, Kind::Outlet), false));
        }
        self.resolve(phrase)
    }

    /// A speaker phrase as a claimant; true when it referred back to someone named before.
    fn resolve(&self, phrase: &str) -> Option<(Speaker, bool)> {
        let resolved = match speaker::parse(phrase)? {
            Parsed::Pronoun => (self.last_speaker.clone()?, true),
            Parsed::Surname(surname) => (self.by_surname(&surname, phrase), true),
            Parsed::Role(role) => match self.people.iter().rev().find(|p| p.has_role(&role)) {
                Some(p) => (p.clone(), true),
                None => match self.referred(&role) {
                    Some(s) => (s, true),
                    None => (
                        Speaker::new(&format!("the {role}"), Kind::Description),
                        false,
                    ),
                },
            },
            Parsed::Named(s) if key(&s.name) == "group" || s.name == "group" => {
                (self.last_group()?, true)
            }
            Parsed::Named(s)
                if s.name.split_whitespace().count() == 1 && !text::capitalised(&s.name) =>
            {
                match self.referred(&key(&s.name)) {
                    Some(found) => (found, true),
                    None => (s, false),
                }
            }
            Parsed::Named(s) => (s, false),
        };
        Some(resolved)
    }

    /// Whom "the official", "the statement" or "the company" refers to: the speaker last
    /// named so, the author of the last claim from such a document, the organisation last
    /// named, or what the copy defined the word as ("the regulator, the KNF").
    fn referred(&self, noun: &str) -> Option<Speaker> {
        if let Some(kind) = medium_in(noun)
            && let Some((s, _)) = self.recent.iter().rev().find(|(_, m)| *m == Some(kind))
        {
            return Some(s.clone());
        }
        // Named so by the last word of its name or role: "the official" is a "senior health
        // official", not a "Deputy District Attorney" for "the district".
        let head = |text: &str| text.split_whitespace().last().map(key);
        let named_so = self.recent.iter().rev().map(|(s, _)| s).find(|s| {
            let unnamed_head =
                s.kind == Kind::Anonymous && s.name.split_whitespace().any(|w| key(w) == noun);
            s.kind != Kind::Outlet
                && (head(&s.name).as_deref() == Some(noun)
                    || s.role.as_deref().and_then(head).as_deref() == Some(noun)
                    || unnamed_head)
        });
        if let Some(s) = named_so {
            return Some(s.clone());
        }
        if let Some(name) = patterns::defined_before(&self.seen, noun) {
            return Some(Speaker::new(&name, Kind::Institution));
        }
        if lexicon::SOURCE_DOCUMENTS.contains(&noun)
            && let Some(author) = patterns::author_of(&self.seen, noun)
            && author.split_whitespace().count() > 1
            && let Some((s, _)) = self.resolve(&author)
        {
            return Some(s);
        }
        if let Some(name) = patterns::last_institution_with(&self.seen, Some(noun)) {
            return Some(Speaker::new(&name, Kind::Institution));
        }
        if lexicon::INSTITUTION_REFERENCES.contains(&noun) {
            // In a story about one company, "the company" is the name it keeps coming back to.
            let most = patterns::most_named(&self.seen, &self.people)
                .map(|name| Speaker::new(&name, Kind::Institution));
            let institution = self
                .recent
                .iter()
                .rev()
                .map(|(s, _)| s)
                .find(|s| s.kind == Kind::Institution)
                .cloned();
            return most.or(institution).or_else(|| self.last_group());
        }
        None
    }

    /// The speaker of a claim is who "he" or "she" means next.
    fn register(&mut self, speaker: &Speaker) {
        if speaker.kind == Kind::Person {
            self.people.retain(|p| p.name != speaker.name);
            self.people.push(speaker.clone());
        }
        self.last_speaker = Some(speaker.clone());
    }

    fn by_surname(&self, surname: &str, phrase: &str) -> Speaker {
        if let Some(p) = self
            .people
            .iter()
            .rev()
            .find(|p| p.surname().as_deref() == Some(surname))
        {
            return p.clone();
        }
        if let Some(p) = patterns::full_name_before(&self.seen, surname) {
            return p;
        }
        let word = phrase
            .split_whitespace()
            .find(|w| speaker::surname_key(w) == surname)
            .unwrap_or(phrase);
        Speaker::new(text::bare(word), Kind::Person)
    }

    /// "the group": the organisation named last.
    fn last_group(&self) -> Option<Speaker> {
        let read = format!("{} {}", self.seen, self.sentence_now);
        patterns::last_institution(&read).map(|name| Speaker::new(&name, Kind::Institution))
    }

    /// The medium a claim came from: one it names ("in the video"), the one its source
    /// phrase introduced, or none.
    fn source_of(&self, attribution: &str, introduced: bool) -> Option<usize> {
        if introduced {
            return self.current_medium.filter(|_| self.introduced_now);
        }
        let lower = attribution.to_lowercase();
        let names_one = MEDIA_OBJECTS
            .iter()
            .any(|m| lower.contains(&format!("the {m}")) || lower.contains(&format!("this {m}")));
        if names_one { self.current_medium } else { None }
    }

    /// A recording "from the spokesman" is bound to the spokesman named later; claims of
    /// the person a medium is bound to come from it.
    fn bind_medium(&mut self, draft: &mut Draft) {
        for (i, medium) in self.media.iter_mut().enumerate() {
            let Some(speaker) = &medium.speaker else {
                continue;
            };
            let same = speaker.name == draft.speaker.name;
            let described = speaker.kind == Kind::Description
                && draft.speaker.kind == Kind::Person
                && speaker
                    .role
                    .as_deref()
                    .and_then(|r| r.split_whitespace().next())
                    .is_some_and(|head| draft.speaker.has_role(&key(head)));
            if described {
                medium.speaker = Some(draft.speaker.clone());
            }
            if (same || described) && draft.source.is_none() && draft.origin.is_empty() {
                draft.source = Some(i);
            }
        }
    }

    /// Follow-ups ("he said", "Whitfield said", "the mayor added") come through what the
    /// speaker's last claim came through, unless they say otherwise; words spoken on a
    /// broadcast that the previous paragraph credited to an agency were reported by it.
    fn inherit(&self, draft: &mut Draft, by_reference: bool) {
        let own = !draft.origin.is_empty() || !draft.reporters.is_empty() || draft.source.is_some();
        if !own && (by_reference || draft.speaker.kind == Kind::Person) {
            if let Some(before) = self
                .channels
                .iter()
                .rev()
                .find(|c| c.speaker == draft.speaker.name)
            {
                draft.origin = before.origin.clone();
                draft.reporters = before.reporters.clone();
                draft.source = before.source;
                draft.medium = draft.medium.or(before.medium);
            }
        }
        let spoken_on_air =
            !draft.origin.is_empty() && draft.origin.iter().all(|m| m.broadcast.is_some());
        if spoken_on_air
            && draft.reporters.is_empty()
            && let Some(reporter) = &self.reporter_before
        {
            draft.reporters.push(reporter.clone());
        }
    }

    fn remember(&mut self, draft: &Draft) {
        self.channels.push(Channel {
            speaker: draft.speaker.name.clone(),
            origin: draft.origin.clone(),
            reporters: draft.reporters.clone(),
            medium: draft.medium,
            source: draft.source,
        });
    }

    fn finish(self) -> Vec<Proposal> {
        self.drafts.iter().map(|d| self.propose(d)).collect()
    }

    fn propose(&self, draft: &Draft) -> Proposal {
        let medium = draft.source.map(|i| &self.media[i]);
        let mut speaker = draft.speaker.clone();
        let mut via: Vec<String> = Vec::new();
        let mut doubt = Vec::new();
        let mut kind = draft.medium;
        if let Some(m) = medium {
            if let Some(bound) = &m.speaker
                && bound.kind == Kind::Person
                && (speaker.kind == Kind::Description || speaker.name == bound.name)
            {
                speaker = bound.clone();
            }
            via.extend(m.chain.iter().map(|o| o.name.clone()));
            add_all(&mut doubt, &m.doubt);
            kind = kind.or(Some(m.kind));
        }
        let mut own = draft.origin.clone();
        own.sort_by_key(|m| m.at);
        via.extend(own.into_iter().map(|o| o.name));
        via.extend(draft.reporters.iter().map(|o| o.name.clone()));
        via.extend(self.copy.clone());
        let mut chain: Vec<String> = Vec::new();
        for outlet in via {
            if !chain.contains(&outlet) {
                chain.push(outlet);
            }
        }
        if let Some(copy) = &self.copy
            && let Some(at) = chain.iter().position(|o| o == copy)
        {
            let copy = chain.remove(at);
            chain.push(copy);
        }
        add_all(&mut doubt, &draft.doubt);
        Proposal {
            text: as_sentence(&draft.text),
            anonymous: speaker.kind == Kind::Anonymous,
            attributions: vec![ProposedAttribution {
                claimant: speaker.name.clone(),
                role: speaker.role.clone(),
                affiliation: speaker.affiliation.clone(),
                kind: match speaker.kind {
                    Kind::Person | Kind::Description => "person",
                    Kind::Institution | Kind::Outlet => "organization",
                    Kind::Anonymous => "anonymous",
                },
                via: chain,
                medium: kind.map(str::to_owned),
            }],
            doubt: doubt.into_iter().map(str::to_owned).collect(),
        }
    }
}

/// A claim as it would be logged: a capital first, a full stop last.
fn as_sentence(text: &str) -> String {
    let text = text.trim();
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let mut out: String = first.to_uppercase().chain(chars).collect();
    let ended = out
        .trim_end_matches(['"', '”', '’', '\'', ')'])
        .ends_with(['.', '?', '!', '…']);
    if !ended {
        out.push('.');
    }
    out
}

fn add_all(to: &mut Vec<&'static str>, more: &[&'static str]) {
    for d in more {
        if !to.contains(d) {
            to.push(d);
        }
    }
}

/// The markers of doubt in a sentence, each under its canonical wording.
fn doubts_in(sentence: &str) -> Vec<&'static str> {
    let lower = sentence.to_lowercase();
    let mut found = Vec::new();
    for (marker, parts) in DOUBT_MARKERS {
        let mut from = 0;
        let all = parts.iter().all(|part| match lower[from..].find(part) {
            Some(at) => {
                from += at + part.len();
                true
            }
            None => false,
        });
        let within = all && from - lower.find(parts[0]).unwrap_or(0) < 120;
        if within
            && !found
                .iter()
                .any(|f: &&str| f.contains(marker) || marker.contains(f))
        {
            found.push(*marker);
        }
    }
    found
}

/// The medium an attribution names ("in a statement", "in a phone interview with").
fn medium_in(attribution: &str) -> Option<&'static str> {
    let lower = attribution.to_lowercase();
    MEDIA
        .iter()
        .filter(|(phrase, _)| {
            lower.match_indices(phrase).any(|(at, _)| {
                let before = lower[..at].chars().last();
                let after = lower[at + phrase.len()..].chars().next();
                before.is_none_or(|c| !c.is_alphanumeric())
                    && after.is_none_or(|c| !c.is_alphanumeric())
            })
        })
        .max_by_key(|(phrase, _)| phrase.len())
        .map(|(_, medium)| *medium)
}

/// "audio recording", "video" and so on, for a medium named by `words`.
fn medium_kind(words: &str) -> &'static str {
    medium_in(words).unwrap_or("audio recording")
}
