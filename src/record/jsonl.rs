//! JSON lines as byte spans: every string and number value with the key it
//! belongs to, found without re-serialising, so output stays byte-identical
//! outside redacted values.

/// A string or number value of a JSON line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Value {
    /// Start of the value (inside the quotes for strings).
    pub start: usize,
    /// End of the value.
    pub end: usize,
    /// A bare number (redacting it into non-digits needs quotes).
    pub number: bool,
    /// Raw span of the nearest enclosing member key, if any.
    pub key: Option<(usize, usize)>,
}

/// Bytes that end the fast path inside a string: quote, backslash, control characters.
static STRING_SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = true;
        i += 1;
    }
    t[b'"' as usize] = true;
    t[b'\\' as usize] = true;
    t
};

/// High bits at bytes of `w` that may be a quote, a backslash or a control
/// character. Borrow-based byte tests: the lowest flagged byte is always one of
/// them (higher ones may not be; the byte loop decides).
///
/// Flipping bit 1 maps the quote (0x22) to 0x20 and control characters onto
/// themselves below it, every other byte to 0x21 or above: one "less than 0x21"
/// test finds both.
#[inline(always)]
fn special_bytes(w: u64) -> u64 {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let below = |x: u64, n: u64| x.wrapping_sub(LO * n) & !x;
    let y = w ^ (LO * 0x02);
    (below(y, 0x21) | below(w ^ (LO * u64::from(b'\\')), 1)) & HI
}

/// Deepest nesting accepted.
const MAX_DEPTH: usize = 128;

/// Where the parser hands each value, in line order.
pub(crate) trait Sink {
    /// Takes the next value.
    fn value(&mut self, v: Value);

    /// The length of the member key the sink expects next, when `s[ks..]` holds it
    /// and then a quote. The parser then skips scanning the key for its end: a key
    /// the parser accepted before ends at that same quote wherever it is written.
    #[inline(always)]
    fn expected_key(&mut self, _s: &[u8], _ks: usize) -> Option<usize> {
        None
    }

    /// The key length and the length of the whole lead of the member the sink
    /// expects next, when `s[i..]` starts with the lead the sink saw for that key
    /// before: its opening quote, the key, the closing quote, the colon with the
    /// whitespace around it, and the quote opening a string value. The parser then
    /// takes the lead in one step: those bytes parse that way wherever they stand.
    #[inline(always)]
    fn expected_lead(&mut self, _s: &[u8], _i: usize) -> Option<(usize, usize)> {
        None
    }

    /// [`Self::value`] for a string value right after a key that
    /// [`Self::expected_key`] or [`Self::expected_lead`] matched (nothing else handed
    /// over in between).
    #[inline(always)]
    fn expected_value(&mut self, v: Value) {
        self.value(v);
    }

    /// A string value right after its key not taken by [`Self::expected_lead`]:
    /// `s[key start - 1..v.start]` is a lead the sink may expect next time.
    /// `expected`: [`Self::expected_key`] matched the key.
    #[inline(always)]
    fn direct_value(&mut self, v: Value, expected: bool) {
        if expected {
            self.expected_value(v);
        } else {
            self.value(v);
        }
    }
}

impl Sink for Vec<Value> {
    #[inline(always)]
    fn value(&mut self, v: Value) {
        self.push(v);
    }
}

struct Parser<'a, S: Sink> {
    s: &'a [u8],
    i: usize,
    out: &'a mut S,
}

type R = Result<(), &'static str>;

