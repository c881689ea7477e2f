//! The reader: goes through the copy sentence by sentence, keeping what later sentences
//! refer back to (people, outlets, recordings), and turns each attribution into a proposal
//! once everything said later about its source is known.

use super::earlier;
use super::lexicon::{
    CONCESSIVE_OPENERS, DOUBT_MARKERS, MEDIA, MEDIA_OBJECTS, MEDIUM_DETERMINERS,
    RELATIVE_SPEECH_OPENERS, RELAY_VERBS, SAY_VERBS,
};
use super::masked;
use super::outlets::{Mention, Outlets};
use super::patterns::{self, Found};
use super::rules::Rule;
use super::speaker::{self, Kind, Speaker};
use super::text::{self, key, tidy};
use super::{Proposal, ProposedAttribution, Reading};
use crate::model::ClaimantKind;

mod references;

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
    rules: Vec<Rule>,
    read: Reading,
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

pub(super) struct Reader {
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
    /// The pronoun the copy has used for each speaker, by name.
    pronouns: std::collections::HashMap<String, String>,
    /// Everything read so far, to find the full name behind a surname.
    seen: earlier::Seen,
    reporter_before: Option<Mention>,
    reporter_now: Option<Mention>,
    /// Whether the sentence being read introduced a medium.
    introduced_now: bool,
    sentence_now: String,
    /// Who "X also said:" introduced, while the list of what they said goes on.
    listing: Option<Speaker>,
}

impl Reader {
    pub(super) fn new(outlets: Outlets, copy: Option<String>) -> Reader {
        Reader {
            outlets,
            copy: copy.clone(),
            drafts: Vec::new(),
            people: Vec::new(),
            last_speaker: None,
            // Until another is named, "the newspaper" is the copy's own.
            last_outlet: copy,
            media: Vec::new(),
            current_medium: None,
            channels: Vec::new(),
            recent: Vec::new(),
            pronouns: std::collections::HashMap::new(),
            seen: earlier::Seen::default(),
            reporter_before: None,
            reporter_now: None,
            introduced_now: false,
            sentence_now: String::new(),
            listing: None,
        }
    }

    /// Reads a paragraph: `body` without its dateline, and its `lines` as written.
    pub(super) fn paragraph(&mut self, n: usize, body: &str, lines: &[String]) {
        self.reporter_before = self.reporter_now.take();
        if let Some(speaker) = self.listing.take() {
            // Items on lines of their own (unended, but perhaps the last), or a paragraph an
            // item.
            let on_lines = lines.len() > 1
                && lines[..lines.len() - 1]
                    .iter()
                    .all(|l| text::is_headline(l));
            let items = match on_lines {
                true => lines.to_vec(),
                false => vec![body.to_owned()],
            };
            let listed = items
                .iter()
                .take_while(|item| self.list_item(n, item, &speaker))
                .count();
            for item in &items[..listed] {
                self.seen.push(&format!("{item}."));
            }
            if listed == items.len() {
                self.listing = Some(speaker);
                return;
            }
            // The list ended inside the paragraph: its other lines are read as copy.
            if listed > 0 {
                for item in &items[listed..] {
                    self.read_body(n, item);
                }
                return;
            }
        }
        if let Some(phrase) = patterns::opens_list(&masked::Masked::new(body)) {
            self.listing = self.resolve(&phrase).map(|(s, _)| s);
            self.seen.push(body);
            return;
        }
        self.read_body(n, body);
    }

    /// Reads a paragraph, or a line of one, sentence by sentence; a headline only as what
    /// was read.
    fn read_body(&mut self, n: usize, body: &str) {
        if text::is_headline(body) {
            // Ended, so that a name in it does not run on into the next paragraph.
            self.seen.push(&format!("{body}."));
            return;
        }
        for sentence in text::sentences(body) {
            let relatives = self.relative_speech(&sentence);
            let clauses = match &relatives {
                Some(parts) => parts.clone(),
                None => self.clauses(&sentence),
            };
            for (i, clause) in clauses.iter().enumerate() {
                self.sentence_now = clause.clone();
                // A relative clause is an aside: whom later copy refers back to, and whose
                // words a following quotation goes on with, is the sentence's own speaker.
                let aside = relatives.is_some() && i > 0;
                let (last, recent, drafts) = (
                    self.last_speaker.clone(),
                    self.recent.len(),
                    self.drafts.len(),
                );
                self.sentence(n, clause);
                if aside {
                    self.last_speaker = last;
                    self.recent.truncate(recent);
                    for draft in &mut self.drafts[drafts..] {
                        draft.rules.push(Rule::RelativeClause);
                    }
                }
                self.seen.push(clause);
            }
        }
    }

