//! Fuzz target `values`: the invariants in `claimdiff::invariants::values` (see there).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    claimdiff::invariants::values(data);
});
