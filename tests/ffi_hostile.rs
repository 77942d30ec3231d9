//! The C ABI under hostile calls, beyond tests/ffi.rs: lengths no buffer can have,
//! dangling-but-non-NULL empty inputs, misaligned output slots, overlap by a single
//! byte at either end, wrong key sizes, use after finish, huge counts, NUL and
//! invalid UTF-8 inside inputs. Every call must return a status, never crash.
//!
//! Not testable from safe test code (undefined behaviour by the documented
//! contract, so left to the caller): freed or foreign handles, pointers to
//! unreadable memory with a non-zero length, buffers shorter than the length
//! passed, and caller findings arrays that overlap an output buffer of the redaction
//! calls. (`identitas_validate_batch` checks its output against `data` and `offsets`:
//! `batch_outputs_overlapping_inputs_are_refused`.)

use core::ffi::c_void;
use core::ptr::{NonNull, null, null_mut};

use identitas::ffi::*;

const NIK: &[u8] = b"3171011708450001";

fn default_options() -> identitas_redact_options {
    let mut o = identitas_redact_options {
        key: null(),
        key_len: 0,
        operators: [0; IDENTITAS_KIND_SLOTS],
        min_confidence: 0,
        mask_char: 0,
    };
    // SAFETY: a writable struct.
    assert_eq!(unsafe { identitas_redact_options_default(&mut o) }, 0);
    o
}

#[test]
fn impossible_lengths_are_refused_before_any_read() {
    let b = [0u8; 4];
    // SAFETY: the library must check the length before reading: nothing is read.
    unsafe {
        for len in [usize::MAX, isize::MAX as usize + 1, usize::MAX - 2] {
            // The fast path answers 0 (not valid) for any bad argument.
            assert_eq!(identitas_nik_is_valid(b.as_ptr(), len), 0);
            assert_eq!(
                identitas_validate(IDENTITAS_KIND_NIK, b.as_ptr(), len),
                IDENTITAS_STATUS_INVALID_ARGUMENT
            );
            let mut n = 0;
            assert_eq!(
                identitas_scan(null(), b.as_ptr(), len, null_mut(), 0, &mut n),
                IDENTITAS_STATUS_INVALID_ARGUMENT
            );
            let mut out = [0u8; 8];
            // An input that long covers every address, so the output "overlaps" it:
            // either status is a refusal before any read.
            let st = identitas_redact(null(), b.as_ptr(), len, out.as_mut_ptr(), out.len(), &mut n);
            assert!(
                st == IDENTITAS_STATUS_INVALID_ARGUMENT
                    || st == IDENTITAS_STATUS_OVERLAPPING_BUFFERS,
                "{st}"
            );
            let mut out_len = 0;
            assert_eq!(
                identitas_redact(null(), b.as_ptr(), 4, out.as_mut_ptr(), len, &mut out_len),
                IDENTITAS_STATUS_INVALID_ARGUMENT
            );
            let mut f = [identitas_finding {
                start: 0,
                end: 0,
                kind: 0,
                confidence: 0,
            }; 1];
            assert_eq!(
                identitas_scan(null(), b.as_ptr(), 4, f.as_mut_ptr(), len, &mut n),
                IDENTITAS_STATUS_INVALID_ARGUMENT
            );
            assert_eq!(
                identitas_redact_findings_in_place(null(), null_mut(), 0, f.as_ptr(), len),
                IDENTITAS_STATUS_INVALID_ARGUMENT
            );
        }
    }
}

#[test]
fn dangling_non_null_pointers_with_zero_length_are_empty() {
    let p = NonNull::<u8>::dangling().as_ptr();
    // SAFETY: zero lengths: the library reads and writes nothing.
    unsafe {
        assert_eq!(identitas_nik_is_valid(p, 0), 0);
        let mut n = 7;
        assert_eq!(identitas_scan(null(), p, 0, null_mut(), 0, &mut n), 0);
        assert_eq!(n, 0);
        assert_eq!(identitas_redact_in_place(null(), p, 0), 0);
        let mut out = [0xAAu8; 1];
        assert_eq!(
            identitas_redact(null(), p, 0, out.as_mut_ptr(), 1, &mut n),
            0
        );
        assert_eq!((n, out[0]), (0, 0));
    }
}

