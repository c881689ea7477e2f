//! The report as one self-contained page to share with editors who never open a terminal:
//! inline CSS and SVG, no external requests, every piece of user text escaped.

use std::fmt::Write;

use crate::model::{Claim, Status};
use crate::report::{Report, ReportRow};
use crate::time::{Timestamp, format_age};

use super::claims::{chain, claimant_label};
use super::shorten;

/// What the page shows.
pub struct Page<'a> {
    pub report: &'a Report,
    /// The oldest open claims, oldest first.
    pub open: &'a [Claim],
    /// How many claims are open in all.
    pub open_total: u64,
    pub settled: u64,
    pub story: Option<&'a str>,
    pub now: Timestamp,
}

/// Each status, in the order the bars stack them, with its colour.
const STATUS_COLOURS: [(Status, &str); 6] = [
    (Status::Unverified, "#d49a00"),
    (Status::Corroborated, "#1f8fb0"),
    (Status::Disputed, "#a8329e"),
    (Status::Verified, "#2e8540"),
    (Status::False, "#c62828"),
    (Status::Retracted, "#7a3e3e"),
];

/// The sources a chart draws, busiest first; the tables below it list them all.
const CHART_ROWS: usize = 25;

const STYLE: &str = "
body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1d1d1f;background:#fff;margin:0 auto;max-width:1100px;padding:24px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
.sub{color:#666;margin:0 0 16px}
.headline{display:flex;gap:32px;margin:8px 0 8px}
.headline div{font-size:15px;color:#444}.headline b{display:block;font-size:40px;line-height:1.1}
.open b{color:#d49a00}.settled b{color:#2e8540}
.legend{display:flex;flex-wrap:wrap;gap:14px;font-size:13px;margin:4px 0 8px}
.legend span::before{content:'';display:inline-block;width:11px;height:11px;margin-right:5px;vertical-align:-1px;background:var(--c)}
table{border-collapse:collapse;width:100%;font-size:13.5px;margin-top:8px}
th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #eee;vertical-align:top}
th{color:#555;font-weight:600}td.n{text-align:right;font-variant-numeric:tabular-nums}
.status{font-weight:600}.chart{width:100%;height:auto;display:block}
footer{margin-top:32px;color:#777;font-size:12.5px}
";

pub fn page(p: &Page) -> String {
    let mut html = String::with_capacity(64 * 1024);
    let scope = match p.story {
        Some(story) => format!("Story {}", esc(story)),
        None => "Every story".to_owned(),
    };
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Where verification stands · {scope}</title><style>{STYLE}</style></head><body>\n\
         <h1>Where verification stands</h1><p class=\"sub\">{scope} · as of {}</p>\n\
         <div class=\"headline\"><div class=\"open\"><b>{}</b>open claims</div>\
         <div class=\"settled\"><b>{}</b>settled</div></div>\n",
        p.now, p.open_total, p.settled
    );
    html.push_str(&legend());
    for (title, rows) in [
        ("Claimants", &p.report.claimants),
        ("Outlets", &p.report.outlets),
    ] {
        let Some(rows) = rows else { continue };
        let _ = writeln!(html, "<h2>{title}</h2>");
        if rows.is_empty() {
            html.push_str("<p>No claims yet.</p>\n");
            continue;
        }
        html.push_str(&chart(title, rows));
        html.push_str(&source_table(rows, title == "Claimants", p.now));
    }
    html.push_str(&open_claims(p.open, p.open_total, p.now));
    html.push_str(
        "<footer>Made by claimtrail. Confidential sources appear as placeholders unless the \
         report was made with --reveal.</footer>\n</body></html>\n",
    );
    html
}

/// Text made safe for HTML and SVG, in elements and in attributes.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn legend() -> String {
    let mut html = String::from("<div class=\"legend\">");
    for (status, colour) in STATUS_COLOURS {
        let _ = write!(html, "<span style=\"--c:{colour}\">{status}</span>");
    }
    html.push_str("</div>\n");
    html
}

/// A stacked bar per source: its claims by status, to scale with the busiest.
fn chart(title: &str, rows: &[ReportRow]) -> String {
    const LABEL: f64 = 230.0;
    const WIDTH: f64 = 900.0;
    const ROW: f64 = 22.0;
    let shown = &rows[..rows.len().min(CHART_ROWS)];
    let most = shown.iter().map(|r| r.claims).max().unwrap_or(1).max(1) as f64;
    let height = ROW * shown.len() as f64 + 4.0;
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"chart\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" \
         aria-label=\"{} claims by status\">",
        esc(title)
    );
    for (i, row) in shown.iter().enumerate() {
        let y = ROW * i as f64 + 2.0;
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" font-size=\"13\" text-anchor=\"end\" fill=\"#333\">{}</text>",
            LABEL - 8.0,
            y + 14.0,
            esc(&shorten(&row.name, 30))
        );
        let mut x = LABEL;
        for (status, colour) in STATUS_COLOURS {
            let n = row.by_status.get(&status).copied().unwrap_or(0);
            if n == 0 {
                continue;
            }
            let w = (WIDTH - LABEL - 40.0) * n as f64 / most;
            let _ = write!(
                svg,
                "<rect x=\"{x:.1}\" y=\"{y}\" width=\"{w:.1}\" height=\"{}\" fill=\"{colour}\">\
                 <title>{}: {n} {status}</title></rect>",
                ROW - 6.0,
                esc(&row.name)
            );
            x += w;
        }
        let _ = write!(
            svg,
            "<text x=\"{:.1}\" y=\"{}\" font-size=\"12\" fill=\"#555\">{}</text>",
            x + 6.0,
            y + 13.0,
            row.claims
        );
    }
    svg.push_str("</svg>\n");
    if rows.len() > shown.len() {
        let _ = writeln!(
            svg,
            "<p class=\"sub\">The {} busiest of {}; all are in the table.</p>",
            shown.len(),
            rows.len()
        );
    }
    svg
}

/// A row per source; claimants with the reliability an editor graded them.
fn source_table(rows: &[ReportRow], graded: bool, now: Timestamp) -> String {
    let grade_heading = if graded {
        "<th title=\"reliability: A completely reliable to E unreliable, F cannot be judged\">grade</th>"
    } else {
        ""
    };
    let mut html = format!(
        "<table><thead><tr><th>name</th>{grade_heading}<th>claims</th><th>unverified</th>\
         <th>corroborated</th><th>disputed</th><th>verified</th><th>false</th><th>retracted</th>\
         <th>verified of settled</th><th>false of settled</th><th>oldest open</th></tr></thead>\
         <tbody>\n",
    );
    for row in rows {
        let grade = if graded {
            let grade = row.reliability.map_or("–".to_owned(), |r| {
                format!("<abbr title=\"{}\">{r}</abbr>", r.meaning())
            });
            format!("<td>{grade}</td>")
        } else {
            String::new()
        };
        let _ = write!(
            html,
            "<tr><td>{}</td>{grade}<td class=\"n\">{}</td>",
            esc(&row.name),
            row.claims
        );
        for (status, _) in STATUS_COLOURS {
            let n = row.by_status.get(&status).copied().unwrap_or(0);
            let _ = write!(html, "<td class=\"n\">{n}</td>");
        }
        let share = |s: Option<f64>| s.map_or("–".to_owned(), |s| format!("{:.0}%", s * 100.0));
        let _ = writeln!(
            html,
            "<td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            share(row.verified_share),
            share(row.false_share),
            row.oldest_open_at
                .map_or("–".to_owned(), |t| format_age(t.age_at(now)))
        );
    }
    html.push_str("</tbody></table>\n");
    html
}

fn open_claims(claims: &[Claim], total: u64, now: Timestamp) -> String {
    let mut html = String::from("<h2>Open claims</h2>\n");
    if claims.is_empty() {
        html.push_str("<p>None: every claim is settled.</p>\n");
        return html;
    }
    if total > claims.len() as u64 {
        let _ = writeln!(
            html,
            "<p class=\"sub\">The {} oldest of {total}; <code>claimtrail list</code> has them all.</p>",
            claims.len()
        );
    }
    html.push_str(
        "<table><thead><tr><th>id</th><th>age</th><th>status</th><th>claimant</th><th>via</th>\
         <th>claim</th></tr></thead><tbody>\n",
    );
    for c in claims {
        let first = c.attributions.first();
        let claimant = claimant_label(c);
        let colour = STATUS_COLOURS
            .iter()
            .find(|(s, _)| *s == c.status)
            .map_or("#333", |(_, colour)| colour);
        let _ = writeln!(
            html,
            "<tr><td class=\"n\">{}</td><td class=\"n\">{}</td>\
             <td class=\"status\" style=\"color:{colour}\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            c.id,
            format_age(c.logged_at.age_at(now)),
            c.status,
            esc(&claimant),
            esc(&first.map(|a| chain(a, " → ")).unwrap_or_default()),
            esc(&c.text)
        );
    }
    html.push_str("</tbody></table>\n");
    html
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn markup_in_user_text_is_shown_as_text() {
        assert_eq!(
            esc("<script>alert(\"x\" & 'y')</script>"),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;"
        );
    }
}
