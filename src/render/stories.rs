//! The stories and their claims.

use std::io::{self, Write};

use super::Style;
use super::{numeric, write_csv, write_table};
use crate::model::StoryCount;

pub fn table(out: &mut dyn Write, stories: &[StoryCount], style: &Style) -> io::Result<()> {
    if stories.is_empty() {
        return writeln!(
            out,
            "no stories yet (give --story SLUG when you add a claim)"
        );
    }
    let mut grid = super::table(&["story", "claims", "open"]);
    for s in stories {
        grid.add_row(vec![
            s.story.clone(),
            s.claims.to_string(),
            s.open.to_string(),
        ]);
    }
    numeric(&mut grid, &[1, 2]);
    write_table(out, &grid, style)
}

pub fn csv(out: &mut dyn Write, stories: &[StoryCount]) -> io::Result<()> {
    let mut rows = vec![vec![
        "story".to_owned(),
        "claims".to_owned(),
        "open".to_owned(),
    ]];
    for s in stories {
        rows.push(vec![
            s.story.clone(),
            s.claims.to_string(),
            s.open.to_string(),
        ]);
    }
    write_csv(out, &rows)
}
