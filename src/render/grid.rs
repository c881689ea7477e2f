//! Tables laid out for a width. Cells wrap at spaces (or after a hyphen), never mid-word
//! unless one word is wider than its column; the column a table is read for keeps the share
//! of the width its renderer asks, and moves to a line of its own when the other columns
//! cannot make room for it. With no width, every row stays on one line.

use std::io::{self, Write};

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::{Style, Tone};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Wraps at words when the table is too wide.
    Wrap,
    /// Keeps its width, left-aligned (statuses, kinds, times).
    Fixed,
    /// Keeps its width, right-aligned (ids, counts, ages).
    Right,
}

/// Where the main column goes when it cannot have its share beside the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// On a line of its own above the row's other cells (a name heading its figures).
    Above,
    /// On lines of its own under the row's other cells (a claim under its facts).
    Below,
}

#[derive(Debug, Clone, Copy)]
struct Main {
    column: usize,
    min: usize,
    place: Place,
    /// Whether the other columns wrap to keep it beside them, or keep their width and
    /// send it apart.
    squeeze: bool,
}

/// The cells of a table and how its columns behave.
pub struct Grid {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    /// For each row, the (column, tone) of the cells to colour when colour is on.
    tones: Vec<Vec<(usize, Tone)>>,
    /// Faint rules between rows, drawn when some row takes more than one line.
    ruled: bool,
    kinds: Vec<Kind>,
    main: Option<Main>,
}

/// A table whose rows are mostly one line: a rule under the header and nothing else.
pub fn table(header: &[&str]) -> Grid {
    Grid::new(header, false)
}

/// Like `table`, with faint rules between rows whose text wraps over several lines.
pub fn ruled_table(header: &[&str]) -> Grid {
    Grid::new(header, true)
}

/// Short columns (ids, counts, ages) keep their width, right-aligned, so that the space
/// goes to the text.
pub fn numeric(grid: &mut Grid, columns: &[usize]) {
    grid.set(columns, Kind::Right);
}

/// Short words (statuses, kinds, times) keep their width.
pub fn fixed(grid: &mut Grid, columns: &[usize]) {
    grid.set(columns, Kind::Fixed);
}

/// The column the table is read for: it keeps at least `min` characters of the width,
/// the others wrapping to make room, or else goes to lines of its own at `place`.
pub fn main_column(grid: &mut Grid, column: usize, min: usize, place: Place) {
    grid.main = Some(Main {
        column,
        min,
        place,
        squeeze: true,
    });
}

/// A column that keeps at least `min` characters beside the others at their full width,
/// or else goes to lines of its own at `place`: for when the others are what is read.
pub fn side_column(grid: &mut Grid, column: usize, min: usize, place: Place) {
    grid.main = Some(Main {
        column,
        min,
        place,
        squeeze: false,
    });
}

/// How each column is laid out: content widths, and the main column if it is apart.
struct Layout {
    widths: Vec<usize>,
    apart: Option<Main>,
}

impl Grid {
    fn new(header: &[&str], ruled: bool) -> Grid {
        Grid {
            header: header.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
            tones: Vec::new(),
            ruled,
            kinds: vec![Kind::Wrap; header.len()],
            main: None,
        }
    }

    fn set(&mut self, columns: &[usize], kind: Kind) {
        for &c in columns {
            if let Some(k) = self.kinds.get_mut(c) {
                *k = kind;
            }
        }
    }

    pub fn add_row(&mut self, cells: Vec<String>) -> &mut Self {
        self.rows.push(cells);
        self.tones.push(Vec::new());
        self
    }

    /// Colours a cell of the row added last, when colour is on.
    pub fn tone(&mut self, column: usize, tone: Tone) -> &mut Self {
        if let Some(row) = self.tones.last_mut() {
            row.push((column, tone));
        }
        self
    }

    pub(super) fn tone_of(&self, row: usize, column: usize, style: &Style) -> Option<Tone> {
        if !style.colour {
            return None;
        }
        self.tones
            .get(row)?
            .iter()
            .find(|(c, _)| *c == column)
            .map(|(_, t)| *t)
    }

    /// The column headed `heading`.
    pub fn column(&self, heading: &str) -> Option<usize> {
        self.header.iter().position(|h| h == heading)
    }

    /// Renames the heading `heading`, if the table has it.
    pub fn retitle(&mut self, heading: &str, to: &str) {
        if let Some(column) = self.column(heading) {
            self.header[column] = to.to_owned();
        }
    }

    /// Replaces the text of a cell already added.
    pub fn set_cell(&mut self, row: usize, column: usize, text: String) {
        if let Some(cell) = self.rows.get_mut(row).and_then(|r| r.get_mut(column)) {
            *cell = text;
        }
    }

