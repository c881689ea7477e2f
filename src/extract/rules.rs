//! The shapes attribution takes, each a named rule: what it reads, and short examples of
//! it (written for the purpose, each showing only the shape) that its tests run through
//! `extract`. Every proposal names the rules that produced it, so that a wrong one can be
//! traced to the rule that read it.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    QuoteThenSpeaker,
    SpeakerThenQuote,
    AccordingToFirst,
    AccordingToAfter,
    OutletReported,
    QuotedAsSaying,
    WhoSaid,
    SaidThenSpeaker,
    ClaimThenSpeaker,
    SpeakerSaid,
    Citing,
    DocumentSays,
    SpeechAct,
    SpeakerInClause,
    Saying,
    QuoteGoesOn,
    SaidList,
    RelativeClause,
    NounClaim,
}

/// A sentence of the rule's shape, and what it should yield.
pub struct Example {
    pub copy: &'static str,
    pub claimant: &'static str,
    /// How the claim's text begins.
    pub claim: &'static str,
    /// The relay chain, nearest the claimant first.
    pub via: &'static [&'static str],
}

/// An example, as a constant the examples' table can hold.
macro_rules! ex {
    ($copy:expr, $claimant:expr, $claim:expr, $via:expr $(,)?) => {
        Example {
            copy: $copy,
            claimant: $claimant,
            claim: $claim,
            via: $via,
        }
    };
}

