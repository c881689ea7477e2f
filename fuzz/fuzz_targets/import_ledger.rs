//! The whole importer: a JSON or JSONL file merged into a real ledger (in memory). Whatever
//! the file holds, the import succeeds or fails with a message, and a ledger it succeeded on
//! still passes every invariant `check` knows; a failed one holds nothing.
#![no_main]

use claimtrail::exchange::apply;
use claimtrail::exchange::json::{read_ledger, read_lines};
use claimtrail::store::{ClaimFilter, Claims, Exchange, Store, Upkeep};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&form, file)) = data.split_first() else {
        return;
    };
    let mut store = Store::in_memory().expect("a ledger in memory");
    let imported = store.import(
        true,
        Box::new(|importer| {
            if form % 2 == 0 {
                read_ledger(file, |item| apply(importer, item))
            } else {
                read_lines(file, |item| apply(importer, item))
            }
        }),
    );
    let report = store.check().expect("check runs");
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    if imported.is_err() {
        assert_eq!(store.count_claims(&ClaimFilter::default()).unwrap(), 0);
    }
});
