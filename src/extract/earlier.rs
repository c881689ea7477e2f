//! What the copy said before a sentence, for the words that refer back to it: the full name
//! behind a surname, what "the regulator" was defined as, who filed "the lawsuit", which
//! organisation "the company" or "the group" is.

use super::lexicon::{
    ARTICLES, DAYS, DOCUMENT_AUTHORING, INSTITUTION_WORDS, MONTHS, NOT_PROPER_NOUNS,
    SURNAME_PARTICLES, TITLE_WORDS,
};
use std::collections::{HashMap, HashSet};

use super::speaker::{Speaker, person_in, surname_key};
use super::text::{bare, capitalised, key};

/// The copy read so far, word by word, with the words indexed as they come: looking back
/// for a surname or a description costs the places it occurs, not the whole copy again.
#[derive(Debug, Default)]
pub struct Seen {
    words: Vec<String>,
    /// Where each capitalised or hyphenated word stands, by its surname key.
    named: HashMap<String, Vec<usize>>,
    /// Where each word stands, by its key.
    keyed: HashMap<String, Vec<usize>>,
    /// Capitalised words that may be names: how often, and where last.
    proper: HashMap<String, (usize, usize)>,
    /// Words the copy has also written in lower case: common words, not names.
    lowered: HashSet<String>,
}

impl Seen {
    /// Reads `text` on from what was read before.
    pub fn push(&mut self, text: &str) {
        for word in text.split_whitespace() {
            let at = self.words.len();
            let k = key(word);
            if capitalised(word) || bare(word).contains('-') {
                self.named
                    .entry(surname_key(bare(word)))
                    .or_default()
                    .push(at);
            }
            if word.starts_with(char::is_lowercase) {
                self.lowered.insert(k.clone());
            }
            let may_name = capitalised(word)
                && !NOT_PROPER_NOUNS.contains(&k.as_str())
                && !DAYS.contains(&k.as_str())
                && !MONTHS.contains(&k.as_str());
            if may_name {
                // "WeWork’s" counts for WeWork.
                let name = without_possessive(bare(word));
                let (times, last) = self.proper.entry(name.to_owned()).or_default();
                *times += 1;
                *last = at;
            }
            self.keyed.entry(k).or_default().push(at);
            self.words.push(word.to_owned());
        }
    }

    fn words(&self) -> Vec<&str> {
        self.words.iter().map(String::as_str).collect()
    }

    /// How many times the copy has named `surname`, possessives too.
    pub fn times_named(&self, surname: &str) -> usize {
        let own = self.named.get(surname).map_or(0, Vec::len);
        let owning = self
            .named
            .get(&format!("{surname}'s"))
            .or(self.named.get(&format!("{surname}’s")))
            .map_or(0, Vec::len);
        own + owning
    }

    /// Where the copy first named `surname`.
    pub fn first_named(&self, surname: &str) -> usize {
        self.named
            .get(surname)
            .and_then(|at| at.first())
            .copied()
            .unwrap_or(usize::MAX)
    }

    /// The people the copy has named in full and then again by surname.
    pub fn named_people(&self) -> Vec<Speaker> {
        self.proper
            .iter()
            .filter(|(_, (times, _))| *times >= 2)
            .filter_map(|(word, _)| {
                let surname = surname_key(word);
                self.full_name_before(&surname).filter(|p| {
                    p.name.contains(' ') && p.surname().as_deref() == Some(surname.as_str())
                })
            })
            .collect()
    }

    /// The person a surname was first given for ("Gov. Andrea Collier" for "Collier").
    pub fn full_name_before(&self, surname: &str) -> Option<Speaker> {
        let words = self.words();
        let mut found = None;
        for &i in self.named.get(surname).into_iter().flatten() {
            let mut start = i;
            while start > 0
                && (capitalised(words[start - 1])
                    && !words[start - 1].ends_with(',')
                    && !words[start - 1].ends_with('.')
                    || words[start - 1].ends_with("Gov."))
            {
                start -= 1;
            }
            if let Some(person) = person_in(&words[start..=i].join(" ")) {
                found = Some(person);
            }
        }
        found
    }

