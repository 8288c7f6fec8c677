//! Fuzz target `rules`: the invariants in `claimdiff::invariants::rules` (see there).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    claimdiff::invariants::rules(data);
});