#[test]
fn misaligned_output_slots_are_refused() {
    let mut raw = [0u64; 8];
    let base = raw.as_mut_ptr().cast::<u8>();
    // SAFETY: misaligned pointers into a live buffer; the library must refuse them
    // before writing.
    unsafe {
        let bad_len = base.add(1).cast::<usize>();
        let mut out = [0u8; 64];
        assert_eq!(
            identitas_redact(
                null(),
                NIK.as_ptr(),
                NIK.len(),
                out.as_mut_ptr(),
                64,
                bad_len
            ),
            IDENTITAS_STATUS_MISALIGNED_POINTER
        );
        let bad_findings = base.add(4).cast::<identitas_finding>();
        let mut n = 0;
        assert_eq!(
            identitas_scan(null(), NIK.as_ptr(), NIK.len(), bad_findings, 1, &mut n),
            IDENTITAS_STATUS_MISALIGNED_POINTER
        );
        let bad_handle = base.add(2).cast::<*mut identitas_redactor>();
        assert_eq!(
            identitas_redactor_new(null(), null(), bad_handle),
            IDENTITAS_STATUS_MISALIGNED_POINTER
        );
        let bad_opts = base.add(1).cast::<identitas_redact_options>();
        assert_eq!(
            identitas_redact_options_default(bad_opts),
            IDENTITAS_STATUS_MISALIGNED_POINTER
        );
    }
    assert_eq!(raw, [0; 8], "nothing written through a misaligned pointer");
}

#[test]
fn overlap_by_one_byte_at_either_end_is_refused() {
    let mut buf = vec![b' '; 64];
    buf[8..24].copy_from_slice(NIK);
    let p = buf.as_mut_ptr();
    let mut n = 0;
    // SAFETY: all pointers inside `buf`.
    unsafe {
        // Output ends one byte into the input.
        assert_eq!(
            identitas_redact(null(), p.add(8), 16, p, 9, &mut n),
            IDENTITAS_STATUS_OVERLAPPING_BUFFERS
        );
        // Output starts on the input's last byte.
        assert_eq!(
            identitas_redact(null(), p.add(8), 16, p.add(23), 20, &mut n),
            IDENTITAS_STATUS_OVERLAPPING_BUFFERS
        );
        // Adjacent, not overlapping: fine.
        assert_eq!(
            identitas_redact(null(), p.add(8), 16, p.add(24), 40, &mut n),
            0
        );
        assert_eq!(&buf[24..40], b"317101**********");
        assert_eq!(&buf[8..24], NIK, "the input is untouched");
    }
}

#[test]
fn keys_of_the_wrong_size_or_strength_are_refused() {
    let key: Vec<u8> = (0u8..64).map(|i| i.wrapping_mul(37) ^ 0x5a).collect();
    let zeros = [0u8; 32];
    let mut o = default_options();
    o.operators[IDENTITAS_KIND_NIK as usize] = IDENTITAS_OP_TOKEN;
    let mut r = null_mut();
    // SAFETY: live buffers; key_len never exceeds the buffer.
    unsafe {
        for len in [1usize, 16, 31, 33, 64] {
            o.key = key.as_ptr();
            o.key_len = len;
            assert_eq!(
                identitas_redactor_new(&o, null(), &mut r),
                IDENTITAS_STATUS_REDACT_INVALID_KEY,
                "key of {len} bytes"
            );
        }
        o.key = zeros.as_ptr();
        o.key_len = 32;
        assert_eq!(
            identitas_redactor_new(&o, null(), &mut r),
            IDENTITAS_STATUS_REDACT_INVALID_KEY
        );
        o.key = null();
        o.key_len = 32;
        assert_eq!(
            identitas_redactor_new(&o, null(), &mut r),
            IDENTITAS_STATUS_NULL_POINTER
        );
        o.key_len = 0;
        assert_eq!(
            identitas_redactor_new(&o, null(), &mut r),
            IDENTITAS_STATUS_REDACT_MISSING_KEY
        );
        assert!(r.is_null(), "no handle on failure");
        o.key = key.as_ptr();
        o.key_len = 32;
        assert_eq!(identitas_redactor_new(&o, null(), &mut r), 0);
        identitas_redactor_free(r);
    }
}

