//! Copy as the rules read it: paragraphs, sentences that do not break inside a quotation,
//! the quotations themselves, and words.

use super::lexicon::{ABBREVIATIONS, DATELINE_DASHES};

/// A paragraph of copy: its lines joined with spaces, and the lines as they were.
pub struct Paragraph {
    pub text: String,
    pub lines: Vec<String>,
}

/// Paragraphs are separated by blank lines; the lines of one are joined with spaces.
pub fn paragraphs(text: &str) -> Vec<Paragraph> {
    let mut out: Vec<Vec<&str>> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines() {
        // A bullet is a paragraph of its own.
        let bullet = line.trim_start().starts_with(['-', '•', '*']) && line.trim().len() > 2;
        if bullet && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        let line = if bullet {
            line.trim_start()
                .trim_start_matches(['-', '•', '*'])
                .trim_start()
        } else {
            line
        };
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line.trim());
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    let tidy = |text: &str| double_quotes(&text.split_whitespace().collect::<Vec<_>>().join(" "));
    out.into_iter()
        .map(|lines| Paragraph {
            text: tidy(&lines.join(" ")),
            lines: lines.iter().map(|l| tidy(l)).collect(),
        })
        .collect()
}

/// Quotation marks typed as two single ones, as some wire copy has them (“It was an
/// attempt,’’ he said; ``like this''), as the double marks they stand for.
fn double_quotes(paragraph: &str) -> String {
    paragraph
        .replace("’’", "”")
        .replace("‘‘", "“")
        .replace("``", "“")
        .replace("''", "\"")
}

/// A dateline ("WARSAW, March 3 (Reuters) - ", "RIVERTON, Ky. -- ") is not part of the
/// first sentence. Returns the paragraph without it, and the agency it names, if any.
pub fn strip_dateline(paragraph: &str) -> (&str, Option<&str>) {
    let head = leading_chars(paragraph, 80);
    for dash in DATELINE_DASHES {
        let Some(at) = head.find(dash) else { continue };
        let place = &paragraph[..at];
        let first = place.split([',', ' ']).next().unwrap_or("");
        let shouting = first.len() > 1
            && first
                .chars()
                .all(|c| c.is_uppercase() || !c.is_alphabetic())
            && first.chars().any(char::is_alphabetic);
        if !shouting {
            continue;
        }
        let agency = place
            .rfind('(')
            .and_then(|open| place[open + 1..].strip_suffix(')'))
            .filter(|a| !a.is_empty());
        return (&paragraph[at + dash.len()..], agency);
    }
    // "Tokyo [Japan], Dec 9 (ANI): ": a place, a date and the agency, closed by a colon.
    if let Some(at) = head.find("): ")
        && let Some(open) = head[..at].rfind('(')
        && head[..open].contains(',')
        && !head[..open].contains(['"', '“'])
    {
        let agency = &head[open + 1..at];
        let named = !agency.is_empty()
            && agency.split_whitespace().count() <= 3
            && agency.starts_with(char::is_uppercase);
        if named {
            return (&paragraph[at + 3..], Some(agency));
        }
    }
    (paragraph, None)
}

/// The first `n` characters of `text` (all of it when shorter).
pub fn leading_chars(text: &str, n: usize) -> &str {
    text.char_indices()
        .nth(n)
        .map_or(text, |(at, _)| &text[..at])
}

/// `text` in lower case, letter for letter at the same byte positions, so that a place found
/// in it is a place in `text`: a letter whose lower case is longer or shorter ("İ") is kept.
pub fn fold_case(text: &str) -> String {
    text.chars()
        .map(|c| {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                _ => c,
            }
        })
        .collect()
}

/// A headline, a standfirst or page furniture: short, and not ended like a sentence.
pub fn is_headline(paragraph: &str) -> bool {
    let ended = paragraph
        .trim_end()
        .ends_with(['.', '?', '!', '"', '”', '’', ')']);
    !ended && paragraph.split_whitespace().count() <= 25
}

fn opens(c: char) -> bool {
    matches!(c, '“' | '«')
}

fn closes(c: char) -> bool {
    matches!(c, '”' | '»')
}