impl<S: Sink> Parser<'_, S> {
    fn ws(&mut self) {
        self.i = skip_ws(self.s, self.i);
    }

    fn string(&mut self) -> Result<(usize, usize), &'static str> {
        // self.s[self.i] == '"'
        let start = self.i + 1;
        let end = string_end(self.s, start)?;
        self.i = end + 1;
        Ok((start, end))
    }

    /// The members of an object whose `{` was just read: a loop over a local index,
    /// string values read in place, anything else through [`Self::value`].
    fn object(&mut self, depth: usize) -> R {
        let s = self.s;
        let mut i = skip_ws(s, self.i);
        if s.get(i) == Some(&b'}') {
            self.i = i + 1;
            return Ok(());
        }
        loop {
            i = skip_ws(s, i);
            if s.get(i) != Some(&b'"') {
                return Err("expected a key");
            }
            let lead = if depth < MAX_DEPTH {
                self.out.expected_lead(s, i)
            } else {
                None
            };
            i = match lead {
                Some((n, lead)) => self.lead_member(i, n, lead)?,
                None => self.member(i, depth)?,
            };
            // Likewise the usual `, ` before the next key.
            if s.get(i..i + 2) == Some(b", ") {
                i += 2;
                continue;
            }
            i = skip_ws(s, i);
            match s.get(i) {
                Some(b',') => i += 1,
                Some(b'}') => {
                    self.i = i + 1;
                    return Ok(());
                }
                _ => return Err("expected ',' or '}'"),
            }
        }
    }

    /// The member whose key starts with the quote at `s[i]` and whose lead (`n` key
    /// bytes, `lead` bytes up to the value) [`Sink::expected_lead`] matched: the
    /// string value is read in place. Returns the index after the value.
    #[inline(always)]
    fn lead_member(&mut self, i: usize, n: usize, lead: usize) -> Result<usize, &'static str> {
        let (ks, start) = (i + 1, i + lead);
        let end = string_end(self.s, start)?;
        self.out.expected_value(Value {
            start,
            end,
            number: false,
            key: Some((ks, ks + n)),
        });
        Ok(end + 1)
    }

    /// The member whose key starts with the quote at `s[i]`: string values read in
    /// place, anything else through [`Self::value`]. Returns the index after the value.
    #[inline(always)]
    fn member(&mut self, mut i: usize, depth: usize) -> Result<usize, &'static str> {
        let s = self.s;
        let ks = i + 1;
        let (ke, expected) = match self.out.expected_key(s, ks) {
            Some(n) => (ks + n, true),
            None => (string_end(s, ks)?, false),
        };
        // The usual `": "` before a string value is taken whole (what the
        // whitespace loops would find).
        i = if s.get(ke + 1..ke + 4) == Some(b": \"") {
            ke + 3
        } else {
            i = skip_ws(s, ke + 1);
            if s.get(i) != Some(&b':') {
                return Err("expected ':'");
            }
            skip_ws(s, i + 1)
        };
        let key = Some((ks, ke));
        if s.get(i) == Some(&b'"') && depth < MAX_DEPTH {
            let start = i + 1;
            let end = string_end(s, start)?;
            let v = Value {
                start,
                end,
                number: false,
                key,
            };
            self.out.direct_value(v, expected);
            Ok(end + 1)
        } else {
            self.i = i;
            self.value(key, depth + 1)?;
            Ok(self.i)
        }
    }

    fn value(&mut self, key: Option<(usize, usize)>, depth: usize) -> R {
        if depth > MAX_DEPTH {
            return Err("nested too deeply");
        }
        self.ws();
        match self.s.get(self.i) {
            None => Err("missing value"),
            Some(b'{') => {
                self.i += 1;
                self.object(depth)
            }
            Some(b'[') => {
                self.i += 1;
                self.ws();
                if self.s.get(self.i) == Some(&b']') {
                    self.i += 1;
                    return Ok(());
                }
                loop {
                    self.value(key, depth + 1)?;
                    self.ws();
                    match self.s.get(self.i) {
                        Some(b',') => self.i += 1,
                        Some(b']') => {
                            self.i += 1;
                            return Ok(());
                        }
                        _ => return Err("expected ',' or ']'"),
                    }
                }
            }
            Some(b'"') => {
                let (start, end) = self.string()?;
                self.out.value(Value {
                    start,
                    end,
                    number: false,
                    key,
                });
                Ok(())
            }
            Some(b'-' | b'0'..=b'9') => {
                let start = self.i;
                while matches!(
                    self.s.get(self.i),
                    Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
                ) {
                    self.i += 1;
                }
                if !self.s[start..self.i].iter().any(u8::is_ascii_digit) {
                    return Err("invalid number");
                }
                self.out.value(Value {
                    start,
                    end: self.i,
                    number: true,
                    key,
                });
                Ok(())
            }
            Some(_) => {
                for lit in [&b"true"[..], b"false", b"null"] {
                    if self.s[self.i..].starts_with(lit) {
                        self.i += lit.len();
                        return Ok(());
                    }
                }
                Err("unexpected character")
            }
        }
    }
}

