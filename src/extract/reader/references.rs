//! Who a speaker phrase means: a name resolved against the people named before, a pronoun
//! or surname to its person, "the company" or "the lawsuit" to the organisation behind it.

use super::{Reader, medium_in};
use crate::extract::lexicon;
use crate::extract::outlets::Mention;
use crate::extract::patterns::Found;
use crate::extract::speaker::{self, Kind, Parsed, Speaker};
use crate::extract::text::{self, key};

impl Reader {
    /// The claimant: the speaker phrase resolved, or the outlet itself when it is the
    /// source ("according to Reuters", "the Associated Press reported").
    /// Remembers which pronoun the copy used for a speaker.
    pub(super) fn note_pronoun(&mut self, phrase: &str, speaker: &Speaker) {
        let word = phrase.trim().to_lowercase();
        if lexicon::GENDERED_PRONOUNS.contains(&word.as_str()) {
            self.pronouns.insert(speaker.name.clone(), word);
        }
    }

    pub(super) fn speaker_of(
        &mut self,
        found: &Found,
        reporters: &[Mention],
    ) -> Option<(Speaker, bool)> {
        if found.outlet_is_source {
            let outlet = reporters.first()?;
            return Some((Speaker::new(&outlet.name, Kind::Outlet), false));
        }
        let phrase = found.speaker.as_deref()?;
        // "the agency" after a government agency spoke is that agency, not a news agency.
        if phrase.trim().eq_ignore_ascii_case("the agency")
            && let Some(last) = self
                .last_speaker
                .clone()
                .filter(|s| s.kind == Kind::Institution)
        {
            return Some((last, true));
        }
        if found.document {
            if let Some(issuer) = self.issuer_of(phrase) {
                return Some((issuer, true));
            }
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

    /// Who issued a document the copy refers back to ("the office release", "the
    /// statement"): whoever its words name before, the issuer of the last claim read from
    /// such a document, or its author where the copy said who filed it. None for a document
    /// introduced now ("a report", "court documents").
    fn issuer_of(&self, phrase: &str) -> Option<Speaker> {
        let words: Vec<String> = phrase.split_whitespace().map(key).collect();
        let definite = words
            .first()
            .is_some_and(|w| ["the", "its", "their", "this"].contains(&w.as_str()));
        if !definite {
            return None;
        }
        // The head noun ("release") first, then what qualifies it ("office").
        words[1..]
            .iter()
            .rev()
            .filter_map(|w| self.referred(w))
            .find(|s| s.kind != Kind::Anonymous)
    }

    /// A speaker phrase as a claimant; true when it referred back to someone named before.
    pub(super) fn resolve(&self, phrase: &str) -> Option<(Speaker, bool)> {
        let resolved = match speaker::parse(phrase)? {
            Parsed::Pronoun(word) => (self.by_pronoun(&word)?, true),
            Parsed::Protagonist => (
                self.protagonist().or_else(|| self.by_pronoun("they"))?,
                true,
            ),
            Parsed::Surname(surname) => (self.by_surname(&surname, phrase), true),
            Parsed::Role { role, described } => {
                match self.people.iter().rev().find(|p| p.has_role(&role)) {
                    Some(p) => (p.clone(), true),
                    None => match self.referred(&role) {
                        Some(s) => (s, true),
                        None => (Speaker::new(&described, Kind::Description), false),
                    },
                }
            }
            // "the production company" after "Dick Clark Productions": the organisation
            // named before whose name holds the description's qualifier.
            Parsed::Named(s) if let Some(found) = self.described_organisation(&s) => (found, true),
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

    /// The organisation a description in lower case ("production company", "water
    /// board") refers back to: the last named whose name has a word that begins as the
    /// qualifier does.
    fn described_organisation(&self, s: &Speaker) -> Option<Speaker> {
        let words: Vec<&str> = s.name.split_whitespace().collect();
        let [qualifier, head] = words.as_slice() else {
            return None;
        };
        if !matches!(s.kind, Kind::Description | Kind::Institution)
            || text::capitalised(qualifier)
            || text::capitalised(head)
            || !lexicon::INSTITUTION_REFERENCES.contains(&key(head).as_str())
        {
            return None;
        }
        let stem: String = key(qualifier).chars().take(5).collect();
        if stem.chars().count() < 5 {
            return None;
        }
        let name = self.seen.last_name_with(&stem)?;
        Some(Speaker::new(&name, Kind::Institution))
    }

    /// The person whose surname the copy has named most (possessives too), the first named
    /// on a tie: a story introduces its subject first.
    /// Whoever the copy has named so, speaker or not: "Jose Mourinho has agreed a deal"
    /// makes him the one "the 56-year-old" means.
    fn protagonist(&self) -> Option<Speaker> {
        let times = |p: &Speaker| p.surname().map_or(0, |s| self.seen.times_named(&s));
        let first = |p: &Speaker| {
            p.surname()
                .map_or(usize::MAX, |s| self.seen.first_named(&s))
        };
        self.people
            .iter()
            .cloned()
            .chain(self.seen.named_people())
            .max_by_key(|p| (times(p), std::cmp::Reverse(first(p))))
    }

    /// Whom "he" or "she" means: the speaker last named, unless the copy has already called
    /// them the other; then the one before who can be called so.
    fn by_pronoun(&self, word: &str) -> Option<Speaker> {
        if lexicon::THING_PRONOUNS.contains(&word) {
            return self.by_thing_pronoun();
        }
        let fits = |s: &Speaker| match self.pronouns.get(&s.name) {
            Some(known) => known == word || word == "they",
            None => true,
        };
        let candidates = self
            .last_speaker
            .iter()
            .chain(self.recent.iter().rev().map(|(s, _)| s))
            .chain(self.people.iter().rev());
        candidates
            .filter(|s| s.kind != Kind::Outlet)
            .find(|s| fits(s))
            .or(self.last_speaker.as_ref())
            .cloned()
    }

    /// What "it" means: the last speaker that is no person and not many (an organisation,
    /// an outlet, a document, "a security source"), or else the organisation named last.
    fn by_thing_pronoun(&self) -> Option<Speaker> {
        let one_thing = |s: &&Speaker| match s.kind {
            Kind::Institution | Kind::Outlet => true,
            Kind::Anonymous => {
                let head = s
                    .name
                    .split_whitespace()
                    .last()
                    .map(key)
                    .unwrap_or_default();
                !head.ends_with('s') && !lexicon::PLURAL_HEADS.contains(&head.as_str())
            }
            Kind::Person | Kind::Description => false,
        };
        self.last_speaker
            .iter()
            .chain(self.recent.iter().rev().map(|(s, _)| s))
            .find(one_thing)
            .cloned()
            .or_else(|| self.last_group())
    }

    /// Whom "the official", "the statement" or "the company" refers to: the speaker last
    /// named so, the author of the last claim from such a document, the organisation last
    /// named, or what the copy defined the word as ("the regulator, the KNF").
    pub(super) fn referred(&self, noun: &str) -> Option<Speaker> {
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
        if let Some(name) = self.seen.defined_before(noun) {
            return Some(Speaker::new(&name, Kind::Institution));
        }
        if lexicon::SOURCE_DOCUMENTS.contains(&noun)
            && let Some(author) = self.seen.author_of(noun)
            && author.split_whitespace().count() > 1
            && let Some((s, _)) = self.resolve(&author)
        {
            return Some(s);
        }
        if let Some(name) = self.seen.last_institution_with(Some(noun), "") {
            return Some(Speaker::new(&name, Kind::Institution));
        }
        if lexicon::INSTITUTION_REFERENCES.contains(&noun) {
            // In a story about one company, "the company" is the name it keeps coming back to.
            let most = self
                .seen
                .most_named(&self.people)
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
    pub(super) fn register(&mut self, speaker: &Speaker) {
        if speaker.kind == Kind::Person {
            self.people.retain(|p| p.name != speaker.name);
            self.people.push(speaker.clone());
        }
        self.last_speaker = Some(speaker.clone());
    }

    pub(super) fn by_surname(&self, surname: &str, phrase: &str) -> Speaker {
        if let Some(p) = self
            .people
            .iter()
            .rev()
            .find(|p| p.surname().as_deref() == Some(surname))
        {
            return p.clone();
        }
        if let Some(p) = self.seen.full_name_before(surname) {
            return p;
        }
        let word = phrase
            .split_whitespace()
            .find(|w| speaker::surname_key(w) == surname)
            .unwrap_or(phrase);
        Speaker::new(text::bare(word), Kind::Person)
    }

    /// "the group": the organisation named last.
    pub(super) fn last_group(&self) -> Option<Speaker> {
        self.seen
            .last_institution_with(None, &self.sentence_now)
            .map(|name| Speaker::new(&name, Kind::Institution))
    }
}
