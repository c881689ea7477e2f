//! `claimtrail export --format claimreview`: settled claims as schema.org ClaimReview JSON-LD,
//! checked against the schema.org vocabulary (tests/fixtures/schemaorg-vocab.json, schema.org 30.0)
//! and Google's fact-check requirements, with the confidential claimant never named.

mod common;

use std::collections::{BTreeSet, HashMap};
use std::process::Output;
use std::sync::OnceLock;

use chrono::{DateTime, NaiveDate, NaiveTime};
use common::Ledger;
use serde_json::{Value, json};

const NOW: &str = "2014-06-12T18:00:00Z";
const TEMPLATE: &str = "https://desk.example/checks/{uid}";
const PUBLISHER: &str = "The Desk";
const PUBLISHER_URL: &str = "https://desk.example/";

/// The demo's confidential claimant (claim 6), and an alias given to it here.
const CONFIDENTIAL: &str = "Senior U.S. defense official";
const ALIAS: &str = "Pentagon insider";
const CONFIDENTIAL_QUOTE: &str = "\"We're not going to war in Iraq anytime soon.\"";

const OIL_CLAIM: &str = "Oil exports through the southern port of Basra continue normally.";
const OIL_URL: &str = "https://www.nbcnews.com/storyline/iraq-turmoil/basra-oil-exports";
const TIKRIT_CLAIM: &str = "Iraqi forces have retaken Tikrit.";
const UNSC_CLAIM: &str = "The U.N. Security Council has scheduled a meeting for later Thursday \
                          for a briefing from its special representative for Iraq.";
const UN_URL: &str = "https://news.un.org/en/story/2014/06/security-council-iraq";

// ---------------------------------------------------------------------------------------------
// Running claimtrail

/// Runs with the clock fixed at `NOW`.
fn run(ledger: &Ledger, args: &[&str]) -> Output {
    ledger
        .cmd()
        .env("CLAIMTRAIL_NOW", NOW)
        .args(args)
        .output()
        .expect("run claimtrail")
}

fn ok(ledger: &Ledger, args: &[&str]) -> String {
    let out = run(ledger, args);
    assert!(
        out.status.success(),
        "claimtrail {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

fn json(ledger: &Ledger, args: &[&str]) -> Value {
    let out = ok(ledger, args);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?} printed bad JSON ({e}):\n{out}"))
}

const EXPORT: &[&str] = &[
    "export",
    "--format",
    "claimreview",
    "--publisher",
    PUBLISHER,
    "--url-template",
    TEMPLATE,
];

/// The ClaimReview export with `extra` arguments; the raw text.
fn export_text(ledger: &Ledger, extra: &[&str]) -> String {
    let mut args = EXPORT.to_vec();
    args.extend_from_slice(extra);
    ok(ledger, &args)
}

fn export(ledger: &Ledger, extra: &[&str]) -> Vec<Value> {
    let text = export_text(ledger, extra);
    match serde_json::from_str(&text) {
        Ok(Value::Array(reviews)) => reviews,
        _ => panic!("the ClaimReview export is not a JSON array:\n{text}"),
    }
}

/// The demo ledger, with more claims settled: the confidential claimant's (verified, and given
/// an alias), Adnani's (false), a retraction, an organization's claim relayed through three
/// outlets with a URL (verified at logging), a false one with no relay chain, and a second
/// attribution, through another outlet, for the Security Council's verified claim. Claims 3
/// (disputed), 5 (corroborated) and 10 (unverified) stay open.
fn newsroom() -> Ledger {
    let ledger = Ledger::new();
    ok(&ledger, &["demo"]);
    let steps: &[&[&str]] = &[
        &["mark", "6", "verified", "--note", "Pentagon briefing"],
        &["sources", "edit", CONFIDENTIAL, "--alias", ALIAS],
        &[
            "mark",
            "4",
            "false",
            "--note",
            "recording shown to be older",
        ],
        &["retract", "11", "--note", "Yawar withdrew it the next day"],
        &[
            "add",
            OIL_CLAIM,
            "--by",
            "State Oil Marketing Organization",
            "--kind",
            "organization",
            "--via",
            "Iraq Oil Report",
            "--via",
            "Reuters",
            "--via",
            "NBC News",
            "--url",
            OIL_URL,
            "--made-at",
            "2014-06-12T09:30:00Z",
            "--story",
            "iraq-2014",
            "--status",
            "verified",
            "--note",
            "tanker schedules checked",
        ],
        &[
            "add",
            TIKRIT_CLAIM,
            "--by",
            "Provincial official",
            "--kind",
            "anonymous",
            "--medium",
            "telephone interview",
            "--made-at",
            "2014-06-12",
            "--story",
            "iraq-2014",
        ],
        &[
            "mark",
            "13",
            "false",
            "--note",
            "militants still hold the city",
        ],
        &[
            "cite",
            "8",
            "--by",
            "United Nations Security Council",
            "--via",
            "UN News Centre",
            "--url",
            UN_URL,
            "--made-at",
            "2014-06-12",
        ],
    ];
    for args in steps {
        ok(&ledger, args);
    }
    ledger
}

// ---------------------------------------------------------------------------------------------
// The vocabulary

struct Property {
    domain: Vec<String>,
    range: Vec<String>,
}

struct Vocab {
    datatypes: BTreeSet<String>,
    /// Type → its direct superclasses.
    types: HashMap<String, Vec<String>>,
    properties: HashMap<String, Property>,
    /// Superseded term → its replacement.
    superseded: HashMap<String, String>,
}

/// A copy of the compact vocabulary kept with the tests, so that they run wherever the
/// repository is checked out (see tests/fixtures/README.md).
const VOCAB_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/schemaorg-vocab.json"
);

