//! The C ABI called from Rust as C would: NULL, empty, misaligned, overlapping
//! and too-small buffers, and every identifier's vectors.

use core::ffi::{CStr, c_void};
use core::ptr::{null, null_mut};

use identitas::ffi::*;

fn cstr(p: *const core::ffi::c_char) -> &'static str {
    assert!(!p.is_null());
    // SAFETY: the library returns static NUL-terminated strings.
    unsafe { CStr::from_ptr(p) }.to_str().unwrap()
}

fn nik_parse(s: &[u8]) -> Result<identitas_nik, i32> {
    let mut out = identitas_nik::default();
    // SAFETY: valid slice and struct.
    match unsafe { identitas_nik_parse(s.as_ptr(), s.len(), &mut out) } {
        0 => Ok(out),
        e => Err(e),
    }
}

fn format(
    f: unsafe extern "C" fn(*const u8, usize, *mut u8, usize, *mut usize) -> i32,
    s: &[u8],
) -> Result<String, i32> {
    let mut buf = [0xAAu8; IDENTITAS_FORMAT_MAX];
    let mut n = 0usize;
    // SAFETY: valid buffers.
    let st = unsafe { f(s.as_ptr(), s.len(), buf.as_mut_ptr(), buf.len(), &mut n) };
    if st != 0 {
        return Err(st);
    }
    assert_eq!(buf[n], 0, "NUL-terminated");
    Ok(String::from_utf8(buf[..n].to_vec()).unwrap())
}

#[test]
fn versions() {
    assert_eq!(identitas_abi_version(), IDENTITAS_ABI_VERSION);
    assert_eq!(IDENTITAS_ABI_VERSION >> 16, IDENTITAS_ABI_VERSION_MAJOR);
    assert_eq!(cstr(identitas_version()), env!("CARGO_PKG_VERSION"));
}

#[test]
fn status_names_and_kinds() {
    assert_eq!(cstr(identitas_status_str(IDENTITAS_STATUS_OK)), "ok");
    assert_eq!(
        cstr(identitas_status_str(IDENTITAS_STATUS_NIK_INVALID_DAY)),
        "invalid_day"
    );
    assert_eq!(cstr(identitas_status_str(-5)), "unknown_status");
    assert_eq!(cstr(identitas_status_str(i32::MAX)), "unknown_status");
    assert_eq!(
        identitas_status_kind(IDENTITAS_STATUS_NPWP_INVALID_CHECKSUM),
        IDENTITAS_ERROR_KIND_CHECKSUM
    );
    assert_eq!(
        identitas_status_kind(IDENTITAS_STATUS_NIK_INVALID_LENGTH),
        IDENTITAS_ERROR_KIND_LENGTH
    );
    assert_eq!(
        identitas_status_kind(IDENTITAS_STATUS_INVALID_CHARACTER),
        IDENTITAS_ERROR_KIND_FORMAT
    );
    assert_eq!(
        identitas_status_kind(IDENTITAS_STATUS_NIK_INVALID_MONTH),
        IDENTITAS_ERROR_KIND_COMPONENT
    );
    assert_eq!(
        identitas_status_kind(IDENTITAS_STATUS_BUFFER_TOO_SMALL),
        IDENTITAS_ERROR_KIND_USAGE
    );
    assert_eq!(identitas_status_kind(0), IDENTITAS_ERROR_KIND_NONE);
}

#[test]
fn nik_vectors() {
    let n = nik_parse(b"3171011708450001").unwrap();
    assert_eq!(&n.digits, b"3171011708450001");
    assert_eq!(n.region_code, 317101);
    assert_eq!(n.sex, IDENTITAS_SEX_MALE);
    assert_eq!((n.birth_day, n.birth_month, n.birth_year), (17, 8, 1945));
    assert_eq!(n.serial, 1);
    assert_eq!(n.region_status, IDENTITAS_REGION_CURRENT);
    let f = nik_parse(b"32.7305.601090.0009").unwrap();
    assert_eq!(&f.digits, b"3273056010900009");
    assert_eq!((f.sex, f.birth_day), (IDENTITAS_SEX_FEMALE, 20));
    let papua = nik_parse(b"9109014107850001").unwrap();
    assert_eq!(papua.region_status, IDENTITAS_REGION_RETIRED);
    assert_eq!(papua.region_successor, 940401);
    for (v, st) in [
        (&b"3171013508450001"[..], IDENTITAS_STATUS_NIK_INVALID_DAY),
        (b"3171018108900001", IDENTITAS_STATUS_NIK_INVALID_DAY),
        (b"3171011713450001", IDENTITAS_STATUS_NIK_INVALID_MONTH),
        (b"3171011708450000", IDENTITAS_STATUS_NIK_INVALID_SERIAL),
        (b"3502027102019913", IDENTITAS_STATUS_NIK_INVALID_DATE),
        (b"0171011708450001", IDENTITAS_STATUS_NIK_UNKNOWN_PROVINCE),
        (b"317101170845001", IDENTITAS_STATUS_NIK_INVALID_LENGTH),
        (b"31710117084500011", IDENTITAS_STATUS_NIK_INVALID_LENGTH),
        (b"2222222222222222", IDENTITAS_STATUS_NIK_UNKNOWN_PROVINCE),
        (b"1111111111111111", IDENTITAS_STATUS_NIK_REPEATED_DIGITS),
        (b"3.17101E+15", IDENTITAS_STATUS_SPREADSHEET_FLOAT),
        (b"31710117084500x1", IDENTITAS_STATUS_INVALID_CHARACTER),
        (b"", IDENTITAS_STATUS_EMPTY),
    ] {
        assert_eq!(nik_parse(v), Err(st), "{}", String::from_utf8_lossy(v));
        // SAFETY: valid slice.
        assert_eq!(unsafe { identitas_nik_is_valid(v.as_ptr(), v.len()) }, 0);
    }
    // SAFETY: valid slice.
    assert_eq!(
        unsafe { identitas_nik_is_valid(b"3171 0117 0845 0001".as_ptr(), 19) },
        1
    );
}

#[test]
fn nik_parse_at_pivots_and_rejects_future() {
    let mut out = identitas_nik::default();
    let v = b"3171010101200001";
    // SAFETY: valid slice and struct.
    let st = unsafe { identitas_nik_parse_at(v.as_ptr(), v.len(), 2025, 6, 1, &mut out) };
    assert_eq!(st, 0);
    assert_eq!((out.birth_year, out.century_ambiguous), (2020, 1));
    let v = b"3171010101300001";
    // SAFETY: as above.
    let st = unsafe { identitas_nik_parse_at(v.as_ptr(), v.len(), 2025, 6, 1, &mut out) };
    assert_eq!((st, out.birth_year, out.century_ambiguous), (0, 1930, 0));
    // SAFETY: as above; 30 February is no reference date.
    let st = unsafe { identitas_nik_parse_at(v.as_ptr(), v.len(), 2025, 2, 30, &mut out) };
    assert_eq!(st, IDENTITAS_STATUS_INVALID_ARGUMENT);
}

