//! Payment card numbers: Luhn check digit plus the issuer (IIN) ranges of the major networks.
//!
//! | network | IIN prefixes | lengths |
//! |---|---|---|
//! | Visa | 4 | 13, 16, 19 |
//! | Mastercard | 51-55, 2221-2720 | 16 |
//! | American Express | 34, 37 | 15 |
//! | JCB | 3528-3589 | 16-19 |
//! | Discover | 6011, 644-649, 65 | 16-19 |
//! | Diners Club International | 300-305, 36, 38-39 | 14-19 |
//! | UnionPay | 62 | 16-19 |
//! | Maestro | 5018, 5020, 5038, 5893, 6304, 6759, 6761-6763 | 12-19 |
//! | Mir | 2200-2204 | 16-19 |
//! | GPN (Indonesia's national debit network; BSN national IIN `9` + `360` + institution) | 9360 | 16-19 |
//!
//! The ranges are public network facts (ISO/IEC 7812 registrations as the networks publish
//! them); ranges shared with NIK province codes (35 JCB, 51-53 Mastercard, 62 UnionPay,
//! 64-65 Discover) are settled by the scanner: a valid NIK wins unless a label says card.

use crate::digits;

/// One issuer range: prefixes `lo..=hi` of `width` digits, card lengths `min..=max`.
struct Range {
    lo: u32,
    hi: u32,
    width: u8,
    min: u8,
    max: u8,
}

const fn r(lo: u32, hi: u32, width: u8, min: u8, max: u8) -> Range {
    Range {
        lo,
        hi,
        width,
        min,
        max,
    }
}

const RANGES: &[Range] = &[
    r(4, 4, 1, 13, 13),       // Visa (old 13-digit)
    r(4, 4, 1, 16, 16),       // Visa
    r(4, 4, 1, 19, 19),       // Visa
    r(51, 55, 2, 16, 16),     // Mastercard
    r(2221, 2720, 4, 16, 16), // Mastercard 2-series
    r(34, 34, 2, 15, 15),     // American Express
    r(37, 37, 2, 15, 15),     // American Express
    r(3528, 3589, 4, 16, 19), // JCB
    r(6011, 6011, 4, 16, 19), // Discover
    r(644, 649, 3, 16, 19),   // Discover
    r(65, 65, 2, 16, 19),     // Discover
    r(300, 305, 3, 14, 19),   // Diners Club International
    r(36, 36, 2, 14, 19),     // Diners Club International
    r(38, 39, 2, 14, 19),     // Diners Club International
    r(62, 62, 2, 16, 19),     // UnionPay
    r(5018, 5018, 4, 12, 19), // Maestro
    r(5020, 5020, 4, 12, 19), // Maestro
    r(5038, 5038, 4, 12, 19), // Maestro
    r(5893, 5893, 4, 12, 19), // Maestro
    r(6304, 6304, 4, 12, 19), // Maestro
    r(6759, 6759, 4, 12, 19), // Maestro
    r(6761, 6763, 4, 12, 19), // Maestro
    r(2200, 2204, 4, 16, 19), // Mir
    r(9360, 9360, 4, 16, 19), // GPN national IIN (Indonesia)
];

/// True when ASCII digits `d` are in a known issuer range for their length.
fn issuer_known(d: &[u8]) -> bool {
    let n = d.len();
    RANGES.iter().any(|r| {
        (usize::from(r.min)..=usize::from(r.max)).contains(&n)
            && d.get(..usize::from(r.width))
                .is_some_and(|p| (r.lo..=r.hi).contains(&digits::value(p)))
    })
}

/// Is `d` (12-19 ASCII digits) a payment card number: known issuer range, length, Luhn?
pub fn is_valid_digits(d: &[u8]) -> bool {
    (12..=19).contains(&d.len())
        // Every issuer range starts with 2-6 or 9: most look-alikes stop here.
        && matches!(d.first(), Some(b'2'..=b'6' | b'9'))
        && digits::all_digits(d)
        && !digits::is_repdigit(d)
        && issuer_known(d)
        && digits::luhn_valid(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn networks() {
        for ok in [
            "4111111111111111",
            "5555555555554444",
            "2223003122003222",
            "378282246310005",
            "3530111333300000",
            "6011111111111117",
            "30569309025904",
            "6200000000000005",
            "9360000000000005",
        ] {
            assert!(is_valid_digits(ok.as_bytes()), "{ok}");
        }
        for bad in [
            "4111111111111112", // Luhn
            "1234567812345670", // no network
            "411111111111111",  // Visa has no 15-digit numbers
            "0000000000000000",
        ] {
            assert!(!is_valid_digits(bad.as_bytes()), "{bad}");
        }
    }
}
