//! Fuzz target `reviews`: the invariants in `claimdiff::invariants::reviews` (see there).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    claimdiff::invariants::reviews(data);
});