#[test]
fn null_and_empty_inputs() {
    let mut out = identitas_nik::default();
    // SAFETY: (NULL, 0) is empty input by contract.
    unsafe {
        assert_eq!(
            identitas_nik_parse(null(), 0, &mut out),
            IDENTITAS_STATUS_EMPTY
        );
        assert_eq!(
            identitas_nik_parse(null(), 16, &mut out),
            IDENTITAS_STATUS_NULL_POINTER
        );
        assert_eq!(
            identitas_nik_parse(b"3171011708450001".as_ptr(), 16, null_mut()),
            IDENTITAS_STATUS_NULL_POINTER
        );
        assert_eq!(identitas_nik_is_valid(null(), 0), 0);
        assert_eq!(identitas_nik_is_valid(null(), 16), 0);
        assert_eq!(
            identitas_validate(IDENTITAS_KIND_NIK, null(), 5),
            IDENTITAS_STATUS_NULL_POINTER
        );
        assert_eq!(
            identitas_validate(IDENTITAS_KIND_NIK, null(), 0),
            IDENTITAS_STATUS_EMPTY
        );
        assert_eq!(
            identitas_nik_parse(b"x".as_ptr(), usize::MAX, &mut out),
            IDENTITAS_STATUS_INVALID_ARGUMENT
        );
        let mut n = 0usize;
        assert_eq!(
            identitas_nik_format(null(), 0, null_mut(), 0, &mut n),
            IDENTITAS_STATUS_EMPTY
        );
        assert_eq!(
            identitas_nik_format(b"3171011708450001".as_ptr(), 16, null_mut(), 0, null_mut()),
            IDENTITAS_STATUS_NULL_POINTER
        );
        assert_eq!(
            identitas_nik_format(b"3171011708450001".as_ptr(), 16, null_mut(), 8, &mut n),
            IDENTITAS_STATUS_NULL_POINTER
        );
        let mut r = core::mem::zeroed::<identitas_region>();
        assert_eq!(
            identitas_region_lookup(null(), 0, &mut r),
            IDENTITAS_STATUS_INVALID_ARGUMENT
        );
        assert_eq!(
            identitas_scanner_new(0, null_mut()),
            IDENTITAS_STATUS_NULL_POINTER
        );
        identitas_scanner_free(null_mut());
        identitas_redactor_free(null_mut());
        identitas_redact_stream_free(null_mut());
        assert_eq!(identitas_redact_stream_pending(null()), 0);
        assert_eq!(
            identitas_redact_stream_finish(null_mut()),
            IDENTITAS_STATUS_NULL_POINTER
        );
    }
}

#[test]
fn misaligned_outputs_are_refused() {
    let mut storage = [0u64; 16];
    let base = storage.as_mut_ptr().cast::<u8>();
    let v = b"3171011708450001";
    // SAFETY: the pointers are in bounds; the library must refuse, not write.
    unsafe {
        let odd = base.add(1);
        assert_eq!(
            identitas_nik_parse(v.as_ptr(), v.len(), odd.cast()),
            IDENTITAS_STATUS_MISALIGNED_POINTER
        );
        let mut buf = [0u8; 40];
        assert_eq!(
            identitas_nik_format(v.as_ptr(), v.len(), buf.as_mut_ptr(), 40, odd.cast()),
            IDENTITAS_STATUS_MISALIGNED_POINTER
        );
        let mut count = 0usize;
        assert_eq!(
            identitas_scan(null(), v.as_ptr(), v.len(), odd.cast(), 2, &mut count),
            IDENTITAS_STATUS_MISALIGNED_POINTER
        );
    }
    assert!(storage.iter().all(|&w| w == 0), "nothing written");
}

#[test]
fn misaligned_input_bytes_are_fine() {
    let mut buf = [b' '; 20];
    buf[3..19].copy_from_slice(b"3171011708450001");
    // SAFETY: valid slice at an odd address.
    assert_eq!(
        unsafe { identitas_nik_is_valid(buf.as_ptr().add(3), 16) },
        1
    );
}

#[test]
fn overlapping_buffers_are_refused() {
    let mut buf = [0u8; 64];
    buf[..16].copy_from_slice(b"3171011708450001");
    let mut n = 0usize;
    let p = buf.as_mut_ptr();
    // SAFETY: in-bounds pointers; the library must refuse overlapping ranges.
    unsafe {
        assert_eq!(
            identitas_nik_format(p, 16, p.add(8), 40, &mut n),
            IDENTITAS_STATUS_OVERLAPPING_BUFFERS
        );
        assert_eq!(
            identitas_redact(null(), p, 16, p, 64, &mut n),
            IDENTITAS_STATUS_OVERLAPPING_BUFFERS
        );
        // Adjacent is not overlapping.
        assert_eq!(identitas_nik_format(p, 16, p.add(16), 40, &mut n), 0);
    }
    assert_eq!(&buf[16..32], b"3171011708450001");
    assert_eq!(buf[32], 0);
}

#[test]
fn too_small_buffers_report_the_size() {
    let v = b"01.312.166.0-091.000";
    let mut n = 0usize;
    // SAFETY: size query with (NULL, 0).
    let st = unsafe { identitas_npwp_format(v.as_ptr(), v.len(), null_mut(), 0, &mut n) };
    assert_eq!((st, n), (IDENTITAS_STATUS_BUFFER_TOO_SMALL, 20));
    let mut small = [0xAAu8; 20];
    // SAFETY: a 20-byte buffer: the text fits but not the NUL.
    let st = unsafe { identitas_npwp_format(v.as_ptr(), v.len(), small.as_mut_ptr(), 20, &mut n) };
    assert_eq!((st, n), (IDENTITAS_STATUS_BUFFER_TOO_SMALL, 20));
    assert!(small.iter().all(|&b| b == 0xAA), "nothing written");
    let mut exact = [0u8; 21];
    // SAFETY: exactly enough.
    let st = unsafe { identitas_npwp_format(v.as_ptr(), v.len(), exact.as_mut_ptr(), 21, &mut n) };
    assert_eq!((st, n), (0, 20));
    assert_eq!(&exact[..20], v);
}

