//! `claimtrail demo`: a sample ledger built from the claims in NBC News's report of
//! 12 June 2014, "Militants Vow to March on Baghdad After Taking Mosul, Tikrit", logged as a
//! desk would have over the day before publication, then the open list and the report.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context as _, Result, bail};
use chrono::Duration;

use super::{Context, now, shell_quote};
use crate::cli::DemoArgs;
use crate::model::{ClaimId, ClaimantKind, Status, Visibility};
use crate::render::Format;
use crate::store::{ClaimFilter, Ledger, NewAttribution, NewClaim, NewEvent, WordPairs};
use crate::time::{Timestamp, parse_when};
use crate::{render, time};

struct Who {
    name: &'static str,
    role: Option<&'static str>,
    affiliation: Option<&'static str>,
    kind: ClaimantKind,
    confidential: bool,
}

struct Source {
    who: Who,
    via: &'static [&'static str],
    medium: Option<&'static str>,
    made: &'static str,
}

struct Sample {
    logged_hours_ago: i64,
    text: &'static str,
    source: Source,
    /// Later attributions: hours ago, and who.
    cites: &'static [(i64, Source)],
    /// Later status changes: hours ago, status, note.
    marks: &'static [(i64, Status, &'static str)],
}

const STORY: &str = "iraq-2014";

const ADNANI: Who = Who {
    name: "Abu Muhammad al-Adnani",
    role: Some("spokesman"),
    affiliation: Some("Islamic State in Iraq and the Levant"),
    kind: ClaimantKind::Person,
    confidential: false,
};

const MALIKI: Who = Who {
    name: "Nouri al-Maliki",
    role: Some("prime minister"),
    affiliation: Some("Government of Iraq"),
    kind: ClaimantKind::Official,
    confidential: false,
};

const YASSEEN: Who = Who {
    name: "Fareed Yasseen",
    role: Some("ambassador to France"),
    affiliation: Some("Government of Iraq"),
    kind: ClaimantKind::Official,
    confidential: false,
};

const YAWAR: Who = Who {
    name: "Jabbar Yawar",
    role: Some("spokesman"),
    affiliation: Some("Kurdish peshmerga"),
    kind: ClaimantKind::Official,
    confidential: false,
};

const fn organization(name: &'static str) -> Who {
    Who {
        name,
        role: None,
        affiliation: None,
        kind: ClaimantKind::Organization,
        confidential: false,
    }
}

