//! Domain types: what a claim, an attribution, a claimant and an outlet are, independent of
//! how they are stored or shown.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::time::Timestamp;

/// Defines a closed vocabulary stored and shown as lowercase words.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident, $what:literal { $($variant:ident => $word:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let word = String::deserialize(d)?;
                word.parse().map_err(serde::de::Error::custom)
            }
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The words, for completions and help.
            pub const WORDS: &'static [&'static str] = &[$($word),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = String;

            fn from_str(s: &str) -> Result<Self, String> {
                let wanted = s.trim().to_lowercase();
                $name::ALL.iter().copied().find(|v| v.as_str() == wanted).ok_or_else(|| {
                    let words: Vec<&str> = $name::ALL.iter().map(|v| v.as_str()).collect();
                    let hint = crate::suggest::closest(s, words.iter().copied())
                        .map(|w| format!("did you mean \"{w}\"? "))
                        .unwrap_or_default();
                    format!(
                        "unknown {} \"{}\" ({hint}expected one of: {})",
                        $what, s, words.join(", ")
                    )
                })
            }
        }
    };
}

vocabulary!(
    /// Where verification of a claim stands.
    Status, "status" {
        Unverified => "unverified",
        Corroborated => "corroborated",
        Verified => "verified",
        Disputed => "disputed",
        False => "false",
        Retracted => "retracted",
    }
);

impl Status {
    /// Open claims still need work before publication; the others are settled.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            Status::Unverified | Status::Corroborated | Status::Disputed
        )
    }

    pub fn open() -> Vec<Status> {
        Status::ALL
            .iter()
            .copied()
            .filter(|s| s.is_open())
            .collect()
    }
}

vocabulary!(
    /// What sort of claimant a source is.
    ClaimantKind, "claimant kind" {
        Person => "person",
        Organization => "organization",
        Official => "official",
        Anonymous => "anonymous",
    }
);

vocabulary!(
    /// What sort of outlet relays claims.
    OutletKind, "outlet kind" {
        Wire => "wire",
        Broadcaster => "broadcaster",
        Newspaper => "newspaper",
        Monitor => "monitor",
        Online => "online",
        Other => "other",
    }
);

vocabulary!(
    /// Which part of a claim an edit corrected.
    EditField, "field" {
        Text => "text",
        Story => "story",
        MadeAt => "made_at",
    }
);

/// How far a source has proved reliable, graded by an editor on the NATO (Admiralty)
/// system that intelligence and OSINT desks use. A judgement, never computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Reliability {
    A,
    B,
    C,
    D,
    E,
    F,
}

impl Reliability {
    pub const ALL: &'static [Reliability] = &[
        Reliability::A,
        Reliability::B,
        Reliability::C,
        Reliability::D,
        Reliability::E,
        Reliability::F,
    ];
    /// The letters, for completions and help.
    pub const WORDS: &'static [&'static str] = &["A", "B", "C", "D", "E", "F"];

    pub fn as_str(self) -> &'static str {
        Reliability::WORDS[self as usize]
    }

    pub fn meaning(self) -> &'static str {
        match self {
            Reliability::A => "completely reliable",
            Reliability::B => "usually reliable",
            Reliability::C => "fairly reliable",
            Reliability::D => "not usually reliable",
            Reliability::E => "unreliable",
            Reliability::F => "reliability cannot be judged",
        }
    }
}

impl FromStr for Reliability {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let wanted = s.trim().to_uppercase();
        Reliability::ALL
            .iter()
            .copied()
            .find(|r| r.as_str() == wanted)
            .ok_or_else(|| {
                format!(
                    "unknown reliability \"{s}\" (expected a letter from A, completely reliable, to E, unreliable, or F, cannot be judged)"
                )
            })
    }
}

/// How far one piece of information is borne out, graded 1 to 6 on the same system:
/// a property of an attribution, not of its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Credibility(u8);

impl Credibility {
    pub const WORDS: &'static [&'static str] = &["1", "2", "3", "4", "5", "6"];

    pub fn new(n: i64) -> Result<Credibility, String> {
        match u8::try_from(n) {
            Ok(n @ 1..=6) => Ok(Credibility(n)),
            _ => Err(format!(
                "unknown credibility \"{n}\" (expected a number from 1, confirmed by other sources, to 5, improbable, or 6, cannot be judged)"
            )),
        }
    }

    pub fn number(self) -> u8 {
        self.0
    }

    pub fn meaning(self) -> &'static str {
        [
            "confirmed by other sources",
            "probably true",
            "possibly true",
            "doubtful",
            "improbable",
            "truth cannot be judged",
        ][usize::from(self.0 - 1)]
    }
}

impl FromStr for Credibility {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().parse::<i64>() {
            Ok(n) => Credibility::new(n),
            Err(_) => Err(format!(
                "unknown credibility \"{s}\" (expected a number from 1, confirmed by other sources, to 5, improbable, or 6, cannot be judged)"
            )),
        }
    }
}

