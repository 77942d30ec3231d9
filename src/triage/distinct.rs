//! Counting duplicates in bounded memory without keeping any value.
//!
//! Values are reduced to 64-bit **keyed** fingerprints: a multiply-fold hash over
//! 8-byte words (the construction of wyhash/foldhash, written here) whose two 64-bit
//! keys are drawn per run from the OS through std's `RandomState`. The keys never
//! leave memory and the fingerprints are never output, so nothing can be reversed by
//! enumerating the small NIK space, and no raw value is stored. (A cryptographic PRF
//! is not needed for counting; SipHash cost a third of the run time.)
//!
//! Fingerprints go into an open-addressing set whose size is capped
//! (`max_slots`, 8 bytes each). While it has room the duplicate count is exact
//! (up to fingerprint collisions: about n²/2⁶⁵, i.e. 3·10⁻⁸ for a million values).
//! When it would exceed the cap it is dropped and the count continues from a
//! HyperLogLog sketch (4,096 registers, ≈1.6 % standard error on the number of
//! distinct values), which is always maintained; the report says which was used.

use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;

use crate::digits::word_at;

// Holds input bytes, identifiers or keys: never print them.
opaque_debug!(Keys => "Keys", Distinct => "Distinct");

/// Two secret 64-bit keys drawn from the OS for this run.
#[derive(Clone, Copy)]
struct Keys(u64, u64);

impl Keys {
    fn random() -> Keys {
        let s = RandomState::new();
        Keys(s.hash_one(0x5eed_u64) | 1, s.hash_one(0xfee1_u64))
    }

    #[inline]
    fn mix(a: u64, b: u64) -> u64 {
        let p = u128::from(a) * u128::from(b);
        (p as u64) ^ ((p >> 64) as u64)
    }

    /// Keyed 64-bit fingerprint of `v`.
    ///
    /// Blocks of 32 and 16 bytes, the last 16 bytes overlapping the block before them
    /// (wyhash's reads): no byte copying for the tail. For a given length the words read cover every byte,
    /// and the length is mixed in first, so distinct values give distinct inputs.
    #[inline]
    fn hash(self, v: &[u8]) -> u64 {
        const SEED: u64 = 0x9E37_79B9_7F4A_7C15;
        const SEED2: u64 = 0xC2B2_AE3D_27D4_EB4F;
        let n = v.len();
        let mut h = self.1 ^ (n as u64).wrapping_mul(SEED);
        let (a, b) = if n > 16 {
            // The whole blocks before the last byte, then the last 16 bytes. 32-byte
            // blocks feed two lanes keyed differently, whose multiplications overlap.
            let mut blocks = v.get(..n - 1).unwrap_or(&[]).chunks_exact(32);
            let mut g = self.0 ^ (n as u64).wrapping_mul(SEED2);
            for b in blocks.by_ref() {
                h = Keys::mix(word_at(b, 0) ^ self.0 ^ h, word_at(b, 8) ^ self.1);
                g = Keys::mix(word_at(b, 16) ^ self.1 ^ g, word_at(b, 24) ^ self.0 ^ SEED);
            }
            h ^= g;
            for b in blocks.remainder().chunks_exact(16) {
                h = Keys::mix(word_at(b, 0) ^ self.0 ^ h, word_at(b, 8) ^ self.1);
            }
            (word_at(v, n - 16), word_at(v, n - 8))
        } else if n >= 8 {
            (word_at(v, 0), word_at(v, n - 8))
        } else if n >= 4 {
            (half(v, 0), half(v, n - 4))
        } else if n > 0 {
            let byte = |i: usize| u64::from(v.get(i).copied().unwrap_or(0));
            (byte(0) | byte(n / 2) << 8 | byte(n - 1) << 16, 0)
        } else {
            (0, 0)
        };
        h = Keys::mix(a ^ self.0 ^ h, b ^ self.1);
        Keys::mix(h ^ self.0, SEED ^ self.1)
    }
}

/// The four bytes at `v[at..]` as a little-endian word (0 if out of range).
#[inline(always)]
fn half(v: &[u8], at: usize) -> u64 {
    v.get(at..at + 4)
        .and_then(|w| w.try_into().ok())
        .map_or(0, |w| u64::from(u32::from_le_bytes(w)))
}

/// HyperLogLog register count (a power of two).
const REGISTERS: usize = 1 << 12;
const REGISTER_BITS: u32 = 12;

/// Slots of a new set (or fewer, up to the cap): 1 MiB, exact for ~98,000 values
/// before the first doubling. Growing costs more than the lookups it serves (every
/// fingerprint is moved to fresh memory), and the untouched part of a large zeroed
/// allocation costs nothing: a small input touches few of its pages.
const FIRST_SLOTS: usize = 1 << 17;

/// Fingerprints [`Distinct::add`] holds back for one [`Distinct::flush`].
const BATCH: usize = 32;

