//! A sentence with its quotations set aside: each replaced by a numbered marker, so that the
//! rules see only the words around them, and put back when a claim is written out.

use super::text::{self, tidy};

pub const OPEN: char = '⟦';
pub const CLOSE: char = '⟧';

/// A sentence with each quotation replaced by a numbered marker, so that the rules see
/// only the words around the quotations.
pub struct Masked {
    /// The sentence with its quotations as markers.
    pub text: String,
    quotes: Vec<String>,
    outside: Vec<String>,
}

impl Masked {
    pub fn new(sentence: &str) -> Masked {
        let mut text = Vec::new();
        let mut quotes = Vec::new();
        let mut outside = Vec::new();
        for piece in text::pieces(sentence) {
            if piece.quoted {
                text.push(format!("{OPEN}{}{CLOSE}", quotes.len()));
                quotes.push(piece.text);
            } else {
                text.push(piece.text.clone());
                outside.push(piece.text);
            }
        }
        Masked {
            text: text.join(" "),
            quotes,
            outside,
        }
    }

    /// The words outside any quotation.
    pub fn outside(&self) -> String {
        self.outside.join(" ")
    }

    pub fn only_quotes(&self) -> bool {
        !self.quotes.is_empty()
            && self
                .outside
                .iter()
                .all(|o| !o.chars().any(char::is_alphanumeric))
    }

    /// Every quotation in the sentence, joined.
    pub fn quotes_text(&self) -> String {
        join_quotes(self.quotes.iter().map(String::as_str))
    }

    /// `masked` with its markers put back as quotations, or as bare words when the whole
    /// claim is quoted.
    pub fn unmask(&self, masked: &str) -> String {
        let bare_quotes = masked
            .split_whitespace()
            .all(|w| w.starts_with(OPEN) && w.trim_end_matches(['.', ',']).ends_with(CLOSE));
        if bare_quotes {
            let numbers = masked.split_whitespace().filter_map(|w| {
                w.trim_matches(|c: char| !c.is_ascii_digit())
                    .parse::<usize>()
                    .ok()
            });
            return join_quotes(numbers.filter_map(|n| self.quotes.get(n).map(String::as_str)));
        }
        let mut out = masked.to_owned();
        for (i, quote) in self.quotes.iter().enumerate() {
            let marker = format!("{OPEN}{i}{CLOSE}");
            let with = if bare_quotes {
                quote.clone()
            } else {
                format!("\"{quote}\"")
            };
            out = out.replace(&marker, &with);
        }
        out
    }

    pub fn starts_with_quote(&self) -> bool {
        self.text.starts_with(OPEN)
    }
}

/// Quotation pieces as one text: a piece cut off by its attribution with a comma ends
/// its sentence.
pub fn join_quotes<'a>(pieces: impl Iterator<Item = &'a str>) -> String {
    let mut out: Vec<String> = Vec::new();
    for piece in pieces {
        if let Some(last) = out.last_mut() {
            let trimmed = last.trim_end_matches([',', ';', ':']).to_owned();
            *last = if trimmed.ends_with(['.', '?', '!', '…']) {
                trimmed
            } else {
                format!("{trimmed}.")
            };
        }
        out.push(piece.trim().to_owned());
    }
    tidy(&out.join(" "))
}