#[test]
fn bad_option_values_are_refused() {
    let mut r = null_mut();
    for (op, conf, mask) in [
        (99, 0, 0),
        (-1, 0, 0),
        (0, 9, 0),
        (0, -3, 0),
        (0, 0, 300),
        (0, 0, i32::from(b'7')),
    ] {
        let mut o = default_options();
        o.operators[IDENTITAS_KIND_PHONE as usize] = op;
        o.min_confidence = conf;
        o.mask_char = mask;
        // SAFETY: valid struct and out pointer.
        let st = unsafe { identitas_redactor_new(&o, null(), &mut r) };
        assert_ne!(st, 0, "op {op} conf {conf} mask {mask}");
        assert!(r.is_null());
    }
    // A slot that names no kind must stay 0.
    let mut o = default_options();
    o.operators[0] = IDENTITAS_OP_KEEP;
    // SAFETY: as above.
    assert_eq!(
        unsafe { identitas_redactor_new(&o, null(), &mut r) },
        IDENTITAS_STATUS_INVALID_ARGUMENT
    );
}

#[test]
fn stream_misuse() {
    let mut s = null_mut();
    // SAFETY: handles made here, used in order, freed once.
    unsafe {
        assert_eq!(identitas_redact_stream_new(null(), &mut s), 0);
        assert_eq!(
            identitas_redact_stream_push(s, null(), 5),
            IDENTITAS_STATUS_NULL_POINTER
        );
        assert_eq!(identitas_redact_stream_push(s, NIK.as_ptr(), NIK.len()), 0);
        let mut n = 0;
        assert_eq!(identitas_redact_stream_read(s, null_mut(), 0, &mut n), 0);
        assert_eq!(
            identitas_redact_stream_read(s, null_mut(), 4, &mut n),
            IDENTITAS_STATUS_NULL_POINTER
        );
        assert_eq!(identitas_redact_stream_finish(s), 0);
        assert_eq!(identitas_redact_stream_finish(s), 0, "finish twice is fine");
        assert_eq!(
            identitas_redact_stream_push(s, NIK.as_ptr(), NIK.len()),
            IDENTITAS_STATUS_STREAM_FINISHED
        );
        let mut out = [0u8; 32];
        assert_eq!(
            identitas_redact_stream_read(s, out.as_mut_ptr(), 32, &mut n),
            0
        );
        assert_eq!(&out[..n], b"317101**********");
        identitas_redact_stream_free(s);
        identitas_redact_stream_free(null_mut());
        assert_eq!(identitas_redact_stream_pending(null()), 0);
        assert_eq!(
            identitas_redact_stream_finish(null_mut()),
            IDENTITAS_STATUS_NULL_POINTER
        );
        identitas_redactor_free(null_mut());
        identitas_scanner_free(null_mut());
    }
}

#[test]
fn nul_and_invalid_utf8_inside_inputs() {
    let input = b"\0\xff3171011708450001\0\xc0 0812-3456-7890\0";
    let mut out = [0u8; 64];
    let mut n = 0;
    // SAFETY: live buffers.
    unsafe {
        assert_eq!(
            identitas_nik_is_valid([NIK, b"\0"].concat().as_ptr(), 17),
            0
        );
        assert_eq!(identitas_nik_is_valid(input.as_ptr(), input.len()), 0);
        assert_eq!(
            identitas_redact(
                null(),
                input.as_ptr(),
                input.len(),
                out.as_mut_ptr(),
                64,
                &mut n
            ),
            0
        );
    }
    assert_eq!(n, input.len(), "embedded NULs do not end the input");
    assert_eq!(&out[..n], b"\0\xff317101**********\0\xc0 0812-****-*890\0");
    assert_eq!(out[n], 0);
}