    fn columns(&self) -> usize {
        self.rows
            .iter()
            .map(Vec::len)
            .chain([self.header.len()])
            .max()
            .unwrap_or(0)
    }

    fn cell(&self, row: usize, column: usize) -> &str {
        self.rows[row].get(column).map_or("", String::as_str)
    }

    fn kind(&self, column: usize) -> Kind {
        self.kinds.get(column).copied().unwrap_or(Kind::Wrap)
    }

    /// The widest line of each column, header included.
    fn natural(&self) -> Vec<usize> {
        let mut widths = vec![0; self.columns()];
        for (i, h) in self.header.iter().enumerate() {
            widths[i] = widest_line(h);
        }
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate() {
                widths[i] = widths[i].max(widest_line(cell));
            }
        }
        widths
    }

    /// The width the table takes with every row on one line.
    pub fn natural_width(&self) -> usize {
        self.natural().iter().map(|w| w + 2).sum()
    }

    /// How narrow a column may become: a fixed one not at all (though its heading may wrap),
    /// a wrapping one down to its longest word, up to a point.
    fn narrowest(&self, column: usize, natural: usize) -> usize {
        let longest_word = |text: &str| text.split_whitespace().map(|w| w.width()).max();
        let heading = self
            .header
            .get(column)
            .and_then(|h| longest_word(h))
            .unwrap_or(0);
        let cells = (0..self.rows.len()).map(|r| self.cell(r, column));
        match self.kind(column) {
            Kind::Fixed | Kind::Right => cells.map(widest_line).max().unwrap_or(0).max(heading),
            Kind::Wrap => {
                let words = cells.filter_map(longest_word).max().unwrap_or(0);
                natural.min(words.max(heading).clamp(4, 14))
            }
        }
    }

    fn layout(&self, width: Option<u16>) -> Layout {
        let natural = self.natural();
        let Some(width) = width.map(usize::from) else {
            return Layout {
                widths: natural,
                apart: None,
            };
        };
        if natural.iter().map(|w| w + 2).sum::<usize>() <= width {
            return Layout {
                widths: natural,
                apart: None,
            };
        }
        let least: Vec<usize> = (0..natural.len())
            .map(|c| self.narrowest(c, natural[c]))
            .collect();
        let Some(main) = self.main.filter(|m| m.column < natural.len()) else {
            let (widths, _) = shrink(&natural, &least, &[], width);
            return Layout {
                widths,
                apart: None,
            };
        };
        let wanted = main.min.min(natural[main.column]);
        let room = width.saturating_sub(wanted + 2);
        // Squeezed, a column keeps two thirds of its width, so that it wraps to two lines
        // or so rather than a word a line; past that the main column goes apart.
        let floor: Vec<usize> = if main.squeeze {
            (0..natural.len())
                .map(|c| least[c].max((2 * natural[c]).div_ceil(3)).min(natural[c]))
                .collect()
        } else {
            natural.clone()
        };
        let (mut widths, fits) = shrink(&natural, &floor, &[main.column], room);
        if fits {
            // The main column takes what the others leave, up to what it needs; what it
            // does not need goes back to the others.
            let others: usize = (0..widths.len())
                .filter(|&c| c != main.column)
                .map(|c| widths[c] + 2)
                .sum();
            let own = natural[main.column].min(width - others - 2);
            (widths, _) = shrink(&natural, &floor, &[main.column], width - own - 2);
            widths[main.column] = own;
            return Layout {
                widths,
                apart: None,
            };
        }
        let (widths, _) = shrink(&natural, &least, &[main.column], width);
        Layout {
            widths,
            apart: Some(main),
        }
    }
}

/// Narrows the widest wrapping columns first until the table fits `width`, skipping
/// `left_out`; says whether it fits.
fn shrink(
    natural: &[usize],
    least: &[usize],
    left_out: &[usize],
    width: usize,
) -> (Vec<usize>, bool) {
    let mut widths = natural.to_vec();
    let total = |w: &[usize]| -> usize {
        (0..w.len())
            .filter(|c| !left_out.contains(c))
            .map(|c| w[c] + 2)
            .sum()
    };
    while total(&widths) > width {
        let widest = (0..widths.len())
            .filter(|c| !left_out.contains(c) && widths[*c] > least[*c])
            .max_by_key(|&c| (widths[c], std::cmp::Reverse(c)));
        match widest {
            Some(c) => widths[c] -= 1,
            None => return (widths, false),
        }
    }
    (widths, true)
}

