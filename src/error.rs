//! The coarse error classes every identifier's error maps to.
//!
//! They mirror python-stdnum's exception hierarchy, so bindings can raise
//! `InvalidFormat`, `InvalidLength`, `InvalidComponent` or `InvalidChecksum`.

/// Which kind of rule an input broke.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// Not written as digits with accepted separators.
    Format,
    /// The wrong number of digits.
    Length,
    /// A field (region, date, serial, type, prefix) is out of range.
    Component,
    /// A check digit does not match.
    Checksum,
}