#[test]
fn callbacks_can_stop_early_and_null_callbacks_are_refused() {
    unsafe extern "C" fn first_only(user: *mut c_void, f: *const identitas_finding) -> i32 {
        // SAFETY: `user` is the counter passed below; `f` is valid during the call.
        unsafe {
            *user.cast::<usize>() += 1;
            assert!((*f).end > (*f).start);
        }
        1
    }
    let text = b"3171011708450001 3171015708450001 0812-3456-7890";
    let mut calls = 0usize;
    // SAFETY: a valid callback and counter.
    unsafe {
        assert_eq!(
            identitas_scan_each(
                null(),
                text.as_ptr(),
                text.len(),
                Some(first_only),
                (&mut calls as *mut usize).cast()
            ),
            0
        );
        assert_eq!(
            identitas_scan_each(null(), text.as_ptr(), text.len(), None, null_mut()),
            IDENTITAS_STATUS_NULL_POINTER
        );
    }
    assert_eq!(calls, 1);
}

#[test]
fn caller_findings_out_of_bounds_or_overlapping() {
    let mut buf = NIK.to_vec();
    let f = |s, e, k| identitas_finding {
        start: s,
        end: e,
        kind: k,
        confidence: 2,
    };
    for (findings, want) in [
        (
            vec![f(0, 17, IDENTITAS_KIND_NIK)],
            IDENTITAS_STATUS_REDACT_OUT_OF_BOUNDS,
        ),
        (
            vec![f(5, 4, IDENTITAS_KIND_NIK)],
            IDENTITAS_STATUS_REDACT_OUT_OF_BOUNDS,
        ),
        (
            vec![f(usize::MAX, usize::MAX, IDENTITAS_KIND_NIK)],
            IDENTITAS_STATUS_REDACT_OUT_OF_BOUNDS,
        ),
        (
            vec![f(0, 8, IDENTITAS_KIND_NIK), f(7, 16, IDENTITAS_KIND_NIK)],
            IDENTITAS_STATUS_REDACT_OVERLAP,
        ),
        (vec![f(0, 16, 42)], IDENTITAS_STATUS_UNKNOWN_KIND),
    ] {
        // SAFETY: live buffers.
        let st = unsafe {
            identitas_redact_findings_in_place(
                null(),
                buf.as_mut_ptr(),
                buf.len(),
                findings.as_ptr(),
                findings.len(),
            )
        };
        assert_eq!(
            st,
            want,
            "{:?}",
            findings
                .iter()
                .map(|x| (x.start, x.end, x.kind))
                .collect::<Vec<_>>()
        );
        assert_eq!(buf, NIK, "the buffer is unchanged on error");
    }
}

