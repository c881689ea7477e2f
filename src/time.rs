//! Times as claimtrail writes them (RFC 3339, UTC, whole seconds, `Z`), and the dates and
//! durations users type.

use std::fmt;

use chrono::{
    DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike, Utc,
};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

const FORMAT: &str = "%Y-%m-%dT%H:%M:%SZ";

/// A moment in UTC, always written the same way so that text order is time order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(DateTime<Utc>);

impl Timestamp {
    /// Now, or `CLAIMTRAIL_NOW` when set, so that tests and demos are reproducible.
    pub fn now() -> Result<Timestamp, String> {
        match std::env::var("CLAIMTRAIL_NOW") {
            Ok(fixed) => parse_absolute(&fixed).map_err(|e| format!("CLAIMTRAIL_NOW: {e}")),
            Err(_) => Ok(Timestamp(whole_second(Utc::now()))),
        }
    }

    /// Reads the stored form back; anything else is not a claimtrail time. Read by hand,
    /// since a report or export reads one per row.
    pub fn parse_stored(s: &str) -> Result<Timestamp, String> {
        let bad = || format!("malformed stored time \"{s}\"");
        let b = s.as_bytes();
        let shape_ok = b.len() == 20
            && b[4] == b'-'
            && b[7] == b'-'
            && b[10] == b'T'
            && b[13] == b':'
            && b[16] == b':'
            && b[19] == b'Z';
        if !shape_ok {
            return Err(bad());
        }
        let number = |from: usize, to: usize| -> Option<u32> {
            s.get(from..to)
                .filter(|d| d.bytes().all(|c| c.is_ascii_digit()))?
                .parse()
                .ok()
        };
        let date = NaiveDate::from_ymd_opt(
            number(0, 4).ok_or_else(bad)? as i32,
            number(5, 7).ok_or_else(bad)?,
            number(8, 10).ok_or_else(bad)?,
        );
        let time =
            date.and_then(|d| d.and_hms_opt(number(11, 13)?, number(14, 16)?, number(17, 19)?));
        time.map(|t| Timestamp(Utc.from_utc_datetime(&t)))
            .ok_or_else(bad)
    }

    /// A moment from a database that keeps times as its own type, to the whole second.
    pub fn from_utc(at: DateTime<Utc>) -> Timestamp {
        Timestamp(whole_second(at))
    }

    pub fn utc(self) -> DateTime<Utc> {
        self.0
    }

    pub fn minus(self, d: Duration) -> Timestamp {
        Timestamp(self.0 - d)
    }

    /// How long before `now` this was, never negative.
    pub fn age_at(self, now: Timestamp) -> Duration {
        (now.0 - self.0).max(Duration::zero())
    }
}

/// Written field by field: an export writes a million of these, and chrono reads its format
/// string afresh each time.
impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = self.0;
        if !(0..=9999).contains(&t.year()) {
            return write!(f, "{}", t.format(FORMAT));
        }
        write!(
            f,
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            t.year(),
            t.month(),
            t.day(),
            t.hour(),
            t.minute(),
            t.second()
        )
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Read as a user would type it, so hand-made files may say `2014-06-12`.
impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        parse_absolute(&text).map_err(serde::de::Error::custom)
    }
}

/// The second `at` falls in, as claimtrail keeps times. A leap second (`23:59:60`, which
/// RFC 3339 allows) is kept as the second before it, so every stored time reads back.
fn whole_second(at: DateTime<Utc>) -> DateTime<Utc> {
    at.with_nanosecond(0).unwrap_or(at)
}

/// The forms `parse_when` takes, for messages.
pub const DATE_FORMS: &str = "2014-06-12, 2014-06-12 14:30, RFC 3339 such as 2014-06-12T09:30:00Z, \
                              today, yesterday, now, or a span ago such as 3h ago or 2d ago";

