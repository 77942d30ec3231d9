#![no_main]
//! The C ABI entry points, called as C would call them, against the Rust API:
//! validators and parsers agree with Rust; `identitas_scan` with every buffer size
//! (count query, too small, exact) gives the Rust findings; `identitas_redact`
//! size query + exact buffer, in place, and the stream (random chunk and read
//! sizes) all give the one-shot Rust redaction; arbitrary caller findings and
//! option structs give a status, never a crash. Built with ASan by cargo-fuzz, so
//! out-of-bounds reads or writes in the unsafe layer are caught.
use core::ptr::{null, null_mut};

use identitas::ffi::*;
use identitas::redact::{Policy, Redactor};
use identitas::{Scanner, nik, npwp, phone};
use libfuzzer_sys::fuzz_target;

fn redactor(options: Option<&identitas_redact_options>) -> Result<*mut identitas_redactor, i32> {
    let mut r = null_mut();
    let o = options.map_or(null(), |o| o as *const _);
    // SAFETY: valid pointers.
    match unsafe { identitas_redactor_new(o, null(), &mut r) } {
        0 => Ok(r),
        e => Err(e),
    }
}

fuzz_target!(|data: &[u8]| {
    let (control, input) = identitas_fuzz::split_control(data);
    let (p, n) = (input.as_ptr(), input.len());

    // Validators and parsers.
    // SAFETY: `input` is a live slice for every call below.
    unsafe {
        assert_eq!(identitas_nik_is_valid(p, n) == 1, nik::is_valid(input));
        assert_eq!(identitas_npwp_is_valid(p, n) == 1, npwp::is_valid(input));
        assert_eq!(identitas_phone_is_valid(p, n) == 1, phone::is_valid(input));
        for kind in -1..=12 {
            let _ = identitas_is_valid(kind, p, n);
            let _ = identitas_validate(kind, p, n);
        }
        let mut nik_out = identitas_nik::default();
        assert_eq!(
            identitas_nik_parse(p, n, &mut nik_out) == 0,
            nik::is_valid(input)
        );
        let mut buf = [0u8; IDENTITAS_FORMAT_MAX];
        let mut len = usize::MAX;
        let cap = usize::from(control) % (IDENTITAS_FORMAT_MAX + 1);
        let st = identitas_nik_format(p, n, buf.as_mut_ptr(), cap, &mut len);
        if st == IDENTITAS_STATUS_OK {
            assert!(len < cap && buf[len] == 0);
        }
    }

    // Scanner: count query, a too-small buffer, then the exact size.
    let want = Scanner::new().scan(input);
    let mut count = usize::MAX;
    // SAFETY: a count query with a NULL output of capacity 0.
    let st = unsafe { identitas_scan(null(), p, n, null_mut(), 0, &mut count) };
    assert_eq!(count, want.len());
    assert_eq!(st == IDENTITAS_STATUS_BUFFER_TOO_SMALL, !want.is_empty());
    let mut found = vec![
        identitas_finding {
            start: 0,
            end: 0,
            kind: 0,
            confidence: 0
        };
        want.len() + 1
    ];
    let small = want.len().saturating_sub(1);
    // SAFETY: `found` holds at least `small` and `want.len()` entries.
    unsafe {
        let st = identitas_scan(null(), p, n, found.as_mut_ptr(), small, &mut count);
        assert_eq!(st == IDENTITAS_STATUS_BUFFER_TOO_SMALL, small < want.len());
        let st = identitas_scan(null(), p, n, found.as_mut_ptr(), want.len(), &mut count);
        assert_eq!(st, IDENTITAS_STATUS_OK);
    }
    for (c, f) in found.iter().zip(&want) {
        assert_eq!((c.start, c.end), (f.start, f.end));
    }

    // One-shot redaction with the default (mask) policy.
    let mut rust = Vec::new();
    Redactor::new(Policy::default())
        .expect("default")
        .redact_text(input, &mut rust)
        .expect("redact");
    let mut need = 0usize;
    // SAFETY: size query.
    let st = unsafe { identitas_redact(null(), p, n, null_mut(), 0, &mut need) };
    assert_eq!(st, IDENTITAS_STATUS_BUFFER_TOO_SMALL);
    assert_eq!(need, rust.len());
    let mut out = vec![0xA5u8; need + 1];
    let mut got = 0usize;
    // SAFETY: `out` holds `need` (no room for the NUL: too small) and `need + 1` bytes.
    unsafe {
        let st = identitas_redact(null(), p, n, out.as_mut_ptr(), need, &mut got);
        assert_eq!(st, IDENTITAS_STATUS_BUFFER_TOO_SMALL);
        let st = identitas_redact(null(), p, n, out.as_mut_ptr(), need + 1, &mut got);
        assert_eq!(st, IDENTITAS_STATUS_OK);
    }
    assert_eq!(&out[..got], &rust[..]);
    assert_eq!(out[got], 0);
    let mut in_place = input.to_vec();
    // SAFETY: a live mutable buffer.
    let st = unsafe { identitas_redact_in_place(null(), in_place.as_mut_ptr(), n) };
    assert_eq!(st, IDENTITAS_STATUS_OK);
    assert_eq!(in_place, rust);

    // Caller findings made from the input bytes: any status, no crash.
    let garbage: Vec<identitas_finding> = input
        .chunks(4)
        .take(8)
        .map(|c| identitas_finding {
            start: usize::from(*c.first().unwrap_or(&0)),
            end: usize::from(*c.get(1).unwrap_or(&0)),
            kind: i32::from(*c.get(2).unwrap_or(&0)) % 14 - 1,
            confidence: i32::from(*c.get(3).unwrap_or(&0)) % 5 - 1,
        })
        .collect();
    let mut out2 = vec![0u8; n * 4 + 64];
    let mut len2 = 0;
    let mut buf2 = input.to_vec();
    // SAFETY: live buffers of the given sizes.
    unsafe {
        let _ = identitas_redact_findings(
            null(),
            p,
            n,
            garbage.as_ptr(),
            garbage.len(),
            out2.as_mut_ptr(),
            out2.len(),
            &mut len2,
        );
        let _ = identitas_redact_findings_in_place(
            null(),
            buf2.as_mut_ptr(),
            n,
            garbage.as_ptr(),
            garbage.len(),
        );
    }

    // Options built from the control byte: operators, mask byte, key lengths.
    let key: Vec<u8> = (0u8..40).map(|i| i.wrapping_mul(31) ^ control).collect();
    let mut options = identitas_redact_options {
        key: null(),
        key_len: 0,
        operators: [0; IDENTITAS_KIND_SLOTS],
        min_confidence: i32::from(control >> 6),
        mask_char: if control & 0x20 != 0 {
            i32::from(b'#')
        } else {
            0
        },
    };
    // SAFETY: a writable options struct.
    assert_eq!(unsafe { identitas_redact_options_default(&mut options) }, 0);
    for (i, slot) in options.operators.iter_mut().enumerate().skip(1).take(10) {
        *slot = (i32::from(control) + i as i32) % 8;
    }
    if control & 0x10 != 0 {
        options.key = key.as_ptr();
        options.key_len = [32, 31, 33, 0][usize::from(control >> 2) % 4];
    }
    let handle = match redactor(Some(&options)) {
        Ok(h) => h,
        Err(_) => return,
    };

    // Streaming: random chunks and read sizes give the one-shot output.
    let mut one = vec![0u8; 0];
    let mut need = 0usize;
    // SAFETY: live handle; size query then an exact buffer.
    unsafe {
        let _ = identitas_redact(handle, p, n, null_mut(), 0, &mut need);
        one.resize(need + 1, 0);
        let st = identitas_redact(handle, p, n, one.as_mut_ptr(), need + 1, &mut need);
        assert_eq!(st, IDENTITAS_STATUS_OK);
    }
    one.truncate(need);
    let mut stream = null_mut();
    // SAFETY: live handle.
    assert_eq!(
        unsafe { identitas_redact_stream_new(handle, &mut stream) },
        0
    );
    let mut streamed = Vec::new();
    let mut chunk_buf = [0u8; 97];
    let mut read_all = |stream: *mut identitas_redact_stream,
                        streamed: &mut Vec<u8>,
                        cap: usize| loop {
        let mut k = 0;
        // SAFETY: live stream, `chunk_buf` holds at least `cap` bytes.
        let st =
            unsafe { identitas_redact_stream_read(stream, chunk_buf.as_mut_ptr(), cap, &mut k) };
        assert_eq!(st, 0);
        streamed.extend_from_slice(&chunk_buf[..k]);
        if k == 0 {
            break;
        }
    };
    for (i, c) in identitas_fuzz::chunks(input, control)
        .into_iter()
        .enumerate()
    {
        // SAFETY: live stream and chunk.
        assert_eq!(
            unsafe { identitas_redact_stream_push(stream, c.as_ptr(), c.len()) },
            0
        );
        read_all(stream, &mut streamed, 1 + (i * 13) % 96);
    }
    // SAFETY: live stream.
    unsafe {
        assert_eq!(identitas_redact_stream_finish(stream), 0);
        read_all(stream, &mut streamed, 97);
        assert_eq!(identitas_redact_stream_pending(stream), 0);
        assert_eq!(
            identitas_redact_stream_push(stream, p, n),
            IDENTITAS_STATUS_STREAM_FINISHED
        );
        identitas_redact_stream_free(stream);
        identitas_redactor_free(handle);
    }
    assert_eq!(streamed, one, "stream != one-shot through the C ABI");
});