fn vocab() -> &'static Vocab {
    static VOCAB: OnceLock<Vocab> = OnceLock::new();
    VOCAB.get_or_init(|| {
        let text = std::fs::read_to_string(VOCAB_PATH).unwrap_or_else(|e| {
            panic!("cannot read the schema.org vocabulary at {VOCAB_PATH} ({e})")
        });
        let json: Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{VOCAB_PATH} is not JSON: {e}"));
        Vocab::from_json(&json)
    })
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .expect("a list of names")
        .iter()
        .map(|s| s.as_str().expect("a name").to_owned())
        .collect()
}

impl Vocab {
    fn from_json(json: &Value) -> Vocab {
        let section = |key: &str| {
            json[key]
                .as_object()
                .unwrap_or_else(|| panic!("{VOCAB_PATH} has no \"{key}\" object"))
        };
        let vocab = Vocab {
            datatypes: strings(&json["datatypes"]).into_iter().collect(),
            types: section("types")
                .iter()
                .map(|(t, supers)| (t.clone(), strings(supers)))
                .collect(),
            properties: section("properties")
                .iter()
                .map(|(p, def)| {
                    let property = Property {
                        domain: strings(&def["domain"]),
                        range: strings(&def["range"]),
                    };
                    (p.clone(), property)
                })
                .collect(),
            superseded: section("supersededBy")
                .iter()
                .map(|(old, new)| (old.clone(), new.as_str().unwrap_or_default().to_owned()))
                .collect(),
        };
        assert!(
            vocab.is_a("ClaimReview", "CreativeWork") && vocab.properties.contains_key("url"),
            "{VOCAB_PATH} does not look like the schema.org vocabulary"
        );
        vocab
    }

    /// Whether `t` is `ancestor` or a subclass of it, through any number of steps.
    fn is_a(&self, t: &str, ancestor: &str) -> bool {
        let mut seen = BTreeSet::new();
        let mut todo = vec![t];
        while let Some(t) = todo.pop() {
            if t == ancestor {
                return true;
            }
            if seen.insert(t) {
                todo.extend(self.types.get(t).into_iter().flatten().map(String::as_str));
            }
        }
        false
    }

    /// A datatype (Text, Number, Date...) or a subclass of one (URL, Integer...): a kind of
    /// literal value, never the `@type` of an object.
    fn is_datatype(&self, t: &str) -> bool {
        self.datatypes.iter().any(|d| self.is_a(t, d))
    }
}

// ---------------------------------------------------------------------------------------------
// A schema.org validator
//
// Rules, for each JSON object (a node):
// - `@context`, wherever it appears, is exactly "https://schema.org"; the top-level nodes must
//   carry it. `@type` is required; `@id` may be a string; no other `@` keyword is expected.
// - `@type` is a type in the vocabulary, not superseded, and not a datatype or a subclass of
//   one (those are kinds of literal, not of object).
// - Every other key is a property in the vocabulary, not superseded, whose domain holds the
//   node's type or one of its superclasses (walked transitively up to Thing).
// - Every value fits one entry R of the property's range:
//   - an object fits when its `@type` is R or a subclass of R (then it is checked in turn);
//   - a string fits R = URL (or a subclass of URL) only when it is an absolute http(s) URL;
//     R = Date only as YYYY-MM-DD (a real date); R = DateTime only as RFC 3339; R = Time only
//     as hh:mm:ss; R = Text or any other subclass of Text as it is. Subclassing goes one way:
//     URL is a subclass of Text, so a URL is acceptable where Text is expected, but arbitrary
//     Text is not a URL. A property whose range lists both Text and URL takes any string.
//     A string never fits an object type (schema.org tolerates that; Google does not);
//   - a number fits R = Number or a subclass (Integer only for a whole number);
//   - a boolean fits R = Boolean;
//   - an array is checked element by element (no empty or nested arrays); null never fits.