macro_rules! shown_as_text {
    ($($ty:ty => $show:expr),+) => {$(
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let show: fn(&$ty) -> String = $show;
                f.write_str(&show(self))
            }
        }
    )+};
}

shown_as_text!(
    Reliability => |r| r.as_str().to_owned(),
    Credibility => |c| c.0.to_string()
);

impl Serialize for Reliability {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Reliability {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

impl Serialize for Credibility {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.0)
    }
}

impl<'de> Deserialize<'de> for Credibility {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Credibility::new(i64::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

/// A grade given, kept with who gave it and when: grades are corrected by giving another,
/// and the latest stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Graded<G> {
    pub grade: G,
    pub at: Timestamp,
    pub by: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl<G> Graded<G> {
    pub fn new(grade: G, at: Timestamp, by: &str, note: Option<&str>) -> Graded<G> {
        Graded {
            grade,
            at,
            by: by.to_owned(),
            note: note.map(str::to_owned),
        }
    }
}

/// The latest of a history of grades.
pub fn latest<G: Copy>(history: &[Graded<G>]) -> Option<G> {
    history.iter().max_by_key(|g| g.at).map(|g| g.grade)
}

/// A source's reliability and an attribution's credibility together, as `B2`; a part not
/// graded shows as `?`. Nothing when neither is graded.
pub fn grade_code(reliability: Option<Reliability>, credibility: Option<Credibility>) -> String {
    if reliability.is_none() && credibility.is_none() {
        return String::new();
    }
    format!(
        "{}{}",
        reliability.map_or("?".to_owned(), |r| r.to_string()),
        credibility.map_or("?".to_owned(), |c| c.to_string())
    )
}

/// Claims are statements, not documents: longer text is almost surely a stray paste.
pub const MAX_CLAIM_CHARS: usize = 20_000;

/// Trims claim text and refuses what cannot be a claim.
pub fn check_claim_text(text: &str) -> Result<String, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("claim text cannot be empty".into());
    }
    if text.contains('\0') {
        return Err("claim text cannot contain NUL bytes".into());
    }
    let chars = text.chars().count();
    if chars > MAX_CLAIM_CHARS {
        return Err(format!(
            "claim text is too long ({chars} characters; at most {MAX_CLAIM_CHARS})"
        ));
    }
    Ok(text.to_owned())
}

/// The separator of a relay chain as people type it (`SITE > NBC News`), so no outlet's
/// name may hold it.
pub const CHAIN_SEPARATOR: char = '>';

/// An outlet's name as given, or why it cannot be one.
pub fn check_outlet_name(name: &str) -> Result<String, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("outlet name cannot be empty".into());
    }
    if name.contains('\0') {
        return Err("outlet name cannot contain NUL bytes".into());
    }
    if name.contains(CHAIN_SEPARATOR) {
        return Err(format!(
            "outlet name \"{name}\" cannot contain \"{CHAIN_SEPARATOR}\", which separates the outlets of a chain (give each outlet its own --via)"
        ));
    }
    Ok(name.to_owned())
}

/// The short integer id of a claim, as users type it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct ClaimId(pub i64);

impl fmt::Display for ClaimId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Whether confidential claimants may be named in what a command returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visibility {
    Redacted,
    Revealed,
}

impl Visibility {
    pub fn from_reveal(reveal: bool) -> Self {
        if reveal {
            Visibility::Revealed
        } else {
            Visibility::Redacted
        }
    }
}

/// A claimant as shown: `name` is already a placeholder when the claimant is confidential
/// and the caller did not ask to reveal it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claimant {
    pub id: i64,
    pub name: String,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub kind: ClaimantKind,
    pub confidential: bool,
    /// The editor's latest grade of it.
    pub reliability: Option<Reliability>,
}

impl Claimant {
    pub fn placeholder(id: i64) -> String {
        format!("confidential source #{id}")
    }

    /// "Fareed Yasseen (ambassador to France, Government of Iraq)".
    pub fn described(&self) -> String {
        describe(
            &self.name,
            self.role.as_deref(),
            self.affiliation.as_deref(),
        )
    }
}

