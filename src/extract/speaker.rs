//! Who a speaker phrase names: a person with role and affiliation, an institution, an
//! unnamed source, or a word that refers back to someone named before.

use super::lexicon::{
    AFFILIATION_PREPOSITIONS, ANONYMOUS_HEADS, ARTICLES, AUXILIARIES, DAYS, HONORIFICS,
    INSTITUTION_WORDS, JOINED_ARTICLES, JOINED_PARTICLES, LEADS, NAME_CONTINUERS, NAME_PARTICLES,
    PERSON_PRONOUNS, PLURAL_HEADS, RELATIVE_PRONOUNS, SENTENCE_ADVERBS, THING_PRONOUNS,
    TITLE_WORDS, VAGUE_LEADS,
};
use super::text::{bare, capitalised, key, tidy};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Person,
    Institution,
    Outlet,
    Anonymous,
    /// Someone described but not named ("Iraq's ambassador to France").
    Description,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    pub name: String,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub kind: Kind,
}

impl Speaker {
    pub fn new(name: &str, kind: Kind) -> Speaker {
        Speaker {
            name: name.to_owned(),
            role: None,
            affiliation: None,
            kind,
        }
    }

    /// The last word of the name, without particles: what later copy calls them by.
    pub fn surname(&self) -> Option<String> {
        if self.kind != Kind::Person {
            return None;
        }
        self.name.split_whitespace().last().map(surname_key)
    }

    /// Whether `word` ("mayor", "minister") is in this speaker's role.
    pub fn has_role(&self, word: &str) -> bool {
        self.role
            .iter()
            .flat_map(|r| r.split_whitespace())
            .any(|w| key(w) == word)
    }
}

/// A surname compared without its article: "al-Adnani" is "Adnani".
pub fn surname_key(word: &str) -> String {
    let k = key(word);
    for particle in JOINED_ARTICLES {
        if let Some(rest) = k.strip_prefix(particle) {
            return rest.to_owned();
        }
    }
    k
}

/// What a speaker phrase stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Parsed {
    Named(Speaker),
    /// "he", "she", "they": the speaker last named who can be called so.
    Pronoun(String),
    /// "Adnani", "Ms Marsh": someone named in full before.
    Surname(String),
    /// "the 56-year-old": the person the copy has named most, whom writers describe so.
    Protagonist,
    /// "the mayor", "the police chief": someone named before with that role (the last
    /// word), or else the description as written.
    Role {
        role: String,
        described: String,
    },
}

/// Reads a speaker phrase as written before or after a speech verb.
pub fn parse(phrase: &str) -> Option<Parsed> {
    let phrase = without_participles(&without_trailing_auxiliaries(&without_relative_clause(
        &without_opening_adverb(phrase),
    )));
    let phrase = tidy(&phrase);
    if phrase.is_empty() || phrase.split_whitespace().count() > 30 {
        return None;
    }
    let lower = phrase.to_lowercase();
    if PERSON_PRONOUNS.contains(&lower.as_str()) || THING_PRONOUNS.contains(&lower.as_str()) {
        return Some(Parsed::Pronoun(lower));
    }
    let words: Vec<&str> = phrase.split_whitespace().collect();
    // "the 56-year-old", "the 31-year-old striker": someone the story is about.
    if words.len() <= 3 && key(words[0]) == "the" && words.get(1).is_some_and(|w| is_age(w)) {
        return Some(Parsed::Protagonist);
    }
    // "the mayor", "the former minister"
    if let [the, .., role] = words.as_slice()
        && key(the) == "the"
        && words.len() <= 4
        && words.iter().skip(1).all(|w| !capitalised(w))
        && TITLE_WORDS.contains(&key(role).as_str())
    {
        let rest: Vec<&str> = words[1..].iter().map(|w| w.trim_end_matches(',')).collect();
        return Some(Parsed::Role {
            role: key(role),
            described: format!("the {}", rest.join(" ")),
        });
    }
    let unhonoured: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !HONORIFICS.contains(&key(w).as_str()))
        .collect();
    if let [one] = unhonoured.as_slice()
        && capitalised(one)
        && !INSTITUTION_WORDS.contains(&key(one).as_str())
        && !ANONYMOUS_HEADS.contains(&key(one).as_str())
        && one.chars().any(char::is_lowercase)
    {
        return Some(Parsed::Surname(surname_key(one)));
    }
    Some(Parsed::Named(named(&phrase)))
}