    /// A paragraph of the list "X also said:" introduced: one sentence attributed to no one
    /// else, which becomes X's claim. False when the list has ended.
    fn list_item(&mut self, paragraph: usize, body: &str, speaker: &Speaker) -> bool {
        let sentences = text::sentences(body);
        let masked = masked::Masked::new(body);
        let own = patterns::find(&masked, &self.outlets, self.last_outlet.as_deref());
        if sentences.len() != 1 || own.is_some() || body.split_whitespace().count() > 60 {
            return false;
        }
        let mut draft = Draft {
            text: tidy(body),
            speaker: speaker.clone(),
            origin: Vec::new(),
            reporters: Vec::new(),
            medium: None,
            source: None,
            doubt: doubts_in(body),
            paragraph,
            rules: vec![Rule::SaidList],
            read: Reading {
                sentence: body.to_owned(),
                content: body.to_owned(),
                steps: vec![format!("an item of what {} said, listed", speaker.name)],
                ..Reading::default()
            },
        };
        self.inherit(&mut draft, true);
        self.drafts.push(draft);
        true
    }

    /// "He vowed to keep trying, but the BBC's editor Jon Sopel said the president did not
    /// sound confident": two clauses joined by ", but", each attributed on its own, are read
    /// as two sentences; any other sentence as one.
    fn clauses(&self, sentence: &str) -> Vec<String> {
        if let Some(both) = self.concession(sentence) {
            return both;
        }
        let masked = masked::Masked::new(sentence);
        if !masked.text.contains(", but ") || !sentence.contains(", but ") {
            return vec![sentence.to_owned()];
        }
        let Some((first, second)) = sentence.split_once(", but ") else {
            return vec![sentence.to_owned()];
        };
        let first = format!("{first}.");
        let attributed = |text: &str| {
            let masked = masked::Masked::new(text);
            patterns::find(&masked, &self.outlets, self.last_outlet.as_deref())
                .is_some_and(|f| f.speaker.is_some() && !f.claim_first)
        };
        if attributed(&first) && attributed(second) {
            vec![first, second.to_owned()]
        } else {
            vec![sentence.to_owned()]
        }
    }

    /// "Although the family suggested A, the director told lawmakers B": an opening clause
    /// of concession and the main clause, each with a speaker of its own, are read as two
    /// sentences.
    fn concession(&self, sentence: &str) -> Option<Vec<String>> {
        let (opener, rest) = sentence.split_once(' ')?;
        if !CONCESSIVE_OPENERS.contains(&text::key(opener).as_str()) {
            return None;
        }
        let masked = masked::Masked::new(rest);
        if !masked.text.contains(", ") {
            return None;
        }
        let (first, second) = rest.split_once(", ")?;
        let first = format!("{first}.");
        let attributed = |text: &str| {
            let masked = masked::Masked::new(text);
            patterns::find(&masked, &self.outlets, self.last_outlet.as_deref())
                .is_some_and(|f| f.speaker.is_some() && !f.claim_first)
        };
        (attributed(&first) && attributed(second)).then(|| vec![first, second.to_owned()])
    }

    /// "Iran pressed on with the work, which the West says is meant for bombs but which
    /// Tehran insists is for power": a relative clause whose own subject speaks is read as a
    /// sentence of its own, as is the sentence before it.
    fn relative_speech(&self, sentence: &str) -> Option<Vec<String>> {
        if !RELATIVE_SPEECH_OPENERS.iter().any(|o| sentence.contains(o)) {
            return None;
        }
        let masked = masked::Masked::new(sentence);
        let (at, opener) = RELATIVE_SPEECH_OPENERS
            .iter()
            .filter(|o| masked.text.contains(*o))
            .filter_map(|o| sentence.find(o).map(|at| (at, *o)))
            .min()?;
        let clause = &sentence[at + opener.len()..];
        let words: Vec<&str> = clause.split_whitespace().collect();
        // Its subject is a few words before a speech verb: "which the West says ...".
        let verb = words
            .iter()
            .take(6)
            .position(|w| SAY_VERBS.contains(&text::key(w).as_str()))?;
        if verb == 0 || words[..verb].iter().any(|w| w.ends_with(',')) {
            return None;
        }
        let clause_masked = masked::Masked::new(clause);
        let found = patterns::find(&clause_masked, &self.outlets, self.last_outlet.as_deref())?;
        if found.speaker.is_none() || found.claim_first {
            return None;
        }
        let mut parts = vec![format!("{}.", &sentence[..at])];
        match self.relative_speech(clause) {
            Some(more) => parts.extend(more),
            None => parts.push(clause.to_owned()),
        }
        Some(parts)
    }