fn schema_problems(node: &Value, path: &str) -> Vec<String> {
    let mut problems = Vec::new();
    // Its value is checked with the rest of the node.
    if node.get("@context").is_none() {
        problems.push(format!("{path}: no @context"));
    }
    check_node(vocab(), node, path, &mut problems);
    problems
}

fn check_node(vocab: &Vocab, node: &Value, path: &str, problems: &mut Vec<String>) {
    let Some(node) = node.as_object() else {
        problems.push(format!("{path}: expected an object, found {node}"));
        return;
    };
    let ty = match node.get("@type") {
        Some(Value::String(t)) => Some(t.as_str()),
        Some(other) => {
            problems.push(format!("{path}: @type must be one type name, not {other}"));
            None
        }
        None => {
            problems.push(format!("{path}: no @type"));
            None
        }
    };
    let ty = ty.filter(|t| {
        let wrong = if !vocab.types.contains_key(*t) {
            Some("is not a schema.org type".to_owned())
        } else if let Some(new) = vocab.superseded.get(*t) {
            Some(format!("is superseded by {new}"))
        } else if vocab.is_datatype(t) {
            Some("is a datatype, not a type of object".to_owned())
        } else {
            None
        };
        if let Some(wrong) = &wrong {
            problems.push(format!("{path}: @type {t} {wrong}"));
        }
        wrong.is_none()
    });
    for (key, value) in node {
        let here = format!("{path}.{key}");
        match key.as_str() {
            "@type" => continue,
            "@context" => {
                if value != "https://schema.org" {
                    problems.push(format!(
                        "{here}: must be \"https://schema.org\", not {value}"
                    ));
                }
                continue;
            }
            "@id" => {
                if !value.is_string() {
                    problems.push(format!("{here}: must be a string"));
                }
                continue;
            }
            k if k.starts_with('@') => {
                problems.push(format!("{here}: unexpected JSON-LD keyword"));
                continue;
            }
            _ => {}
        }
        let Some(property) = vocab.properties.get(key) else {
            problems.push(format!("{here}: {key} is not a schema.org property"));
            continue;
        };
        if let Some(new) = vocab.superseded.get(key) {
            problems.push(format!("{here}: {key} is superseded by {new}"));
        }
        if let Some(ty) = ty
            && !property.domain.iter().any(|d| vocab.is_a(ty, d))
        {
            problems.push(format!(
                "{here}: {key} does not apply to {ty} (only to {})",
                property.domain.join(", ")
            ));
        }
        match value {
            Value::Array(items) if items.is_empty() => {
                problems.push(format!("{here}: empty array"));
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    check_value(
                        vocab,
                        key,
                        &property.range,
                        item,
                        &format!("{here}[{i}]"),
                        problems,
                    );
                }
            }
            _ => check_value(vocab, key, &property.range, value, &here, problems),
        }
    }
}

fn check_value(
    vocab: &Vocab,
    key: &str,
    range: &[String],
    value: &Value,
    path: &str,
    problems: &mut Vec<String>,
) {
    let expected = || range.join(" or ");
    let fits = match value {
        Value::Object(object) => {
            let ty = object.get("@type").and_then(Value::as_str);
            if let Some(ty) = ty
                && !range.iter().any(|r| vocab.is_a(ty, r))
            {
                problems.push(format!("{path}: {key} takes {}, not {ty}", expected()));
            }
            check_node(vocab, value, path, problems);
            true
        }
        Value::String(s) => range.iter().any(|r| string_fits(vocab, r, s)),
        Value::Number(n) => range.iter().any(|r| {
            vocab.is_a(r, "Number") && (!vocab.is_a(r, "Integer") || n.is_i64() || n.is_u64())
        }),
        Value::Bool(_) => range.iter().any(|r| vocab.is_a(r, "Boolean")),
        Value::Array(_) => {
            problems.push(format!("{path}: nested array"));
            true
        }
        Value::Null => false,
    };
    if !fits {
        problems.push(format!("{path}: {key} takes {}, not {value}", expected()));
    }
}

fn string_fits(vocab: &Vocab, range: &str, s: &str) -> bool {
    if vocab.is_a(range, "URL") {
        is_url(s)
    } else if range == "Date" {
        is_date(s)
    } else if range == "DateTime" {
        DateTime::parse_from_rfc3339(s).is_ok()
    } else if range == "Time" {
        NaiveTime::parse_from_str(s, "%H:%M:%S").is_ok()
    } else {
        vocab.is_a(range, "Text")
    }
}

/// An absolute http(s) URL with a host, and nothing a URL cannot hold as it is: no spaces,
/// quotes, angle brackets, or braces (an unfilled `{uid}`).
fn is_url(s: &str) -> bool {
    let Some(rest) = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
    else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    !host.is_empty()
        && !s
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "\"<>{}\\".contains(c))
}

