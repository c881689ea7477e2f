//! The CSV sheet reader: any file gives rows or one message naming the line.
#![no_main]

use claimtrail::exchange::sheet::read;
use claimtrail::time::Timestamp;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let at = Timestamp::parse_stored("2014-06-12T12:00:00Z").expect("a fixed time");
    let _ = read(data, "desk", at, |_, row| {
        assert!(!row.claim.text.trim().is_empty());
        assert!(!row.claimant.name.trim().is_empty());
        Ok(())
    });
});
