//! Fuzz target `parse`: the invariants in `claimdiff::invariants::parse` (see there).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(
    init: {
        // Decoding the 19 MB model takes seconds under the sanitizer: done once before the
        // runs, so the first input is not taken for a timeout.
        claimdiff::syntax::model().expect("the built-in model loads");
    },
    |data: &[u8]| {
        claimdiff::invariants::parse(data);
    }
);
