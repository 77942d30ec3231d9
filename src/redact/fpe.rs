//! FF1 format-preserving encryption (NIST SP 800-38G), for numeral strings.
//!
//! Written from the specification (Algorithms 7 and 8) for radixes 2-36 and
//! strings short enough that each half fits in a `u128` (radix^v < 2^100), which
//! covers every identifier this crate handles. The PRF is AES-CBC-MAC with a zero
//! IV; AES-128, -192 and -256 keys are accepted. Tested against the NIST sample
//! vectors.

use aes::Block;
use aes::hazmat::{cipher_round, inv_mix_columns};
use zeroize::{Zeroize, Zeroizing};

/// Why an FF1 operation was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Ff1Error {
    /// The key is not 16, 24 or 32 bytes long.
    #[error("FF1 key must be 16, 24 or 32 bytes, found {len}")]
    KeyLength {
        /// Length given.
        len: usize,
    },
    /// Radix outside 2-36.
    #[error("unsupported radix")]
    Radix,
    /// The string is too short (radix^n < 1,000,000) or too long for this implementation.
    #[error("numeral string of length {len} is out of range")]
    Length {
        /// Length given.
        len: usize,
    },
    /// A numeral is not below the radix.
    #[error("numeral at position {position} is not below the radix")]
    Numeral {
        /// Index of the numeral.
        position: usize,
    },
    /// The tweak is longer than this implementation accepts (64 bytes).
    #[error("tweak too long")]
    Tweak,
}

/// Longest numeral string accepted.
pub const MAX_LEN: usize = 48;
/// Longest tweak accepted, in bytes.
pub const MAX_TWEAK: usize = 64;

/// Round keys of AES-256, the largest schedule: 15 round keys of 16 bytes.
const SCHEDULE_BYTES: usize = 15 * 16;

/// An AES encryption key schedule (FIPS 197), the only copy of the key material an
/// [`Ff1`] holds.
///
/// It lives in one heap allocation made before the key is expanded into it, so moving
/// an `Ff1` (or the `Keys` holding it) copies a pointer, not key material, and it is
/// zeroised (volatile writes) when dropped. The `aes` crate's cipher types are not used
/// for this: they keep the schedule in a union sized for both the AES-NI and the
/// software backend and wipe only the active one, leaving the other half with whatever
/// bytes the value was built from. Rounds run through `aes::hazmat` (AES-NI when the
/// CPU has it, the constant-time fixsliced software rounds otherwise), and the key
/// expansion's S-box goes through the same rounds, so nothing indexes a table with
/// key bytes.
#[derive(Clone)]
struct Schedule {
    keys: Box<Zeroizing<[u8; SCHEDULE_BYTES]>>,
    rounds: usize,
}

impl Schedule {
    /// Expands a 16-, 24- or 32-byte key; `None` for other lengths.
    fn new(key: &[u8]) -> Option<Schedule> {
        let nk = match key.len() {
            16 | 24 | 32 => key.len() / 4,
            _ => return None,
        };
        let rounds = nk + 6;
        let mut keys = Box::new(Zeroizing::new([0u8; SCHEDULE_BYTES]));
        let w: &mut [u8; SCHEDULE_BYTES] = &mut keys;
        w[..key.len()].copy_from_slice(key);
        let mut rcon = 1u8;
        let mut temp = [0u8; 4];
        for i in nk..4 * (rounds + 1) {
            temp.copy_from_slice(&w[4 * (i - 1)..4 * i]);
            if i % nk == 0 {
                temp.rotate_left(1);
                sub_word(&mut temp);
                temp[0] ^= rcon;
                rcon = (rcon << 1) ^ if rcon & 0x80 != 0 { 0x1b } else { 0 };
            } else if nk > 6 && i % nk == 4 {
                sub_word(&mut temp);
            }
            for k in 0..4 {
                w[4 * i + k] = w[4 * (i - nk) + k] ^ temp[k];
            }
        }
        temp.zeroize();
        Some(Schedule { keys, rounds })
    }

    /// Round key `r`.
    #[inline]
    fn round_key(&self, r: usize) -> &Block {
        Block::from_slice(&self.keys[16 * r..16 * r + 16])
    }

