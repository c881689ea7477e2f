//! Times as claimtrail writes them (RFC 3339, UTC, whole seconds, `Z`), and the dates and
//! durations users type.

use std::fmt;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, SubsecRound, TimeZone, Utc};
use serde::{Serialize, Serializer};

const FORMAT: &str = "%Y-%m-%dT%H:%M:%SZ";

/// A moment in UTC, always written the same way so that text order is time order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(DateTime<Utc>);

impl Timestamp {
    /// Now, or `CLAIMTRAIL_NOW` when set, so that tests and demos are reproducible.
    pub fn now() -> Result<Timestamp, String> {
        match std::env::var("CLAIMTRAIL_NOW") {
            Ok(fixed) => parse_when(&fixed).map_err(|e| format!("CLAIMTRAIL_NOW: {e}")),
            Err(_) => Ok(Timestamp(Utc::now().trunc_subsecs(0))),
        }
    }

    /// Reads the stored form back; anything else is not a claimtrail time.
    pub fn parse_stored(s: &str) -> Result<Timestamp, String> {
        NaiveDateTime::parse_from_str(s, FORMAT)
            .map(|t| Timestamp(Utc.from_utc_datetime(&t)))
            .map_err(|_| format!("malformed stored time \"{s}\""))
    }

    pub fn minus(self, d: Duration) -> Timestamp {
        Timestamp(self.0 - d)
    }

    /// How long before `now` this was, never negative.
    pub fn age_at(self, now: Timestamp) -> Duration {
        (now.0 - self.0).max(Duration::zero())
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format(FORMAT))
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Parses a date or time a user typed: `2014-06-12`, `2014-06-12 09:30`, `2014-06-12T09:30:00`
/// (all taken as UTC), or full RFC 3339 with an offset.
pub fn parse_when(input: &str) -> Result<Timestamp, String> {
    let s = input.trim();
    let bad = || {
        format!(
            "malformed date \"{input}\" (expected YYYY-MM-DD, YYYY-MM-DD HH:MM, or RFC 3339 such as 2014-06-12T09:30:00Z)"
        )
    };
    let parsed = parse_any(s).ok_or_else(bad)?;
    // Four-digit years keep the stored form fixed-width, so text order stays time order.
    if !(1000..=9999).contains(&parsed.year()) {
        return Err(format!(
            "date \"{input}\" is out of range (years 1000 to 9999)"
        ));
    }
    Ok(Timestamp(parsed.trunc_subsecs(0)))
}

fn parse_any(s: &str) -> Option<DateTime<Utc>> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&Utc));
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, format) {
            return Some(Utc.from_utc_datetime(&t));
        }
    }
    let date = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
    Some(Utc.from_utc_datetime(&date.and_hms_opt(0, 0, 0)?))
}

/// Parses a span such as `30m`, `6h`, `2d`, `1w` or `1d12h`.
pub fn parse_duration(input: &str) -> Result<Duration, String> {
    let bad = |why: &str| format!("malformed duration \"{input}\" ({why})");
    let s = input.trim();
    if s.is_empty() {
        return Err(bad("expected a number and a unit, such as 6h, 2d or 1w"));
    }
    let mut total: i64 = 0;
    let mut digits = String::new();
    for c in s.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        let seconds_per = match c {
            's' => 1,
            'm' => 60,
            'h' => 3_600,
            'd' => 86_400,
            'w' => 604_800,
            _ => return Err(bad("units are s, m, h, d and w, such as 6h, 2d or 1w")),
        };
        if digits.is_empty() {
            return Err(bad("expected a number before each unit, such as 6h"));
        }
        let n: i64 = digits.parse().map_err(|_| bad("too large"))?;
        total = n
            .checked_mul(seconds_per)
            .and_then(|v| total.checked_add(v))
            .ok_or_else(|| bad("too large"))?;
        digits.clear();
    }
    if !digits.is_empty() {
        return Err(bad("a number needs a unit, such as 6h, 2d or 1w"));
    }
    // chrono durations stop near 292 million years; a century is plenty for a news ledger.
    if total > 100 * 366 * 86_400 {
        return Err(bad("longer than a century"));
    }
    Ok(Duration::seconds(total))
}

/// A compact age for tables: `45s`, `12m`, `3h`, `2d`, `5w`, `4mo`, `12y`.
pub fn format_age(d: Duration) -> String {
    let s = d.num_seconds().max(0);
    match s {
        0..60 => format!("{s}s"),
        60..3_600 => format!("{}m", s / 60),
        3_600..86_400 => format!("{}h", s / 3_600),
        86_400..1_209_600 => format!("{}d", s / 86_400),
        1_209_600..5_184_000 => format!("{}w", s / 604_800),
        5_184_000..31_536_000 => format!("{}mo", s / 2_592_000),
        _ => format!("{}y", s / 31_536_000),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times_are_read_as_utc_and_written_one_way() {
        assert_eq!(
            parse_when("2014-06-12").unwrap().to_string(),
            "2014-06-12T00:00:00Z"
        );
        assert_eq!(
            parse_when("2014-06-12 09:30").unwrap().to_string(),
            "2014-06-12T09:30:00Z"
        );
        assert_eq!(
            parse_when("2014-06-12T11:30:15.250+02:00")
                .unwrap()
                .to_string(),
            "2014-06-12T09:30:15Z"
        );
    }

    #[test]
    fn impossible_dates_are_refused_with_the_expected_forms() {
        for bad in ["2014-13-45", "yesterday", "", "2014-02-30", "12/06/2014"] {
            let err = parse_when(bad).unwrap_err();
            assert!(err.starts_with("malformed date"), "{bad}: {err}");
        }
    }

    #[test]
    fn stored_times_round_trip() {
        let t = parse_when("2014-06-12T09:30:00Z").unwrap();
        assert_eq!(Timestamp::parse_stored(&t.to_string()), Ok(t));
        assert!(Timestamp::parse_stored("2014-06-12 09:30").is_err());
    }

    #[test]
    fn durations_take_units_and_combinations() {
        assert_eq!(parse_duration("6h"), Ok(Duration::hours(6)));
        assert_eq!(parse_duration("2d"), Ok(Duration::days(2)));
        assert_eq!(parse_duration("1w"), Ok(Duration::weeks(1)));
        assert_eq!(parse_duration("1d12h"), Ok(Duration::hours(36)));
        assert_eq!(parse_duration("30m"), Ok(Duration::minutes(30)));
    }

    #[test]
    fn malformed_durations_say_what_is_wrong() {
        for bad in [
            "5x",
            "h",
            "12",
            "",
            "-2d",
            "99999999999999999999d",
            "200000w",
        ] {
            let err = parse_duration(bad).unwrap_err();
            assert!(err.starts_with("malformed duration"), "{bad}: {err}");
        }
    }

    #[test]
    fn ages_are_compact() {
        assert_eq!(format_age(Duration::seconds(42)), "42s");
        assert_eq!(format_age(Duration::minutes(90)), "1h");
        assert_eq!(format_age(Duration::days(3)), "3d");
        assert_eq!(format_age(Duration::days(20)), "2w");
        assert_eq!(format_age(Duration::days(400)), "1y");
        assert_eq!(format_age(Duration::seconds(-5)), "0s");
    }
}
