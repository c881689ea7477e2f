//! The date and duration parsers: any input gives a value or a message, and what they give
//! reads back the same.
#![no_main]

use claimtrail::time::{Timestamp, format_age, parse_absolute, parse_duration, parse_when};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| {
    if let Ok(t) = parse_absolute(input) {
        assert_eq!(parse_absolute(&t.to_string()), Ok(t));
        assert_eq!(Timestamp::parse_stored(&t.to_string()), Ok(t));
    }
    if let Ok(t) = parse_when(input) {
        assert_eq!(parse_absolute(&t.to_string()), Ok(t));
    }
    if let Ok(d) = parse_duration(input) {
        assert!(d.num_seconds() >= 0);
        assert!(!format_age(d).is_empty());
    }
    let _ = Timestamp::parse_stored(input);
});
