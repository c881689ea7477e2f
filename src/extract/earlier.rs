//! What the copy said before a sentence, for the words that refer back to it: the full name
//! behind a surname, what "the regulator" was defined as, who filed "the lawsuit", which
//! organisation "the company" or "the group" is.

use super::lexicon::{
    ARTICLES, DAYS, DOCUMENT_AUTHORING, INSTITUTION_WORDS, MONTHS, NOT_PROPER_NOUNS,
    SURNAME_PARTICLES,
};
use super::speaker::{Speaker, person_in, surname_key};
use super::text::{bare, capitalised, key};

/// The person a surname was first given for, read from the copy so far ("Gov. Andrea
/// Collier" for "Collier").
pub fn full_name_before(seen: &str, surname: &str) -> Option<Speaker> {
    let words: Vec<&str> = seen.split_whitespace().collect();
    let mut found = None;
    for (i, word) in words.iter().enumerate() {
        // Cheap tests first: this runs over every word read so far.
        if !capitalised(word) && !bare(word).contains('-') || surname_key(bare(word)) != surname {
            continue;
        }
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

/// What a description was defined as earlier in the copy: "the regulator" after "Poland's
/// financial regulator, the KNF", "the broadcaster" after "local broadcaster TVN24".
pub fn defined_before(seen: &str, noun: &str) -> Option<String> {
    let words: Vec<&str> = seen.split_whitespace().collect();
    let mut found = None;
    for (i, word) in words.iter().enumerate() {
        // A description is written in lower case; "District" in a name defines nothing.
        if capitalised(word) || !bare(word).eq_ignore_ascii_case(noun) {
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

/// The proper noun the copy names most often, outside people's names and the start of
/// sentences, the latest named on a tie: in a story about one company, that company ("the
/// company said").
pub fn most_named(seen: &str, people: &[Speaker]) -> Option<String> {
    use std::collections::HashMap;
    let in_people: Vec<String> = people
        .iter()
        .filter(|p| p.name.contains(' '))
        .flat_map(|p| p.name.split_whitespace().map(key).collect::<Vec<_>>())
        .collect();
    let words: Vec<&str> = seen.split_whitespace().collect();
    // A word also written in lower case is a common word, however often it opens a line.
    let common: std::collections::HashSet<String> = words
        .iter()
        .filter(|w| w.starts_with(char::is_lowercase))
        .map(|w| key(w))
        .collect();
    let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
    for (at, word) in words.iter().enumerate() {
        let k = key(word);
        if !capitalised(word)
            || NOT_PROPER_NOUNS.contains(&k.as_str())
            || DAYS.contains(&k.as_str())
            || MONTHS.contains(&k.as_str())
            || in_people.contains(&k)
            || common.contains(&k)
        {
            continue;
        }
        // "WeWork’s" counts for WeWork.
        let name = bare(word);
        let name = name
            .strip_suffix("'s")
            .or(name.strip_suffix("’s"))
            .unwrap_or(name);
        let (times, last) = counts.entry(name.to_owned()).or_default();
        *times += 1;
        *last = at;
    }
    // On a tie, the one named last: the story has come to it.
    counts
        .into_iter()
        .filter(|(_, (n, _))| *n >= 2)
        .max_by_key(|(_, (n, last))| (*n, *last))
        .map(|(name, _)| name)
}

fn is_particle_word(word: &str) -> bool {
    let k = key(word);
    k.starts_with("al-") || k.starts_with("el-") || SURNAME_PARTICLES.contains(&k.as_str())
}

/// Who filed, issued or published a document the copy mentioned: "a civil suit the district
/// filed", "the district filed a lawsuit", "a report published by the agency".
pub fn author_of(seen: &str, noun: &str) -> Option<String> {
    let words: Vec<&str> = seen.split_whitespace().collect();
    let nouns: &[&str] = if noun == "lawsuit" {
        &["lawsuit", "suit"]
    } else {
        &[noun]
    };
    let mut found = None;
    for (i, word) in words.iter().enumerate() {
        if !nouns.contains(&key(word).as_str()) {
            continue;
        }
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

/// The organisation named last in the copy so far ("the group" → "Eastern Valley
/// Brigades").
pub fn last_institution(seen: &str) -> Option<String> {
    last_institution_with(seen, None)
}

/// The organisation named last whose name has `noun` in it ("the district" → "Hollis Creek
/// School District"), or any organisation when `noun` is `None`.
pub fn last_institution_with(seen: &str, noun: Option<&str>) -> Option<String> {
    let words: Vec<&str> = seen.split_whitespace().collect();
    let mut last = None;
    let mut i = 0;
    while i < words.len() {
        if !capitalised(words[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < words.len() && capitalised(words[i]) {
            let ends =
                words[i].ends_with(',') || words[i].ends_with('.') || words[i].ends_with("'s");
            i += 1;
            if ends {
                break;
            }
        }
        let run: Vec<&str> = words[start..i]
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
