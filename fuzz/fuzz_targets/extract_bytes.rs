//! `extract` over any bytes read lossily, with the copy's outlet given or not.
#![no_main]

mod shared;

use claimtrail::extract::{Setup, extract};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let copy = String::from_utf8_lossy(rest);
    let setup = Setup {
        outlet: (first % 2 == 1).then(|| "Reuters".to_owned()),
        ..Setup::default()
    };
    let proposals = extract(&copy, &setup);
    shared::words_come_from_the_copy(&copy, &proposals);
});
