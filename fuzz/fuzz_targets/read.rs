//! Fuzz target `read`: the invariants in `claimdiff::invariants::read` (see there).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    claimdiff::invariants::read(data);
});
