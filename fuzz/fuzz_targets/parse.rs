//! Fuzz target `parse`: the invariants in `claimdiff::invariants::parse` (see there).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    claimdiff::invariants::parse(data);
});