const SAMPLES: &[Sample] = &[
    Sample {
        logged_hours_ago: 30,
        text: "U.N. Secretary-General Ban Ki-moon condemned the upsurge in violence in Iraq and urged the international community to show solidarity with Iraq.",
        source: Source {
            who: Who {
                name: "Ban Ki-moon",
                role: Some("Secretary-General"),
                affiliation: Some("United Nations"),
                kind: ClaimantKind::Official,
                confidential: false,
            },
            via: &[],
            medium: Some("statement"),
            made: "2014-06-11T21:00:00Z",
        },
        cites: &[],
        marks: &[(29, Status::Verified, "statement read on the U.N. website")],
    },
    Sample {
        logged_hours_ago: 28,
        text: "Prime Minister Nouri al-Maliki has requested a state of emergency.",
        source: Source {
            who: MALIKI,
            via: &["NBC News"],
            medium: None,
            made: "2014-06-11",
        },
        cites: &[(
            26,
            Source {
                who: MALIKI,
                via: &["The Associated Press", "NBC News"],
                medium: None,
                made: "2014-06-11",
            },
        )],
        marks: &[(
            25,
            Status::Verified,
            "request read in the prime minister's office statement",
        )],
    },
    Sample {
        logged_hours_ago: 26,
        text: "Lawmakers are expected to convene for an emergency session Thursday to consider the state-of-emergency request.",
        source: Source {
            who: organization("The Associated Press"),
            via: &["NBC News"],
            medium: None,
            made: "2014-06-11",
        },
        cites: &[],
        marks: &[(
            4,
            Status::Disputed,
            "session opened but lacked a quorum, per parliament's media office",
        )],
    },
    Sample {
        logged_hours_ago: 12,
        text: "In an audio recording, the ISIS spokesman urged his fighters to march on Baghdad: \"March to Baghdad... We have a score to settle.\"",
        source: Source {
            who: ADNANI,
            via: &["SITE Intelligence Group", "NBC News"],
            medium: Some("audio recording"),
            made: "2014-06-12",
        },
        cites: &[],
        marks: &[(
            11,
            Status::Unverified,
            "NBC News could not independently verify the recording's authenticity",
        )],
    },
    Sample {
        logged_hours_ago: 11,
        text: "The Iraqi government has asked the U.S. military to fly combat missions with manned aircraft and drones over military encampments.",
        source: Source {
            who: Who {
                name: "U.S. officials",
                role: None,
                affiliation: Some("U.S. government"),
                kind: ClaimantKind::Anonymous,
                confidential: false,
            },
            via: &["NBC News"],
            medium: None,
            made: "2014-06-12",
        },
        cites: &[(
            6,
            Source {
                who: YASSEEN,
                via: &["France Inter", "Reuters", "NBC News"],
                medium: Some("radio interview"),
                made: "2014-06-12",
            },
        )],
        marks: &[(
            6,
            Status::Corroborated,
            "Iraq's ambassador to France asked publicly for air and drone support",
        )],
    },
    Sample {
        logged_hours_ago: 10,
        text: "\"We're not going to war in Iraq anytime soon.\"",
        source: Source {
            who: Who {
                name: "Senior U.S. defense official",
                role: Some("defense official"),
                affiliation: Some("U.S. government"),
                kind: ClaimantKind::Official,
                confidential: true,
            },
            via: &["NBC News"],
            medium: None,
            made: "2014-06-12",
        },
        cites: &[],
        marks: &[],
    },
    Sample {
        logged_hours_ago: 8,
        text: "The White House pledged to stand by Iraq's leaders.",
        source: Source {
            who: organization("The White House"),
            via: &["NBC News"],
            medium: Some("statement"),
            made: "2014-06-12",
        },
        cites: &[],
        marks: &[(7, Status::Verified, "White House briefing transcript")],
    },
    Sample {
        logged_hours_ago: 7,
        text: "The U.N. Security Council has scheduled a meeting for later Thursday for a briefing from its special representative for Iraq.",
        source: Source {
            who: organization("United Nations Security Council"),
            via: &["NBC News"],
            medium: None,
            made: "2014-06-12",
        },
        cites: &[],
        marks: &[(
            5,
            Status::Verified,
            "on the Council's published programme of work",
        )],
    },
    Sample {
        logged_hours_ago: 6,
        text: "Iraq's ambassador to France called on the U.N. Security Council to approve extra military aid for Baghdad, including air and drone support: \"We need equipment, extra aviation and drones.\"",
        source: Source {
            who: YASSEEN,
            via: &["France Inter", "Reuters", "NBC News"],
            medium: Some("radio interview"),
            made: "2014-06-12",
        },
        cites: &[],
        marks: &[(
            3,
            Status::Verified,
            "quote checked against the France Inter broadcast",
        )],
    },
    Sample {
        logged_hours_ago: 3,
        text: "Iraqi Kurds seized control of the northern oil city of Kirkuk: \"The whole of Kirkuk has fallen into the hands of peshmerga.\"",
        source: Source {
            who: YAWAR,
            via: &["Reuters", "NBC News"],
            medium: Some("interview"),
            made: "2014-06-12",
        },
        cites: &[],
        marks: &[],
    },
    Sample {
        logged_hours_ago: 2,
        text: "\"No Iraqi army remains in Kirkuk now.\"",
        source: Source {
            who: YAWAR,
            via: &["Reuters", "NBC News"],
            medium: Some("interview"),
            made: "2014-06-12",
        },
        cites: &[],
        marks: &[],
    },
];

