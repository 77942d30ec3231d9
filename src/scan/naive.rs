//! Naive reference scanner (filled in below).
