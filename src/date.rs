//! A tiny proleptic-Gregorian civil date: validity, leap years, century pivot.
//!
//! Identity numbers carry two-digit years; [`Date::pivot`] picks the century.
//! We keep our own type instead of `chrono` because we need three checks and
//! one conversion, and the parsers must stay `no_std`.

use core::fmt;

/// A calendar date between the years 1 and 9999.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// True for Gregorian leap years (2000 is one, 1900 is not).
#[inline]
pub const fn is_leap_year(year: u16) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Number of days in `month` (1-12) of `year`; 0 for a month out of range.
#[inline]
pub const fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// The date, or `None` when it does not exist (31 February, month 13, year 0).
    pub const fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        if year == 0 || year > 9999 || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Year (1-9999).
    #[inline]
    pub const fn year(self) -> u16 {
        self.year
    }

    /// Month (1-12).
    #[inline]
    pub const fn month(self) -> u8 {
        self.month
    }

    /// Day of the month (1-31).
    #[inline]
    pub const fn day(self) -> u8 {
        self.day
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: core::ops::Range<usize>| {
            let part = &b[r];
            if part.iter().all(u8::is_ascii_digit) {
                Some(crate::digits::value(part))
            } else {
                None
            }
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        Date::new(y as u16, m as u8, d as u8)
    }

    /// Civil date of a day count since 1970-01-01 (Howard Hinnant's `civil_from_days`).
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(u16::try_from(year).ok()?, month as u8, day as u8)
    }

    /// Today's date in UTC, from the system clock.
    #[cfg(feature = "std")]
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        Date::from_days_since_epoch(secs / 86_400).unwrap_or(Date {
            year: 1970,
            month: 1,
            day: 1,
        })
    }

    /// Chooses the century of a two-digit year: the latest of 20YY and 19YY whose
    /// full date exists and is not after `reference`.
    ///
    /// Returns the date and whether the other century was just as possible for a
    /// living person (both dates on or before `reference`, and the 19YY date less
    /// than 120 years before it). `None` when neither century gives such a date.
    pub fn pivot(yy: u8, month: u8, day: u8, reference: Date) -> Option<(Date, bool)> {
        let yy = u16::from(yy);
        let recent = Date::new(2000 + yy, month, day).filter(|d| *d <= reference);
        let older = Date::new(1900 + yy, month, day).filter(|d| *d <= reference);
        match (recent, older) {
            (Some(r), Some(o)) => Some((r, reference.year - o.year < 120)),
            (Some(r), None) => Some((r, false)),
            (None, Some(o)) => Some((o, false)),
            (None, None) => None,
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: u16, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn validity_and_leap_years() {
        assert!(Date::new(2000, 2, 29).is_some());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2023, 2, 29).is_none());
        assert!(Date::new(2023, 4, 31).is_none());
        assert!(Date::new(2023, 13, 1).is_none());
        assert!(Date::new(2023, 0, 1).is_none());
        assert!(Date::new(2023, 1, 0).is_none());
        assert!(Date::new(0, 1, 1).is_none());
    }

    #[test]
    fn iso_round_trip() {
        assert_eq!(Date::parse_iso("2025-06-01"), Some(d(2025, 6, 1)));
        assert_eq!(d(1945, 8, 17).to_string(), "1945-08-17");
        assert_eq!(Date::parse_iso("2025-02-30"), None);
        assert_eq!(Date::parse_iso("2025-6-01"), None);
        assert_eq!(Date::parse_iso("2025-06-0a"), None);
    }

    #[test]
    fn epoch_days() {
        assert_eq!(Date::from_days_since_epoch(0), Some(d(1970, 1, 1)));
        assert_eq!(Date::from_days_since_epoch(11_016), Some(d(2000, 2, 29)));
        assert_eq!(Date::from_days_since_epoch(-1), Some(d(1969, 12, 31)));
    }

    #[test]
    fn century_pivot() {
        let r = d(2025, 6, 1);
        assert_eq!(Date::pivot(45, 8, 17, r), Some((d(1945, 8, 17), false)));
        assert_eq!(Date::pivot(20, 1, 1, r), Some((d(2020, 1, 1), true)));
        assert_eq!(Date::pivot(30, 1, 1, r), Some((d(1930, 1, 1), false)));
        // 29 February 1900 does not exist: 2000 and unambiguous.
        assert_eq!(Date::pivot(0, 2, 29, r), Some((d(2000, 2, 29), false)));
        // Same two digits, later month than the reference: only 19YY is in the past.
        assert_eq!(Date::pivot(25, 7, 1, r), Some((d(1925, 7, 1), false)));
        // 1903 would make the person 122: not a plausible alternative.
        assert_eq!(Date::pivot(3, 1, 1, r), Some((d(2003, 1, 1), false)));
        // Before 2000 the 29 February of year 00 only exists as 2000: in the future.
        assert_eq!(Date::pivot(0, 2, 29, d(1999, 1, 1)), None);
    }
}