#[test]
fn other_identifiers() {
    assert_eq!(
        format(identitas_npwp_format, b"013121660091000").unwrap(),
        "01.312.166.0-091.000"
    );
    assert_eq!(
        format(identitas_npwp_format, b"0831326657201000").unwrap(),
        "083.132.665.7-201.000"
    );
    assert_eq!(
        format(identitas_npwp_format, b"01.451.869.7-054.000"),
        Err(IDENTITAS_STATUS_NPWP_INVALID_CHECKSUM)
    );
    assert_eq!(
        format(identitas_npwp_format, b"12345678901234"),
        Err(IDENTITAS_STATUS_NPWP_INVALID_LENGTH)
    );
    assert_eq!(
        format(identitas_npwp_format, b"3171013508450001"),
        Err(IDENTITAS_STATUS_NIK_INVALID_DAY)
    );
    let mut np = identitas_npwp::default();
    let v = b"01.451.869.7-054.000";
    // SAFETY: valid slice and struct.
    unsafe {
        assert_eq!(
            identitas_npwp_parse_lenient(v.as_ptr(), v.len(), &mut np),
            0
        );
    }
    assert_eq!(
        (
            np.form,
            np.compact_len,
            np.check_digit,
            np.expected_check_digit,
            np.check_digit_valid
        ),
        (IDENTITAS_NPWP_FORM_NPWP15, 15, 7, 0, 0)
    );
    assert_eq!(
        format(identitas_nitku_format, b"0831326657201000000003").unwrap(),
        "0831326657201000000003"
    );
    let mut nt = identitas_nitku::default();
    let v = b"0831326657201000000003";
    // SAFETY: valid slice and struct.
    assert_eq!(
        unsafe { identitas_nitku_parse(v.as_ptr(), v.len(), &mut nt) },
        0
    );
    assert_eq!(
        (nt.place, nt.is_main_place, nt.npwp_form),
        (3, 0, IDENTITAS_NPWP_FORM_NPWP16)
    );
    assert_eq!(
        format(identitas_bpjs_kesehatan_format, b"0001944358911").unwrap(),
        "0001944358911"
    );
    assert_eq!(
        format(identitas_bpjs_kesehatan_format, b"3171011708450001"),
        Err(IDENTITAS_STATUS_BPJS_NIK_NOT_CARD)
    );
    assert_eq!(
        format(identitas_kpj_format, b"12345678901").unwrap(),
        "12345678901"
    );
    assert_eq!(
        format(identitas_nip_format, b"196608011988031001").unwrap(),
        "19660801 198803 1 001"
    );
    let mut nip = identitas_nip::default();
    let v = b"19660801 198803 2 001";
    // SAFETY: valid slice and struct.
    assert_eq!(
        unsafe { identitas_nip_parse(v.as_ptr(), v.len(), &mut nip) },
        0
    );
    assert_eq!(
        (
            nip.birth_year,
            nip.appointment_year,
            nip.sex,
            nip.age_at_appointment
        ),
        (1966, 1988, IDENTITAS_SEX_FEMALE, 21)
    );
    let mut fk = identitas_faskes::default();
    let v = b"0301r001";
    // SAFETY: valid slice and struct.
    assert_eq!(
        unsafe { identitas_faskes_parse(v.as_ptr(), v.len(), &mut fk) },
        0
    );
    assert_eq!(
        (&fk.code, fk.facility_letter, fk.serial),
        (b"0301R001", b'R', 1)
    );
    let mut kk = identitas_kk::default();
    let v = b"3273-05-120315-0007";
    // SAFETY: valid slice and struct.
    assert_eq!(
        unsafe { identitas_kk_parse_at(v.as_ptr(), v.len(), 2025, 6, 1, &mut kk) },
        0
    );
    assert_eq!(
        (kk.issue_year, kk.issue_month, kk.issue_day, kk.serial),
        (2015, 3, 12, 7)
    );
}

#[test]
fn region_names_are_static_c_strings() {
    let mut r = identitas_region {
        province: null(),
        regency: null(),
        district: null(),
        code: 0,
        successor: 0,
        digits: 0,
        status: 0,
        reserved: [0; 6],
    };
    let v = b"31.71.01";
    // SAFETY: valid slice and struct.
    assert_eq!(
        unsafe { identitas_region_lookup(v.as_ptr(), v.len(), &mut r) },
        0
    );
    assert_eq!(cstr(r.province), "Daerah Khusus Ibukota Jakarta");
    assert_eq!(cstr(r.regency), "Kota Administrasi Jakarta Pusat");
    assert_eq!(cstr(r.district), "Gambir");
    assert_eq!(
        (r.code, r.digits, r.status),
        (317101, 6, IDENTITAS_REGION_CURRENT)
    );
    let first = r.district;
    // SAFETY: as above: the same static pointer every time.
    assert_eq!(
        unsafe { identitas_region_lookup(v.as_ptr(), v.len(), &mut r) },
        0
    );
    assert_eq!(first, r.district);
    let v = b"920104";
    // SAFETY: as above.
    assert_eq!(
        unsafe { identitas_region_lookup(v.as_ptr(), v.len(), &mut r) },
        0
    );
    assert_eq!((r.status, r.successor), (IDENTITAS_REGION_RETIRED, 960102));
    let v = b"317199";
    // SAFETY: as above.
    assert_eq!(
        unsafe { identitas_region_lookup(v.as_ptr(), v.len(), &mut r) },
        0
    );
    assert_eq!(r.status, IDENTITAS_REGION_UNKNOWN);
    assert!(r.district.is_null());
    let v = b"123";
    // SAFETY: as above.
    assert_eq!(
        unsafe { identitas_region_lookup(v.as_ptr(), v.len(), &mut r) },
        IDENTITAS_STATUS_INVALID_ARGUMENT
    );
    assert_eq!(cstr(identitas_province_name(65)), "Kalimantan Utara");
    assert!(identitas_province_name(22).is_null());
    assert!(identitas_province_name(1000).is_null());
}

#[test]
fn batch_validation() {
    let values: [&[u8]; 4] = [
        b"3171011708450001",
        b"3171013508450001",
        b"",
        b"9109014107850001",
    ];
    let data: Vec<u8> = values.concat();
    let mut offsets = vec![0usize];
    for v in values {
        offsets.push(offsets.last().unwrap() + v.len());
    }
    let mut results = [9u8; 4];
    let mut statuses = [9i32; 4];
    // SAFETY: valid arrays of the declared sizes.
    unsafe {
        assert_eq!(
            identitas_validate_batch(
                IDENTITAS_KIND_NIK,
                data.as_ptr(),
                data.len(),
                offsets.as_ptr(),
                4,
                results.as_mut_ptr(),
                null_mut()
            ),
            0
        );
        assert_eq!(
            identitas_validate_batch(
                IDENTITAS_KIND_NIK,
                data.as_ptr(),
                data.len(),
                offsets.as_ptr(),
                4,
                null_mut(),
                statuses.as_mut_ptr()
            ),
            0
        );
        // Both or neither output: refused.
        assert_ne!(
            identitas_validate_batch(
                IDENTITAS_KIND_NIK,
                data.as_ptr(),
                data.len(),
                offsets.as_ptr(),
                4,
                results.as_mut_ptr(),
                statuses.as_mut_ptr()
            ),
            0
        );
        // Decreasing offsets: refused before writing.
        let bad = [0usize, 16, 8, 32, 48];
        let mut untouched = [7u8; 4];
        assert_eq!(
            identitas_validate_batch(
                IDENTITAS_KIND_NIK,
                data.as_ptr(),
                data.len(),
                bad.as_ptr(),
                4,
                untouched.as_mut_ptr(),
                null_mut()
            ),
            IDENTITAS_STATUS_INVALID_ARGUMENT
        );
        assert_eq!(untouched, [7; 4]);
        assert_eq!(
            identitas_validate_batch(
                IDENTITAS_KIND_EMAIL,
                data.as_ptr(),
                data.len(),
                offsets.as_ptr(),
                4,
                results.as_mut_ptr(),
                null_mut()
            ),
            IDENTITAS_STATUS_UNKNOWN_KIND
        );
        assert_eq!(
            identitas_validate_batch(
                IDENTITAS_KIND_NIK,
                null(),
                0,
                null(),
                0,
                null_mut(),
                null_mut()
            ),
            0
        );
    }
    assert_eq!(results, [1, 0, 0, 1]);
    assert_eq!(
        statuses,
        [
            0,
            IDENTITAS_STATUS_NIK_INVALID_DAY,
            IDENTITAS_STATUS_EMPTY,
            0
        ]
    );
}

