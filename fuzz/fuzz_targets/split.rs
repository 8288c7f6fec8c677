//! Fuzz target `split`: the invariants in `claimdiff::invariants::split` (see there).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    claimdiff::invariants::split(data);
});