    /// What a description was defined as earlier in the copy: "the regulator" after
    /// "Poland's financial regulator, the KNF", "the broadcaster" after "local broadcaster
    /// TVN24".
    pub fn defined_before(&self, noun: &str) -> Option<String> {
        let words = self.words();
        let mut found = None;
        for &i in self.keyed.get(noun).into_iter().flatten() {
            let word = words[i];
            // A description is written in lower case; "District" in a name defines nothing.
            if capitalised(word) {
                continue;
            }
            let mut j = i + 1;
            if word.ends_with(',') && words.get(j).is_some_and(|w| key(w) == "the") {
                j += 1;
            } else if word.ends_with(',') {
                continue;
            }
            let mut name: Vec<&str> = Vec::new();
            for w in words[j..].iter().take_while(|w| capitalised(w)) {
                name.push(bare(w));
                if w.ends_with(['.', ',', ';', ':']) {
                    break;
                }
            }
            let ends = j + name.len();
            if !name.is_empty()
                && name.len() <= 5
                && words.get(ends - 1).is_some_and(|w| !w.ends_with("'s"))
            {
                found = Some(name.join(" "));
            }
        }
        found
    }

    /// The proper noun the copy names most often, outside people's names and the start of
    /// sentences, the latest named on a tie: in a story about one company, that company
    /// ("the company said").
    pub fn most_named(&self, people: &[Speaker]) -> Option<String> {
        let in_people: HashSet<String> = people
            .iter()
            .filter(|p| p.name.contains(' '))
            .flat_map(|p| p.name.split_whitespace().map(key).collect::<Vec<_>>())
            .collect();
        self.proper
            .iter()
            .filter(|(name, (n, _))| {
                let k = key(name);
                *n >= 2 && !in_people.contains(&k) && !self.lowered.contains(&k)
            })
            .max_by_key(|(_, (n, last))| (*n, *last))
            .map(|(name, _)| name.clone())
    }

    /// Who filed, issued or published a document the copy mentioned: "a civil suit the
    /// district filed", "the district filed a lawsuit", "a report published by the agency".
    pub fn author_of(&self, noun: &str) -> Option<String> {
        let words = self.words();
        let nouns: &[&str] = if noun == "lawsuit" {
            &["lawsuit", "suit"]
        } else {
            &[noun]
        };
        let mut places: Vec<usize> = nouns
            .iter()
            .flat_map(|n| self.keyed.get(*n).into_iter().flatten().copied())
            .collect();
        places.sort_unstable();
        let mut found = None;
        for i in places {
            // "a civil suit the district filed"
            let after: Vec<&str> = words[i + 1..].iter().take(6).copied().collect();
            if let Some(verb) = after
                .iter()
                .position(|w| DOCUMENT_AUTHORING.contains(&key(w).as_str()))
                && verb > 0
            {
                found = Some(after[..verb].join(" "));
                continue;
            }
            // "the district filed a lawsuit"
            let before = &words[i.saturating_sub(8)..i];
            if let Some(verb) = before
                .iter()
                .rposition(|w| DOCUMENT_AUTHORING.contains(&key(w).as_str()))
            {
                let subject: Vec<&str> = before[..verb]
                    .iter()
                    .rev()
                    .take_while(|w| !w.ends_with(['.', ',', ';']))
                    .copied()
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                if !subject.is_empty() {
                    found = Some(subject.join(" "));
                }
            }
        }
        found
    }

    /// The organisation named last whose name ends with `noun` ("the district" → "Hollis
    /// Creek School District"), or any organisation when `noun` is `None`; `then` is read
    /// after the copy so far (the sentence in hand).
    pub fn last_institution_with(&self, noun: Option<&str>, then: &str) -> Option<String> {
        let mut words = self.words();
        words.extend(then.split_whitespace());
        last_institution_in(&words, noun)
    }
}