impl Rule {
    pub const ALL: &'static [Rule] = &[
        Rule::QuoteThenSpeaker,
        Rule::SpeakerThenQuote,
        Rule::AccordingToFirst,
        Rule::AccordingToAfter,
        Rule::OutletReported,
        Rule::QuotedAsSaying,
        Rule::WhoSaid,
        Rule::SaidThenSpeaker,
        Rule::ClaimThenSpeaker,
        Rule::SpeakerSaid,
        Rule::Citing,
        Rule::DocumentSays,
        Rule::SpeechAct,
        Rule::SpeakerInClause,
        Rule::Saying,
        Rule::QuoteGoesOn,
        Rule::SaidList,
        Rule::RelativeClause,
        Rule::NounClaim,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Rule::QuoteThenSpeaker => "quote-then-speaker",
            Rule::SpeakerThenQuote => "speaker-then-quote",
            Rule::AccordingToFirst => "according-to-first",
            Rule::AccordingToAfter => "according-to-after",
            Rule::OutletReported => "outlet-reported",
            Rule::QuotedAsSaying => "quoted-as-saying",
            Rule::WhoSaid => "who-said",
            Rule::SaidThenSpeaker => "said-then-speaker",
            Rule::ClaimThenSpeaker => "claim-then-speaker",
            Rule::SpeakerSaid => "speaker-said",
            Rule::Citing => "citing",
            Rule::DocumentSays => "document-says",
            Rule::SpeechAct => "speech-act",
            Rule::SpeakerInClause => "speaker-in-clause",
            Rule::Saying => "saying",
            Rule::QuoteGoesOn => "quote-goes-on",
            Rule::SaidList => "said-list",
            Rule::RelativeClause => "relative-clause",
            Rule::NounClaim => "noun-claim",
        }
    }

    /// The shape it reads, in a line.
    pub fn describe(self) -> &'static str {
        match self {
            Rule::QuoteThenSpeaker => {
                "\"Q,\" X said: a quotation, then who said it (also \"Q,\" X continued, \"Q,\" the letter read)"
            }
            Rule::SpeakerThenQuote => "X said: \"Q\": who said it, then the quotation",
            Rule::AccordingToFirst => "According to X, C",
            Rule::AccordingToAfter => {
                "C, according to X (or per X): the source after the claim, an outlet relaying any speaker before it"
            }
            Rule::OutletReported => "C, O reported (citing X): an outlet reported the claim",
            Rule::QuotedAsSaying => "O quoted X as saying C",
            Rule::WhoSaid => "X, which (or who) said C",
            Rule::SaidThenSpeaker => {
                "C, said X, a description (also writes, reports, notes X): the verb before the speaker"
            }
            Rule::ClaimThenSpeaker => {
                "C, X said: the claim, then its speaker (the comma may close a quotation: C \"Q,\" X said; the claim may go on after it: A, X said, B)"
            }
            Rule::SpeakerSaid => {
                "X said (that) C, X told O (that) C, X expressed fears (voiced concern ...) that C, X is urging (warning ...) C"
            }
            Rule::Citing => "O, citing X, reported that C",
            Rule::DocumentSays => "The report found C: a document with no author named",
            Rule::SpeechAct => {
                "X urged (warned, called on ...) Y to ...; X called Y \"Q\"; X described Y as Z: the sentence is the claim"
            }
            Rule::SpeakerInClause => {
                "A happened when X said C: the speech verb's subject in its own clause"
            }
            Rule::Saying => "X did something, saying C",
            Rule::QuoteGoesOn => {
                "a quotation standing alone goes on with the speaker of the claim before it"
            }
            Rule::SaidList => "X also said: then a list, each item a claim of X's",
            Rule::NounClaim => {
                "claims by X that C, X's assertion that C, his vow that C: a claim carried by a noun"
            }
            Rule::RelativeClause => {
                "A, which X says C (in which X said C): a relative clause with a speaker of its own is a sentence of its own"
            }
        }
    }

    pub fn examples(self) -> &'static [Example] {
        match self {
            Rule::QuoteThenSpeaker => &[
                ex!(
                    "\"The library will stay open on Sundays,\" the notice read.",
                    "notice",
                    "The library will stay open",
                    &[],
                ),
                ex!(
                    "\"The bridge will reopen in May,\" the mayor said.",
                    "the mayor",
                    "The bridge will reopen",
                    &[],
                ),
                ex!(
                    "\"We have no plans to close the school,\" said Priya Anand, the district's superintendent.",
                    "Priya Anand",
                    "We have no plans",
                    &[],
                ),
            ],
            Rule::SpeakerThenQuote => &[
                ex!(
                    "The harbour master said: \"No ship has left port since Monday.\"",
                    "harbour master",
                    "No ship has left port",
                    &[],
                ),
                ex!(
                    "Marta Keller has signed a two-year deal with the city club.\n\nCoach Ana Dupont said the club had wanted Keller for years.\n\nThe 31-year-old said: \"This is a dream for me.\"",
                    "Marta Keller",
                    "This is a dream",
                    &[],
                ),
            ],
            Rule::AccordingToFirst => &[ex!(
                "According to the fire brigade, the blaze started in a kitchen.",
                "fire brigade",
                "the blaze started",
                &[],
            )],
            Rule::AccordingToAfter => &[
                ex!(
                    "The dam is safe, the water board said, according to Reuters.",
                    "water board",
                    "The dam is safe",
                    &["Reuters"],
                ),
                ex!(
                    "\"We will not sell the stadium,\" the club's chairman told fans, according to AFP.",
                    "the club's chairman",
                    "We will not sell the stadium",
                    &["Agence France-Presse"],
                ),
                ex!(
                    "The ferry service will end in March, according to workers cited by the trade paper Harbour Daily.",
                    "workers",
                    "The ferry service will end",
                    &["Harbour Daily"],
                ),
                ex!(
                    "The cheapest seats sold out within an hour, per the box office.",
                    "box office",
                    "The cheapest seats sold out",
                    &[],
                ),
                ex!(
                    "Two ferries were cancelled on Friday, according to the port authority.",
                    "port authority",
                    "Two ferries were cancelled",
                    &[],
                ),
                ex!(
                    "The Harbor County Attorney's Office charged the man on Monday.\n\nHis hearing is set for May 4, according to the office release.",
                    "Harbor County Attorney's Office",
                    "His hearing is set",
                    &[],
                ),
            ],
            Rule::OutletReported => &[ex!(
                "The talks collapsed late on Sunday, Reuters reported, citing two diplomats.",
                "two diplomats",
                "The talks collapsed",
                &["Reuters"],
            )],
            Rule::QuotedAsSaying => &[ex!(
                "The Associated Press quoted Mayor Lena Ortiz as saying the curfew would end on Monday.",
                "Lena Ortiz",
                "the curfew would end",
                &["Associated Press"],
            )],
            Rule::WhoSaid => &[ex!(
                "The decision was welcomed by the teachers' union, which said the pay rise was overdue.",
                "teachers' union",
                "the pay rise was overdue",
                &[],
            )],
            Rule::SaidThenSpeaker => &[
                ex!(
                    "The reservoir is at its lowest level since 1976, said Ana Ortiz, a hydrologist at the university.",
                    "Ana Ortiz",
                    "The reservoir is at its lowest",
                    &[],
                ),
                ex!(
                    "Rents in the old town rose by a third last year, reports The Harbour Gazette.",
                    "Harbour Gazette",
                    "Rents in the old town rose",
                    &["Harbour Gazette"],
                ),
                ex!(
                    "Since the flood, the town \"has rebuilt almost every bridge,\" writes Reuters.",
                    "Reuters",
                    "Since the flood",
                    &["Reuters"],
                ),
            ],
            Rule::ClaimThenSpeaker => &[
                ex!(
                    "The vaccine will be free for everyone over 65, the health ministry said on Tuesday.",
                    "health ministry",
                    "The vaccine will be free",
                    &[],
                ),
                ex!(
                    "The tunnel cost more than planned but for now \u{201c}it is worth every cent,\u{201d} transit director Omar Reyes said.",
                    "Omar Reyes",
                    "The tunnel cost more than planned",
                    &[],
                ),
                ex!(
                    "The merger talks have stalled over the price, CNBC said without citing its sources.",
                    "CNBC",
                    "The merger talks have stalled",
                    &["CNBC"],
                ),
                ex!(
                    "Forecasts called for gusts strong enough to bring down trees on Friday, the weather service said.",
                    "weather service",
                    "Forecasts called for gusts",
                    &[],
                ),
                ex!(
                    "Most of the old piers, the harbour master said, will have to be rebuilt.",
                    "harbour master",
                    "Most of the old piers will have to be rebuilt",
                    &[],
                ),
            ],
            Rule::SpeakerSaid => &[
                ex!(
                    "The police chief said that three men had been arrested near the station.",
                    "the police chief",
                    "three men had been arrested",
                    &[],
                ),
                ex!(
                    "The Harbor Water Board raised its prices in May. It said the rise would pay for new pipes.",
                    "Harbor Water Board",
                    "the rise would pay",
                    &[],
                ),
                ex!(
                    "Although the union suggested the strike could last weeks, Mayor Ines Duarte told reporters the buses would run by Friday.",
                    "Ines Duarte",
                    "the buses would run",
                    &[],
                ),
                ex!(
                    "Although the union suggested the strike could last weeks, Mayor Ines Duarte told reporters the buses would run by Friday.",
                    "union",
                    "the strike could last weeks",
                    &[],
                ),
                ex!(
                    "The road was closed for an hour, and the county sheriff said no one had been hurt in the crash.",
                    "the county sheriff",
                    "no one had been hurt",
                    &[],
                ),
                ex!(
                    "The Harbour Council has expressed fears that the new quotas would close the fish market.",
                    "Harbour Council",
                    "the new quotas would close",
                    &[],
                ),
                ex!(
                    "Harbour Power issued a statement on Monday. The statement, which was obtained by the Harbour Gazette, said the old plant would close in June.",
                    "Harbour Power",
                    "the old plant would close",
                    &["Harbour Gazette"],
                ),
                ex!(
                    "Local shopkeepers are urging the council to scrap the new parking charges.",
                    "Local shopkeepers",
                    "the council to scrap",
                    &[],
                ),
                ex!(
                    "The FRA, an EU-funded agency, estimated that 4,000 people use the ferry every day.",
                    "The FRA",
                    "4,000 people use the ferry",
                    &[],
                ),
                ex!(
                    "The series was made by Harbour Film Productions in 2021.\n\nThe production company said filming would resume in May.",
                    "Harbour Film Productions",
                    "filming would resume",
                    &[],
                ),
                ex!(
                    "But the coach admitted that the team had played badly in the second half.",
                    "the coach",
                    "the team had played badly",
                    &[],
                ),
                ex!(
                    "A senior official told Reuters the border would stay closed until March.",
                    "senior official",
                    "the border would stay closed",
                    &["Reuters"],
                ),
            ],
            Rule::Citing => &[ex!(
                "Reuters, citing two people familiar with the matter, reported that the deal was off.",
                "two people familiar with the matter",
                "the deal was off",
                &["Reuters"],
            )],
            Rule::DocumentSays => &[ex!(
                "The study found that the river's fish stocks had halved in a decade.",
                "study",
                "the river's fish stocks had halved",
                &[],
            )],
            Rule::SpeechAct => &[
                ex!(
                    "Prime Minister Tomas Berg urged residents to stay indoors until the storm had passed.",
                    "Tomas Berg",
                    "Prime Minister Tomas Berg urged residents",
                    &[],
                ),
                ex!(
                    "The Dairy Farmers Union called the new quota \"a death sentence for small dairies\".",
                    "Dairy Farmers Union",
                    "The Dairy Farmers Union called the new quota",
                    &[],
                ),
                ex!(
                    "Okafor, in office since 2019, rejected the findings of the audit.",
                    "Okafor",
                    "Okafor, in office since 2019, rejected",
                    &[],
                ),
                ex!(
                    "Councillor Nadia Petrov described the parking charges as a tax on shoppers.",
                    "Nadia Petrov",
                    "Councillor Nadia Petrov described the parking charges",
                    &[],
                ),
            ],
            Rule::SpeakerInClause => &[ex!(
                "The crowd cheered when the mayor said the bridge would reopen by spring.",
                "the mayor",
                "the bridge would reopen",
                &[],
            )],
            Rule::Saying => &[ex!(
                "Governor Ana Reyes rejected the plan on Monday, saying it would cost the state too much.",
                "Ana Reyes",
                "it would cost the state",
                &[],
            )],
            Rule::SaidList => &[ex!(
                "In an interview, the mayor also said:\n\nThe bridge will reopen in May\n\nFerries will run every twenty minutes until then",
                "the mayor",
                "Ferries will run",
                &[],
            )],
            Rule::NounClaim => &[
                ex!(
                    "The inquiry follows claims by former nurse Rosa Lind that patients waited for hours in the corridor.",
                    "Rosa Lind",
                    "patients waited for hours",
                    &[],
                ),
                ex!(
                    "Mayor Tom Ellery is under pressure over his repeated vow that the pool would reopen by summer.",
                    "Tom Ellery",
                    "the pool would reopen",
                    &[],
                ),
            ],
            Rule::RelativeClause => &[
                ex!(
                    "The council approved the new runway, which residents say will double the noise.",
                    "residents",
                    "will double the noise",
                    &[],
                ),
                ex!(
                    "The vote is set for May 2, in which the Green Party said it would not take part.",
                    "Green Party",
                    "it would not take part",
                    &[],
                ),
            ],
            Rule::QuoteGoesOn => &[ex!(
                "\"The water is safe to drink,\" the utility's director, Mark Hale, said.\n\n\"We test it every hour of every day.\"",
                "Mark Hale",
                "We test it every hour",
                &[],
            )],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{KnownOutlet, Setup, extract};
    use crate::store::{Ledger, Store};

    /// What `extract` knows in a new ledger: its seeded outlets.
    fn setup() -> Setup {
        let store: Box<dyn Ledger> = Box::new(Store::in_memory().expect("an in-memory ledger"));
        let known_outlets = store
            .outlet_records()
            .expect("its outlets")
            .into_iter()
            .map(|o| KnownOutlet {
                name: o.name,
                aliases: o.aliases,
            })
            .collect();
        Setup {
            outlet: None,
            known_outlets,
        }
    }

    #[test]
    fn every_rule_reads_its_own_examples() {
        let mut failures = Vec::new();
        let setup = setup();
        for &rule in Rule::ALL {
            assert!(!rule.examples().is_empty(), "{} has no example", rule.id());
            for example in rule.examples() {
                let proposals = extract(example.copy, &setup);
                let fits = proposals.iter().any(|p| {
                    let a = &p.attributions[0];
                    p.rules.contains(&rule)
                        && a.claimant.to_lowercase() == example.claimant.to_lowercase()
                        && p.text
                            .to_lowercase()
                            .starts_with(&example.claim.to_lowercase())
                        && a.via == example.via
                });
                if !fits {
                    failures.push(format!(
                        "{}: {}\n  got {proposals:?}",
                        rule.id(),
                        example.copy
                    ));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn ids_are_distinct() {
        let mut ids: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), Rule::ALL.len());
    }
}