    fn sentence(&mut self, paragraph: usize, sentence: &str) {
        let masked = masked::Masked::new(sentence);
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
                if let Some(person) = earlier::subject_person(&masked.outside()) {
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
    /// A sentence that is all quotation goes on with the claim before it in its paragraph;
    /// a paragraph that opens so, straight after a paragraph that said who was speaking,
    /// is a new claim in that speaker's words.
    fn continue_quote(&mut self, paragraph: usize, masked: &masked::Masked) {
        let Some(last) = self
            .drafts
            .iter_mut()
            .rev()
            .find(|d| !d.rules.contains(&Rule::RelativeClause))
        else {
            return;
        };
        let step = format!(
            "a quotation standing alone, in {}'s words as the claim before",
            last.speaker.name
        );
        if last.paragraph == paragraph {
            last.text =
                masked::join_quotes([last.text.as_str(), &masked.quotes_text()].into_iter());
            last.read.content = masked::join_quotes(
                [last.read.content.as_str(), &masked.quotes_text()].into_iter(),
            );
            if !last.rules.contains(&Rule::QuoteGoesOn) {
                last.rules.push(Rule::QuoteGoesOn);
                last.read.steps.push(step);
            }
        } else if last.paragraph + 1 == paragraph {
            let mut next = last.clone();
            next.paragraph = paragraph;
            next.text = masked.quotes_text();
            next.rules = vec![Rule::QuoteGoesOn];
            next.read = Reading {
                sentence: self.sentence_now.clone(),
                content: next.text.clone(),
                steps: vec![step],
                ..Reading::default()
            };
            self.drafts.push(next);
        }
    }

    /// "It was not immediately possible to independently verify the toll": a doubt about
    /// the medium in hand, or else about the claims of this paragraph.
    fn doubt_about_what_came_before(
        &mut self,
        paragraph: usize,
        masked: &masked::Masked,
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
    fn note_media(&mut self, masked: &masked::Masked, doubt: &[&'static str]) {
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
                .find(|w| MEDIUM_DETERMINERS.contains(&w.as_str()));
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
        let lower = text::fold_case(text);
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
        masked: &masked::Masked,
        found: Found,
        doubt: Vec<&'static str>,
    ) {
        let last = self.last_outlet.clone();
        let attribution = masked.unmask(&found.attribution);
        let mut origin = self.outlets.named_in(&attribution, last.as_deref());
        // "Will Moy, chief executive of the fact-checking website Full Fact, told the BBC":
        // an outlet named in a speaker described so is where they work, not a relay.
        // But "The statement, which was obtained by Variety," names the outlet that passed
        // the words on.
        if let Some(phrase) = found.speaker.as_deref().filter(|s| s.contains(", ")) {
            let phrase = masked.unmask(phrase);
            let relayed = self.relays_in(&phrase);
            let mut own = self.outlets.named_in(&phrase, last.as_deref());
            own.retain(|o| !relayed.iter().any(|r| r.name == o.name));
            origin.retain(|m| !own.iter().any(|o| o.name == m.name));
        }
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
        if let Some(phrase) = &found.speaker {
            self.note_pronoun(phrase, &speaker);
        }
        let medium = medium_in(&attribution)
            .or_else(|| origin.iter().chain(&reporters).find_map(|m| m.broadcast));
        let mut read = Reading {
            sentence: self.sentence_now.clone(),
            claimant: found.speaker.as_deref().map(|s| masked.unmask(s)),
            cue: found.cue.as_deref().map(|c| masked.unmask(c)),
            content: masked.unmask(&found.claim),
            steps: Vec::new(),
        };
        if by_reference && let Some(phrase) = &read.claimant {
            read.steps.push(format!(
                "claimant: \"{phrase}\" is {} named before",
                speaker.name
            ));
        }
        let mut draft = Draft {
            text: tidy(&masked.unmask(&found.claim)),
            speaker,
            origin,
            reporters,
            medium,
            source: self.source_of(&attribution, found.medium_source),
            doubt,
            paragraph,
            rules: found.rules.clone(),
            read,
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
                draft.read.steps.push(format!(
                    "chain: came in the {} from {}",
                    medium.kind, draft.speaker.name
                ));
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
                if !draft.origin.is_empty() || !draft.reporters.is_empty() {
                    draft.read.steps.push(format!(
                        "chain: as {}'s claim before, which named no other",
                        draft.speaker.name
                    ));
                }
            }
        }
        let spoken_on_air =
            !draft.origin.is_empty() && draft.origin.iter().all(|m| m.broadcast.is_some());
        if spoken_on_air
            && draft.reporters.is_empty()
            && let Some(reporter) = &self.reporter_before
        {
            draft.reporters.push(reporter.clone());
            draft.read.steps.push(format!(
                "chain: said on air, reported by {} as in the paragraph before",
                reporter.name
            ));
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

    pub(super) fn finish(self) -> Vec<Proposal> {
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
                    Kind::Person | Kind::Description => ClaimantKind::Person,
                    Kind::Institution | Kind::Outlet => ClaimantKind::Organization,
                    Kind::Anonymous => ClaimantKind::Anonymous,
                },
                via: chain,
                medium: kind.map(str::to_owned),
            }],
            doubt: doubt.into_iter().map(str::to_owned).collect(),
            rules: draft.rules.clone(),
            read: draft.read.clone(),
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
    // A capital that is not the same letter in lower case ("ﬀ" to "FF", "ß" to "SS", "ı" to
    // "I") would change the word; such a letter is left as the copy has it.
    let capital: String = first.to_uppercase().collect();
    let same_letter = capital.to_lowercase() == first.to_lowercase().to_string();
    let mut out = if same_letter {
        capital
    } else {
        first.to_string()
    };
    out.extend(chars);
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
pub(super) fn medium_in(attribution: &str) -> Option<&'static str> {
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