/// "56-year-old": an age that stands for a person.
fn is_age(word: &str) -> bool {
    let k = key(word);
    k.split_once('-')
        .is_some_and(|(n, rest)| n.chars().all(|c| c.is_ascii_digit()) && rest == "year-old")
}

/// A phrase that is not a reference: a person if it holds a person's name, else an
/// unnamed source, an institution, or a description.
fn named(phrase: &str) -> Speaker {
    let segments: Vec<String> = phrase
        .split(", ")
        .map(tidy)
        .filter(|s| !s.is_empty() && !s.chars().all(|c| c.is_ascii_digit()))
        .collect();
    // A segment that is nothing but a name ("A spokeswoman for the library, Mei Tanaka")
    // is the person; otherwise the first segment holding a name.
    let whole = |segment: &str| {
        person_in(segment).is_some_and(|p| {
            p.name.split_whitespace().count() == segment.split_whitespace().count()
        })
    };
    let order: Vec<usize> = (0..segments.len())
        .filter(|&i| whole(&segments[i]))
        .chain(0..segments.len())
        .collect();
    for i in order {
        let segment = &segments[i];
        if let Some(mut person) = person_in(segment) {
            if person.role.is_none()
                && let Some(before) = i.checked_sub(1).map(|b| &segments[b])
            {
                let (role, affiliation) = appositive(before);
                person.role = role;
                person.affiliation = person.affiliation.or(affiliation);
            }
            if let Some(after) = segments.get(i + 1)
                && starts_with_article(after)
            {
                let (role, affiliation) = appositive(after);
                person.role = person.role.or(role);
                person.affiliation = person.affiliation.or(affiliation);
            }
            return person;
        }
    }
    let first = segments.first().cloned().unwrap_or_default();
    if is_anonymous(&first) {
        return Speaker::new(&without_article(&first), Kind::Anonymous);
    }
    let name = without_article(&first);
    let lead = name.split_whitespace().next().map(key).unwrap_or_default();
    let possessive = name.contains("'s ") || name.contains("’s ");
    let described = possessive
        || TITLE_WORDS.contains(&lead.as_str())
        || ANONYMOUS_HEADS.contains(&lead.as_str());
    let named_after_description =
        described_name(&name.split_whitespace().collect::<Vec<_>>()).is_some();
    let owned_name = possessive
        && name
            .split_whitespace()
            .next()
            .is_some_and(|w| capitalised(w) && (w.ends_with("'s") || w.ends_with("’s")))
        && (name.split_whitespace().skip(1).all(capitalised) || is_institution_word(&name));
    let kind = if (named_after_description && !possessive) || owned_name {
        Kind::Institution
    } else if described || (!capitalised(&name) && !is_institution_word(&name)) {
        Kind::Description
    } else {
        Kind::Institution
    };
    let name = if kind == Kind::Institution {
        institution_name(&name)
    } else {
        name
    };
    let mut speaker = Speaker::new(&name, kind);
    if kind == Kind::Description {
        let (role, affiliation) = appositive(&first);
        speaker.role = role;
        speaker.affiliation = affiliation;
    }
    speaker
}

/// An organisation's own name, without the description before it: "cybersecurity firm
/// Sentrel" is "Sentrel", "Belmara's National Public Health Institute" is "National Public
/// Health Institute".
fn institution_name(phrase: &str) -> String {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    // "Belmara's National Public Health Institute", "Ukraine's air force": the body, not
    // the country that owns it.
    if let [owner, rest @ ..] = words.as_slice()
        && (owner.ends_with("'s") || owner.ends_with("’s"))
        && capitalised(owner)
        && !rest.is_empty()
        && (rest.iter().all(|w| capitalised(w))
            || rest
                .iter()
                .any(|w| INSTITUTION_WORDS.contains(&key(w).as_str())))
    {
        return rest.join(" ");
    }
    match described_name(&words) {
        Some(name) => name,
        None => phrase.to_owned(),
    }
}