pub fn run(ctx: &Context, args: DemoArgs, out: &mut dyn Write) -> Result<()> {
    let now = now()?;
    let path = match &ctx.db {
        Some(path) => path.clone(),
        None => fresh_path()?,
    };
    let mut store = crate::store::open(&path.to_string_lossy())?;
    let existing = store.count_claims(&ClaimFilter::default())?;
    if existing > 0 {
        let noun = if existing == 1 { "claim" } else { "claims" };
        bail!(
            "{} already holds {existing} {noun}; the demo needs an empty ledger (leave out --db for a temporary one)",
            super::shown_db(&path)
        );
    }
    let reporter = ctx.reporter().unwrap_or_else(|_| "demo".to_owned());
    for sample in SAMPLES {
        log(store.as_mut(), sample, &reporter, now)?;
    }
    let visibility = Visibility::from_reveal(args.reveal);

    writeln!(
        out,
        "A sample ledger of the claims in NBC News's report of 12 June 2014,"
    )?;
    writeln!(
        out,
        "\"Militants Vow to March on Baghdad After Taking Mosul, Tikrit\"."
    )?;
    writeln!(out)?;
    writeln!(out, "Open claims (claimtrail list)")?;
    let open = ClaimFilter {
        statuses: Status::open(),
        ..ClaimFilter::default()
    };
    render::claims::list(
        out,
        &store.list_claims(&open, visibility)?,
        Format::Table,
        now,
        &ctx.stdout_style(),
    )?;
    writeln!(out)?;
    writeln!(out, "Per-source report (claimtrail report)")?;
    let report = super::report::build(store.as_ref(), &ClaimFilter::default(), None, visibility)?;
    render::report::report(out, &report, Format::Table, now, &ctx.stdout_style())?;
    writeln!(out)?;
    let db = shell_quote(&super::shown_db(&path));
    let me = shell_quote(&this_program());
    writeln!(out, "The ledger is at {db}. Look around it with:")?;
    writeln!(out, "  {me} --db {db} show 5")?;
    writeln!(out, "  {me} --db {db} list --all --by 'Jabbar Yawar'")?;
    writeln!(out, "  {me} --db {db} report --group outlet --reveal")?;
    Ok(())
}

fn log(store: &mut dyn Ledger, sample: &Sample, reporter: &str, now: Timestamp) -> Result<ClaimId> {
    let ago = |hours: i64| now.minus(Duration::hours(hours));
    let claim = NewClaim {
        alike: WordPairs::Nothing,
        text: sample.text.to_owned(),
        story: Some(STORY.to_owned()),
        made_at: Some(when(sample.source.made)?),
        attribution: attribution(&sample.source)?,
        first_event: NewEvent {
            status: Status::Unverified,
            note: None,
            evidence: Vec::new(),
        },
    };
    let id = store
        .add_claim(&claim, reporter, ago(sample.logged_hours_ago))?
        .id;
    for (hours, source) in sample.cites {
        store.cite(id, &attribution(source)?, reporter, ago(*hours))?;
    }
    for (hours, status, note) in sample.marks {
        let event = NewEvent {
            status: *status,
            note: Some((*note).to_owned()),
            evidence: Vec::new(),
        };
        store.mark(id, &event, reporter, ago(*hours))?;
    }
    Ok(id)
}

fn attribution(source: &Source) -> Result<NewAttribution> {
    Ok(NewAttribution {
        claimant: source.who.name.to_owned(),
        role: source.who.role.map(str::to_owned),
        affiliation: source.who.affiliation.map(str::to_owned),
        kind: Some(source.who.kind),
        confidential: source.who.confidential,
        via: source.via.iter().map(|s| (*s).to_owned()).collect(),
        medium: source.medium.map(str::to_owned),
        made_at: Some(when(source.made)?),
        url: None,
        credibility: None,
    })
}

fn when(s: &str) -> Result<Timestamp> {
    parse_when(s).map_err(anyhow::Error::msg)
}

/// A new folder under the system's temporary folder, readable by the user alone.
fn fresh_path() -> Result<PathBuf> {
    let stamp = time::Timestamp::now()
        .map(|t| t.to_string().replace([':', '-'], ""))
        .unwrap_or_default();
    let folder =
        std::env::temp_dir().join(format!("claimtrail-demo-{stamp}-{}", std::process::id()));
    let mut builder = std::fs::DirBuilder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder
        .create(&folder)
        .with_context(|| format!("cannot create {}", folder.display()))?;
    Ok(folder.join("claims.db"))
}

/// How this program was invoked, so the hints work from `cargo run` too.
fn this_program() -> String {
    std::env::args()
        .next()
        .filter(|arg0| arg0.contains(std::path::MAIN_SEPARATOR))
        .unwrap_or_else(|| "claimtrail".to_owned())
}
