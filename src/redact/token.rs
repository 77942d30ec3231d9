//! Secret keys and keyed tokens.
//!
//! A NIK space is small and structured (about 7,285 districts × 73,000 dates ×
//! small serials), so a bare hash of a NIK is reversed by enumeration. Tokens are
//! therefore HMAC-SHA256 under a secret key, computed over the *normalised* value
//! so one person gets one token whatever way the number was written.
//!
//! One 32-byte master key feeds everything: the token key and the FF1 key are
//! derived from it with HMAC-SHA256 under fixed labels, so a key file is a single
//! secret. Key bytes are zeroised on drop.

use hmac::{Hmac, Mac};
use sha2::Sha256;
use zeroize::{Zeroize, Zeroizing};

use super::fpe::Ff1;
use crate::kind::Kind;

type HmacSha256 = Hmac<Sha256>;

/// Why key material was refused. Never carries key bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum KeyError {
    /// Not 32 bytes (raw) or 64 hexadecimal digits.
    #[error("key must be 32 bytes or 64 hex digits, found {found} {unit}")]
    WrongLength {
        /// How many bytes or hex digits were found.
        found: usize,
        /// `"bytes"` or `"hex digits"`.
        unit: &'static str,
    },
    /// A character that is not a hexadecimal digit, at this byte offset.
    #[error("invalid hex digit at byte {position}")]
    InvalidHex {
        /// Byte offset.
        position: usize,
    },
    /// All bytes are equal (e.g. all zero): certainly not a secret.
    #[error("key is a constant byte string, not a secret")]
    Weak,
}

/// A 32-byte master key, zeroised on drop; `Debug` never shows it.
#[derive(Clone)]
pub struct Key {
    bytes: Zeroizing<[u8; 32]>,
}

impl core::fmt::Debug for Key {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("Key(<secret>)")
    }
}

impl Key {
    /// Key length in bytes.
    pub const LEN: usize = 32;

    /// A key from exactly 32 raw bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Key, KeyError> {
        if bytes.len() != Key::LEN {
            return Err(KeyError::WrongLength {
                found: bytes.len(),
                unit: "bytes",
            });
        }
        let mut k = Zeroizing::new([0u8; 32]);
        k.copy_from_slice(bytes);
        if k.iter().all(|&b| b == k[0]) {
            return Err(KeyError::Weak);
        }
        Ok(Key { bytes: k })
    }

    /// A key from 64 hexadecimal digits (surrounding whitespace ignored).
    pub fn from_hex(text: &[u8]) -> Result<Key, KeyError> {
        let start = text
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(text.len());
        let end = text
            .iter()
            .rposition(|b| !b.is_ascii_whitespace())
            .map_or(start, |e| e + 1);
        let hex = &text[start..end.max(start)];
        if let Some(p) = hex.iter().position(|b| !b.is_ascii_hexdigit()) {
            return Err(KeyError::InvalidHex {
                position: start + p,
            });
        }
        if hex.len() != 2 * Key::LEN {
            return Err(KeyError::WrongLength {
                found: hex.len(),
                unit: "hex digits",
            });
        }
        let mut raw = Zeroizing::new([0u8; 32]);
        for (o, pair) in raw.iter_mut().zip(hex.chunks_exact(2)) {
            *o = (hex_val(pair[0]) << 4) | hex_val(pair[1]);
        }
        Key::from_bytes(&raw[..])
    }

    /// A key from the contents of a key file: 32 raw bytes, or 64 hex digits
    /// optionally followed by a newline.
    pub fn from_file_contents(contents: &[u8]) -> Result<Key, KeyError> {
        if contents.len() == Key::LEN && !contents.iter().all(u8::is_ascii_hexdigit) {
            return Key::from_bytes(contents);
        }
        Key::from_hex(contents)
    }

    /// HMAC-SHA256 of `label` under this key: an independent sub-key.
    fn derive(&self, label: &[u8]) -> Zeroizing<[u8; 32]> {
        let mut out = Zeroizing::new([0u8; 32]);
        if let Ok(mut mac) = HmacSha256::new_from_slice(&self.bytes[..]) {
            mac.update(label);
            let mut tag = mac.finalize().into_bytes();
            out.copy_from_slice(&tag);
            tag.zeroize();
        }
        out
    }
}

fn hex_val(b: u8) -> u8 {
    match b {
        b'0'..=b'9' => b - b'0',
        b'a'..=b'f' => b - b'a' + 10,
        _ => b.wrapping_sub(b'A').wrapping_add(10) & 0x0f,
    }
}

