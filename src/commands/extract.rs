//! `claimtrail extract`: propose the attributed claims in a piece of copy; with `--add` or
//! `--interactive`, log them as unverified claims.

use std::fs;
use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::path::Path;

use anyhow::{Context as _, Result, bail};

use super::{Context, attribution, now, twins};
use crate::cli::{ExtractArgs, ExtractFormat};
use crate::error::usage;
use crate::extract::{KnownOutlet, Proposal, Setup, extract};
use crate::model::{ClaimId, Status};
use crate::render::{self, Style};
use crate::store::{Ledger, NewAttribution, NewClaim, NewEvent, Store};

pub fn run(ctx: &Context, args: ExtractArgs, out: &mut dyn Write) -> Result<()> {
    let copy = read_copy(&args.file)?;
    if args.interactive && (args.file.as_os_str() == "-" || !io::stdin().is_terminal()) {
        bail!(usage(
            "--interactive needs a terminal to answer on: run it in one, with the copy as a FILE"
        ));
    }
    let writes = args.add || args.interactive;
    let store: Box<dyn Ledger> = if writes || ctx.has_ledger()? {
        ctx.store()?
    } else {
        // Reading the ledger's outlets should not leave a ledger behind.
        Box::new(Store::in_memory()?)
    };
    let setup = Setup {
        outlet: args.outlet.clone(),
        known_outlets: store
            .outlet_records()?
            .into_iter()
            .map(|o| KnownOutlet {
                name: o.name,
                aliases: o.aliases,
            })
            .collect(),
    };
    let proposals = extract(&copy, &setup);
    if args.interactive {
        let accepted = choose(&proposals, out, &ctx.stdout_style())?;
        return log(ctx, store, &accepted, args.story.as_deref(), out);
    }
    match (args.format, args.explain) {
        (ExtractFormat::Table, false) => {
            render::extract::table(out, &proposals, &ctx.stdout_style())?
        }
        (ExtractFormat::Table, true) => {
            render::extract::explained(out, &proposals, &ctx.stdout_style())?
        }
        (ExtractFormat::Json, false) => render::write_json(out, &proposals)?,
        (ExtractFormat::Json, true) => render::extract::explained_json(out, &proposals)?,
    }
    if args.add {
        // Only the table goes to stdout with --format json, so the JSON stays parseable.
        let mut said = io::stderr();
        let said: &mut dyn Write = match args.format {
            ExtractFormat::Json => &mut said,
            ExtractFormat::Table => out,
        };
        log(ctx, store, &proposals, args.story.as_deref(), said)?;
    }
    Ok(())
}

fn read_copy(path: &Path) -> Result<String> {
    let bytes = if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        io::stdin()
            .read_to_end(&mut bytes)
            .context("cannot read the copy from standard input")?;
        bytes
    } else {
        fs::read(path).with_context(|| format!("cannot read {}", path.display()))?
    };
    let text = String::from_utf8(bytes)
        .map_err(|_| usage(format!("{} is not UTF-8 text", shown(path))))?;
    if text.trim().is_empty() {
        bail!(usage(format!(
            "{} is empty: nothing to extract",
            shown(path)
        )));
    }
    Ok(text)
}

fn shown(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "standard input".to_owned()
    } else {
        path.display().to_string()
    }
}

/// Logs the proposals as unverified claims in one transaction.
fn log(
    ctx: &Context,
    mut store: Box<dyn Ledger>,
    proposals: &[Proposal],
    story: Option<&str>,
    out: &mut dyn Write,
) -> Result<()> {
    if proposals.is_empty() {
        writeln!(out, "nothing to log")?;
        return Ok(());
    }
    let reporter = ctx.reporter()?;
    let claims: Vec<NewClaim> = proposals.iter().map(|p| new_claim(p, story)).collect();
    let logged = store.add_claims(&claims, &reporter, now()?)?;
    for one in &logged {
        attribution::report_new_names(out, one)?;
    }
    // Copy from a second outlet repeats claims already open from the first.
    out.flush()?;
    let batch: Vec<ClaimId> = logged.iter().map(|l| l.id).collect();
    for (claim, one) in claims.iter().zip(&logged) {
        twins::point_out(ctx, claim, one, &batch)?;
    }
    let ids: Vec<String> = logged.iter().map(|l| l.id.to_string()).collect();
    let noun = if logged.len() == 1 { "claim" } else { "claims" };
    writeln!(
        out,
        "logged {} {noun} ({}), all unverified",
        logged.len(),
        ids.join(", ")
    )?;
    Ok(())
}

fn new_claim(proposal: &Proposal, story: Option<&str>) -> NewClaim {
    let a = &proposal.attributions[0];
    let note =
        (!proposal.doubt.is_empty()).then(|| format!("doubt: {}", proposal.doubt.join("; ")));
    NewClaim {
        alike: twins::words(&proposal.text),
        text: proposal.text.clone(),
        story: story.map(str::to_owned),
        made_at: None,
        attribution: NewAttribution {
            claimant: a.claimant.clone(),
            role: a.role.clone(),
            affiliation: a.affiliation.clone(),
            kind: Some(a.kind),
            confidential: false,
            via: a.via.clone(),
            medium: a.medium.clone(),
            made_at: None,
            url: None,
            credibility: None,
        },
        first_event: NewEvent {
            status: Status::Unverified,
            note,
            evidence: Vec::new(),
        },
    }
}

/// Asks about each proposal in turn: accept, edit its text, skip, or stop.
fn choose(proposals: &[Proposal], out: &mut dyn Write, style: &Style) -> Result<Vec<Proposal>> {
    let stdin = io::stdin();
    let mut lines = stdin.lock().lines();
    let mut accepted = Vec::new();
    for (i, proposal) in proposals.iter().enumerate() {
        render::extract::one(out, i + 1, proposals.len(), proposal, style)?;
        loop {
            write!(out, "[a]ccept, [e]dit text, [s]kip, [q]uit? ")?;
            out.flush()?;
            let Some(answer) = lines.next().transpose()? else {
                return Ok(accepted);
            };
            match answer.trim() {
                "a" | "" => accepted.push(proposal.clone()),
                "e" => {
                    write!(out, "text: ")?;
                    out.flush()?;
                    let text = lines.next().transpose()?.unwrap_or_default();
                    let mut edited = proposal.clone();
                    if !text.trim().is_empty() {
                        edited.text = text.trim().to_owned();
                    }
                    accepted.push(edited);
                }
                "s" => {}
                "q" => return Ok(accepted),
                _ => continue,
            }
            break;
        }
    }
    Ok(accepted)
}
