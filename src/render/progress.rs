//! Progress for long imports and exports: drawn on stderr, and only when stderr is a
//! terminal, so it never mixes with what goes to stdout or into a pipe.

use std::io::{self, IsTerminal, Read};

use indicatif::{ProgressBar, ProgressStyle};

pub struct Progress(ProgressBar);

impl Progress {
    /// Counts items (claims) towards a known total.
    pub fn items(total: u64, what: &str) -> Progress {
        let style = ProgressStyle::with_template(&format!(
            "{{bar:40}} {{human_pos}}/{{human_len}} {what}, {{eta}} left"
        ));
        Progress::styled(total, style)
    }

    /// Counts bytes read from a file of known size.
    pub fn bytes(total: u64) -> Progress {
        let style = ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes}, {eta} left");
        Progress::styled(total, style)
    }

    fn styled(
        total: u64,
        style: Result<ProgressStyle, indicatif::style::TemplateError>,
    ) -> Progress {
        if !io::stderr().is_terminal() {
            return Progress(ProgressBar::hidden());
        }
        let bar = ProgressBar::new(total);
        if let Ok(style) = style {
            bar.set_style(style);
        }
        Progress(bar)
    }

    pub fn inc(&self, n: u64) {
        self.0.inc(n);
    }

    pub fn wrap_read<R: Read>(&self, reader: R) -> impl Read {
        self.0.wrap_read(reader)
    }

    /// Clears the bar, leaving the terminal as it was.
    pub fn finish(&self) {
        self.0.finish_and_clear();
    }
}