/// A bounded distinct-value counter over keyed fingerprints.
#[derive(Clone)]
pub struct Distinct {
    key: Keys,
    pending: [u64; BATCH],
    pending_len: usize,
    set: Vec<u64>,
    len: usize,
    max_slots: usize,
    exact: bool,
    total: u64,
    duplicates: u64,
    registers: Box<[u8; REGISTERS]>,
}

impl Distinct {
    /// A counter whose exact set may grow to `max_slots` slots (rounded to a power of two, ≥ 1024).
    pub fn new(max_slots: usize) -> Distinct {
        let max_slots = max_slots.max(1024).next_power_of_two();
        Distinct {
            key: Keys::random(),
            pending: [0; BATCH],
            pending_len: 0,
            set: vec![0; max_slots.min(FIRST_SLOTS)],
            len: 0,
            max_slots,
            exact: true,
            total: 0,
            duplicates: 0,
            registers: Box::new([0; REGISTERS]),
        }
    }

    /// Adds a value; returns true when it (probably) was seen before.
    ///
    /// After the exact set overflowed, always returns false (only the total estimate is kept).
    pub fn insert(&mut self, value: &[u8]) -> bool {
        self.flush();
        let h = self.key.hash(value);
        self.insert_hash(h)
    }

    /// Adds a value like [`Distinct::insert`], without saying whether it was seen
    /// before: its fingerprint waits in a small batch whose set lookups then run back
    /// to back, so that their cache misses overlap (a lookup per record, between
    /// records of other work, waits for memory each time). The counts include it
    /// at once, but a count read while values are pending works on a flushed copy
    /// of the whole set: call [`Distinct::flush`] before reading counts in a loop.
    pub fn add(&mut self, value: &[u8]) {
        let h = self.key.hash(value);
        if let Some(slot) = self.pending.get_mut(self.pending_len) {
            *slot = h;
            self.pending_len += 1;
        }
        if self.pending_len >= BATCH {
            self.flush();
        }
    }

    /// Does the set lookups of the values [`Distinct::add`] holds back.
    pub fn flush(&mut self) {
        let n = std::mem::take(&mut self.pending_len);
        let batch = self.pending.get(..n).unwrap_or(&[]);
        // First touch every first slot with no branch on what is read, so that the
        // cache misses overlap; the inserts then find their slots in cache.
        if self.exact {
            let sink = batch.iter().fold(0u64, |acc, &h| {
                acc ^ self.set.get(self.home(h | 1)).copied().unwrap_or(0)
            });
            std::hint::black_box(sink);
        }
        for i in 0..n {
            if let Some(&h) = self.pending.get(i) {
                self.insert_hash(h);
            }
        }
    }

    /// The first slot of fingerprint `fp` (its top bits): see [`Distinct::probe_insert`].
    #[inline]
    fn home(&self, fp: u64) -> usize {
        let shift = 64 - self.set.len().trailing_zeros();
        fp.checked_shr(shift).unwrap_or(0) as usize & self.set.len().wrapping_sub(1)
    }