/// Splits a paragraph into sentences at a full stop, question or exclamation mark that is
/// outside any quotation (or closes one) and is followed by a capital, a digit or a new
/// quotation; not after an abbreviation or an initial.
pub fn sentences(paragraph: &str) -> Vec<String> {
    let chars: Vec<(usize, char)> = paragraph.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut inside = false;
    let mut i = 0;
    while i < chars.len() {
        let (_, c) = chars[i];
        if c == '"' {
            inside = !inside;
        } else if opens(c) {
            inside = true;
        } else if closes(c) {
            inside = false;
        }
        if matches!(c, '.' | '!' | '?') && !abbreviation_before(paragraph, chars[i].0) {
            let mut j = i + 1;
            let mut closed = !inside;
            while j < chars.len() && matches!(chars[j].1, '"' | '”' | '’' | '\'' | ')' | '»') {
                if chars[j].1 == '"' || closes(chars[j].1) {
                    closed = true;
                    inside = false;
                }
                j += 1;
            }
            let spaced = j < chars.len() && chars[j].1.is_whitespace();
            let next = chars[j..]
                .iter()
                .map(|(_, c)| *c)
                .find(|c| !c.is_whitespace());
            let starts_anew = next
                .is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || n == '"' || opens(n));
            if closed && spaced && starts_anew {
                let end = chars.get(j).map_or(paragraph.len(), |(at, _)| *at);
                out.push(paragraph[start..end].trim().to_owned());
                start = end;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    let rest = paragraph[start..].trim();
    if !rest.is_empty() {
        out.push(rest.to_owned());
    }
    out
}

fn abbreviation_before(text: &str, dot: usize) -> bool {
    let word = text[..dot]
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .next()
        .unwrap_or("");
    let bare = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    if bare.chars().count() == 1 && bare.chars().all(char::is_uppercase) {
        return true; // an initial: "John F. Kennedy", "U.S."
    }
    if bare.contains('.') && bare.chars().filter(|c| c.is_alphabetic()).count() <= 4 {
        return true; // "U.S", "U.N", "a.m"
    }
    ABBREVIATIONS.contains(&bare.to_lowercase().as_str())
}

/// A stretch of a sentence: quoted words, or the words around them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub quoted: bool,
    pub text: String,
}

/// The sentence cut into quoted and unquoted pieces, in order; the quotation marks dropped.
pub fn pieces(sentence: &str) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let mut current = String::new();
    let mut inside = false;
    for c in sentence.chars() {
        let toggles = c == '"' || (opens(c) && !inside) || (closes(c) && inside);
        if toggles {
            if !current.trim().is_empty() {
                out.push(Piece {
                    quoted: inside,
                    text: current.trim().to_owned(),
                });
            }
            current.clear();
            inside = !inside;
        } else {
            current.push(c);
        }
    }
    if !current.trim().is_empty() {
        out.push(Piece {
            quoted: inside,
            text: current.trim().to_owned(),
        });
    }
    out
}

/// A word as written, without the punctuation around it.
pub fn bare(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'' && c != '’')
        .trim_end_matches(['\'', '’'])
}

/// A word lowercased and without punctuation, for looking up in the lexicon.
pub fn key(word: &str) -> String {
    bare(word).to_lowercase()
}

/// Whether a word starts with a capital letter (or is a number inside a name).
pub fn capitalised(word: &str) -> bool {
    bare(word).starts_with(|c: char| c.is_uppercase())
}

/// Collapses white space and trims punctuation that only joined the piece to what was cut.
pub fn tidy(text: &str) -> String {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    joined
        .trim_matches(|c: char| c == ',' || c == ';' || c == ':' || c == '-' || c.is_whitespace())
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_folding_keeps_every_letter_at_its_byte_position() {
        let copy = "İsmail ÖZDEMİR, ΣΟΦΊΑ and ẞ flagged BY SITE";
        let folded = fold_case(copy);
        assert_eq!(folded.len(), copy.len());
        assert!(folded.char_indices().all(|(i, _)| copy.is_char_boundary(i)));
        assert!(folded.ends_with("flagged by site"));
        assert_eq!(&copy[folded.find("by site").unwrap()..], "BY SITE");
    }

    #[test]
    fn the_leading_characters_end_at_a_character() {
        assert_eq!(leading_chars("said: “The road”", 7), "said: “");
        assert_eq!(leading_chars("short", 80), "short");
    }

    #[test]
    fn sentences_do_not_break_inside_quotations_or_after_abbreviations() {
        let p = "\"Roll up your sleeves. Do not give up,\" spokesman Abu Muhammad al-Adnani says. \
                 \"March to Baghdad... We have a score to settle.\" The U.S. has not agreed. \
                 Gov. Andrea Collier spoke.";
        assert_eq!(
            sentences(p),
            [
                "\"Roll up your sleeves. Do not give up,\" spokesman Abu Muhammad al-Adnani says.",
                "\"March to Baghdad... We have a score to settle.\"",
                "The U.S. has not agreed.",
                "Gov. Andrea Collier spoke."
            ]
        );
    }

    #[test]
    fn curly_quotations_are_pieces() {
        let s = "“This truce is not a surrender,” Rawi says in the recording.";
        assert_eq!(
            pieces(s),
            [
                Piece {
                    quoted: true,
                    text: "This truce is not a surrender,".into()
                },
                Piece {
                    quoted: false,
                    text: "Rawi says in the recording.".into()
                }
            ]
        );
    }

    #[test]
    fn a_dateline_names_the_agency_and_is_dropped() {
        assert_eq!(
            strip_dateline("WARSAW, March 3 (Reuters) - Polish lender Wisla Bank is in talks."),
            ("Polish lender Wisla Bank is in talks.", Some("Reuters"))
        );
        assert_eq!(
            strip_dateline("RIVERTON, Ky. -- Floodwaters tore through."),
            ("Floodwaters tore through.", None)
        );
        assert_eq!(
            strip_dateline("The rapid advance - who seek - has ignited fears"),
            ("The rapid advance - who seek - has ignited fears", None)
        );
    }
}