/// `identitas_validate_batch` refuses an output array sharing a byte with the offsets
/// (`OVERLAPPING_OFFSETS`) or the data (`OVERLAPPING_BUFFERS`), before writing anything.
#[test]
fn batch_outputs_overlapping_inputs_are_refused() {
    const N: usize = 3;
    let data = b"317101170845000131710135084500019109014107850001".to_vec();
    // One arena of `usize` words: offsets first, then room for outputs.
    let mut arena = [0usize; 16];
    arena[..N + 1].copy_from_slice(&[0, 16, 32, 48]);
    let offs_bytes = (N + 1) * core::mem::size_of::<usize>();
    let base = arena.as_mut_ptr();
    let bytes = base.cast::<u8>();
    let call = |results: *mut u8, statuses: *mut i32| {
        // SAFETY: `data` and `arena` outlive the call; every pointer is inside them.
        unsafe {
            identitas_validate_batch(
                IDENTITAS_KIND_NIK,
                data.as_ptr(),
                data.len(),
                base,
                N,
                results,
                statuses,
            )
        }
    };
    let snapshot = arena;
    // SAFETY (all `add`s): inside `arena` (128 bytes).
    unsafe {
        // Results (bytes) over the offsets: at the start, on the last offset byte.
        assert_eq!(
            call(bytes, null_mut()),
            IDENTITAS_STATUS_OVERLAPPING_OFFSETS
        );
        assert_eq!(
            call(bytes.add(offs_bytes - 1), null_mut()),
            IDENTITAS_STATUS_OVERLAPPING_OFFSETS
        );
        // Statuses (int32) ending one byte into the offsets, or starting in them.
        let st = bytes.add(offs_bytes + 4 - 4 * N).cast::<i32>();
        assert_eq!(
            call(null_mut(), st.sub(0)),
            IDENTITAS_STATUS_OVERLAPPING_OFFSETS
        );
        assert_eq!(
            call(null_mut(), base.add(N).cast::<i32>()),
            IDENTITAS_STATUS_OVERLAPPING_OFFSETS
        );
        assert_eq!(arena, snapshot, "nothing written");
        // Adjacent to the offsets: fine.
        assert_eq!(call(bytes.add(offs_bytes), null_mut()), 0);
        assert_eq!(&arena_bytes(&arena)[offs_bytes..offs_bytes + N], &[1, 0, 1]);
        assert_eq!(
            call(null_mut(), base.add(N + 1).cast::<i32>()),
            IDENTITAS_STATUS_OK
        );
    }
    // Output over the data: results or statuses sharing its first or last byte.
    let mut buf = vec![0u8; 128];
    buf[16..64].copy_from_slice(&data);
    let p = buf.as_mut_ptr();
    let offsets = [0usize, 16, 32, 48];
    let call = |results: *mut u8, statuses: *mut i32| {
        // SAFETY: every pointer is inside `buf` or `offsets`.
        unsafe {
            identitas_validate_batch(
                IDENTITAS_KIND_NIK,
                p.add(16),
                48,
                offsets.as_ptr(),
                N,
                results,
                statuses,
            )
        }
    };
    // SAFETY: inside `buf`; the int32 slots are 4-aligned (Vec<u8> of 128 from the
    // allocator is at least 8-aligned, checked).
    unsafe {
        assert_eq!(p as usize % 4, 0);
        assert_eq!(
            call(p.add(14), null_mut()),
            IDENTITAS_STATUS_OVERLAPPING_BUFFERS
        );
        assert_eq!(
            call(p.add(63), null_mut()),
            IDENTITAS_STATUS_OVERLAPPING_BUFFERS
        );
        assert_eq!(
            call(null_mut(), p.add(8).cast::<i32>()),
            IDENTITAS_STATUS_OVERLAPPING_BUFFERS
        );
        assert_eq!(
            call(null_mut(), p.add(60).cast::<i32>()),
            IDENTITAS_STATUS_OVERLAPPING_BUFFERS
        );
        assert_eq!(&buf[16..64], &data[..], "the data is untouched");
        assert_eq!(call(p.add(13), null_mut()), 0);
        assert_eq!(&buf[13..16], &[1, 0, 1]);
        assert_eq!(call(null_mut(), p.add(64).cast::<i32>()), 0);
    }
    // Data and offsets may overlap each other: both are only read.
    let mut words = [0usize; 8];
    let w = words.as_mut_ptr();
    // SAFETY: reading `words` as bytes; the output is a separate array.
    let mut out = [9u8; 1];
    unsafe {
        *w = 0;
        *w.add(1) = 0;
        assert_eq!(
            identitas_validate_batch(
                IDENTITAS_KIND_NIK,
                w.cast::<u8>(),
                64,
                w,
                1,
                out.as_mut_ptr(),
                null_mut()
            ),
            0
        );
    }
    assert_eq!(out, [0]);
    // SAFETY: a known status.
    let name = unsafe {
        core::ffi::CStr::from_ptr(identitas_status_str(IDENTITAS_STATUS_OVERLAPPING_OFFSETS))
    };
    assert_eq!(name.to_str().unwrap(), "overlapping_offsets");
}

fn arena_bytes(a: &[usize; 16]) -> Vec<u8> {
    a.iter().flat_map(|w| w.to_ne_bytes()).collect()
}