/// "cybersecurity firm Sentrel" → "Sentrel": a name after the words that describe it.
fn described_name(words: &[&str]) -> Option<String> {
    let last_lower = words.iter().rposition(|w| !capitalised(w))?;
    let joins = [
        "of", "for", "and", "to", "in", "at", "on", "the", "from", "with", "by", "de",
    ];
    let described = last_lower + 1 < words.len()
        && !joins.contains(&key(words[last_lower]).as_str())
        && !words[last_lower].ends_with("'s");
    described.then(|| words[last_lower + 1..].join(" "))
}

fn is_institution_word(name: &str) -> bool {
    name.split_whitespace()
        .any(|w| INSTITUTION_WORDS.contains(&key(w).as_str()))
}

/// A person's name in a segment ("U.N. Secretary General Ban Ki-moon", "spokesman Abu
/// Muhammad al-Adnani", "Daniel Okafor of the Ashworth Independents"), with the role and
/// affiliation written around it.
pub fn person_in(segment: &str) -> Option<Speaker> {
    let words: Vec<&str> = segment.split_whitespace().collect();
    let (start, end) = longest_name_run(&words)?;
    let run = &words[start..end];
    // "the Pike Valley school district": the capitals qualify a noun, they name no one.
    let qualifies = words.get(end).is_some_and(|next| {
        next.starts_with(char::is_lowercase) && !NAME_CONTINUERS.contains(&key(next).as_str())
    });
    if qualifies && !run.last().is_some_and(|w| w.ends_with(',')) {
        return None;
    }
    let last_title = run
        .iter()
        .rposition(|w| TITLE_WORDS.contains(&key(w).as_str()));
    let name_from = last_title.map_or(0, |t| t + 1);
    let name: Vec<&str> = run[name_from..].to_vec();
    let proper = name.iter().filter(|w| is_proper(w)).count();
    if proper < 2
        || name
            .iter()
            .any(|w| INSTITUTION_WORDS.contains(&key(w).as_str()))
    {
        return None;
    }
    let mut title_from = name_from;
    while title_from > 0 && TITLE_WORDS.contains(&key(run[title_from - 1]).as_str()) {
        title_from -= 1;
    }
    let title: Vec<&str> = run[title_from..name_from]
        .iter()
        .copied()
        .filter(|w| !HONORIFICS.contains(&key(w).as_str()))
        .collect();
    let lower_before: Vec<&str> = words[..start]
        .iter()
        .copied()
        .skip_while(|w| !w.chars().next().is_some_and(char::is_lowercase))
        .filter(|w| !ARTICLES.contains(&key(w).as_str()))
        .collect();
    let role = [lower_before.join(" "), title.join(" ")]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let affiliation_in_run = run[..title_from].join(" ");
    let after = words[end..].join(" ");
    let affiliation = after
        .strip_prefix("of ")
        .map(str::to_owned)
        .or((!affiliation_in_run.is_empty()).then_some(affiliation_in_run));
    Some(Speaker {
        name: name.iter().map(|w| bare(w)).collect::<Vec<_>>().join(" "),
        role: (!role.is_empty()).then_some(role),
        affiliation: affiliation.map(|a| tidy(&a)),
        kind: Kind::Person,
    })
}