fn widest_line(text: &str) -> usize {
    text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

/// `text` in lines of at most `width` columns: broken at spaces, or after a hyphen in a
/// word too long for the line, and only mid-word when a word is wider than a whole line.
/// Lines already in the text are kept.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    // Most cells fit as they are.
    if !text.contains('\n') && text.width() <= width {
        return vec![text.to_owned()];
    }
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for word in paragraph.split_whitespace() {
            let mut word = word.to_owned();
            loop {
                let w = word.width();
                let gap = usize::from(used > 0);
                if used + gap + w <= width {
                    if gap == 1 {
                        line.push(' ');
                    }
                    line.push_str(&word);
                    used += gap + w;
                    break;
                }
                // A word that fits a line of its own goes whole to the next ("al-Adnani"
                // is not cut); one wider than a line is cut after a hyphen, else where the
                // line ends.
                let room = width.saturating_sub(used + gap);
                let head = if w <= width {
                    None
                } else {
                    split_at_hyphen(&word, room).or_else(|| {
                        (used == 0)
                            .then(|| split_at_width(&word, width))
                            .filter(|(head, _)| !head.is_empty())
                    })
                };
                match head {
                    Some((head, rest)) => {
                        if gap == 1 {
                            line.push(' ');
                        }
                        line.push_str(&head);
                        lines.push(std::mem::take(&mut line));
                        used = 0;
                        word = rest;
                    }
                    None => {
                        lines.push(std::mem::take(&mut line));
                        used = 0;
                    }
                }
            }
        }
        lines.push(line);
    }
    lines
}

/// The longest part of `word` ending in a hyphen between two letters ("state-of-") that
/// fits in `room`, and the rest; never inside "--add" or a number like "-3".
fn split_at_hyphen(word: &str, room: usize) -> Option<(String, String)> {
    let mut best = None;
    let mut used = 0;
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        used += c.width().unwrap_or(0);
        if used > room {
            break;
        }
        let between_letters = k > 0
            && chars[k - 1].1.is_alphabetic()
            && chars
                .get(k + 1)
                .is_some_and(|(_, next)| next.is_alphabetic());
        if c == '-' && between_letters {
            best = Some(i + c.len_utf8());
        }
    }
    best.map(|end| (word[..end].to_owned(), word[end..].to_owned()))
}

fn split_at_width(word: &str, width: usize) -> (String, String) {
    let mut used = 0;
    for (i, c) in word.char_indices() {
        used += c.width().unwrap_or(0);
        if used > width {
            return (word[..i].to_owned(), word[i..].to_owned());
        }
    }
    (word.to_owned(), String::new())
}

/// Writes a table to fit the style's width; with none, every row stays on one line and
/// there are no rules between rows, which would only get in the way of grep.
pub fn write_table(out: &mut dyn Write, grid: &Grid, style: &Style) -> io::Result<()> {
    let layout = grid.layout(style.width);
    let apart = layout.apart.map(|m| m.column);
    let shown: Vec<usize> = (0..layout.widths.len())
        .filter(|c| Some(*c) != apart)
        .collect();
    let bounded = style.width.is_some();
    let split = |text: &str, width: usize| -> Vec<String> {
        if bounded {
            wrap(text, width)
        } else {
            text.lines().map(str::to_owned).collect()
        }
    };
    // Lines under or over a row for the main column apart: indented to the second column.
    // Lines under a row for the main column apart are indented to its second column; a line
    // above a row (a name over its figures) starts where the row does.
    let indent = match (layout.apart, shown.first()) {
        (
            Some(Main {
                place: Place::Below,
                ..
            }),
            Some(&first),
        ) if shown.len() > 1 => (layout.widths[first] + 3).min(6),
        _ => 1,
    };
    let full = style.width.map_or(usize::MAX, usize::from);
    let apart_width = full.saturating_sub(indent).max(20);
    let mut table_width: usize = shown.iter().map(|&c| layout.widths[c] + 2).sum();
    if let Some(main) = layout.apart {
        let widest = (0..grid.rows.len())
            .flat_map(|r| wrap(grid.cell(r, main.column), apart_width))
            .map(|l| l.width())
            .max()
            .unwrap_or(0);
        table_width = table_width.max((indent + widest).min(full));
    }

    let render_cells = |row: Option<usize>, cells: &dyn Fn(usize) -> String| -> Vec<String> {
        let split_cells: Vec<Vec<String>> = shown
            .iter()
            .map(|&c| split(&cells(c), layout.widths[c]))
            .collect();
        let height = split_cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
        (0..height)
            .map(|i| {
                let mut line = String::new();
                for (k, &c) in shown.iter().enumerate() {
                    let text = split_cells[k].get(i).map_or("", String::as_str);
                    let tone = row.and_then(|r| grid.tone_of(r, c, style));
                    push_cell(&mut line, text, layout.widths[c], grid.kind(c), tone);
                }
                line.trim_end().to_owned()
            })
            .collect()
    };

    for line in render_cells(None, &|c| grid.header.get(c).cloned().unwrap_or_default()) {
        writeln!(out, "{line}")?;
    }
    writeln!(out, "{}", "─".repeat(table_width))?;
    // A row fits when each of its cells is one line within its column: most rows, written
    // straight out.
    let fits = |r: usize| {
        shown.iter().all(|&c| {
            let text = grid.cell(r, c);
            !text.contains('\n') && (!bounded || text.width() <= layout.widths[c])
        })
    };
    // Rules between rows once a row's cells wrap, so that its lines read as one row.
    let rules = bounded && grid.ruled && !(0..grid.rows.len()).all(fits);
    let mut line = String::new();
    for r in 0..grid.rows.len() {
        if rules && r > 0 {
            writeln!(out, "{}", "┈".repeat(table_width))?;
        }
        // A missing value apart would only be a dash on a line of its own.
        let apart = layout
            .apart
            .filter(|m| !matches!(grid.cell(r, m.column).trim(), "" | "–"));
        let apart_lines = |out: &mut dyn Write| -> io::Result<()> {
            if let Some(main) = apart {
                for l in wrap(grid.cell(r, main.column), apart_width) {
                    let l = format!("{}{l}", " ".repeat(indent));
                    writeln!(out, "{}", l.trim_end())?;
                }
            }
            Ok(())
        };
        if apart.is_some_and(|m| m.place == Place::Above) {
            apart_lines(out)?;
        }
        if fits(r) {
            line.clear();
            for &c in &shown {
                let tone = grid.tone_of(r, c, style);
                push_cell(
                    &mut line,
                    grid.cell(r, c),
                    layout.widths[c],
                    grid.kind(c),
                    tone,
                );
            }
            writeln!(out, "{}", line.trim_end())?;
        } else {
            for l in render_cells(Some(r), &|c| grid.cell(r, c).to_owned()) {
                writeln!(out, "{l}")?;
            }
        }
        if apart.is_some_and(|m| m.place == Place::Below) {
            apart_lines(out)?;
        }
    }
    Ok(())
}

