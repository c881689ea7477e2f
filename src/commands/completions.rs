//! `claimtrail completions SHELL` and `claimtrail man`: the command line described for the
//! shell and for `man`, both generated from the clap types so they never drift from them.

use std::io::Write;

use anyhow::Result;
use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::{Cli, CompletionsArgs};

pub fn completions(args: CompletionsArgs, out: &mut dyn Write) -> Result<()> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "claimtrail", &mut script);
    // Story slugs live in the ledger: where the shell allows, ask it at completion time.
    match args.shell {
        Shell::Bash => script.extend_from_slice(BASH_STORIES.as_bytes()),
        Shell::Fish => script.extend_from_slice(FISH_STORIES.as_bytes()),
        Shell::Zsh => {
            let text = String::from_utf8_lossy(&script)
                .replacen("#compdef claimtrail\n", "", 1)
                .replace(":SLUG:_default", ":SLUG:_claimtrail_stories");
            script = format!("{ZSH_STORIES}{text}").into_bytes();
        }
        _ => {}
    }
    out.write_all(&script)?;
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

/// Defined ahead of the generated script, whose `--story` options call it.
const ZSH_STORIES: &str = r#"#compdef claimtrail

_claimtrail_stories() {
    local -a stories
    stories=(${(f)"$(claimtrail stories --names 2>/dev/null)"})
    _describe 'story' stories
}

"#;

const FISH_STORIES: &str = "
complete -c claimtrail -l story -f -a '(claimtrail stories --names 2>/dev/null)'
";

pub fn man(out: &mut dyn Write) -> Result<()> {
    clap_mangen::Man::new(Cli::command()).render(out)?;
    Ok(())
}
