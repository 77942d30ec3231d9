#![no_main]
//! KK parser invariants (see `check_parser!`).
use identitas::{Kk, kk};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    identitas_fuzz::check_parser!(data, Kk, kk::is_valid);
});