    /// Encrypts one block in place.
    fn encrypt(&self, block: &mut [u8; 16]) {
        let b = Block::from_mut_slice(block);
        xor_into(b, self.round_key(0));
        for r in 1..self.rounds {
            cipher_round(b, self.round_key(r));
        }
        // The last round has no MixColumns: undo the one `cipher_round` applies.
        cipher_round(b, &Block::default());
        inv_mix_columns(b);
        xor_into(b, self.round_key(self.rounds));
    }
}

#[inline]
fn xor_into(b: &mut Block, k: &Block) {
    for (x, y) in b.iter_mut().zip(k.iter()) {
        *x ^= y;
    }
}

/// SubWord of the key expansion, through an AES round: with the word in every column,
/// ShiftRows moves nothing, so SubBytes is what remains once MixColumns is undone.
fn sub_word(word: &mut [u8; 4]) {
    let mut b = Block::default();
    for col in b.chunks_exact_mut(4) {
        col.copy_from_slice(word);
    }
    cipher_round(&mut b, &Block::default());
    inv_mix_columns(&mut b);
    word.copy_from_slice(&b[..4]);
    b.as_mut_slice().zeroize();
}

/// An FF1 instance with its AES key schedule (on the heap, zeroised on drop).
#[derive(Clone)]
pub struct Ff1 {
    cipher: Schedule,
    radix: u32,
}

impl core::fmt::Debug for Ff1 {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "Ff1(radix {}, <key>)", self.radix)
    }
}

/// Big-endian NUM_radix of numerals (each < radix).
fn num(x: &[u8], radix: u32) -> u128 {
    x.iter()
        .fold(0u128, |acc, &d| acc * u128::from(radix) + u128::from(d))
}

/// Writes `value` as `out.len()` numerals, most significant first.
fn str_radix(mut value: u128, radix: u32, out: &mut [u8]) {
    for o in out.iter_mut().rev() {
        *o = (value % u128::from(radix)) as u8;
        value /= u128::from(radix);
    }
}

impl Ff1 {
    /// An FF1 cipher over `radix` with an AES key of 16, 24 or 32 bytes.
    pub fn new(key: &[u8], radix: u32) -> Result<Ff1, Ff1Error> {
        if !(2..=36).contains(&radix) {
            return Err(Ff1Error::Radix);
        }
        let cipher = Schedule::new(key).ok_or(Ff1Error::KeyLength { len: key.len() })?;
        Ok(Ff1 { cipher, radix })
    }

    /// The radix.
    pub fn radix(&self) -> u32 {
        self.radix
    }

    fn check(&self, x: &[u8], tweak: &[u8]) -> Result<(), Ff1Error> {
        let n = x.len();
        // radix^n >= 1_000_000 (SP 800-38G Rev. 1) and each half below 2^100.
        let r = u128::from(self.radix);
        let min_ok = r.checked_pow(n as u32).is_none_or(|p| p >= 1_000_000);
        let v = n - n / 2;
        let max_ok = n <= MAX_LEN && r.checked_pow(v as u32).is_some_and(|p| p < (1u128 << 100));
        if !min_ok || !max_ok {
            return Err(Ff1Error::Length { len: n });
        }
        if tweak.len() > MAX_TWEAK {
            return Err(Ff1Error::Tweak);
        }
        if let Some(position) = x.iter().position(|&d| u32::from(d) >= self.radix) {
            return Err(Ff1Error::Numeral { position });
        }
        Ok(())
    }

    /// Encrypts the numerals of `x` in place (each numeral a value below the radix).
    pub fn encrypt(&self, tweak: &[u8], x: &mut [u8]) -> Result<(), Ff1Error> {
        self.check(x, tweak)?;
        self.rounds(tweak, x, true);
        Ok(())
    }

    /// Decrypts the numerals of `x` in place.
    pub fn decrypt(&self, tweak: &[u8], x: &mut [u8]) -> Result<(), Ff1Error> {
        self.check(x, tweak)?;
        self.rounds(tweak, x, false);
        Ok(())
    }