/// Reads a date as people type it: a calendar date or time (UTC unless RFC 3339 gives an
/// offset), `today` or `yesterday` (their midnight, UTC), `now`, or a span ago (`3h ago`).
pub fn parse_when(input: &str) -> Result<Timestamp, String> {
    match parse_absolute(input) {
        Ok(t) => Ok(t),
        Err(e) if e.starts_with("malformed") => {
            let now = Timestamp::now()?;
            parse_relative(input, now).unwrap_or(Err(e))
        }
        Err(e) => Err(e),
    }
}

/// `today`, `yesterday`, `now` and `<span> ago`, counted from `now`; `None` for anything
/// else.
fn parse_relative(input: &str, now: Timestamp) -> Option<Result<Timestamp, String>> {
    let s = input.trim().to_lowercase();
    let midnight = |days_back: i64| {
        let date = (now.0 - Duration::days(days_back)).date_naive();
        Timestamp(Utc.from_utc_datetime(&date.and_time(NaiveTime::MIN)))
    };
    match s.as_str() {
        "now" => return Some(Ok(now)),
        "today" => return Some(Ok(midnight(0))),
        "yesterday" => return Some(Ok(midnight(1))),
        _ => {}
    }
    let span = s.strip_suffix("ago")?.trim();
    Some(parse_duration(span).map(|d| now.minus(d)))
}

