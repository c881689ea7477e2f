//! Which names in a stretch of copy are outlets, and what to call them: the ledger's own
//! name for a known outlet or alias, the copy's outlet for a short form of it, otherwise
//! the name as written.

use super::lexicon::{
    NOT_OUTLET_NAMES, OUTLET_DESCRIPTORS, OUTLET_NAME_WORDS, OUTLET_REFERENCES, PLATFORMS,
    RADIO_WORDS, TELEVISION_WORDS, WELL_KNOWN_OUTLETS,
};
use super::text::{self, bare, capitalised, key};

/// An outlet the ledger knows, with its aliases.
#[derive(Debug, Clone)]
pub struct KnownOutlet {
    pub name: String,
    pub aliases: Vec<String>,
}

/// An outlet named in the copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub name: String,
    /// Where in the text it was named, to keep a chain in the order written.
    pub at: usize,
    /// "radio" or "television" when the copy says which.
    pub broadcast: Option<&'static str>,
}

pub struct Outlets {
    known: Vec<(String, String)>,
    copy: Option<String>,
}

fn name_key(name: &str) -> String {
    let k: Vec<String> = name.split_whitespace().map(key).collect();
    let k = k.join(" ");
    k.strip_prefix("the ").map(str::to_owned).unwrap_or(k)
}

impl Outlets {
    pub fn new(known: &[KnownOutlet], copy: Option<&str>) -> Outlets {
        let mut keys = Vec::new();
        for outlet in known {
            keys.push((name_key(&outlet.name), outlet.name.clone()));
            for alias in &outlet.aliases {
                keys.push((name_key(alias), outlet.name.clone()));
            }
        }
        // The ledger's own names come first, so they win over these.
        for name in WELL_KNOWN_OUTLETS {
            keys.push((name_key(name), (*name).to_owned()));
        }
        Outlets {
            known: keys,
            copy: copy.map(str::to_owned),
        }
    }

    /// The ledger's name for a known outlet or alias, or the copy's outlet for a shorter
    /// form of its name ("the Evening Post" for "Ashworth Evening Post").
    pub fn known(&self, name: &str) -> Option<String> {
        let k = name_key(name);
        if k.is_empty() {
            return None;
        }
        if let Some(copy) = &self.copy {
            let c = name_key(copy);
            if c == k || (c.ends_with(&format!(" {k}")) && k.contains(' ')) {
                return Some(copy.clone());
            }
        }
        self.known
            .iter()
            .find(|(key, _)| *key == k)
            .map(|(_, name)| name.clone())
    }

    /// What to call an outlet named `name`.
    pub fn canonical(&self, name: &str) -> String {
        self.known(name).unwrap_or_else(|| {
            let name = name.trim();
            name.strip_prefix("the ")
                .or(name.strip_prefix("The "))
                .unwrap_or(name)
                .to_owned()
        })
    }

    /// Whether a phrase, as a whole, names an outlet ("Reuters", "the news agency", "local
    /// broadcaster TVN24").
    pub fn is_outlet(&self, phrase: &str, last: Option<&str>) -> Option<String> {
        let mentions = self.named_in(phrase, last);
        let words = phrase.split_whitespace().count();
        let named = mentions.last()?;
        (words <= named.name.split_whitespace().count() + 4).then(|| named.name.clone())
    }

    /// The outlets a stretch of attribution names, in the order written. A reference such
    /// as "the news agency" stands for `last`, the outlet named before.
    pub fn named_in(&self, text: &str, last: Option<&str>) -> Vec<Mention> {
        let mut found = Vec::new();
        let lower = text::fold_case(text);
        if let Some(last) = last {
            for reference in OUTLET_REFERENCES {
                for (at, _) in lower.match_indices(reference) {
                    let end = at + reference.len();
                    let bounded = lower[end..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric());
                    let after_the = at == 0 || !lower[..at].ends_with("'s ");
                    if bounded && after_the {
                        found.push(Mention {
                            name: last.to_owned(),
                            at,
                            broadcast: broadcast_word(reference),
                        });
                    }
                }
            }
        }
        let words = positioned_words(text);
        let mut i = 0;
        while i < words.len() {
            if !capitalised(words[i].1) {
                i += 1;
                continue;
            }
            let start = i;
            let after_possessive = start > 0 && is_possessive(words[start - 1].1);
            while i < words.len()
                && (capitalised(words[i].1) || is_number(words[i].1))
                && (i == start || !words[i].1.starts_with('('))
            {
                let ends = words[i].1.ends_with("'s")
                    || words[i].1.ends_with("’s")
                    || words[i].1.ends_with(',');
                i += 1;
                if ends {
                    break;
                }
            }
            if let Some(mention) = self.outlet_run(&words, start, i)
                && (!after_possessive || self.known(&mention.name).is_some())
            {
                found.push(mention);
            }
        }
        found.sort_by_key(|m| m.at);
        found.dedup_by(|a, b| a.name == b.name);
        found
    }

