//! Fuzz target `html`: the invariants in `claimdiff::invariants::html` (see there).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    claimdiff::invariants::html(data);
});
