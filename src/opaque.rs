//! `Debug` for types that hold input bytes or secrets: the type name and nothing else.
//!
//! Streams, readers and C ABI result structs carry identifiers (or keys) in their
//! fields; a derived `Debug` would print them into a log. These types print as
//! `Name { .. }` instead.

/// Implements `Debug` as `Name { .. }` for each listed type.
// Every user of the macro needs `std` (buffers, readers, the C ABI).
#[cfg_attr(not(feature = "std"), allow(unused_macros))]
macro_rules! opaque_debug {
    ($($t:ty => $name:literal),+ $(,)?) => {
        $(
            impl core::fmt::Debug for $t {
                fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                    f.debug_struct($name).finish_non_exhaustive()
                }
            }
        )+
    };
}