    /// The ten Feistel rounds (Algorithm 7 when `enc`, else Algorithm 8). Inputs checked.
    fn rounds(&self, tweak: &[u8], x: &mut [u8], enc: bool) {
        let n = x.len();
        let u = n / 2;
        let v = n - u;
        let radix = self.radix;
        let r = u128::from(radix);
        let pow_v = r.pow(v as u32);
        let pow_u = r.pow(u as u32);
        // b = ceil(ceil(v * log2(radix)) / 8): the byte length of radix^v - 1.
        let bits = 128 - (pow_v - 1).leading_zeros() as usize;
        let b = bits.div_ceil(8).max(1);
        let d = 4 * b.div_ceil(4) + 4;
        let t = tweak.len();

        // P = [1,2,1] [radix]^3 [10] [u mod 256] [n]^4 [t]^4.
        let mut p = [0u8; 16];
        p[0] = 1;
        p[1] = 2;
        p[2] = 1;
        p[3..6].copy_from_slice(&radix.to_be_bytes()[1..]);
        p[6] = 10;
        p[7] = (u % 256) as u8;
        p[8..12].copy_from_slice(&(n as u32).to_be_bytes());
        p[12..16].copy_from_slice(&(t as u32).to_be_bytes());
        // CBC-MAC state after P, shared by every round.
        let mut p_mac = p;
        self.cipher.encrypt(&mut p_mac);

        let pad = (16 - (t + b + 1) % 16) % 16;
        let q_len = t + pad + 1 + b;
        let mut q = [0u8; MAX_TWEAK + 32];
        q[..t].copy_from_slice(tweak);

        let mut a = [0u8; MAX_LEN];
        let mut bb = [0u8; MAX_LEN];
        a[..u].copy_from_slice(&x[..u]);
        bb[..v].copy_from_slice(&x[u..]);
        // Current halves as lengths: in encryption (A, B) = (u, v) at even rounds.
        let (mut la, mut lb) = (u, v);
        if !enc {
            // Decryption starts from the output of round 9: A has u or v numerals as encryption left it.
            la = u;
            lb = v;
        }

        for step in 0..10u8 {
            let i = if enc { step } else { 9 - step };
            // The half fed to the PRF: B when encrypting, A when decrypting.
            let fed = if enc {
                num(&bb[..lb], radix)
            } else {
                num(&a[..la], radix)
            };
            q[t..t + pad].fill(0);
            q[t + pad] = i;
            let fb = fed.to_be_bytes();
            q[t + pad + 1..q_len].copy_from_slice(&fb[16 - b..]);
            // R = CBC-MAC(P || Q).
            let mut y = p_mac;
            for chunk in q[..q_len].chunks(16) {
                for (yy, c) in y.iter_mut().zip(chunk) {
                    *yy ^= c;
                }
                self.cipher.encrypt(&mut y);
            }
            // S = first d bytes of R || CIPH(R xor [1]) || ...; d <= 16 here (b <= 12).
            let mut s = [0u8; 32];
            s[..16].copy_from_slice(&y);
            if d > 16 {
                let mut r1 = y;
                r1[15] ^= 1;
                self.cipher.encrypt(&mut r1);
                s[16..32].copy_from_slice(&r1);
            }
            // y = NUM(S) reduced modulo radix^m, computed bytewise to stay within u128.
            let m = if i % 2 == 0 { u } else { v };
            let modulus = if m == u { pow_u } else { pow_v };
            let ynum = s[..d]
                .iter()
                .fold(0u128, |acc, &byte| (acc * 256 + u128::from(byte)) % modulus);
            if enc {
                let c = (num(&a[..la], radix) + ynum) % modulus;
                // A = B; B = C.
                let mut cbuf = [0u8; MAX_LEN];
                str_radix(c, radix, &mut cbuf[..m]);
                a[..lb].copy_from_slice(&bb[..lb]);
                la = lb;
                bb[..m].copy_from_slice(&cbuf[..m]);
                lb = m;
            } else {
                let c = (num(&bb[..lb], radix) + modulus - ynum) % modulus;
                // B = A; A = C.
                let mut cbuf = [0u8; MAX_LEN];
                str_radix(c, radix, &mut cbuf[..m]);
                bb[..la].copy_from_slice(&a[..la]);
                lb = la;
                a[..m].copy_from_slice(&cbuf[..m]);
                la = m;
            }
        }
        x[..la].copy_from_slice(&a[..la]);
        x[la..la + lb].copy_from_slice(&bb[..lb]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(s: &str) -> Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    }

    fn numerals(s: &str) -> Vec<u8> {
        s.chars().map(|c| c.to_digit(36).unwrap() as u8).collect()
    }

    fn text(x: &[u8]) -> String {
        x.iter()
            .map(|&d| char::from_digit(u32::from(d), 36).unwrap())
            .collect()
    }

    const K128: &str = "2B7E151628AED2A6ABF7158809CF4F3C";
    const K192: &str = "2B7E151628AED2A6ABF7158809CF4F3CEF4359D8D580AA4F";
    const K256: &str = "2B7E151628AED2A6ABF7158809CF4F3CEF4359D8D580AA4F7F036D6F04FC6A94";

    /// NIST SP 800-38G FF1 samples 1-9 (AES-128, -192, -256).
    #[test]
    fn nist_samples() {
        let cases = [
            (K128, 10, "", "0123456789", "2433477484"),
            (K128, 10, "39383736353433323130", "0123456789", "6124200773"),
            (
                K128,
                36,
                "3737373770717273373737",
                "0123456789abcdefghi",
                "a9tv40mll9kdu509eum",
            ),
            (K192, 10, "", "0123456789", "2830668132"),
            (K192, 10, "39383736353433323130", "0123456789", "2496655549"),
            (
                K192,
                36,
                "3737373770717273373737",
                "0123456789abcdefghi",
                "xbj3kv35jrawxv32ysr",
            ),
            (K256, 10, "", "0123456789", "6657667009"),
            (K256, 10, "39383736353433323130", "0123456789", "1001623463"),
            (
                K256,
                36,
                "3737373770717273373737",
                "0123456789abcdefghi",
                "xs8a0azh2avyalyzuwd",
            ),
        ];
        for (i, (key, radix, tweak, pt, ct)) in cases.into_iter().enumerate() {
            let f = Ff1::new(&hex(key), radix).unwrap();
            let mut x = numerals(pt);
            f.encrypt(&hex(tweak), &mut x).unwrap();
            assert_eq!(text(&x), ct, "sample {}", i + 1);
            f.decrypt(&hex(tweak), &mut x).unwrap();
            assert_eq!(text(&x), pt, "sample {} decrypt", i + 1);
        }
    }

    #[test]
    fn refuses_bad_input() {
        assert_eq!(
            Ff1::new(&[0; 15], 10).unwrap_err(),
            Ff1Error::KeyLength { len: 15 }
        );
        assert_eq!(Ff1::new(&[0; 16], 37).unwrap_err(), Ff1Error::Radix);
        let f = Ff1::new(&[0; 16], 10).unwrap();
        assert_eq!(
            f.encrypt(b"", &mut [1, 2, 3, 4, 5]),
            Err(Ff1Error::Length { len: 5 })
        );
        assert_eq!(
            f.encrypt(b"", &mut [1, 2, 3, 4, 5, 10]),
            Err(Ff1Error::Numeral { position: 5 })
        );
        assert_eq!(f.encrypt(&[0; 65], &mut [0; 6]), Err(Ff1Error::Tweak));
        assert!(f.encrypt(b"", &mut [0; 60]).is_err());
    }

    #[test]
    fn odd_lengths_round_trip() {
        let f = Ff1::new(&[7; 32], 10).unwrap();
        for n in 6..=30 {
            let orig: Vec<u8> = (0..n).map(|i| (i * 7 % 10) as u8).collect();
            let mut x = orig.clone();
            f.encrypt(b"tw", &mut x).unwrap();
            assert_ne!(x, orig);
            f.decrypt(b"tw", &mut x).unwrap();
            assert_eq!(x, orig, "n={n}");
        }
    }
}