/// The working keys derived from a [`Key`]: the token MAC key and the FF1 cipher.
#[derive(Clone)]
pub struct Keys {
    token: Zeroizing<[u8; 32]>,
    pub(crate) ff1: Ff1,
}

impl core::fmt::Debug for Keys {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("Keys(<secret>)")
    }
}

impl Keys {
    /// Derives the token and pseudonym keys from a master key.
    pub fn new(key: &Key) -> Keys {
        let token = key.derive(b"identitas/v1/token");
        let fpe = key.derive(b"identitas/v1/ff1-aes256");
        // A 32-byte key is always accepted by `Ff1::new`.
        let ff1 = match Ff1::new(&fpe[..], 10) {
            Ok(f) => f,
            Err(_) => unreachable_ff1(),
        };
        Keys { token, ff1 }
    }

    /// The 32-byte keyed token of an already normalised value in a domain.
    pub fn mac(&self, domain: &[u8], normalised: &[u8]) -> [u8; 32] {
        let mut out = [0u8; 32];
        if let Ok(mut mac) = HmacSha256::new_from_slice(&self.token[..]) {
            mac.update(&(domain.len() as u32).to_be_bytes());
            mac.update(domain);
            mac.update(normalised);
            out.copy_from_slice(&mac.finalize().into_bytes());
        }
        out
    }
}

#[cold]
fn unreachable_ff1() -> ! {
    // `Ff1::new` only fails for other key lengths or radixes.
    panic!("FF1 rejected a 32-byte key")
}

/// Hex digits shown in a token: 64 bits, so collisions stay negligible for
/// datasets of hundreds of millions of distinct values.
pub const TOKEN_HEX: usize = 16;

/// Appends `[LABEL:hhhhhhhhhhhhhhhh]` for the normalised value.
pub(crate) fn write_token(keys: &Keys, kind: Kind, normalised: &[u8], out: &mut Vec<u8>) {
    let domain = super::normalise::token_domain(kind, normalised);
    let mac = keys.mac(domain.as_str().as_bytes(), normalised);
    out.push(b'[');
    super::placeholder::push_label(kind, out);
    out.push(b':');
    for b in &mac[..TOKEN_HEX / 2] {
        out.push(HEX[usize::from(b >> 4)]);
        out.push(HEX[usize::from(b & 15)]);
    }
    out.push(b']');
}

const HEX: &[u8; 16] = b"0123456789abcdef";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_parsing() {
        let hex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n";
        assert!(Key::from_hex(hex.as_bytes()).is_ok());
        assert!(Key::from_file_contents(hex.as_bytes()).is_ok());
        assert_eq!(
            Key::from_hex(b"0011").unwrap_err(),
            KeyError::WrongLength {
                found: 4,
                unit: "hex digits"
            }
        );
        assert_eq!(
            Key::from_hex(b" 00zz").unwrap_err(),
            KeyError::InvalidHex { position: 3 }
        );
        assert_eq!(Key::from_bytes(&[0; 32]).unwrap_err(), KeyError::Weak);
        assert_eq!(
            Key::from_bytes(&[1; 16]).unwrap_err(),
            KeyError::WrongLength {
                found: 16,
                unit: "bytes"
            }
        );
        let raw: Vec<u8> = (0..32u8).map(|i| i.wrapping_mul(37) ^ 0xA5).collect();
        assert!(Key::from_file_contents(&raw).is_ok());
        assert_eq!(
            format!("{:?}", Key::from_bytes(&raw).unwrap()),
            "Key(<secret>)"
        );
    }

    #[test]
    fn mac_is_keyed_and_domain_separated() {
        let k1 = Keys::new(
            &Key::from_bytes(&[3; 31].iter().chain(&[4]).copied().collect::<Vec<_>>()).unwrap(),
        );
        let k2 = Keys::new(
            &Key::from_bytes(&[5; 31].iter().chain(&[4]).copied().collect::<Vec<_>>()).unwrap(),
        );
        assert_ne!(k1.mac(b"nik", b"1"), k2.mac(b"nik", b"1"));
        assert_ne!(k1.mac(b"nik", b"1"), k1.mac(b"kk", b"1"));
        assert_ne!(k1.mac(b"ni", b"k1"), k1.mac(b"nik", b"1"));
        assert_eq!(k1.mac(b"nik", b"1"), k1.mac(b"nik", b"1"));
    }
}
