//! What `add` and `cite` share: reading an attribution off the command line, and telling the
//! reporter what logging it created on the way.

use std::io::{self, Write};

use crate::cli::AttributionArgs;
use crate::store::{Logged, NewAttribution};

pub fn from_args(args: AttributionArgs) -> NewAttribution {
    NewAttribution {
        claimant: args.claimant,
        role: args.role,
        affiliation: args.affiliation,
        kind: args.kind,
        confidential: args.confidential,
        via: args.via,
        medium: args.medium,
        made_at: args.made_at,
        url: args.url,
        credibility: args.credibility,
    }
}

/// Says what was created on the fly, so a misspelt name is noticed while logging.
pub fn report_new_names(out: &mut dyn Write, logged: &Logged) -> io::Result<()> {
    let name = &logged.claimant.name;
    if logged.claimant_is_new {
        let kind = logged.claimant.kind;
        let private = if logged.claimant.confidential {
            ", confidential"
        } else {
            ""
        };
        writeln!(out, "new claimant \"{name}\" ({kind}{private})")?;
        for similar in &logged.similar_claimants {
            writeln!(
                out,
                "  similar to \"{similar}\"; if they are one, run: claimtrail sources merge \"{name}\" \"{similar}\""
            )?;
        }
    }
    for kept in &logged.kept {
        writeln!(
            out,
            "kept {kept} for \"{name}\"; change it with: claimtrail sources edit"
        )?;
    }
    for (outlet, similar) in &logged.new_outlets {
        writeln!(
            out,
            "new outlet \"{outlet}\" (other); set its kind with: claimtrail outlets edit \"{outlet}\" --kind KIND"
        )?;
        for similar in similar {
            writeln!(
                out,
                "  similar to \"{similar}\"; if they are one, run: claimtrail outlets merge \"{outlet}\" \"{similar}\""
            )?;
        }
    }
    Ok(())
}