impl Seen {
    /// The name of several capitalised words named last with a word after its first that
    /// begins with `stem` ("Dick Clark Productions" for "produ").
    pub fn last_name_with(&self, stem: &str) -> Option<String> {
        let words = self.words();
        let mut last = None;
        for (start, end) in capitalised_runs(&words, |i| words[i].ends_with([',', '.', ';', ':'])) {
            let run: Vec<&str> = words[start..end]
                .iter()
                .map(|w| without_possessive(bare(w)))
                .skip_while(|w| key(w) == "the")
                .collect();
            // "Foreign Minister Ana Ruiz" is a person, whom a description of a body does not
            // mean.
            let titled = run.iter().any(|w| TITLE_WORDS.contains(&key(w).as_str()));
            if run.len() > 1 && !titled && run.iter().skip(1).any(|w| key(w).starts_with(stem)) {
                last = Some(run.join(" "));
            }
        }
        last
    }
}

/// The organisation named last in `words` (see `Seen::last_institution_with`).
fn last_institution_in(words: &[&str], noun: Option<&str>) -> Option<String> {
    let mut last = None;
    // "Wisla Bank's management" ends at the owner; "Sheriff's Office" is one name.
    let ends = |i: usize| {
        let owner = (words[i].ends_with("'s") || words[i].ends_with("’s"))
            && !words.get(i + 1).is_some_and(|w| capitalised(w));
        words[i].ends_with(',') || words[i].ends_with('.') || owner
    };
    for (start, end) in capitalised_runs(words, ends) {
        let run: Vec<&str> = words[start..end]
            .iter()
            .map(|w| bare(w))
            .skip_while(|w| key(w) == "the")
            .collect();
        let fits = match noun {
            Some(noun) => run.last().is_some_and(|w| key(w) == noun),
            None => run
                .iter()
                .any(|w| INSTITUTION_WORDS.contains(&key(w).as_str())),
        };
        if run.len() > 1 && fits {
            last = Some(run.join(" "));
        }
    }
    last
}

/// The runs of capitalised words in `words` as (start, end), each cut after a word `ends`
/// says ends a name.
fn capitalised_runs(words: &[&str], ends: impl Fn(usize) -> bool) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !capitalised(words[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < words.len() && capitalised(words[i]) {
            i += 1;
            if ends(i - 1) {
                break;
            }
        }
        runs.push((start, i));
    }
    runs
}

fn without_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or(word.strip_suffix("’s"))
        .unwrap_or(word)
}

/// The person a sentence opens with, when it is about one ("Hollis Creek Superintendent
/// Mara Lindqvist declined to comment").
pub fn subject_person(sentence: &str) -> Option<Speaker> {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    // "Linda Parsons, 71, a retired schoolteacher, got ...": an age or an appositive after a
    // name says it is a person's.
    if let Some(comma) = words
        .iter()
        .position(|w| w.ends_with(','))
        .filter(|&c| c >= 1)
        && words.get(comma + 1).is_some_and(|next| {
            let next = next.trim_end_matches(',');
            next.chars().all(|c| c.is_ascii_digit()) || ARTICLES.contains(&next)
        })
        && let Some(person) = person_in(&words[..=comma].join(" "))
    {
        return Some(person);
    }
    let end = words
        .iter()
        .position(|w| w.starts_with(char::is_lowercase) && !is_particle_word(w))?;
    if end == 0 || words[..end].iter().any(|w| w.ends_with(',')) {
        return None;
    }
    // A title says a capitalised run is a person ("Superintendent Mara Lindqvist"); a bare
    // pair of capitals may as well be a company ("Veritane Systems").
    person_in(&words[..end].join(" "))
        .filter(|p| p.role.is_some())
        .or_else(|| {
            (end == 1).then(|| Speaker {
                name: bare(words[0]).to_owned(),
                role: None,
                affiliation: None,
                kind: super::speaker::Kind::Person,
            })
        })
}

fn is_particle_word(word: &str) -> bool {
    let k = key(word);
    k.starts_with("al-") || k.starts_with("el-") || SURNAME_PARTICLES.contains(&k.as_str())
}