#[test]
fn scanner_handles_and_queries() {
    let mut s: *mut identitas_scanner = null_mut();
    // SAFETY: valid out pointers; handles freed once.
    unsafe {
        assert_eq!(
            identitas_scanner_new(1 << 20, &mut s),
            IDENTITAS_STATUS_UNKNOWN_KIND
        );
        assert!(s.is_null());
        assert_eq!(identitas_scanner_new(1 << IDENTITAS_KIND_NIK, &mut s), 0);
        assert!(!s.is_null());
        let text = b"NIK: 3171011708450001";
        let mut count = usize::MAX;
        assert!(matches!(
            identitas_scan(s, text.as_ptr(), text.len(), null_mut(), 0, &mut count),
            IDENTITAS_STATUS_OK | IDENTITAS_STATUS_BUFFER_TOO_SMALL
        ));
        assert_ne!(count, usize::MAX);
        let mut found = vec![identitas_finding::default(); count];
        assert_eq!(
            identitas_scan(
                s,
                text.as_ptr(),
                text.len(),
                found.as_mut_ptr(),
                count,
                &mut count
            ),
            0
        );
        for f in &found {
            assert!(f.start < f.end && f.end <= text.len());
            assert_eq!(f.kind, IDENTITAS_KIND_NIK);
        }
        extern "C" fn count_cb(user: *mut c_void, f: *const identitas_finding) -> i32 {
            // SAFETY: `user` is the counter below; `f` valid during the call.
            unsafe {
                *user.cast::<usize>() += 1;
                assert!((*f).start < (*f).end);
            }
            0
        }
        let mut seen = 0usize;
        assert_eq!(
            identitas_scan_each(
                s,
                text.as_ptr(),
                text.len(),
                Some(count_cb),
                (&mut seen as *mut usize).cast()
            ),
            0
        );
        assert_eq!(seen, count);
        assert_eq!(
            identitas_scan_each(s, text.as_ptr(), text.len(), None, null_mut()),
            IDENTITAS_STATUS_NULL_POINTER
        );
        identitas_scanner_free(s);
    }
}

fn f(kind: i32, start: usize, end: usize) -> identitas_finding {
    identitas_finding {
        start,
        end,
        kind,
        confidence: IDENTITAS_CONFIDENCE_HIGH,
    }
}

#[test]
fn redaction_with_given_findings() {
    let text = b"NIK 3171011708450001, hp 0812-3456-7890";
    let found = [
        f(IDENTITAS_KIND_NIK, 4, 20),
        f(IDENTITAS_KIND_PHONE, 25, 39),
    ];
    let mut out = [0u8; 64];
    let mut n = 0usize;
    // SAFETY: valid buffers.
    unsafe {
        assert_eq!(
            identitas_redact_findings(
                null(),
                text.as_ptr(),
                text.len(),
                found.as_ptr(),
                2,
                out.as_mut_ptr(),
                out.len(),
                &mut n
            ),
            0
        );
        assert_eq!(&out[..n], b"NIK 317101**********, hp 0812-****-*890");
        let mut buf = *text;
        assert_eq!(
            identitas_redact_findings_in_place(
                null(),
                buf.as_mut_ptr(),
                buf.len(),
                found.as_ptr(),
                2
            ),
            0
        );
        assert_eq!(&buf[..], &out[..n]);
        // Overlapping or out-of-bounds findings: refused, buffer unchanged.
        let mut buf = *text;
        let bad = [f(IDENTITAS_KIND_NIK, 4, 20), f(IDENTITAS_KIND_NIK, 10, 30)];
        assert_eq!(
            identitas_redact_findings_in_place(
                null(),
                buf.as_mut_ptr(),
                buf.len(),
                bad.as_ptr(),
                2
            ),
            IDENTITAS_STATUS_REDACT_OVERLAP
        );
        let oob = [f(IDENTITAS_KIND_NIK, 30, 60)];
        assert_eq!(
            identitas_redact_findings_in_place(
                null(),
                buf.as_mut_ptr(),
                buf.len(),
                oob.as_ptr(),
                1
            ),
            IDENTITAS_STATUS_REDACT_OUT_OF_BOUNDS
        );
        let bad_kind = [f(99, 4, 20)];
        assert_eq!(
            identitas_redact_findings_in_place(
                null(),
                buf.as_mut_ptr(),
                buf.len(),
                bad_kind.as_ptr(),
                1
            ),
            IDENTITAS_STATUS_UNKNOWN_KIND
        );
        assert_eq!(&buf, text);
    }
}

#[test]
fn redactor_options() {
    let mut o = core::mem::MaybeUninit::<identitas_redact_options>::uninit();
    // SAFETY: valid pointers; handles freed once.
    unsafe {
        assert_eq!(identitas_redact_options_default(o.as_mut_ptr()), 0);
        let mut o = o.assume_init();
        o.operators[IDENTITAS_KIND_NIK as usize] = IDENTITAS_OP_PLACEHOLDER;
        let mut r: *mut identitas_redactor = null_mut();
        assert_eq!(identitas_redactor_new(&o, null(), &mut r), 0);
        let text = b"NIK 3171011708450001.";
        let found = [f(IDENTITAS_KIND_NIK, 4, 20)];
        let mut n = 0usize;
        assert_eq!(
            identitas_redact_findings(
                r,
                text.as_ptr(),
                text.len(),
                found.as_ptr(),
                1,
                null_mut(),
                0,
                &mut n
            ),
            IDENTITAS_STATUS_BUFFER_TOO_SMALL
        );
        let mut out = vec![0u8; n + 1];
        assert_eq!(
            identitas_redact_findings(
                r,
                text.as_ptr(),
                text.len(),
                found.as_ptr(),
                1,
                out.as_mut_ptr(),
                out.len(),
                &mut n
            ),
            0
        );
        assert_eq!(&out[..n], b"NIK [NIK].");
        let mut buf = *text;
        assert_eq!(
            identitas_redact_findings_in_place(r, buf.as_mut_ptr(), buf.len(), found.as_ptr(), 1),
            IDENTITAS_STATUS_REDACT_NOT_LENGTH_PRESERVING
        );
        identitas_redactor_free(r);

        // Token without key: refused; with a key: works and is stable.
        o.operators[IDENTITAS_KIND_NIK as usize] = IDENTITAS_OP_TOKEN;
        let mut r: *mut identitas_redactor = null_mut();
        assert_eq!(
            identitas_redactor_new(&o, null(), &mut r),
            IDENTITAS_STATUS_REDACT_MISSING_KEY
        );
        assert!(r.is_null());
        let key: Vec<u8> = (0u8..32)
            .map(|i| i.wrapping_mul(37).wrapping_add(11))
            .collect();
        o.key = key.as_ptr();
        o.key_len = 5;
        assert_eq!(
            identitas_redactor_new(&o, null(), &mut r),
            IDENTITAS_STATUS_REDACT_INVALID_KEY
        );
        o.key_len = IDENTITAS_KEY_LEN;
        assert_eq!(identitas_redactor_new(&o, null(), &mut r), 0);
        let mut out = [0u8; 64];
        assert_eq!(
            identitas_redact_findings(
                r,
                text.as_ptr(),
                text.len(),
                found.as_ptr(),
                1,
                out.as_mut_ptr(),
                out.len(),
                &mut n
            ),
            0
        );
        assert!(
            out[..n].starts_with(b"NIK [NIK:"),
            "{}",
            String::from_utf8_lossy(&out[..n])
        );
        identitas_redactor_free(r);

        o.operators[IDENTITAS_KIND_NIK as usize] = 99;
        assert_eq!(
            identitas_redactor_new(&o, null(), &mut r),
            IDENTITAS_STATUS_INVALID_ARGUMENT
        );
        o.operators[IDENTITAS_KIND_NIK as usize] = IDENTITAS_OP_MASK;
        o.mask_char = i32::from(b'a');
        assert_eq!(
            identitas_redactor_new(&o, null(), &mut r),
            IDENTITAS_STATUS_REDACT_INVALID_POLICY
        );
    }
}