    /// This counter with nothing held back (a flushed copy only if something is).
    fn flushed(&self) -> std::borrow::Cow<'_, Distinct> {
        if self.pending_len == 0 {
            return std::borrow::Cow::Borrowed(self);
        }
        let mut d = self.clone();
        d.flush();
        std::borrow::Cow::Owned(d)
    }

    /// Inserts the fingerprint `h` of a value; true when it was seen before.
    fn insert_hash(&mut self, h: u64) -> bool {
        self.total += 1;
        let idx = (h >> (64 - REGISTER_BITS)) as usize;
        let rank = ((h << REGISTER_BITS) | (1 << (REGISTER_BITS - 1))).leading_zeros() as u8 + 1;
        if let Some(r) = self.registers.get_mut(idx) {
            *r = (*r).max(rank);
        }
        if !self.exact {
            return false;
        }
        let fp = h | 1; // 0 marks an empty slot
        if self.probe_insert(fp) {
            self.duplicates += 1;
            return true;
        }
        self.len += 1;
        if self.len * 4 > self.set.len() * 3 {
            if self.set.len() * 2 > self.max_slots {
                self.exact = false;
                self.set = Vec::new();
            } else {
                self.grow();
            }
        }
        false
    }

    /// Inserts `fp`; returns true when it was already there.
    ///
    /// A fingerprint's first slot is given by its top bits, so the set is roughly in
    /// fingerprint order and [`Distinct::grow`] writes the doubled set front to back
    /// (slot `i` moves to about `2i`) instead of all over memory.
    fn probe_insert(&mut self, fp: u64) -> bool {
        let mask = self.set.len().wrapping_sub(1);
        let mut i = self.home(fp);
        loop {
            match self.set.get(i).copied() {
                Some(0) => {
                    if let Some(s) = self.set.get_mut(i) {
                        *s = fp;
                    }
                    return false;
                }
                Some(v) if v == fp => return true,
                Some(_) => i = (i + 1) & mask,
                None => return false,
            }
        }
    }

    fn grow(&mut self) {
        let doubled = vec![0; self.set.len() * 2];
        let old = std::mem::replace(&mut self.set, doubled);
        for fp in old.into_iter().filter(|&v| v != 0) {
            self.probe_insert(fp);
        }
    }

    /// Values added.
    pub fn total(&self) -> u64 {
        self.flushed().total
    }

    /// True while the counts are exact (the set never overflowed).
    pub fn is_exact(&self) -> bool {
        self.flushed().exact
    }

    /// Distinct values: exact, or the HyperLogLog estimate after overflow.
    pub fn distinct(&self) -> u64 {
        let d = self.flushed();
        d.distinct_flushed()
    }

    fn distinct_flushed(&self) -> u64 {
        if self.exact {
            self.total - self.duplicates
        } else {
            self.estimate_flushed().min(self.total)
        }
    }

    /// Values that repeated an earlier one (`total − distinct`).
    pub fn duplicates(&self) -> u64 {
        let d = self.flushed();
        d.total - d.distinct_flushed()
    }

    /// HyperLogLog estimate of the distinct count, with linear counting for small ranges.
    pub fn estimate(&self) -> u64 {
        self.flushed().estimate_flushed()
    }

    fn estimate_flushed(&self) -> u64 {
        let m = REGISTERS as f64;
        let alpha = 0.7213 / (1.0 + 1.079 / m);
        let mut sum = 0.0;
        let mut zeros = 0u32;
        for &r in self.registers.iter() {
            sum += 1.0 / f64::from(1u32 << r.min(31));
            zeros += u32::from(r == 0);
        }
        let raw = alpha * m * m / sum;
        let e = if raw <= 2.5 * m && zeros > 0 {
            m * (m / f64::from(zeros)).ln()
        } else {
            raw
        };
        e.round() as u64
    }

    /// Bytes held (the fingerprint set, the registers and the batch).
    pub fn memory(&self) -> usize {
        self.set.len() * 8 + REGISTERS + BATCH * 8
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_spread() {
        let k = Keys(0x1234_5678_9abc_def1, 42);
        let mut seen = std::collections::HashSet::new();
        for i in 0..100_000u64 {
            assert!(seen.insert(k.hash(format!("{i:016}").as_bytes())));
        }
        assert_ne!(k.hash(b""), k.hash(b"\0"));
        assert_ne!(k.hash(b"a"), k.hash(b"a\0"));
    }

    /// The overlapping reads cover every byte: changing any one byte of a value of
    /// any length up to 200 changes its fingerprint.
    #[test]
    fn every_byte_counts() {
        let k = Keys(0x1234_5678_9abc_def1, 42);
        for n in 1..=200usize {
            let v: Vec<u8> = (0..n).map(|i| (i as u8).wrapping_mul(31)).collect();
            let base = k.hash(&v);
            for i in 0..n {
                for flip in [1u8, 0x80] {
                    let mut w = v.clone();
                    w[i] ^= flip;
                    assert_ne!(k.hash(&w), base, "length {n}, byte {i}");
                }
            }
        }
    }

    /// Batched adds give the same counts as inserts, flushed or not, before and
    /// after the exact set overflows.
    #[test]
    fn batched_adds_agree_with_inserts() {
        let mut a = Distinct::new(1024);
        let mut b = a.clone(); // the same keys
        let mut x = 1u64;
        for i in 0..20_000u32 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            // Some repeats, of recent and old values.
            let v = (x >> 33) % u64::from(i / 2 + 10);
            a.insert(&v.to_le_bytes());
            b.add(&v.to_le_bytes());
            if i % 997 == 0 || i == 19_999 {
                let counts = |d: &Distinct| {
                    (
                        d.total(),
                        d.distinct(),
                        d.duplicates(),
                        d.is_exact(),
                        d.estimate(),
                    )
                };
                assert_eq!(counts(&a), counts(&b), "{i}");
            }
            if i % 3001 == 0 {
                b.flush();
            }
        }
        assert!(!a.is_exact() && a.duplicates() > 1000);
    }

    /// Past the first set size the set doubles and stays exact.
    #[test]
    fn grows_exactly() {
        let mut d = Distinct::new(1 << 19);
        for i in 0..150_000u32 {
            d.add(&(i % 100_000).to_le_bytes());
        }
        d.flush();
        assert!(d.set.len() > FIRST_SLOTS && d.is_exact());
        assert_eq!(
            (d.total(), d.distinct(), d.duplicates()),
            (150_000, 100_000, 50_000)
        );
    }

    #[test]
    fn exact_then_estimated() {
        let mut d = Distinct::new(1024);
        for i in 0..600u32 {
            d.insert(&i.to_le_bytes());
        }
        for i in 0..100u32 {
            assert!(d.insert(&i.to_le_bytes()));
        }
        assert!(d.is_exact());
        assert_eq!((d.total(), d.distinct(), d.duplicates()), (700, 600, 100));
        for i in 0..50_000u32 {
            d.insert(&i.to_le_bytes());
        }
        assert!(!d.is_exact());
        assert!(d.memory() <= 1024 * 8 + REGISTERS + BATCH * 8);
        let est = d.distinct() as f64;
        assert!((est - 50_000.0).abs() < 50_000.0 * 0.06, "{est}");
    }
}