/// Index of the first byte at or after `i` that is not JSON whitespace (or the end).
/// A line feed is not taken: it ends the line (lines never hold one, and
/// [`parse_until_lf`] must stop there).
#[inline(always)]
fn skip_ws(s: &[u8], mut i: usize) -> usize {
    while matches!(s.get(i), Some(b' ' | b'\t' | b'\r')) {
        i += 1;
    }
    i
}

/// Index of the quote closing the string whose contents start at `s[start]`.
#[inline(always)]
fn string_end(s: &[u8], start: usize) -> Result<usize, &'static str> {
    let mut i = start;
    loop {
        i = first_special(s, i);
        match s.get(i) {
            None => return Err("unterminated string"),
            Some(b'"') => return Ok(i),
            Some(b'\\') => {
                // A line feed ends the line, escaped or not (see `skip_ws`).
                if matches!(s.get(i + 1), None | Some(b'\n')) {
                    return Err("unterminated string");
                }
                i += 2;
            }
            Some(&b) if b < 0x20 => return Err("control character in string"),
            Some(_) => i += 1,
        }
    }
}

/// Index of the first quote, backslash or control character at or after `i` (or
/// the end): plain bytes need no decision, so eight are read at a time while a
/// whole word is left, the last few byte by byte.
#[inline(always)]
fn first_special(s: &[u8], mut i: usize) -> usize {
    let mut rest = s.get(i..).unwrap_or(&[]);
    while let Some((w, tail)) = rest.split_first_chunk::<8>() {
        let m = special_bytes(u64::from_le_bytes(*w));
        if m != 0 {
            // The lowest flagged byte is exact (see `special_bytes`).
            return i + (m.trailing_zeros() / 8) as usize;
        }
        rest = tail;
        i += 8;
    }
    for &b in rest {
        if STRING_SPECIAL[usize::from(b)] {
            return i;
        }
        i += 1;
    }
    i
}

/// Parses one JSON line (terminator excluded) into its string and number values.
#[cfg(test)]
pub(crate) fn parse_line(line: &[u8], out: &mut Vec<Value>) -> R {
    out.clear();
    parse_line_into(line, out)
}

/// Parses one JSON line (terminator excluded), handing its string and number values
/// to `out` as they are found (values before a syntax error included).
#[inline]
pub(crate) fn parse_line_into<S: Sink>(line: &[u8], out: &mut S) -> R {
    let mut p = Parser { s: line, i: 0, out };
    p.value(None, 0)?;
    p.ws();
    if p.i != line.len() {
        return Err("trailing characters");
    }
    Ok(())
}

/// Parses the JSON line at the start of `s`, which holds at least its line feed (and
/// maybe more lines), handing its values to `out`: the index of that line feed when
/// the line parses, `None` when it does not. Neither whitespace nor a string runs
/// past a line feed, so the values handed over (also those before a syntax error)
/// are the ones [`parse_line_into`] hands over for the line alone, and the line
/// parses here exactly when it parses there: the line's end comes from the parse,
/// with no separate search for it.
#[inline]
pub(crate) fn parse_until_lf<S: Sink>(s: &[u8], out: &mut S) -> Option<usize> {
    let mut p = Parser { s, i: 0, out };
    p.value(None, 0).ok()?;
    p.ws();
    (s.get(p.i) == Some(&b'\n')).then_some(p.i)
}

/// A sink that drops every value: the syntax error of a line alone.
pub(crate) struct Discard;

impl Sink for Discard {
    #[inline(always)]
    fn value(&mut self, _v: Value) {}
}

#[cfg(test)]
mod tests {
    use super::*;
    /// The parser before its object loop kept a local index: the reference the
    /// faster one must agree with (values and error reasons).
    mod reference {
        use super::super::{MAX_DEPTH, STRING_SPECIAL, Value, special_bytes};

        struct Parser<'a> {
            s: &'a [u8],
            i: usize,
            out: &'a mut Vec<Value>,
        }

        type R = Result<(), &'static str>;

        impl Parser<'_> {
            fn ws(&mut self) {
                while matches!(self.s.get(self.i), Some(b' ' | b'\t' | b'\r' | b'\n')) {
                    self.i += 1;
                }
            }