/// YYYY-MM-DD, a real calendar date.
fn is_date(s: &str) -> bool {
    s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
        && NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()
}

// ---------------------------------------------------------------------------------------------
// Google's fact-check requirements
//
// Required: claimReviewed, reviewRating (a Rating with alternateName), url. Recommended, and
// required here: author with a name (and a url when the publisher has one), datePublished, and
// itemReviewed, a Claim with author (named) and datePublished. On the Rating, ratingValue,
// bestRating and worstRating are numbers with 1 <= worstRating <= ratingValue <= bestRating.
// Whether a Claim needs appearance or firstAppearance depends on its relay chain, so the tests
// check those against the ledger.

fn google_problems(review: &Value, path: &str, author_url: bool) -> Vec<String> {
    let mut problems = Vec::new();
    let mut need = |ok: bool, what: &str| {
        if !ok {
            problems.push(format!("{path}: {what}"));
        }
    };
    let text = |v: &Value| v.as_str().is_some_and(|s| !s.trim().is_empty());
    need(
        review["@type"] == "ClaimReview",
        "@type must be ClaimReview",
    );
    need(text(&review["claimReviewed"]), "claimReviewed is required");
    need(text(&review["url"]), "url is required");
    need(
        text(&review["datePublished"]),
        "datePublished is recommended",
    );

    let author = &review["author"];
    need(author.is_object(), "author is recommended");
    need(text(&author["name"]), "author needs a name");
    if author_url {
        need(text(&author["url"]), "author needs the publisher's url");
    }

    let rating = &review["reviewRating"];
    need(
        rating["@type"] == "Rating",
        "reviewRating (a Rating) is required",
    );
    need(
        text(&rating["alternateName"]),
        "reviewRating needs alternateName",
    );
    let number = |key: &str| rating[key].as_f64();
    match (
        number("worstRating"),
        number("ratingValue"),
        number("bestRating"),
    ) {
        (Some(worst), Some(value), Some(best)) => {
            need(worst >= 1.0, "worstRating must be at least 1");
            need(
                worst <= value && value <= best,
                "ratingValue must lie between worstRating and bestRating",
            );
        }
        _ => need(
            false,
            "ratingValue, bestRating and worstRating must be numbers",
        ),
    }

    let claim = &review["itemReviewed"];
    need(claim["@type"] == "Claim", "itemReviewed must be a Claim");
    need(
        text(&claim["author"]["name"]),
        "itemReviewed needs a named author",
    );
    need(
        text(&claim["datePublished"]),
        "itemReviewed needs datePublished",
    );
    problems
}

/// Everything wrong with an export, schema.org and Google both.
fn export_problems(reviews: &[Value], author_url: bool) -> Vec<String> {
    reviews
        .iter()
        .enumerate()
        .flat_map(|(i, review)| {
            let path = format!("$[{i}]");
            let mut problems = schema_problems(review, &path);
            problems.extend(google_problems(review, &path, author_url));
            problems
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// What the ledger says

/// The publishers named by a list of CreativeWorks (or one).
fn publishers(works: &Value) -> Vec<String> {
    let works = match works {
        Value::Array(works) => works.clone(),
        Value::Null => Vec::new(),
        work => vec![work.clone()],
    };
    works
        .iter()
        .map(|w| {
            assert_eq!(w["publisher"]["@type"], "Organization", "{w}");
            w["publisher"]["name"]
                .as_str()
                .expect("publisher name")
                .to_owned()
        })
        .collect()
}

fn chain(attribution: &Value) -> Vec<&str> {
    attribution["via"]
        .as_array()
        .expect("via")
        .iter()
        .map(|o| o.as_str().expect("outlet name"))
        .collect()
}

fn date_of(time: &Value) -> &str {
    &time.as_str().expect("a time")[..10]
}

/// The ClaimReview for one claim, found by the uid in its url; it must be there exactly once.
fn review_for<'a>(reviews: &'a [Value], uid: &str) -> &'a Value {
    let url = TEMPLATE.replace("{uid}", uid);
    let found: Vec<&Value> = reviews.iter().filter(|r| r["url"] == url).collect();
    assert_eq!(found.len(), 1, "{url} should be reviewed exactly once");
    found[0]
}

fn by_text<'a>(reviews: &'a [Value], text: &str) -> &'a Value {
    reviews
        .iter()
        .find(|r| r["claimReviewed"] == text)
        .unwrap_or_else(|| panic!("no review of {text:?}"))
}

// ---------------------------------------------------------------------------------------------
// The tests