/// "name (role, affiliation)", leaving out what is unknown.
pub fn describe(name: &str, role: Option<&str>, affiliation: Option<&str>) -> String {
    let details: Vec<&str> = [role, affiliation].into_iter().flatten().collect();
    if details.is_empty() {
        name.to_owned()
    } else {
        format!("{name} ({})", details.join(", "))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outlet {
    pub id: i64,
    pub name: String,
    /// The name it was logged under, when a merge has since folded it into this one.
    pub recorded_as: Option<String>,
}

/// Who made a claim and the chain of outlets that relayed it, nearest to the claimant first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    pub claimant: Claimant,
    /// The name the claimant was logged under, when a merge has since folded it into another.
    pub recorded_as: Option<String>,
    pub via: Vec<Outlet>,
    pub medium: Option<String>,
    pub made_at: Option<Timestamp>,
    pub url: Option<String>,
    pub logged_at: Timestamp,
    pub logged_by: String,
    /// The credibility of this piece of information, as graded and corrected, oldest first.
    pub grades: Vec<Graded<Credibility>>,
}

impl Attribution {
    pub fn credibility(&self) -> Option<Credibility> {
        latest(&self.grades)
    }

    /// `B2`: the claimant's reliability and this attribution's credibility.
    pub fn grade(&self) -> String {
        grade_code(self.claimant.reliability, self.credibility())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusEvent {
    pub status: Status,
    pub at: Timestamp,
    pub by: String,
    pub note: Option<String>,
    pub evidence: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    pub id: ClaimId,
    pub uid: String,
    pub text: String,
    pub story: Option<String>,
    pub status: Status,
    pub made_at: Option<Timestamp>,
    pub logged_at: Timestamp,
    pub logged_by: String,
    pub attributions: Vec<Attribution>,
}

impl Claim {
    /// Distinct origins among the attributions: two attributions share an origin when they
    /// have the same claimant or the same first outlet in their chains.
    pub fn independent_sources(&self) -> usize {
        let keys: Vec<(i64, Option<i64>)> = self
            .attributions
            .iter()
            .map(|a| (a.claimant.id, a.via.first().map(|o| o.id)))
            .collect();
        count_origins(&keys)
    }
}

/// Counts the connected groups of (claimant, first outlet) pairs, joining pairs that share
/// either member.
pub fn count_origins(keys: &[(i64, Option<i64>)]) -> usize {
    let mut parent: Vec<usize> = (0..keys.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for i in 0..keys.len() {
        for j in 0..i {
            let same_claimant = keys[i].0 == keys[j].0;
            let same_outlet = keys[i].1.is_some() && keys[i].1 == keys[j].1;
            if same_claimant || same_outlet {
                let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                parent[a] = b;
            }
        }
    }
    (0..keys.len())
        .filter(|&i| root(&mut parent, i) == i)
        .count()
}

/// A claim with its full status history, as `show` presents it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimDetail {
    pub claim: Claim,
    pub history: Vec<StatusEvent>,
    /// Corrections to the text, story or date, oldest first.
    pub edits: Vec<ClaimEdit>,
}

/// A correction: the value replaced is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimEdit {
    pub field: EditField,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub at: Timestamp,
    pub by: String,
    pub note: Option<String>,
}

/// A claimant with how many claims name it, for `claimtrail sources`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimantSummary {
    pub claimant: Claimant,
    pub aliases: Vec<String>,
    pub claims: u64,
    pub open: u64,
}

/// An outlet with how many claims it relayed, for `claimtrail outlets`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutletSummary {
    pub outlet: Outlet,
    pub kind: OutletKind,
    pub aliases: Vec<String>,
    pub claims: u64,
    pub open: u64,
}

/// A story and its claims.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct StoryCount {
    pub story: String,
    pub claims: u64,
    pub open: u64,
}

/// How many of a group's claims stand at each status, and when its oldest open claim was
/// logged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupCounts {
    pub group_id: i64,
    pub name: String,
    /// A claimant's reliability, shown beside its record; outlets are not graded.
    pub reliability: Option<Reliability>,
    /// In the order of `Status::ALL`.
    pub by_status: Vec<u64>,
    pub oldest_open_at: Option<Timestamp>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_parse_case_insensitively_and_name_the_choices_when_wrong() {
        assert_eq!("Verified".parse::<Status>(), Ok(Status::Verified));
        let err = "verfied".parse::<Status>().unwrap_err();
        assert_eq!(
            err,
            "unknown status \"verfied\" (did you mean \"verified\"? expected one of: unverified, corroborated, verified, disputed, false, retracted)"
        );
        let far = "banana".parse::<Status>().unwrap_err();
        assert!(
            far.starts_with("unknown status \"banana\" (expected one of"),
            "{far}"
        );
    }

    #[test]
    fn open_statuses_are_unverified_corroborated_and_disputed() {
        assert_eq!(
            Status::open(),
            vec![Status::Unverified, Status::Corroborated, Status::Disputed]
        );
    }

    #[test]
    fn attributions_sharing_a_claimant_or_first_outlet_are_one_origin() {
        // Two wires quoting SITE's translation of the same recording: one origin.
        assert_eq!(count_origins(&[(1, Some(4)), (1, Some(4))]), 1);
        // Different claimants, both first relayed by SITE: still one origin.
        assert_eq!(count_origins(&[(1, Some(4)), (2, Some(4))]), 1);
        // Different claimants through different first outlets: two.
        assert_eq!(count_origins(&[(1, Some(4)), (2, Some(2))]), 2);
        // No outlet at all: heard directly, so only the claimant groups.
        assert_eq!(count_origins(&[(1, None), (2, None)]), 2);
        // A chain of overlaps joins all three.
        assert_eq!(
            count_origins(&[(1, Some(4)), (2, Some(4)), (2, Some(7))]),
            1
        );
        assert_eq!(count_origins(&[]), 0);
    }
}