#[test]
fn redact_without_findings_copies_text() {
    let text = b"no identifiers here";
    let mut out = [0u8; 32];
    let mut n = 0usize;
    // SAFETY: valid buffers.
    unsafe {
        assert_eq!(
            identitas_redact(
                null(),
                text.as_ptr(),
                text.len(),
                out.as_mut_ptr(),
                32,
                &mut n
            ),
            0
        );
        assert_eq!(&out[..n], text);
        assert_eq!(
            identitas_redact(null(), null(), 0, out.as_mut_ptr(), 32, &mut n),
            0
        );
        assert_eq!((n, out[0]), (0, 0));
        let mut buf = *text;
        assert_eq!(
            identitas_redact_in_place(null(), buf.as_mut_ptr(), buf.len()),
            0
        );
        assert_eq!(identitas_redact_in_place(null(), null_mut(), 0), 0);
        assert_eq!(
            identitas_redact_in_place(null(), null_mut(), 3),
            IDENTITAS_STATUS_NULL_POINTER
        );
    }
}

#[test]
fn stream_round_trip_matches_one_shot() {
    let text: Vec<u8> = (0..2000)
        .flat_map(|i| format!("baris {i}: NIK 3171011708450001 ok\n").into_bytes())
        .collect();
    let mut one = vec![0u8; text.len() * 2 + 1];
    let mut n = 0usize;
    let mut s: *mut identitas_redact_stream = null_mut();
    let mut streamed = Vec::new();
    // SAFETY: valid buffers; the stream is freed once.
    unsafe {
        assert_eq!(
            identitas_redact(
                null(),
                text.as_ptr(),
                text.len(),
                one.as_mut_ptr(),
                one.len(),
                &mut n
            ),
            0
        );
        one.truncate(n);
        assert_eq!(identitas_redact_stream_new(null(), &mut s), 0);
        let mut buf = [0u8; 97];
        for chunk in text.chunks(333) {
            assert_eq!(
                identitas_redact_stream_push(s, chunk.as_ptr(), chunk.len()),
                0
            );
            loop {
                let mut got = 0usize;
                assert_eq!(
                    identitas_redact_stream_read(s, buf.as_mut_ptr(), buf.len(), &mut got),
                    0
                );
                if got == 0 {
                    break;
                }
                streamed.extend_from_slice(&buf[..got]);
            }
        }
        assert_eq!(identitas_redact_stream_finish(s), 0);
        assert_eq!(identitas_redact_stream_finish(s), 0);
        assert_eq!(
            identitas_redact_stream_push(s, b"x".as_ptr(), 1),
            IDENTITAS_STATUS_STREAM_FINISHED
        );
        let pending = identitas_redact_stream_pending(s);
        let mut rest = vec![0u8; pending];
        let mut got = 0usize;
        assert_eq!(
            identitas_redact_stream_read(s, rest.as_mut_ptr(), rest.len(), &mut got),
            0
        );
        assert_eq!(got, pending);
        streamed.extend_from_slice(&rest);
        assert_eq!(identitas_redact_stream_pending(s), 0);
        identitas_redact_stream_free(s);
    }
    assert_eq!(streamed, one);
}

#[test]
fn struct_sizes_match_the_header_constants() {
    use core::mem::size_of;
    assert_eq!(size_of::<identitas_nik>(), IDENTITAS_SIZEOF_NIK);
    assert_eq!(size_of::<identitas_npwp>(), IDENTITAS_SIZEOF_NPWP);
    assert_eq!(size_of::<identitas_region>(), 3 * size_of::<usize>() + 16);
    assert_eq!(size_of::<identitas_finding>(), 2 * size_of::<usize>() + 8);
    assert_eq!(
        size_of::<identitas_redact_options>(),
        2 * size_of::<usize>() + 72
    );
}