/// The longest run of capitalised words and name particles, as (start, end).
fn longest_name_run(words: &[&str]) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < words.len() {
        if !capitalised(words[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < words.len() && (capitalised(words[i]) || is_particle(words[i])) {
            let owner = words[i].ends_with("'s") || words[i].ends_with("’s");
            // "Wisla Bank's management": an owner, not a name; "Sheriff's Office" is one.
            if owner && !words.get(i + 1).is_some_and(|w| capitalised(w)) {
                break;
            }
            i += 1;
            if words[i - 1].ends_with(',') {
                break;
            }
        }
        if i == start {
            i += 1;
            continue;
        }
        if best.is_none_or(|(s, e)| i - start > e - s) {
            best = Some((start, i));
        }
    }
    best
}

/// A word of a name proper: "Yusuf", or "al-Rawi" with its particle.
fn is_proper(word: &str) -> bool {
    capitalised(word)
        || bare(word)
            .split_once('-')
            .is_some_and(|(_, rest)| rest.starts_with(char::is_uppercase))
}

fn is_particle(word: &str) -> bool {
    let k = key(word);
    NAME_PARTICLES.contains(&k.as_str())
        || JOINED_PARTICLES
            .iter()
            .any(|p| k.starts_with(p) && word.len() > p.len())
}

/// "a spokeswoman for the Red Cross" → role "spokeswoman", affiliation "the Red Cross".
fn appositive(text: &str) -> (Option<String>, Option<String>) {
    let text = without_article(text);
    let text = text
        .trim_start_matches("His ")
        .trim_start_matches("Her ")
        .trim_start_matches("Their ")
        .trim_start_matches("Its ");
    for preposition in AFFILIATION_PREPOSITIONS {
        if let Some((role, affiliation)) = text.split_once(preposition) {
            return (Some(tidy(role)), Some(tidy(affiliation)));
        }
    }
    if let Some((owner, role)) = text.split_once("'s ").or(text.split_once("’s ")) {
        return (Some(tidy(role)), Some(tidy(owner)));
    }
    (Some(tidy(text)).filter(|r| !r.is_empty()), None)
}

fn starts_with_article(text: &str) -> bool {
    let first = text.split_whitespace().next().map(key).unwrap_or_default();
    ARTICLES.contains(&first.as_str())
}

/// Unnamed, or so vague it names nobody: "one official", "U.S. officials", "analysts",
/// "two sources familiar with the matter"; not "the spokesman for ISIS".
pub fn is_anonymous(phrase: &str) -> bool {
    let words: Vec<String> = phrase.split_whitespace().map(key).collect();
    let Some(first) = words.first() else {
        return false;
    };
    let possessive = phrase
        .split_whitespace()
        .next()
        .is_some_and(|w| w.ends_with("'s") || w.ends_with("’s"));
    if first == "the" || possessive {
        return false;
    }
    let Some(head) = words
        .iter()
        .position(|w| ANONYMOUS_HEADS.contains(&w.as_str()))
    else {
        return false;
    };
    let plural = words[head].ends_with('s') || PLURAL_HEADS.contains(&words[head].as_str());
    VAGUE_LEADS.contains(&first.as_str()) || plural || head == 0
}

/// Drops what opens the sentence rather than names anyone: a word ("However, a
/// spokesperson", "Tuesday, prosecutors") or a phrase led by a preposition ("in his
/// interview, the president").
fn without_opening_adverb(phrase: &str) -> String {
    let mut rest = phrase;
    while let Some((first, after)) = rest.split_once(", ") {
        let lead = first.split_whitespace().next().map(key).unwrap_or_default();
        let adverb = !first.contains(' ')
            && (SENTENCE_ADVERBS.contains(&lead.as_str()) || DAYS.contains(&lead.as_str()));
        let led = first.starts_with(char::is_lowercase)
            && first.split_whitespace().count() <= 6
            && LEADS.contains(&lead.as_str());
        if !(adverb || led) {
            break;
        }
        rest = after;
    }
    rest.to_owned()
}

/// Drops ", answering an urgent question," and ", speaking to reporters,": they say how,
/// not who.
pub fn without_participles(phrase: &str) -> String {
    let segments: Vec<&str> = phrase.split(", ").collect();
    let last = segments.len() - 1;
    let kept: Vec<&str> = segments
        .iter()
        .enumerate()
        .filter(|&(i, segment)| {
            let mut words = segment.split_whitespace();
            let first = words.next().unwrap_or("");
            let second = words.next().unwrap_or("");
            let participle = first.ends_with("ing")
                && (first.starts_with(char::is_lowercase)
                    // "Coming back to the market, experts say": opening the sentence, before
                    // the speaker, and not a name ("King Charles").
                    || (i == 0 && i < last && second.starts_with(char::is_lowercase)));
            !participle
        })
        .map(|(_, segment)| *segment)
        .collect();
    kept.join(", ")
}

/// Drops "who spoke on condition of anonymity", "which monitors jihadist websites".
fn without_relative_clause(phrase: &str) -> String {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let cut = words.iter().position(|w| RELATIVE_PRONOUNS.contains(w));
    match cut {
        Some(at) if at > 0 => words[..at].join(" "),
        _ => phrase.to_owned(),
    }
}

fn without_trailing_auxiliaries(phrase: &str) -> String {
    let mut words: Vec<&str> = phrase.split_whitespace().collect();
    while words.len() > 1 && AUXILIARIES.contains(&key(words[words.len() - 1]).as_str()) {
        words.pop();
    }
    words.join(" ")
}

/// "The White House" → "White House"; "an Alpen Kredit spokesperson" → "Alpen Kredit
/// spokesperson".
pub fn without_article(phrase: &str) -> String {
    let phrase = tidy(phrase);
    for article in ["the ", "The ", "a ", "A ", "an ", "An "] {
        if let Some(rest) = phrase.strip_prefix(article) {
            return rest.to_owned();
        }
    }
    phrase
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(phrase: &str) -> Speaker {
        match parse(phrase) {
            Some(Parsed::Named(s)) => s,
            other => panic!("{phrase}: {other:?}"),
        }
    }

    #[test]
    fn titles_before_a_name_are_its_role_and_what_precedes_them_its_affiliation() {
        let ban = person("U.N. Secretary General Ban Ki-moon has");
        assert_eq!(ban.name, "Ban Ki-moon");
        assert_eq!(ban.role.as_deref(), Some("Secretary General"));
        assert_eq!(ban.affiliation.as_deref(), Some("U.N."));
        let adnani = person("spokesman Abu Muhammad al-Adnani");
        assert_eq!(adnani.name, "Abu Muhammad al-Adnani");
        assert_eq!(adnani.role.as_deref(), Some("spokesman"));
        assert_eq!(adnani.surname().as_deref(), Some("adnani"));
    }

    #[test]
    fn an_appositive_gives_role_and_affiliation() {
        let yawar = person(
            "Jabbar Yawar, a spokesmen for the fighters from Iraq’s autonomous Kurdish north",
        );
        assert_eq!(yawar.name, "Jabbar Yawar");
        assert_eq!(yawar.role.as_deref(), Some("spokesmen"));
        assert_eq!(
            yawar.affiliation.as_deref(),
            Some("the fighters from Iraq’s autonomous Kurdish north")
        );
        let okafor = person(
            "The mayor, Daniel Okafor of the Ashworth Independents, who was declared the winner",
        );
        assert_eq!(okafor.name, "Daniel Okafor");
        assert_eq!(okafor.role.as_deref(), Some("mayor"));
        assert_eq!(
            okafor.affiliation.as_deref(),
            Some("the Ashworth Independents")
        );
    }

    #[test]
    fn unnamed_sources_are_anonymous_and_institutions_are_not() {
        for phrase in [
            "one official",
            "Officials",
            "Analysts",
            "two sources familiar with the matter",
            "an Alpen Kredit spokesperson",
            "A county official who spoke on condition of anonymity",
            "U.S. officials",
        ] {
            assert_eq!(person(phrase).kind, Kind::Anonymous, "{phrase}");
        }
        assert_eq!(person("The White House").name, "White House");
        assert_eq!(person("The White House").kind, Kind::Institution);
        assert_eq!(person("police").kind, Kind::Institution);
        assert_ne!(
            person("the spokesman for the Islamic State").kind,
            Kind::Anonymous
        );
    }

    #[test]
    fn references_back_are_recognised() {
        assert_eq!(parse("she"), Some(Parsed::Pronoun("she".into())));
        assert_eq!(parse("Adnani"), Some(Parsed::Surname("adnani".into())));
        assert_eq!(
            parse("Ms Marsh also"),
            Some(Parsed::Surname("marsh".into()))
        );
        assert_eq!(
            parse("the mayor"),
            Some(Parsed::Role {
                role: "mayor".into(),
                described: "the mayor".into()
            })
        );
        assert_eq!(
            parse("Rawi apparently"),
            Some(Parsed::Surname("rawi".into()))
        );
    }
}
