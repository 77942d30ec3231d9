//! Deserialising identifiers from strings through their parsers.

use core::fmt;
use core::marker::PhantomData;
use core::str::FromStr;

/// A serde visitor that parses a string with `T::from_str`.
pub(crate) struct ParseVisitor<T> {
    expecting: &'static str,
    marker: PhantomData<T>,
}

impl<T> ParseVisitor<T> {
    pub(crate) const fn new(expecting: &'static str) -> Self {
        ParseVisitor {
            expecting,
            marker: PhantomData,
        }
    }
}

impl<T> serde::de::Visitor<'_> for ParseVisitor<T>
where
    T: FromStr,
    T::Err: fmt::Display,
{
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
        // The error text carries no input bytes (see each identifier's error type).
        T::from_str(v).map_err(E::custom)
    }
}