#[test]
fn every_settled_claim_is_exported_once_as_a_valid_claimreview() {
    let ledger = newsroom();
    let reviews = export(&ledger, &["--publisher-url", PUBLISHER_URL]);
    let problems = export_problems(&reviews, true);
    assert!(problems.is_empty(), "{}", problems.join("\n"));

    let kinds: HashMap<String, String> = json(&ledger, &["sources", "--format", "json"])
        .as_array()
        .expect("claimants")
        .iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap().to_owned(),
                c["kind"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let claims = json(&ledger, &["list", "--all", "--format", "json"]);
    let claims = claims.as_array().expect("claims");
    assert_eq!(claims.len(), 13);
    let mut settled = 0;
    for summary in claims {
        let id = summary["id"].to_string();
        let claim = json(&ledger, &["show", &id, "--format", "json"]);
        let uid = claim["uid"].as_str().expect("uid");
        let status = claim["status"].as_str().expect("status");
        if matches!(status, "unverified" | "corroborated" | "disputed") {
            let all = serde_json::to_string(&reviews).unwrap();
            assert!(
                !all.contains(uid),
                "open claim {id} ({status}) was exported"
            );
            continue;
        }
        settled += 1;
        let review = review_for(&reviews, uid);
        let context = format!("claim {id} ({status}): {review:#}");
        assert_eq!(review["url"], TEMPLATE.replace("{uid}", uid), "{context}");
        assert_eq!(review["claimReviewed"], claim["text"], "{context}");
        assert_eq!(
            review["author"],
            json!({"@type": "Organization", "name": PUBLISHER, "url": PUBLISHER_URL}),
            "{context}"
        );
        let verdict_at = claim["history"].as_array().unwrap().last().unwrap()["at"].clone();
        assert_eq!(review["datePublished"], date_of(&verdict_at), "{context}");

        let rating = &review["reviewRating"];
        let (worst, best) = (&rating["worstRating"], &rating["bestRating"]);
        match status {
            "verified" => {
                assert_eq!(rating["alternateName"], "True", "{context}");
                assert_eq!(&rating["ratingValue"], best, "{context}");
            }
            "false" => {
                assert_eq!(rating["alternateName"], "False", "{context}");
                assert_eq!(&rating["ratingValue"], worst, "{context}");
            }
            "retracted" => {
                let value = rating["ratingValue"].as_f64().unwrap();
                assert!(
                    worst.as_f64().unwrap() < value && value < best.as_f64().unwrap(),
                    "{context}"
                );
                assert!(
                    !["True", "False"].contains(&rating["alternateName"].as_str().unwrap()),
                    "a retraction has its own verdict: {context}"
                );
            }
            other => panic!("unexpected status {other}"),
        }

        let item = &review["itemReviewed"];
        let attributions = claim["attributions"].as_array().expect("attributions");
        let first = &attributions[0];
        let made = if claim["made_at"].is_null() {
            &first["made_at"]
        } else {
            &claim["made_at"]
        };
        assert_eq!(item["datePublished"], date_of(made), "{context}");
        let claimant = first["claimant"].as_str().unwrap();
        if claimant.starts_with("confidential source #") {
            assert_ne!(item["author"]["name"], CONFIDENTIAL, "{context}");
        } else {
            assert_eq!(item["author"]["name"], claimant, "{context}");
            let ty = if kinds[claimant] == "organization" {
                "Organization"
            } else {
                "Person"
            };
            assert_eq!(item["author"]["@type"], ty, "{context}");
        }

        // The first outlet of the first chain is where the claim first appeared; the last
        // outlet of every chain is an appearance. A claim made directly has neither.
        let chained: Vec<Vec<&str>> = attributions
            .iter()
            .map(chain)
            .filter(|c| !c.is_empty())
            .collect();
        match chained.first() {
            None => {
                assert!(item.get("firstAppearance").is_none(), "{context}");
                assert!(item.get("appearance").is_none(), "{context}");
            }
            Some(first_chain) => {
                assert_eq!(
                    publishers(&item["firstAppearance"]),
                    [first_chain[0]],
                    "{context}"
                );
                let lasts: BTreeSet<&str> = chained.iter().map(|c| *c.last().unwrap()).collect();
                let named = publishers(&item["appearance"]);
                let named: BTreeSet<&str> = named.iter().map(String::as_str).collect();
                assert_eq!(named, lasts, "{context}");
            }
        }
    }
    assert_eq!(settled, 10);
    assert_eq!(
        reviews.len(),
        settled,
        "one review per settled claim, no more"
    );

    // The named examples, spelled out.
    let first_outlet =
        |text: &str| publishers(&by_text(&reviews, text)["itemReviewed"]["firstAppearance"]);
    assert_eq!(
        first_outlet(
            "Iraq's ambassador to France called on the U.N. Security Council to approve extra \
             military aid for Baghdad, including air and drone support: \"We need equipment, \
             extra aviation and drones.\""
        ),
        ["France Inter"]
    );
    assert_eq!(
        first_outlet(
            "In an audio recording, the ISIS spokesman urged his fighters to march on Baghdad: \
             \"March to Baghdad... We have a score to settle.\""
        ),
        ["SITE Intelligence Group"]
    );
    // Three outlets and a url: the url is the last outlet's report, not the first's.
    let oil = &by_text(&reviews, OIL_CLAIM)["itemReviewed"];
    assert_eq!(
        oil["author"],
        json!({"@type": "Organization", "name": "State Oil Marketing Organization"})
    );
    assert_eq!(publishers(&oil["firstAppearance"]), ["Iraq Oil Report"]);
    assert!(oil["firstAppearance"].get("url").is_none(), "{oil:#}");
    assert_eq!(
        oil["appearance"],
        json!([{
            "@type": "CreativeWork",
            "publisher": {"@type": "Organization", "name": "NBC News"},
            "url": OIL_URL,
            "datePublished": "2014-06-12",
        }])
    );
    // Every attribution's report is an appearance; the first attribution's is the first.
    let unsc = &by_text(&reviews, UNSC_CLAIM)["itemReviewed"];
    assert_eq!(publishers(&unsc["firstAppearance"]), ["NBC News"]);
    assert_eq!(
        publishers(&unsc["appearance"]),
        ["NBC News", "UN News Centre"]
    );
    assert_eq!(unsc["appearance"][1]["url"], UN_URL);
    let tikrit = &by_text(&reviews, TIKRIT_CLAIM)["reviewRating"];
    assert_eq!(tikrit["alternateName"], "False");
}

#[test]
fn the_publisher_url_is_optional() {
    let ledger = newsroom();
    let reviews = export(&ledger, &[]);
    let problems = export_problems(&reviews, false);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert_eq!(reviews.len(), 10);
    for review in &reviews {
        assert_eq!(
            review["author"],
            json!({"@type": "Organization", "name": PUBLISHER})
        );
    }
}

#[test]
fn the_confidential_claimant_is_never_named_even_with_reveal() {
    let ledger = newsroom();
    // The confidential claimant also cites a settled claim, so appears in a second attribution.
    ok(
        &ledger,
        &["cite", "7", "--by", CONFIDENTIAL, "--via", "Reuters"],
    );
    let file = ledger.dir.path().join("reviews.jsonld");
    let file_arg = file.to_str().expect("utf-8 path");

    let mut printed = Vec::new();
    let runs: [&[&str]; 3] = [&[], &["--reveal"], &["--reveal", "--by", CONFIDENTIAL]];
    for extra in runs {
        let mut args = EXPORT.to_vec();
        args.extend_from_slice(extra);
        let out = run(&ledger, &args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        printed.push((
            format!("{args:?} stdout"),
            String::from_utf8(out.stdout).unwrap(),
        ));
        printed.push((
            format!("{args:?} stderr"),
            String::from_utf8(out.stderr).unwrap(),
        ));
    }
    // Written to a file, ClaimReview chosen by the .jsonld extension.
    let to_file = ok(
        &ledger,
        &[
            "export",
            "--reveal",
            "--output",
            file_arg,
            "--publisher",
            PUBLISHER,
            "--url-template",
            TEMPLATE,
        ],
    );
    printed.push(("export --output".into(), to_file));
    printed.push((
        "reviews.jsonld".into(),
        std::fs::read_to_string(&file).unwrap(),
    ));

    for (what, text) in &printed {
        let lower = text.to_lowercase();
        for name in [CONFIDENTIAL, ALIAS] {
            assert!(
                !lower.contains(&name.to_lowercase()),
                "{what} names {name}:\n{text}"
            );
        }
    }
    // --reveal changes nothing, and the file holds what standard output does.
    assert_eq!(
        printed[0].1, printed[2].1,
        "--reveal changed the ClaimReview export"
    );
    assert_eq!(
        printed[0].1, printed[7].1,
        "the .jsonld file differs from standard output"
    );

    // The claims themselves are still exported, and valid.
    let reviews: Vec<Value> = serde_json::from_str(&printed[0].1).unwrap();
    let problems = export_problems(&reviews, false);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let quote = by_text(&reviews, CONFIDENTIAL_QUOTE);
    assert_eq!(quote["reviewRating"]["alternateName"], "True");
    let author = quote["itemReviewed"]["author"]["name"].as_str().unwrap();
    assert!(
        !author.is_empty() && !author.contains(CONFIDENTIAL),
        "{author}"
    );
    let by_confidential: Vec<Value> = serde_json::from_str(&printed[4].1).unwrap();
    let texts: BTreeSet<&str> = by_confidential
        .iter()
        .map(|r| r["claimReviewed"].as_str().unwrap())
        .collect();
    assert_eq!(
        texts,
        BTreeSet::from([
            CONFIDENTIAL_QUOTE,
            "The White House pledged to stand by Iraq's leaders."
        ]),
        "--by the confidential claimant still finds its claims"
    );
}

/// A ClaimReview that passes every check; the mistakes below are made to copies of it.
fn good_review() -> Value {
    json!({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "https://desk.example/checks/8b0f0a52-5f3c-4d55-9d1b-0c4c1f2d8e11",
        "claimReviewed": "Iraqi forces have retaken Tikrit.",
        "datePublished": "2014-06-12",
        "author": {"@type": "Organization", "name": PUBLISHER, "url": PUBLISHER_URL},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": 1,
            "bestRating": 3,
            "worstRating": 1,
            "alternateName": "False",
        },
        "itemReviewed": {
            "@type": "Claim",
            "author": {
                "@type": "Person",
                "name": "Jabbar Yawar",
                "jobTitle": "spokesman",
                "affiliation": {"@type": "Organization", "name": "Kurdish peshmerga"},
            },
            "datePublished": "2014-06-12",
            "firstAppearance": {
                "@type": "CreativeWork",
                "publisher": {"@type": "Organization", "name": "Reuters"},
            },
            "appearance": [{
                "@type": "CreativeWork",
                "url": "https://www.nbcnews.com/news/iraq",
                "datePublished": "2014-06-12T09:30:00Z",
                "publisher": {"@type": "Organization", "name": "NBC News"},
            }],
        },
    })
}

/// `good_review()` with the value at a JSON pointer replaced, or removed when `None`.
fn with(pointer: &str, value: Option<Value>) -> Value {
    let mut review = good_review();
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
    let parent = review
        .pointer_mut(parent)
        .and_then(Value::as_object_mut)
        .unwrap_or_else(|| panic!("no object at {parent}"));
    match value {
        Some(value) => parent.insert(key.to_owned(), value),
        None => parent.remove(key),
    };
    review
}

#[test]
fn the_validator_reports_each_kind_of_mistake() {
    let good = export_problems(&[good_review()], true);
    assert!(good.is_empty(), "the good review should pass: {good:?}");

    let mistakes: Vec<(&str, Value, &str)> = vec![
        (
            "unknown type",
            with("/@type", Some(json!("FactCheck"))),
            "FactCheck is not a schema.org type",
        ),
        (
            "a datatype as @type",
            with("/author/@type", Some(json!("Text"))),
            "is a datatype",
        ),
        (
            "no @type",
            with("/itemReviewed/author/@type", None),
            "no @type",
        ),
        (
            "wrong @context",
            with("/@context", Some(json!("http://schema.org/"))),
            "must be \"https://schema.org\"",
        ),
        ("no @context", with("/@context", None), "no @context"),
        (
            "unknown property",
            with("/verdict", Some(json!("False"))),
            "verdict is not a schema.org property",
        ),
        (
            "claimReviewed on a Claim",
            with("/itemReviewed/claimReviewed", Some(json!("x"))),
            "claimReviewed does not apply to Claim",
        ),
        (
            "jobTitle on an Organization",
            with("/author/jobTitle", Some(json!("desk"))),
            "jobTitle does not apply to Organization",
        ),
        (
            "a string for a Rating",
            with("/reviewRating", Some(json!("False"))),
            "reviewRating takes Rating",
        ),
        (
            "a Person for a Rating",
            with(
                "/reviewRating",
                Some(json!({"@type": "Person", "name": "x"})),
            ),
            "reviewRating takes Rating, not Person",
        ),
        (
            "a Claim for a publisher",
            with(
                "/itemReviewed/appearance/0/publisher",
                Some(json!({"@type": "Claim"})),
            ),
            "publisher takes Organization or Person, not Claim",
        ),
        (
            "text for a url",
            with("/url", Some(json!("desk.example/checks/1"))),
            "url takes URL",
        ),
        (
            "an unfilled template",
            with("/url", Some(json!("https://desk.example/checks/{uid}"))),
            "url takes URL",
        ),
        (
            "a date in words",
            with("/datePublished", Some(json!("12 June 2014"))),
            "datePublished takes",
        ),
        (
            "an impossible date",
            with("/datePublished", Some(json!("2014-02-30"))),
            "datePublished takes",
        ),
        (
            "a number for text",
            with("/claimReviewed", Some(json!(3))),
            "claimReviewed takes Text",
        ),
        (
            "null",
            with("/itemReviewed/author/name", Some(Value::Null)),
            "name takes Text, not null",
        ),
        (
            "an empty array",
            with("/itemReviewed/appearance", Some(json!([]))),
            "empty array",
        ),
        (
            "ratingValue above bestRating",
            with("/reviewRating/ratingValue", Some(json!(5))),
            "ratingValue must lie between",
        ),
        (
            "ratingValue below worstRating",
            with("/reviewRating/ratingValue", Some(json!(0))),
            "ratingValue must lie between",
        ),
        (
            "worstRating below 1",
            with("/reviewRating/worstRating", Some(json!(0))),
            "worstRating must be at least 1",
        ),
        (
            "ratingValue as text",
            with("/reviewRating/ratingValue", Some(json!("1"))),
            "must be numbers",
        ),
        (
            "no alternateName",
            with("/reviewRating/alternateName", None),
            "alternateName",
        ),
        ("no url", with("/url", None), "url is required"),
        (
            "no claimReviewed",
            with("/claimReviewed", None),
            "claimReviewed is required",
        ),
        (
            "no reviewRating",
            with("/reviewRating", None),
            "reviewRating (a Rating) is required",
        ),
        (
            "no author url",
            with("/author/url", None),
            "author needs the publisher's url",
        ),
        (
            "no claim author",
            with("/itemReviewed/author", None),
            "itemReviewed needs a named author",
        ),
        (
            "no claim date",
            with("/itemReviewed/datePublished", None),
            "itemReviewed needs datePublished",
        ),
    ];
    let mut missed = Vec::new();
    for (what, review, expected) in &mistakes {
        let problems = export_problems(std::slice::from_ref(review), true);
        if !problems.iter().any(|p| p.contains(expected)) {
            missed.push(format!("{what}: wanted \"{expected}\", got {problems:?}"));
        }
    }
    assert!(
        missed.is_empty(),
        "the validator missed:\n{}",
        missed.join("\n")
    );
}

#[test]
fn the_validator_accepts_what_schema_org_allows() {
    // Text where the range is Text or URL; a URL where Text is expected; a DateTime where Date
    // or DateTime is; a number or text ratingValue as far as schema.org goes.
    let fine = [
        with("/reviewRating/ratingValue", Some(json!(1.0))),
        with(
            "/itemReviewed/author/jobTitle",
            Some(json!("https://example.org/roles/spokesman")),
        ),
        with("/datePublished", Some(json!("2014-06-12T18:00:00+03:00"))),
        with(
            "/author/sameAs",
            Some(json!(["https://desk.example/about"])),
        ),
    ];
    for review in &fine {
        let problems = schema_problems(review, "$");
        assert!(problems.is_empty(), "{problems:?} in {review:#}");
    }
}

#[test]
fn without_publisher_or_url_template_the_export_is_refused_in_one_line() {
    let ledger = newsroom();
    let file = ledger.dir.path().join("reviews.jsonld");
    let file_arg = file.to_str().unwrap();
    let cases: &[(&[&str], &str)] = &[
        (
            &[
                "export",
                "--format",
                "claimreview",
                "--url-template",
                TEMPLATE,
            ],
            "--publisher",
        ),
        (
            &[
                "export",
                "--format",
                "claimreview",
                "--publisher",
                PUBLISHER,
            ],
            "--url-template",
        ),
        (&["export", "--format", "claimreview"], "--publisher"),
        (
            &["export", "-o", file_arg, "--url-template", TEMPLATE],
            "--publisher",
        ),
        (
            &[
                "export",
                "--format",
                "claimreview",
                "--publisher",
                PUBLISHER,
                "--url-template",
                "https://desk.example/checks/",
            ],
            "{uid}",
        ),
        (
            &[
                "export",
                "--format",
                "claimreview",
                "--publisher",
                "  ",
                "--url-template",
                TEMPLATE,
            ],
            "publisher",
        ),
    ];
    for (args, mentions) in cases {
        let out = run(&ledger, args);
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            out.stdout.is_empty(),
            "{args:?} printed {:?}",
            String::from_utf8_lossy(&out.stdout)
        );
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr:?}");
        assert!(
            stderr.starts_with("claimtrail: ") && stderr.ends_with('\n'),
            "{args:?}: {stderr:?}"
        );
        assert!(
            stderr.contains(mentions),
            "{args:?} should mention {mentions}: {stderr:?}"
        );
        assert!(!file.exists(), "{args:?} wrote {file_arg}");
    }
}

#[test]
fn a_ledger_with_nothing_settled_exports_an_empty_array() {
    let empty = Ledger::new();
    assert_eq!(export_text(&empty, &[]).trim(), "[]");

    let open = Ledger::new();
    ok(
        &open,
        &[
            "add",
            TIKRIT_CLAIM,
            "--by",
            "Provincial official",
            "--made-at",
            "2014-06-12",
        ],
    );
    ok(&open, &["mark", "1", "disputed"]);
    assert_eq!(export(&open, &[]), Vec::<Value>::new());
    // Asking for open statuses does not export them either.
    let asked = export(&open, &["--status", "disputed", "--status", "unverified"]);
    assert_eq!(asked, Vec::<Value>::new());
}