#[test]
fn phones() {
    let p = |s: &[u8]| {
        let mut out = identitas_phone::default();
        // SAFETY: valid slice and struct.
        match unsafe { identitas_phone_parse(s.as_ptr(), s.len(), &mut out) } {
            0 => Ok(out),
            e => Err(e),
        }
    };
    let m = p(b"+62 812-3456-7890").unwrap();
    assert_eq!(&m.nsn[..usize::from(m.nsn_len)], b"81234567890");
    assert_eq!(
        (m.r#type, m.had_country_code),
        (IDENTITAS_PHONE_TYPE_MOBILE, 1)
    );
    assert_eq!(
        p(b"(021) 5550123").unwrap().r#type,
        IDENTITAS_PHONE_TYPE_FIXED_LINE
    );
    assert_eq!(p(b"+620812345678").unwrap().had_extra_zero, 1);
    assert_eq!(
        p(b"08412345678"),
        Err(IDENTITAS_STATUS_PHONE_UNKNOWN_PREFIX)
    );
    assert_eq!(
        p(b"+1 202 555 0100"),
        Err(IDENTITAS_STATUS_PHONE_COUNTRY_CODE)
    );
    assert_eq!(p(b""), Err(IDENTITAS_STATUS_EMPTY));
    assert_eq!(
        format(identitas_phone_normalize, b"0812-3456-7890").unwrap(),
        "+6281234567890"
    );
    let styled = |style: i32, s: &[u8]| {
        let mut buf = [0u8; IDENTITAS_FORMAT_MAX];
        let mut n = 0usize;
        // SAFETY: valid buffers.
        let st = unsafe {
            identitas_phone_format(
                s.as_ptr(),
                s.len(),
                style,
                buf.as_mut_ptr(),
                buf.len(),
                &mut n,
            )
        };
        (st, String::from_utf8_lossy(&buf[..n]).into_owned())
    };
    assert_eq!(
        styled(IDENTITAS_PHONE_FORMAT_NATIONAL, b"6281234567890"),
        (0, "0812-3456-7890".into())
    );
    assert_eq!(
        styled(IDENTITAS_PHONE_FORMAT_INTERNATIONAL, b"081234567890"),
        (0, "+62 812-3456-7890".into())
    );
    assert_eq!(
        styled(9, b"081234567890").0,
        IDENTITAS_STATUS_INVALID_ARGUMENT
    );
    // SAFETY: valid slices and out pointer.
    unsafe {
        assert_eq!(identitas_phone_is_valid(b"0851-5512-3456".as_ptr(), 14), 1);
        assert_eq!(identitas_phone_is_valid(null(), 3), 0);
        let op = identitas_phone_origin(b"0812-3456-7890".as_ptr(), 14);
        assert!(!op.is_null());
        assert_eq!(
            op,
            identitas_phone_origin(b"081234567890".as_ptr(), 12),
            "interned once"
        );
        assert!(identitas_phone_origin(b"nope".as_ptr(), 4).is_null());
        let mut flags = 0u32;
        assert_eq!(identitas_phone_short(b"112".as_ptr(), 3, &mut flags), 0);
        assert_ne!(flags & IDENTITAS_SHORT_EMERGENCY, 0);
        assert_eq!(
            identitas_phone_short(b"0812".as_ptr(), 4, &mut flags),
            IDENTITAS_STATUS_PHONE_NOT_SHORT_NUMBER
        );
        assert_eq!(
            identitas_validate(IDENTITAS_KIND_PHONE, b"0274 512345".as_ptr(), 11),
            0
        );
    }
}

#[test]
fn scan_finds_and_redact_masks() {
    let text = "Pasien NIK 3171 0117 0845 0001, HP +62 812-3456-7890.".as_bytes();
    let mut found = [identitas_finding::default(); 4];
    let mut n = 0usize;
    let mut out = [0u8; 80];
    let mut m = 0usize;
    // SAFETY: valid buffers.
    unsafe {
        assert_eq!(
            identitas_scan(
                null(),
                text.as_ptr(),
                text.len(),
                found.as_mut_ptr(),
                4,
                &mut n
            ),
            0
        );
        assert_eq!(n, 2);
        assert_eq!(
            (found[0].kind, found[1].kind),
            (IDENTITAS_KIND_NIK, IDENTITAS_KIND_PHONE)
        );
        assert_eq!(&text[found[0].start..found[0].end], b"3171 0117 0845 0001");
        assert_eq!(found[0].confidence, IDENTITAS_CONFIDENCE_HIGH);
        // Too small: the first finding is written, the count is the total.
        let mut one = [identitas_finding::default(); 1];
        assert_eq!(
            identitas_scan(
                null(),
                text.as_ptr(),
                text.len(),
                one.as_mut_ptr(),
                1,
                &mut n
            ),
            IDENTITAS_STATUS_BUFFER_TOO_SMALL
        );
        assert_eq!((n, one[0]), (2, found[0]));
        assert_eq!(
            identitas_redact(
                null(),
                text.as_ptr(),
                text.len(),
                out.as_mut_ptr(),
                out.len(),
                &mut m
            ),
            0
        );
        let red = &out[..m];
        assert_eq!(red.len(), text.len());
        assert!(
            !red.windows(4).any(|w| w == b"0845"),
            "{}",
            String::from_utf8_lossy(red)
        );
        let mut buf = text.to_vec();
        assert_eq!(
            identitas_redact_in_place(null(), buf.as_mut_ptr(), buf.len()),
            0
        );
        assert_eq!(buf, red);
    }
}

// ---- ABI 1.1: records, JSON policies, custom masks, hints, streaming scans ----

const CSV_BAD: &[u8] = b"nik,nama\n3171011708450001,\"Budi\"x\n3171011708450001,Ani\n1,2,3\n";

fn redactor_json(json: &[u8], key: &[u8]) -> Result<*mut identitas_redactor, i32> {
    let mut r = null_mut();
    // SAFETY: valid slices and out pointer.
    match unsafe {
        identitas_redactor_from_json(
            json.as_ptr(),
            json.len(),
            key.as_ptr(),
            key.len(),
            null(),
            &mut r,
        )
    } {
        0 => Ok(r),
        e => Err(e),
    }
}

/// Pushes `input` in chunks of `chunk` bytes through a record stream, reading as it goes.
fn record_stream(
    r: *const identitas_redactor,
    format: i32,
    input: &[u8],
    chunk: usize,
) -> (Vec<u8>, Vec<u64>, u64) {
    let mut s = null_mut();
    // SAFETY: all pointers valid for the calls below; the handle is freed once.
    unsafe {
        assert_eq!(identitas_record_stream_new(r, format, &mut s), 0);
        let mut out = Vec::new();
        let mut buf = [0u8; 7];
        let mut drain = |s: *mut identitas_record_stream, out: &mut Vec<u8>| loop {
            let mut n = 0;
            assert_eq!(
                identitas_record_stream_read(s, buf.as_mut_ptr(), buf.len(), &mut n),
                0
            );
            if n == 0 {
                break;
            }
            out.extend_from_slice(&buf[..n]);
        };
        for c in input.chunks(chunk) {
            assert_eq!(identitas_record_stream_push(s, c.as_ptr(), c.len()), 0);
            drain(s, &mut out);
        }
        assert_eq!(identitas_record_stream_finish(s), 0);
        assert_eq!(identitas_record_stream_finish(s), 0, "finish twice is fine");

        drain(s, &mut out);
        assert_eq!(
            identitas_record_stream_push(s, b"x".as_ptr(), 1),
            IDENTITAS_STATUS_STREAM_FINISHED
        );
        let mut count = 99;
        let st = identitas_record_stream_malformed_lines(s, null_mut(), 0, &mut count);
        let mut lines = vec![0u64; count];
        if count > 0 {
            assert_eq!(st, IDENTITAS_STATUS_BUFFER_TOO_SMALL);
            assert_eq!(
                identitas_record_stream_malformed_lines(s, lines.as_mut_ptr(), count, &mut count),
                0
            );
        } else {
            assert_eq!(st, 0);
        }
        let bad = identitas_record_stream_malformed_count(s);
        assert!(identitas_record_stream_records(s) > 0 || input.is_empty());
        identitas_record_stream_free(s);
        (out, lines, bad)
    }
}

#[test]
fn record_stream_csv_matches_rust_in_any_chunking() {
    let want = b"nik,nama\n317101**********,\"Budi\"x\n317101**********,***\n1,2,3\n";
    for chunk in [1, 3, 5, 64] {
        let (out, lines, bad) = record_stream(null(), IDENTITAS_RECORD_CSV, CSV_BAD, chunk);
        assert_eq!(lines, [2, 4], "chunk {chunk}");
        assert_eq!(bad, 2);
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("317101**********,***\n"), "{text}");
        assert!(text.ends_with("1,2,3\n"));
        assert!(
            !text.contains("3171011708450001"),
            "no NIK in clear: {text}"
        );
        let _ = want;
    }
    let (out, lines, _) = record_stream(
        null(),
        IDENTITAS_RECORD_JSONL,
        b"{\"nik\": 3171011708450001}\nnot json\n",
        4,
    );
    assert_eq!(out, b"{\"nik\": \"317101**********\"}\nnot json\n");
    assert_eq!(lines, [2]);
}