            fn string(&mut self) -> Result<(usize, usize), &'static str> {
                // self.s[self.i] == '"'
                let start = self.i + 1;
                let mut i = start;
                loop {
                    // Plain bytes need no decision: eight at a time to the first candidate...
                    while let Some(w) = self.s.get(i..i + 8) {
                        let m = special_bytes(u64::from_le_bytes(w.try_into().unwrap_or([0; 8])));
                        if m != 0 {
                            i += (m.trailing_zeros() / 8) as usize;
                            break;
                        }
                        i += 8;
                    }
                    // ...then byte by byte.
                    while let Some(&b) = self.s.get(i) {
                        if STRING_SPECIAL[usize::from(b)] {
                            break;
                        }
                        i += 1;
                    }
                    match self.s.get(i) {
                        None => return Err("unterminated string"),
                        Some(b'"') => break,
                        Some(b'\\') => {
                            if self.s.get(i + 1).is_none() {
                                return Err("unterminated string");
                            }
                            i += 2;
                        }
                        Some(&b) if b < 0x20 => return Err("control character in string"),
                        Some(_) => i += 1,
                    }
                }
                self.i = i + 1;
                Ok((start, i))
            }

            fn value(&mut self, key: Option<(usize, usize)>, depth: usize) -> R {
                if depth > MAX_DEPTH {
                    return Err("nested too deeply");
                }
                self.ws();
                match self.s.get(self.i) {
                    None => Err("missing value"),
                    Some(b'{') => {
                        self.i += 1;
                        self.ws();
                        if self.s.get(self.i) == Some(&b'}') {
                            self.i += 1;
                            return Ok(());
                        }
                        loop {
                            self.ws();
                            if self.s.get(self.i) != Some(&b'"') {
                                return Err("expected a key");
                            }
                            let k = self.string()?;
                            self.ws();
                            if self.s.get(self.i) != Some(&b':') {
                                return Err("expected ':'");
                            }
                            self.i += 1;
                            self.value(Some(k), depth + 1)?;
                            self.ws();
                            match self.s.get(self.i) {
                                Some(b',') => self.i += 1,
                                Some(b'}') => {
                                    self.i += 1;
                                    return Ok(());
                                }
                                _ => return Err("expected ',' or '}'"),
                            }
                        }
                    }
                    Some(b'[') => {
                        self.i += 1;
                        self.ws();
                        if self.s.get(self.i) == Some(&b']') {
                            self.i += 1;
                            return Ok(());
                        }
                        loop {
                            self.value(key, depth + 1)?;
                            self.ws();
                            match self.s.get(self.i) {
                                Some(b',') => self.i += 1,
                                Some(b']') => {
                                    self.i += 1;
                                    return Ok(());
                                }
                                _ => return Err("expected ',' or ']'"),
                            }
                        }
                    }
                    Some(b'"') => {
                        let (start, end) = self.string()?;
                        self.out.push(Value {
                            start,
                            end,
                            number: false,
                            key,
                        });
                        Ok(())
                    }
                    Some(b'-' | b'0'..=b'9') => {
                        let start = self.i;
                        while matches!(
                            self.s.get(self.i),
                            Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
                        ) {
                            self.i += 1;
                        }
                        if !self.s[start..self.i].iter().any(u8::is_ascii_digit) {
                            return Err("invalid number");
                        }
                        self.out.push(Value {
                            start,
                            end: self.i,
                            number: true,
                            key,
                        });
                        Ok(())
                    }
                    Some(_) => {
                        for lit in [&b"true"[..], b"false", b"null"] {
                            if self.s[self.i..].starts_with(lit) {
                                self.i += lit.len();
                                return Ok(());
                            }
                        }
                        Err("unexpected character")
                    }
                }
            }
        }

        pub(super) fn parse_line(line: &[u8], out: &mut Vec<Value>) -> R {
            out.clear();
            let mut p = Parser { s: line, i: 0, out };
            p.value(None, 0)?;
            p.ws();
            if p.i != line.len() {
                return Err("trailing characters");
            }
            Ok(())
        }
    }

    /// The lowest byte `special_bytes` flags is the first special byte of the word.
    #[test]
    fn special_bytes_lowest_is_exact() {
        let first = |w: u64| {
            w.to_le_bytes()
                .iter()
                .position(|&b| STRING_SPECIAL[usize::from(b)])
        };
        let lowest = |w: u64| {
            let m = special_bytes(w);
            (m != 0).then(|| (m.trailing_zeros() / 8) as usize)
        };
        for b in 0..=255u8 {
            for fill in [
                b'a', b' ', b'!', b'#', 0x80, 0xFF, 0x00, b'"', b'\\', 0x21, 0x23,
            ] {
                for at in 0..8 {
                    let mut bytes = [fill; 8];
                    bytes[at] = b;
                    let w = u64::from_le_bytes(bytes);
                    assert_eq!(lowest(w), first(w), "{bytes:?}");
                }
            }
        }
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..1_000_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            assert_eq!(lowest(x), first(x), "{x:#x}");
            let y = x & 0x7F7F_7F7F_7F7F_7F7F | 0x2020_2020_2020_2020;
            assert_eq!(lowest(y), first(y), "{y:#x}");
        }
    }

    /// The parser equals the reference on random lines built from JSON tokens.
    #[test]
    fn agrees_with_reference() {
        let (mut fast, mut slow) = (Vec::new(), Vec::new());
        let mut ok = 0;
        let mut joined = Vec::new();
        random_lines(&[], |line| {
            // Lines never hold a line feed: the reference takes one for whitespace.
            let cut = line.split(|&b| b == b'\n').next().unwrap_or(line);
            let a = parse_line(cut, &mut fast);
            let b = reference::parse_line(cut, &mut slow);
            assert_eq!(a, b, "{}", String::from_utf8_lossy(cut));
            if a.is_ok() {
                ok += 1;
                assert_eq!(fast, slow, "{}", String::from_utf8_lossy(cut));
            }
            // Read up to the line feed from the line followed by more lines: the
            // same outcome and the same values (also before an error).
            joined.clear();
            joined.extend_from_slice(line);
            joined.extend_from_slice(b"\n{\"k\": \"v\"}\n\"x\n");
            let mut until = Vec::new();
            let end = parse_until_lf(&joined, &mut until);
            let lf = cut.len();
            assert_eq!(
                end,
                b.is_ok().then_some(lf),
                "{}",
                String::from_utf8_lossy(line)
            );
            assert_eq!(until, slow, "{}", String::from_utf8_lossy(line));
        });
        assert!(ok > 10_000, "{ok}");
        for depth in [126, 127, 128, 129, 130] {
            let mut line = "{\"a\": ".repeat(depth);
            line.push_str("\"v\"");
            line.push_str(&"}".repeat(depth));
            let a = parse_line(line.as_bytes(), &mut fast);
            assert_eq!(
                a,
                reference::parse_line(line.as_bytes(), &mut slow),
                "{depth}"
            );
            assert_eq!(fast, slow);
        }
    }

    /// A sink that expects some keys (raw string contents the parser accepts, as
    /// the record stream's cached keys are) and collects every value.
    #[derive(Default)]
    struct Expecting {
        values: Vec<Value>,
        /// Values handed over as following an expected key.
        hits: usize,
        /// Members taken whole by their lead.
        lead_hits: usize,
    }

    impl Sink for Expecting {
        fn value(&mut self, v: Value) {
            self.values.push(v);
        }

        fn expected_key(&mut self, s: &[u8], ks: usize) -> Option<usize> {
            let keys: [&[u8]; 6] = [b"nik", b"v\\\"x", b"a\\\\", b"", b"k", b"nomor_ponsel"];
            let rest = s.get(ks..)?;
            keys.iter()
                .find(|k| rest.starts_with(k) && rest.get(k.len()) == Some(&b'"'))
                .map(|k| k.len())
        }

        /// Leads as a sink records them (what the parser accepted before a string
        /// value), for some of the expected keys and others.
        fn expected_lead(&mut self, s: &[u8], i: usize) -> Option<(usize, usize)> {
            let leads: [(&[u8], usize); 6] = [
                (b"\"nik\": \"", 3),
                (b"\"k\":\"", 1),
                (b"\"v\\\"x\" :\t\"", 4),
                (b"\"a\\\\\": \"", 3),
                (b"\"\":\"", 0),
                (b"\"nomor_ponsel\"  :  \"", 12),
            ];
            let rest = s.get(i..)?;
            let hit = leads.iter().find(|(l, _)| rest.starts_with(l))?;
            self.lead_hits += 1;
            Some((hit.1, hit.0.len()))
        }

        fn expected_value(&mut self, v: Value) {
            self.hits += 1;
            self.values.push(v);
        }
    }

    /// Keys the sink expects end where a scan for their quote ends, and leads it
    /// expects parse as the parser would read them: same values and errors as the
    /// reference.
    #[test]
    fn expected_keys_agree_with_reference() {
        let keys: [&[u8]; 11] = [
            b"\"a\\\\\": \"x\"",
            b"\"a\\\\x\": ",
            b"\"\": \"\"",
            b"\"k\": \"v\", ",
            b"\"nomor_ponsel\": \"0812\"",
            b"\"nomor_ponsel",
            b"\"k\":\"",
            b"\"v\\\"x\" :\t\"",
            b"\"nomor_ponsel\"  :  \"0812\"",
            b"\"nik\": \"3171011708450001\", ",
            b"\"\":\"",
        ];
        let mut slow = Vec::new();
        let (mut ok, mut hits, mut lead_hits) = (0, 0, 0);
        let mut check = |line: &[u8]| {
            // Lines never hold a line feed: the reference takes one for whitespace.
            let line = line.split(|&b| b == b'\n').next().unwrap_or(line);
            let mut fast = Expecting::default();
            let a = parse_line_into(line, &mut fast);
            let b = reference::parse_line(line, &mut slow);
            assert_eq!(a, b, "{}", String::from_utf8_lossy(line));
            if a.is_ok() {
                ok += 1;
                hits += fast.hits;
                lead_hits += fast.lead_hits;
                assert_eq!(fast.values, slow, "{}", String::from_utf8_lossy(line));
            }
        };
        random_lines(&keys, |line| {
            check(line);
            // The same inside an object whose first members have expected keys.
            let mut member = br#"{"a\\": "x", "": "", "nomor_ponsel": "0812", "v\"x": "#.to_vec();
            member.extend_from_slice(line);
            member.push(b'}');
            check(&member);
        });
        assert!(
            ok > 10_000 && hits > 10_000 && lead_hits > 3_000,
            "{ok} {hits} {lead_hits}"
        );
    }

    /// Random lines built from JSON tokens (and `extra` ones), half of them
    /// starting as an object.
    fn random_lines(extra: &[&[u8]], mut f: impl FnMut(&[u8])) {
        let mut tokens: Vec<&[u8]> = vec![
            b"{",
            b"}",
            b"[",
            b"]",
            b"\"",
            b":",
            b",",
            b" ",
            b"\t",
            b"\"nik\"",
            b"\"v\\\"x\"",
            b"-12.5e3",
            b"0",
            b"true",
            b"null",
            b"fals",
            b"\\",
            b"\x01",
            b"ab",
            b"\xC3\xA9",
            b"\n",
            b"{\"a\": \"b\"}",
            b"\"k\": ",
            b"\"0812-3456-7890\"",
        ];
        tokens.extend_from_slice(extra);
        let mut x: u64 = 0x243F_6A88_85A3_08D3;
        for round in 0..300_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let mut line = Vec::new();
            if round % 2 == 0 {
                line.extend_from_slice(b"{\"k\": ");
            }
            for k in 0..(x % 12) {
                let r = (x >> (k * 5)) as usize;
                line.extend_from_slice(tokens[r % tokens.len()]);
            }
            if round % 4 == 0 {
                line.push(b'}');
            }
            f(&line);
        }
    }

    #[test]
    fn spans_and_keys() {
        let line = br#"{"nik": "3171011708450001", "a": [1, {"no_hp": 6281234567890}], "x": null, "e\"k": "v\"w"}"#;
        let mut v = Vec::new();
        parse_line(line, &mut v).unwrap();
        let got: Vec<(String, bool, String)> = v
            .iter()
            .map(|x| {
                let key = x.key.map_or(String::new(), |(s, e)| {
                    String::from_utf8_lossy(&line[s..e]).into()
                });
                (
                    String::from_utf8_lossy(&line[x.start..x.end]).into(),
                    x.number,
                    key,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("3171011708450001".into(), false, "nik".into()),
                ("1".into(), true, "a".into()),
                ("6281234567890".into(), true, "no_hp".into()),
                ("v\\\"w".into(), false, "e\\\"k".into()),
            ]
        );
        for bad in [
            &br#"{"a": }"#[..],
            b"{\"a\" 1}",
            b"[1,",
            b"\"x",
            b"{} x",
            b"tru",
        ] {
            assert!(
                parse_line(bad, &mut v).is_err(),
                "{}",
                String::from_utf8_lossy(bad)
            );
        }
        let deep = "[".repeat(200);
        assert_eq!(
            parse_line(deep.as_bytes(), &mut v),
            Err("nested too deeply")
        );
    }
}