    /// Whether the capitalised run `words[start..end]` is an outlet: known, the copy's own,
    /// described as one by the words around it, or named like one.
    fn outlet_run(&self, words: &[(usize, &str)], start: usize, end: usize) -> Option<Mention> {
        let run: Vec<&str> = words[start..end]
            .iter()
            .map(|(_, w)| without_possessive(bare(w)))
            .skip_while(|w| key(w) == "the" || key(w).ends_with("-based"))
            .collect();
        if run.is_empty() || (run.len() == 1 && NOT_OUTLET_NAMES.contains(&key(run[0]).as_str())) {
            return None;
        }
        // "a UN-affiliated agency", "a Kremlin-backed channel": a compound that ends in a
        // lower-case word describes; it names nothing.
        if run.len() == 1
            && run[0]
                .rsplit_once('-')
                .is_some_and(|(_, tail)| tail.starts_with(char::is_lowercase))
        {
            return None;
        }
        let at = words[start].0;
        let before: Vec<String> = words[start.saturating_sub(3)..start]
            .iter()
            .map(|(_, w)| key(w))
            .collect();
        let after: Vec<String> = words[end..(end + 3).min(words.len())]
            .iter()
            .map(|(_, w)| key(w))
            .collect();
        let possessive = is_possessive(words[end - 1].1);
        let broadcast = broadcast_of(&run, &before, &after);
        for from in 0..run.len() {
            let candidate = run[from..].join(" ");
            if PLATFORMS.contains(&key(&candidate).as_str()) {
                return None;
            }
            // "British broadcaster BBC" names the BBC, but "National Defence Science" does not
            // name the journal Science: a one-word name ending a longer one is that name only
            // when it is an acronym or what comes before it only describes it.
            let tail_of_a_name = from > 0
                && run.len() - from == 1
                && !candidate
                    .chars()
                    .all(|c| c.is_uppercase() || !c.is_alphabetic())
                && !run[..from]
                    .iter()
                    .all(|w| NOT_OUTLET_NAMES.contains(&key(w).as_str()));
            if tail_of_a_name {
                continue;
            }
            if let Some(name) = self.known(&candidate) {
                return Some(Mention {
                    name,
                    at,
                    broadcast,
                });
            }
        }
        let adjacent_before = |n: usize| {
            before.len() >= n
                && OUTLET_DESCRIPTORS.contains(&before[before.len() - n..].join(" ").as_str())
        };
        let after_at = |i: usize| {
            after
                .get(i)
                .is_some_and(|w| OUTLET_DESCRIPTORS.contains(&w.as_str()))
        };
        let described =
            adjacent_before(1) || adjacent_before(2) || after_at(0) || (possessive && after_at(1));
        let named_like_one = run.len() > 1
            && run
                .iter()
                .skip(1)
                .any(|w| OUTLET_NAME_WORDS.contains(&key(w).as_str()));
        let reports = after.first().is_some_and(|w| w == "reported");
        (described || named_like_one || reports).then(|| Mention {
            name: self.canonical(&run.join(" ")),
            at,
            broadcast,
        })
    }
}

fn positioned_words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

fn is_number(word: &str) -> bool {
    let word = without_possessive(bare(word));
    word.chars().all(|c| c.is_ascii_digit()) && !word.is_empty()
}

fn is_possessive(word: &str) -> bool {
    let word = word.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
    word.ends_with("'s") || word.ends_with("’s")
}

fn without_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or(word.strip_suffix("’s"))
        .unwrap_or(word)
}

fn broadcast_word(word: &str) -> Option<&'static str> {
    if RADIO_WORDS.iter().any(|w| word.contains(w)) {
        Some("radio")
    } else if TELEVISION_WORDS
        .iter()
        .any(|w| word.split_whitespace().any(|x| x == *w))
    {
        Some("television")
    } else {
        None
    }
}

fn broadcast_of(run: &[&str], before: &[String], after: &[String]) -> Option<&'static str> {
    let in_name = run.iter().map(|w| key(w)).collect::<Vec<_>>().join(" ");
    broadcast_word(&in_name)
        .or_else(|| after.iter().take(3).find_map(|w| broadcast_word(w)))
        .or_else(|| before.iter().rev().find_map(|w| broadcast_word(w)))
        .or_else(|| {
            after
                .iter()
                .any(|w| w == "show" || w.starts_with("phone-in"))
                .then_some("radio")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outlets() -> Outlets {
        let known = vec![
            KnownOutlet {
                name: "Associated Press".into(),
                aliases: vec!["AP".into(), "The Associated Press".into()],
            },
            KnownOutlet {
                name: "SITE Intelligence Group".into(),
                aliases: vec!["SITE".into()],
            },
            KnownOutlet {
                name: "Reuters".into(),
                aliases: vec![],
            },
        ];
        Outlets::new(&known, Some("Ashworth Evening Post"))
    }

    fn names(text: &str) -> Vec<String> {
        outlets()
            .named_in(text, Some("Reuters"))
            .into_iter()
            .map(|m| m.name)
            .collect()
    }

    #[test]
    fn known_names_descriptions_and_references_are_outlets() {
        assert_eq!(
            names("flagged and translated by the Washington-based SITE Intelligence Group"),
            ["SITE Intelligence Group"]
        );
        assert_eq!(
            names("according to The Associated Press"),
            ["Associated Press"]
        );
        assert_eq!(names("local broadcaster TVN24, which said"), ["TVN24"]);
        assert_eq!(
            names(
                "speaking to the Beirut-based Al-Masar television channel in remarks also flagged by BBC Monitoring"
            ),
            ["Al-Masar", "BBC Monitoring"]
        );
        assert_eq!(names("told the news agency"), ["Reuters"]);
        assert_eq!(
            names("told the Evening Post that"),
            ["Ashworth Evening Post"]
        );
        assert_eq!(
            names("posted on the group's Telegram channel"),
            Vec::<String>::new()
        );
        assert_eq!(names("the U.N. Security Council"), Vec::<String>::new());
    }

    #[test]
    fn radio_and_television_are_told_apart() {
        let o = outlets();
        let radio = o.named_in("Speaking on BBC Radio 4's Today programme on Tuesday", None);
        assert_eq!(radio[0].name, "BBC Radio 4");
        assert_eq!(radio[0].broadcast, Some("radio"));
        let tv = o.named_in("State television channel Qadira One quoted", None);
        assert_eq!(tv[0].name, "Qadira One");
        assert_eq!(tv[0].broadcast, Some("television"));
    }
}
