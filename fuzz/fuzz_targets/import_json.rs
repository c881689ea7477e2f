//! The JSON and JSONL importers: any file gives records or one message, and every record
//! read either validates or is refused with a message naming its field.
#![no_main]

use claimtrail::exchange::Item;
use claimtrail::exchange::json::{read_ledger, read_lines};
use claimtrail::exchange::record::Record;
use libfuzzer_sys::fuzz_target;

fn check(item: Item) -> anyhow::Result<()> {
    if let Record::Claim(mut claim) = item.record {
        if let Err(e) = claim.validate() {
            assert!(e.starts_with("field "), "{e}");
        }
    }
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let _ = read_ledger(data, check);
    let _ = read_lines(data, check);
});
