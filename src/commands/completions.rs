//! `claimtrail completions SHELL` and `claimtrail man`: the command line described for the
//! shell and for `man`, both generated from the clap types so they never drift from them.

use std::io::Write;

use anyhow::Result;
use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::{Cli, CompletionsArgs};

pub fn completions(args: CompletionsArgs, out: &mut dyn Write) -> Result<()> {
    let mut command = Cli::command();
    clap_complete::generate(args.shell, &mut command, "claimtrail", out);
    // Story slugs live in the ledger: where the shell allows, ask it at completion time.
    match args.shell {
        Shell::Bash => out.write_all(BASH_STORIES.as_bytes())?,
        Shell::Fish => out.write_all(FISH_STORIES.as_bytes())?,
        _ => {}
    }
    Ok(())
}

const BASH_STORIES: &str = r#"
_claimtrail_stories() {
    if [[ "${COMP_WORDS[COMP_CWORD-1]}" == "--story" ]]; then
        local IFS=$'\n'
        COMPREPLY=( $(compgen -W "$(claimtrail stories --names 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}") )
        return 0
    fi
    _claimtrail "$@"
}
complete -F _claimtrail_stories -o nosort -o bashdefault -o default claimtrail
"#;

const FISH_STORIES: &str = "
complete -c claimtrail -l story -f -a '(claimtrail stories --names 2>/dev/null)'
";

pub fn man(out: &mut dyn Write) -> Result<()> {
    clap_mangen::Man::new(Cli::command()).render(out)?;
    Ok(())
}