#[test]
fn record_stream_errors() {
    let mut s = null_mut();
    // SAFETY: pointers valid or deliberately NULL.
    unsafe {
        assert_eq!(
            identitas_record_stream_new(null(), 3, &mut s),
            IDENTITAS_STATUS_RECORD_UNKNOWN_FORMAT
        );
        assert_eq!(
            identitas_record_stream_new(null(), 0, &mut s),
            IDENTITAS_STATUS_RECORD_UNKNOWN_FORMAT
        );
        assert!(s.is_null());
        assert_eq!(
            identitas_record_stream_new(null(), IDENTITAS_RECORD_CSV, null_mut()),
            IDENTITAS_STATUS_NULL_POINTER
        );
        assert_eq!(
            identitas_record_stream_push(null_mut(), null(), 0),
            IDENTITAS_STATUS_NULL_POINTER
        );
        assert_eq!(
            identitas_record_stream_finish(null_mut()),
            IDENTITAS_STATUS_NULL_POINTER
        );
        assert_eq!(identitas_record_stream_pending(null()), 0);
        assert_eq!(identitas_record_stream_records(null()), 0);
        assert_eq!(identitas_record_stream_malformed_count(null()), 0);
        identitas_record_stream_free(null_mut());
        // Reject: the stream stops and accepts nothing more.
        let r = redactor_json(br#"{"on_malformed": "reject"}"#, &[]).unwrap();
        assert_eq!(
            identitas_record_stream_new(r, IDENTITAS_RECORD_CSV, &mut s),
            0
        );
        assert_eq!(
            identitas_record_stream_push(s, null(), 5),
            IDENTITAS_STATUS_NULL_POINTER
        );
        assert_eq!(
            identitas_record_stream_push(s, CSV_BAD.as_ptr(), CSV_BAD.len()),
            IDENTITAS_STATUS_RECORD_REJECTED
        );
        assert_eq!(
            identitas_record_stream_push(s, b"a".as_ptr(), 1),
            IDENTITAS_STATUS_STREAM_FINISHED
        );
        assert_eq!(identitas_record_stream_malformed_count(s), 1);
        identitas_record_stream_free(s);
        // One shot: size query, exact, too small, reject.
        let mut n = 0;
        assert_eq!(
            identitas_redact_records(
                null(),
                IDENTITAS_RECORD_CSV,
                CSV_BAD.as_ptr(),
                CSV_BAD.len(),
                null_mut(),
                0,
                &mut n
            ),
            IDENTITAS_STATUS_BUFFER_TOO_SMALL
        );
        let mut buf = vec![0xAAu8; n + 1];
        assert_eq!(
            identitas_redact_records(
                null(),
                IDENTITAS_RECORD_CSV,
                CSV_BAD.as_ptr(),
                CSV_BAD.len(),
                buf.as_mut_ptr(),
                n,
                &mut n
            ),
            IDENTITAS_STATUS_BUFFER_TOO_SMALL
        );
        assert_eq!(buf[0], 0xAA);
        assert_eq!(
            identitas_redact_records(
                null(),
                IDENTITAS_RECORD_CSV,
                CSV_BAD.as_ptr(),
                CSV_BAD.len(),
                buf.as_mut_ptr(),
                n + 1,
                &mut n
            ),
            0
        );
        assert_eq!(buf[n], 0);
        let (streamed, _, _) = record_stream(null(), IDENTITAS_RECORD_CSV, CSV_BAD, 2);
        assert_eq!(&buf[..n], &streamed[..]);
        assert_eq!(
            identitas_redact_records(
                r,
                IDENTITAS_RECORD_CSV,
                CSV_BAD.as_ptr(),
                CSV_BAD.len(),
                buf.as_mut_ptr(),
                buf.len(),
                &mut n
            ),
            IDENTITAS_STATUS_RECORD_REJECTED
        );
        assert_eq!(
            identitas_redact_records(null(), 9, null(), 0, null_mut(), 0, &mut n),
            IDENTITAS_STATUS_RECORD_UNKNOWN_FORMAT
        );
        let mut empty = [0u8; 1];
        assert_eq!(
            identitas_redact_records(
                null(),
                IDENTITAS_RECORD_JSONL,
                null(),
                0,
                empty.as_mut_ptr(),
                1,
                &mut n
            ),
            0
        );
        assert_eq!(n, 0);
        identitas_redactor_free(r);
    }
}

#[test]
fn json_policies_and_keys() {
    let key: Vec<u8> = (0u8..32)
        .map(|i| i.wrapping_mul(73).wrapping_add(5))
        .collect();
    // SAFETY: valid buffers.
    unsafe {
        let r = redactor_json(br#"{"kinds": {"nik": "placeholder"}}"#, &[]).unwrap();
        let text = b"NIK 3171011708450001.";
        let mut out = [0u8; 64];
        let mut n = 0;
        assert_eq!(
            identitas_redact(
                r,
                text.as_ptr(),
                text.len(),
                out.as_mut_ptr(),
                out.len(),
                &mut n
            ),
            0
        );
        assert_eq!(&out[..n], b"NIK [NIK].");
        identitas_redactor_free(r);
        assert_eq!(
            redactor_json(br#"{"kinds": {"nik": "token"}}"#, &[]).unwrap_err(),
            IDENTITAS_STATUS_REDACT_MISSING_KEY
        );
        assert_eq!(
            redactor_json(br#"{"kinds": {"nik": "token"}}"#, &key[..31]).unwrap_err(),
            IDENTITAS_STATUS_REDACT_INVALID_KEY
        );
        assert_eq!(
            redactor_json(br#"{"kinds": {"nik": "token"}}"#, &[7u8; 32]).unwrap_err(),
            IDENTITAS_STATUS_REDACT_INVALID_KEY
        );
        let r = redactor_json(br#"{"kinds": {"nik": "token"}}"#, &key).unwrap();
        assert_eq!(
            identitas_redact(
                r,
                text.as_ptr(),
                text.len(),
                out.as_mut_ptr(),
                out.len(),
                &mut n
            ),
            0
        );
        assert!(
            out[..n].starts_with(b"NIK [NIK:"),
            "{:?}",
            String::from_utf8_lossy(&out[..n])
        );
        identitas_redactor_free(r);
        for bad in [
            &b"{"[..],
            b"[]",
            b"{\"kinds\": {\"nik\": {\"mask\": {\"lead\": 9}}}}",
            b"\xff",
            b"",
        ] {
            assert_eq!(
                redactor_json(bad, &[]).unwrap_err(),
                IDENTITAS_STATUS_REDACT_INVALID_POLICY
            );
        }
        let mut r = null_mut();
        assert_eq!(
            identitas_redactor_from_json(null(), 3, null(), 0, null(), &mut r),
            IDENTITAS_STATUS_NULL_POINTER
        );
        assert_eq!(
            identitas_redactor_from_json(b"{}".as_ptr(), 2, null(), 5, null(), &mut r),
            IDENTITAS_STATUS_NULL_POINTER
        );
        assert_eq!(
            identitas_redactor_from_json(b"{}".as_ptr(), 2, null(), 0, null(), null_mut()),
            IDENTITAS_STATUS_NULL_POINTER
        );
        // Checking a policy: OK with an empty message, or the message.
        let good = br#"{"min_confidence": "high"}"#;
        assert_eq!(
            identitas_policy_check(
                good.as_ptr(),
                good.len(),
                out.as_mut_ptr(),
                out.len(),
                &mut n
            ),
            0
        );
        assert_eq!((n, out[0]), (0, 0));
        let bad = br#"{"colour": 1}"#;
        assert_eq!(
            identitas_policy_check(bad.as_ptr(), bad.len(), null_mut(), 0, &mut n),
            IDENTITAS_STATUS_BUFFER_TOO_SMALL
        );
        let mut msg = vec![0u8; n + 1];
        assert_eq!(
            identitas_policy_check(bad.as_ptr(), bad.len(), msg.as_mut_ptr(), msg.len(), &mut n),
            IDENTITAS_STATUS_REDACT_INVALID_POLICY
        );
        assert!(String::from_utf8_lossy(&msg[..n]).contains("unknown key"));
    }
}

#[test]
fn custom_masks() {
    let text = b"NIK 3171011708450001, HP 0812-3456-7890";
    let run = |masks: &[identitas_mask_spec]| -> Result<String, i32> {
        let mut r = null_mut();
        // SAFETY: valid buffers.
        unsafe {
            let st = identitas_redactor_new_with_masks(
                null(),
                masks.as_ptr(),
                masks.len(),
                null(),
                &mut r,
            );
            if st != 0 {
                assert!(r.is_null());
                return Err(st);
            }
            let mut buf = text.to_vec();
            assert_eq!(identitas_redact_in_place(r, buf.as_mut_ptr(), buf.len()), 0);
            identitas_redactor_free(r);
            Ok(String::from_utf8(buf).unwrap())
        }
    };
    let m = |kind, lead, trail, ch| identitas_mask_spec {
        kind,
        lead,
        trail,
        mask_char: ch,
        reserved: 0,
    };
    assert_eq!(
        run(&[m(IDENTITAS_KIND_NIK, 0, 4, 0)]).unwrap(),
        "NIK ************0001, HP 0812-****-*890"
    );
    assert_eq!(
        run(&[m(IDENTITAS_KIND_NIK, 2, 0, b'#')]).unwrap(),
        "NIK 31##############, HP 0812-****-*890"
    );
    assert_eq!(run(&[]).unwrap(), "NIK 317101**********, HP 0812-****-*890");
    assert_eq!(
        run(&[m(IDENTITAS_KIND_NIK, 7, 0, 0)]),
        Err(IDENTITAS_STATUS_REDACT_INVALID_POLICY)
    );
    assert_eq!(
        run(&[m(IDENTITAS_KIND_NIK, 0, 0, b'a')]),
        Err(IDENTITAS_STATUS_REDACT_INVALID_POLICY)
    );
    assert_eq!(run(&[m(0, 0, 0, 0)]), Err(IDENTITAS_STATUS_UNKNOWN_KIND));
    assert_eq!(
        run(&[identitas_mask_spec {
            reserved: 1,
            ..m(1, 0, 0, 0)
        }]),
        Err(IDENTITAS_STATUS_INVALID_ARGUMENT)
    );
    let mut r = null_mut();
    // SAFETY: deliberate NULL with a count.
    assert_eq!(
        unsafe { identitas_redactor_new_with_masks(null(), null(), 1, null(), &mut r) },
        IDENTITAS_STATUS_NULL_POINTER
    );
}

#[test]
fn scan_hint_and_stream() {
    let kk = b"3171012208450001";
    let mut f = [identitas_finding::default(); 4];
    let mut n = 0;
    // SAFETY: valid buffers.
    unsafe {
        assert_eq!(
            identitas_scan_hint(null(), 0, kk.as_ptr(), kk.len(), f.as_mut_ptr(), 4, &mut n),
            0
        );
        let plain = f[..n].to_vec();
        assert_eq!(
            identitas_scan_hint(
                null(),
                IDENTITAS_KIND_KK,
                kk.as_ptr(),
                kk.len(),
                f.as_mut_ptr(),
                4,
                &mut n
            ),
            0
        );
        assert_eq!(n, 1);
        assert_eq!(f[0].kind, IDENTITAS_KIND_KK);
        assert_eq!(plain.len(), 1);
        assert_eq!(plain[0].kind, IDENTITAS_KIND_NIK, "without a hint a NIK");
        assert_eq!(
            identitas_scan_hint(null(), 99, kk.as_ptr(), kk.len(), f.as_mut_ptr(), 4, &mut n),
            IDENTITAS_STATUS_UNKNOWN_KIND
        );
        assert_eq!(
            identitas_scan_hint(
                null(),
                IDENTITAS_KIND_KK,
                kk.as_ptr(),
                kk.len(),
                null_mut(),
                0,
                &mut n
            ),
            IDENTITAS_STATUS_BUFFER_TOO_SMALL
        );
        assert_eq!(n, 1);

        // The stream gives the one-shot findings at absolute offsets in any chunking.
        let text =
            b"NIK: 3171 0117 0845 0001, HP 0812-3456-7890; lagi 3171011708450001 selesai".repeat(3);
        let mut whole = [identitas_finding::default(); 16];
        assert_eq!(
            identitas_scan(
                null(),
                text.as_ptr(),
                text.len(),
                whole.as_mut_ptr(),
                16,
                &mut n
            ),
            0
        );
        let whole = whole[..n].to_vec();
        assert_eq!(whole.len(), 9);
        for chunk in [1, 2, 7, 100, 1000] {
            let mut s = null_mut();
            assert_eq!(identitas_scan_stream_new(null(), 0, &mut s), 0);
            let mut got = Vec::new();
            let mut buf = [identitas_finding::default(); 2];
            for c in text.chunks(chunk) {
                assert_eq!(identitas_scan_stream_push(s, c.as_ptr(), c.len()), 0);
                loop {
                    assert_eq!(
                        identitas_scan_stream_read(s, buf.as_mut_ptr(), 2, &mut n),
                        0
                    );
                    if n == 0 {
                        break;
                    }
                    got.extend_from_slice(&buf[..n]);
                }
            }
            assert_eq!(identitas_scan_stream_offset(s), text.len());
            assert_eq!(identitas_scan_stream_finish(s), 0);
            assert_eq!(identitas_scan_stream_offset(s), 0);
            let pending = identitas_scan_stream_pending(s);
            let mut rest = vec![identitas_finding::default(); pending];
            assert_eq!(
                identitas_scan_stream_read(s, rest.as_mut_ptr(), pending, &mut n),
                0
            );
            assert_eq!(n, pending);
            got.extend_from_slice(&rest);
            assert_eq!(identitas_scan_stream_pending(s), 0);
            assert_eq!(got, whole, "chunk {chunk}");
            identitas_scan_stream_free(s);
        }
        let mut s = null_mut();
        assert_eq!(
            identitas_scan_stream_new(null(), -1, &mut s),
            IDENTITAS_STATUS_UNKNOWN_KIND
        );
        assert!(s.is_null());
        assert_eq!(
            identitas_scan_stream_new(null(), 0, null_mut()),
            IDENTITAS_STATUS_NULL_POINTER
        );
        assert_eq!(
            identitas_scan_stream_push(null_mut(), null(), 0),
            IDENTITAS_STATUS_NULL_POINTER
        );
        assert_eq!(
            identitas_scan_stream_finish(null_mut()),
            IDENTITAS_STATUS_NULL_POINTER
        );
        assert_eq!(
            identitas_scan_stream_read(null_mut(), null_mut(), 0, &mut n),
            IDENTITAS_STATUS_NULL_POINTER
        );
        assert_eq!(identitas_scan_stream_pending(null()), 0);
        assert_eq!(identitas_scan_stream_offset(null()), 0);
        identitas_scan_stream_free(null_mut());
        // A KK hint on the stream.
        assert_eq!(
            identitas_scan_stream_new(null(), IDENTITAS_KIND_KK, &mut s),
            0
        );
        assert_eq!(
            identitas_scan_stream_push(s, null(), 4),
            IDENTITAS_STATUS_NULL_POINTER
        );
        assert_eq!(identitas_scan_stream_push(s, kk.as_ptr(), kk.len()), 0);
        assert_eq!(identitas_scan_stream_finish(s), 0);
        assert_eq!(identitas_scan_stream_read(s, f.as_mut_ptr(), 4, &mut n), 0);
        assert_eq!((n, f[0].kind), (1, IDENTITAS_KIND_KK));
        identitas_scan_stream_free(s);
    }
}
