//! `extract` over any UTF-8 copy: it returns, and every proposal's words are the copy's.
#![no_main]

mod shared;

use claimtrail::extract::{Setup, extract};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|copy: &str| {
    let proposals = extract(copy, &Setup::default());
    shared::words_come_from_the_copy(copy, &proposals);
});