/// A calendar date or time only (`2014-06-12`, `2014-06-12 09:30`, `2014-06-12T09:30:00`,
/// all taken as UTC, or RFC 3339 with an offset), as files and the environment give them:
/// never relative to when they happen to be read.
pub fn parse_absolute(input: &str) -> Result<Timestamp, String> {
    let s = input.trim();
    let bad = || format!("malformed date \"{input}\" (expected {DATE_FORMS})");
    let parsed = parse_any(s).ok_or_else(bad)?;
    // Four-digit years keep the stored form fixed-width, so text order stays time order.
    if !(1000..=9999).contains(&parsed.year()) {
        return Err(format!(
            "date \"{input}\" is out of range (years 1000 to 9999)"
        ));
    }
    Ok(Timestamp(whole_second(parsed)))
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

/// An age for tables in its two largest units: `45s`, `12m`, `3h 5m`, `2d 1h`, `5w`, `4mo`.
pub fn format_age(d: Duration) -> String {
    format_age_in(d, 2)
}

/// An age in its largest unit only ("1d", "3h"), for a narrow table.
pub fn format_age_short(d: Duration) -> String {
    format_age_in(d, 1)
}

fn format_age_in(d: Duration, units: usize) -> String {
    const UNITS: [(&str, i64); 7] = [
        ("y", 31_536_000),
        ("mo", 2_592_000),
        ("w", 604_800),
        ("d", 86_400),
        ("h", 3_600),
        ("m", 60),
        ("s", 1),
    ];
    let s = d.num_seconds().max(0);
    // The largest unit that reads naturally: days up to a fortnight, weeks up to two months.
    let first = match s {
        0..60 => 6,
        60..3_600 => 5,
        3_600..86_400 => 4,
        86_400..1_209_600 => 3,
        1_209_600..5_184_000 => 2,
        5_184_000..31_536_000 => 1,
        _ => 0,
    };
    let (unit, size) = UNITS[first];
    let mut out = format!("{}{unit}", s / size);
    if let Some((next, next_size)) = UNITS.get(first + 1).filter(|_| units > 1) {
        let rest = (s % size) / next_size;
        if rest > 0 {
            out.push_str(&format!(" {rest}{next}"));
        }
    }
    out
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
        for bad in ["2014-13-45", "last tuesday", "", "2014-02-30", "12/06/2014"] {
            let err = parse_when(bad).unwrap_err();
            assert!(err.starts_with("malformed date"), "{bad}: {err}");
        }
        let err = parse_when("3x ago").unwrap_err();
        assert!(err.starts_with("malformed duration \"3x\""), "{err}");
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
        assert_eq!(format_age(Duration::minutes(90)), "1h 30m");
        assert_eq!(format_age(Duration::hours(52)), "2d 4h");
        assert_eq!(format_age(Duration::days(3)), "3d");
        assert_eq!(format_age(Duration::days(20)), "2w 6d");
        assert_eq!(format_age(Duration::days(400)), "1y 1mo");
        assert_eq!(format_age(Duration::seconds(-5)), "0s");
    }

    #[test]
    fn dates_can_be_typed_relative_to_now() {
        let now = parse_when("2014-06-12T14:30:00Z").unwrap();
        let at = |s: &str| parse_relative(s, now).unwrap().unwrap().to_string();
        assert_eq!(at("today"), "2014-06-12T00:00:00Z");
        assert_eq!(at("Yesterday"), "2014-06-11T00:00:00Z");
        assert_eq!(at("now"), "2014-06-12T14:30:00Z");
        assert_eq!(at("3h ago"), "2014-06-12T11:30:00Z");
        assert_eq!(at("2d ago"), "2014-06-10T14:30:00Z");
        assert!(parse_relative("last tuesday", now).is_none());
        let err = parse_when("last tuesday").unwrap_err();
        assert!(
            err.contains("today, yesterday") && err.contains("3h ago"),
            "{err}"
        );
    }

    // Property tests. Everything below builds its inputs from parts, so each expected value is
    // computed independently of the parser under test.

    use chrono::{FixedOffset, Timelike};
    use proptest::prelude::*;

    /// The longest span `parse_duration` accepts, in seconds.
    const CENTURY: i64 = 100 * 366 * 86_400;

    const UNITS: [(char, i64); 5] = [
        ('s', 1),
        ('m', 60),
        ('h', 3_600),
        ('d', 86_400),
        ('w', 604_800),
    ];

    fn days_in_month(year: i32, month: u32) -> u32 {
        let (next_year, next_month) = if month == 12 {
            (year + 1, 1)
        } else {
            (year, month + 1)
        };
        NaiveDate::from_ymd_opt(next_year, next_month, 1)
            .and_then(|d| d.pred_opt())
            .map(|d| d.day())
            .expect("a real month")
    }

    /// A valid calendar date in the accepted years, every day of every month reachable, with
    /// the first and last years, leap years and month ends drawn more often than by chance.
    fn date() -> impl Strategy<Value = NaiveDate> {
        let year = prop_oneof![
            3 => 1000i32..=9999,
            1 => prop::sample::select(vec![1000, 1600, 1900, 2000, 2024, 2100, 9996, 9999]),
        ];
        (year, 1u32..=12)
            .prop_flat_map(|(y, m)| {
                let last = days_in_month(y, m);
                (
                    Just(y),
                    Just(m),
                    prop_oneof![3 => 1..=last, 1 => Just(last)],
                )
            })
            .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).expect("valid date"))
    }

    fn date_time() -> impl Strategy<Value = NaiveDateTime> {
        let day = prop_oneof![
            4 => date(),
            // The very first and last days, where an offset can carry past the year range.
            1 => Just(NaiveDate::from_ymd_opt(1000, 1, 1).unwrap()),
            1 => Just(NaiveDate::from_ymd_opt(9999, 12, 31).unwrap()),
        ];
        (day, 0u32..24, 0u32..60, 0u32..60).prop_map(|(d, h, m, s)| {
            d.and_time(NaiveTime::from_hms_opt(h, m, s).expect("valid time"))
        })
    }

    /// Any instant in 1000-01-01T00:00:00Z ..= 9999-12-31T23:59:59Z, as whole seconds.
    fn instant_seconds() -> impl Strategy<Value = i64> {
        let first = NaiveDate::from_ymd_opt(1000, 1, 1)
            .unwrap()
            .and_hms_opt(0, 0, 0)
            .unwrap()
            .and_utc()
            .timestamp();
        let last = NaiveDate::from_ymd_opt(9999, 12, 31)
            .unwrap()
            .and_hms_opt(23, 59, 59)
            .unwrap()
            .and_utc()
            .timestamp();
        first..=last
    }

    fn canonical(t: &NaiveDateTime) -> String {
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            t.year(),
            t.month(),
            t.day(),
            t.hour(),
            t.minute(),
            t.second()
        )
    }

    fn is_canonical(s: &str) -> bool {
        let b = s.as_bytes();
        b.len() == 20
            && b.iter().enumerate().all(|(i, &c)| match i {
                4 | 7 => c == b'-',
                10 => c == b'T',
                13 | 16 => c == b':',
                19 => c == b'Z',
                _ => c.is_ascii_digit(),
            })
    }

    /// Sums `<n><unit>` parts the slow way; `None` when the text is not such a sequence or
    /// the total is past a century.
    fn model_duration(input: &str) -> Option<i64> {
        let s = input.trim();
        if s.is_empty() {
            return None;
        }
        let mut total: u128 = 0;
        let mut digits = String::new();
        for c in s.chars() {
            if c.is_ascii_digit() {
                digits.push(c);
                continue;
            }
            let per = UNITS.iter().find(|(u, _)| *u == c)?.1 as u128;
            if digits.is_empty() {
                return None;
            }
            let n: u128 = digits.parse().ok()?;
            total = total.checked_add(n.checked_mul(per)?)?;
            digits.clear();
        }
        if !digits.is_empty() || total > CENTURY as u128 {
            return None;
        }
        Some(total as i64)
    }

    proptest! {
        #[test]
        fn a_time_is_written_as_chrono_writes_its_format(secs in -80_000_000_000i64..300_000_000_000) {
            let at = DateTime::from_timestamp(secs, 0).unwrap();
            prop_assert_eq!(Timestamp(at).to_string(), at.format(FORMAT).to_string());
        }

        #[test]
        fn every_accepted_form_of_a_valid_time_reads_as_utc(
            t in date_time(),
            frac in "[0-9]{1,9}",
            lead in "[ \t\n]{0,2}",
            trail in "[ \t\n]{0,2}",
        ) {
            let day = t.format("%Y-%m-%d").to_string();
            let hm = t.format("%H:%M").to_string();
            let hms = t.format("%H:%M:%S").to_string();
            let midnight = canonical(&t.date().and_hms_opt(0, 0, 0).unwrap());
            let minute = canonical(&t.with_second(0).unwrap());
            let second = canonical(&t);
            let forms = [
                (day.clone(), &midnight),
                (format!("{day} {hm}"), &minute),
                (format!("{day}T{hm}"), &minute),
                (format!("{day} {hms}"), &second),
                (format!("{day}T{hms}"), &second),
                (format!("{day}T{hms}Z"), &second),
                (format!("{day}t{hms}z"), &second),
                (format!("{day} {hms}Z"), &second),
                (format!("{day}T{hms}+00:00"), &second),
                (format!("{day}T{hms}-00:00"), &second),
                // Fractions are dropped, never rounded up into the next second.
                (format!("{day}T{hms}.{frac}Z"), &second),
                (format!("{day}T{hms}.{frac}+00:00"), &second),
            ];
            for (input, expected) in forms {
                let input = format!("{lead}{input}{trail}");
                let parsed = parse_when(&input);
                prop_assert!(parsed.is_ok(), "{:?} refused: {:?}", input, parsed);
                let parsed = parsed.unwrap();
                let shown = parsed.to_string();
                prop_assert_eq!(&shown, expected, "input {:?}", input);
                prop_assert_eq!(parse_when(&shown), Ok(parsed), "re-reading {:?}", shown);
                prop_assert_eq!(Timestamp::parse_stored(&shown), Ok(parsed));
            }
        }

        #[test]
        fn offsets_are_converted_to_the_same_utc_instant_chrono_computes(
            t in date_time(),
            offset_minutes in -(23 * 60 + 59)..=(23 * 60 + 59i32),
        ) {
            let sign = if offset_minutes < 0 { '-' } else { '+' };
            let abs = offset_minutes.abs();
            let input = format!(
                "{}{sign}{:02}:{:02}",
                t.format("%Y-%m-%dT%H:%M:%S"),
                abs / 60,
                abs % 60
            );
            let zone = FixedOffset::east_opt(offset_minutes * 60).unwrap();
            let expected = zone.from_local_datetime(&t).single().unwrap().with_timezone(&Utc);
            // The same instant, by plain arithmetic rather than chrono's zone handling.
            prop_assert_eq!(
                expected.naive_utc(),
                t - Duration::minutes(i64::from(offset_minutes))
            );
            match parse_when(&input) {
                Ok(parsed) => {
                    prop_assert!((1000..=9999).contains(&expected.year()), "{}", input);
                    prop_assert_eq!(parsed.to_string(), canonical(&expected.naive_utc()));
                    prop_assert_eq!(parsed, Timestamp(expected));
                }
                Err(e) => {
                    // Only an instant that lands outside the four-digit years is refused.
                    prop_assert!(!(1000..=9999).contains(&expected.year()), "{}: {}", input, e);
                    prop_assert!(e.contains("out of range"), "{}: {}", input, e);
                }
            }
        }

        #[test]
        fn any_text_is_refused_or_read_into_the_stored_form(s in ".*") {
            if let Ok(t) = parse_when(&s) {
                let shown = t.to_string();
                prop_assert!(is_canonical(&shown), "{:?} -> {:?}", s, shown);
                prop_assert_eq!(Timestamp::parse_stored(&shown), Ok(t));
            }
        }

        #[test]
        fn date_like_text_is_refused_or_read_into_the_stored_form(
            s in prop_oneof![
                "[0-9:TZtz+. -]{0,32}",
                "[+-]?[0-9]{1,7}-[0-9]{1,3}-[0-9]{1,3}([Tt ][0-9]{1,3}:[0-9]{1,3}\
                 (:[0-9]{1,3}(\\.[0-9]{0,12})?)?)?([Zz]|[+-][0-9]{1,3}(:[0-9]{1,3})?)?",
            ]
        ) {
            if let Ok(t) = parse_when(&s) {
                let shown = t.to_string();
                prop_assert!(is_canonical(&shown), "{:?} -> {:?}", s, shown);
                prop_assert_eq!(Timestamp::parse_stored(&shown), Ok(t));
                prop_assert_eq!(parse_when(&shown), Ok(t));
            }
        }

        #[test]
        fn text_order_is_time_order(
            a in instant_seconds(),
            delta in prop_oneof![Just(0i64), -90i64..=90, any::<i32>().prop_map(i64::from)],
            far in instant_seconds(),
            pick_far in any::<bool>(),
        ) {
            let b = if pick_far { far } else { a.saturating_add(delta) };
            let to_ts = |secs: i64| {
                DateTime::from_timestamp(secs, 0)
                    .filter(|t| (1000..=9999).contains(&t.year()))
                    .map(|t| parse_when(&t.format("%Y-%m-%d %H:%M:%S").to_string()).unwrap())
            };
            let (Some(ta), Some(tb)) = (to_ts(a), to_ts(b)) else {
                return Ok(());
            };
            prop_assert_eq!(ta < tb, ta.to_string() < tb.to_string());
            prop_assert_eq!(ta.cmp(&tb), ta.to_string().cmp(&tb.to_string()));
            prop_assert_eq!(ta.cmp(&tb), a.cmp(&b));
        }

        #[test]
        fn a_number_and_a_unit_is_that_many_seconds(
            (unit, n) in (0usize..5).prop_flat_map(|unit| {
                // Either anything, or right around the century limit for this unit.
                let edge = CENTURY / UNITS[unit].1;
                (Just(unit), prop_oneof![0i64..100_000, (edge - 2)..=(edge + 2)])
            }),
        ) {
            let (u, per) = UNITS[unit];
            let input = format!("{n}{u}");
            let expected = n * per;
            if expected <= CENTURY {
                prop_assert_eq!(parse_duration(&input), Ok(Duration::seconds(expected)));
            } else {
                let err = parse_duration(&input).unwrap_err();
                prop_assert!(err.starts_with("malformed duration"), "{}: {}", input, err);
            }
        }

        #[test]
        fn parts_of_a_duration_add_up(
            parts in prop::collection::vec((0i64..100_000, 0usize..5, 0usize..3), 1..6),
        ) {
            let mut input = String::new();
            let mut expected = 0;
            for (n, unit, zeros) in parts {
                let (u, per) = UNITS[unit];
                input.push_str(&format!("{}{n}{u}", "0".repeat(zeros)));
                expected += n * per;
            }
            if expected <= CENTURY {
                prop_assert_eq!(parse_duration(&input), Ok(Duration::seconds(expected)));
            } else {
                let err = parse_duration(&input).unwrap_err();
                prop_assert!(err.starts_with("malformed duration"), "{}: {}", input, err);
            }
        }

        #[test]
        fn durations_agree_with_a_slow_reading(
            s in prop_oneof![".*", "[ 0-9smhdwx-]{0,24}", "\\s*([0-9]{0,22}[smhdw]){0,4}\\s*"],
        ) {
            let got = parse_duration(&s);
            match model_duration(&s) {
                Some(secs) => prop_assert_eq!(got, Ok(Duration::seconds(secs)), "{:?}", s),
                None => {
                    let err = got.unwrap_err();
                    prop_assert!(err.starts_with("malformed duration"), "{:?}: {}", s, err);
                }
            }
        }

        #[test]
        fn a_stray_character_makes_a_duration_malformed(
            lead in "\\s{0,3}",
            before in "[0-9smhdw]{0,8}",
            stray in any::<char>().prop_filter("outside the duration alphabet", |c| {
                !c.is_ascii_digit() && !"smhdw".contains(*c)
            }),
            after in "[0-9smhdw]{0,8}",
            trail in "\\s{0,3}",
        ) {
            let input = format!("{lead}{before}{stray}{after}{trail}");
            // A stray white-space character at either end is trimmed off, not stray.
            prop_assume!(input.trim().chars().any(|c| !c.is_ascii_digit() && !"smhdw".contains(c)));
            let err = parse_duration(&input).unwrap_err();
            prop_assert!(err.starts_with("malformed duration"), "{:?}: {}", input, err);
        }

        #[test]
        fn ages_are_at_most_two_units_largest_first_and_never_overstated(
            secs in -1_000_000_000_000i64..1_000_000_000_000,
        ) {
            const UNITS: [(&str, i64); 7] = [
                ("y", 31_536_000), ("mo", 2_592_000), ("w", 604_800), ("d", 86_400),
                ("h", 3_600), ("m", 60), ("s", 1),
            ];
            let age = format_age(Duration::seconds(secs));
            if secs <= 0 {
                prop_assert_eq!(age, "0s");
                return Ok(());
            }
            let parts: Vec<(i64, usize)> = age
                .split(' ')
                .map(|part| {
                    let digits = part.trim_end_matches(char::is_alphabetic);
                    let unit = &part[digits.len()..];
                    let at = UNITS.iter().position(|(u, _)| *u == unit).expect("a known unit");
                    (digits.parse().expect("a number"), at)
                })
                .collect();
            prop_assert!(!parts.is_empty() && parts.len() <= 2, "{}", age);
            prop_assert!(parts[0].0 >= 1, "{}", age);
            if let [first, second] = parts.as_slice() {
                prop_assert_eq!(second.1, first.1 + 1, "{}", age);
                prop_assert!(second.0 >= 1 && second.0 * UNITS[second.1].1 < UNITS[first.1].1, "{}", age);
            }
            let shown: i64 = parts.iter().map(|(n, at)| n * UNITS[*at].1).sum();
            // What is left over is less than the finest unit shown, or, when the second unit
            // was left out because it was zero, less than one of that.
            let bound = match parts.as_slice() {
                [_, second] => UNITS[second.1].1,
                [only] => UNITS.get(only.1 + 1).map_or(1, |u| u.1),
                _ => unreachable!(),
            };
            prop_assert!(shown <= secs && secs - shown < bound, "{} -> {}", secs, age);
        }
    }
}