/// One line of a cell, padded to `width` on the side its kind leaves open.
fn push_cell(line: &mut String, text: &str, width: usize, kind: Kind, tone: Option<Tone>) {
    let pad = width.saturating_sub(text.width());
    let painted = match tone {
        Some(tone) if !text.is_empty() => std::borrow::Cow::Owned(tone.paint(text)),
        _ => std::borrow::Cow::Borrowed(text),
    };
    line.push(' ');
    if kind == Kind::Right {
        line.extend(std::iter::repeat_n(' ', pad));
        line.push_str(&painted);
    } else {
        line.push_str(&painted);
        line.extend(std::iter::repeat_n(' ', pad));
    }
    line.push(' ');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_spaces_and_after_hyphens() {
        assert_eq!(wrap("the whole of Kirkuk", 10), ["the whole", "of Kirkuk"]);
        assert_eq!(
            wrap("consider the state-of-emergency request", 16),
            ["consider the", "state-of-", "emergency", "request"]
        );
        assert_eq!(
            wrap("Abu Muhammad al-Adnani", 16),
            ["Abu Muhammad", "al-Adnani"]
        );
        assert_eq!(
            wrap("nothing logged (--add logs them)", 17),
            ["nothing logged", "(--add logs them)"]
        );
        assert_eq!(wrap("", 10), [""]);
        assert_eq!(wrap("one\ntwo", 10), ["one", "two"]);
    }

    #[test]
    fn wrap_cuts_a_word_only_when_it_is_wider_than_a_line() {
        assert_eq!(
            wrap("see https://example.com/abc", 10),
            ["see", "https://ex", "ample.com/", "abc"]
        );
    }

    #[test]
    fn wrap_measures_wide_characters() {
        assert_eq!(wrap("日本語 日本語", 7), ["日本語", "日本語"]);
    }

    #[test]
    fn the_main_column_keeps_its_share_or_moves_below() {
        let mut grid = table(&["id", "who", "claim"]);
        grid.add_row(vec![
            "1".into(),
            "Someone With A Long Name".into(),
            "A claim long enough to need wrapping at any narrow width at all.".into(),
        ]);
        numeric(&mut grid, &[0]);
        main_column(&mut grid, 2, 30, Place::Below);
        let beside = grid.layout(Some(70));
        assert!(beside.apart.is_none());
        assert!(beside.widths[2] >= 30, "{:?}", beside.widths);
        assert!(beside.widths.iter().map(|w| w + 2).sum::<usize>() <= 70);
        let below = grid.layout(Some(40));
        assert!(below.apart.is_some());
    }
}
