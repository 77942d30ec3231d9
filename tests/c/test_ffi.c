/* Assert-based tests of the identitas C ABI: every function, NULL and empty
 * inputs, size queries and too-small buffers. Built with ASan + UBSan by
 * tests/c/run.sh against target/release/libidentitas.a. Synthetic data only. */
#undef NDEBUG
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "identitas.h"

#define S(lit) (const uint8_t *)(lit), (sizeof(lit) - 1)

_Static_assert(sizeof(identitas_nik) == IDENTITAS_SIZEOF_NIK, "nik size");
_Static_assert(sizeof(identitas_kk) == IDENTITAS_SIZEOF_KK, "kk size");
_Static_assert(sizeof(identitas_npwp) == IDENTITAS_SIZEOF_NPWP, "npwp size");
_Static_assert(sizeof(identitas_nitku) == IDENTITAS_SIZEOF_NITKU, "nitku size");
_Static_assert(sizeof(identitas_bpjs_kesehatan) == IDENTITAS_SIZEOF_BPJS_KESEHATAN, "bpjs size");
_Static_assert(sizeof(identitas_kpj) == IDENTITAS_SIZEOF_KPJ, "kpj size");
_Static_assert(sizeof(identitas_faskes) == IDENTITAS_SIZEOF_FASKES, "faskes size");
_Static_assert(sizeof(identitas_nip) == IDENTITAS_SIZEOF_NIP, "nip size");
_Static_assert(sizeof(identitas_phone) == IDENTITAS_SIZEOF_PHONE, "phone size");
_Static_assert(sizeof(identitas_region) == 3 * sizeof(void *) + 16, "region size");
_Static_assert(sizeof(identitas_finding) == 2 * sizeof(size_t) + 8, "finding size");
_Static_assert(sizeof(identitas_redact_options) == 2 * sizeof(void *) + 72, "options size");

static int tests_run = 0;
#define TEST(name) static void name(void)
#define RUN(name) do { name(); tests_run++; printf("ok %s\n", #name); } while (0)

typedef int32_t (*format_fn)(const uint8_t *, size_t, uint8_t *, size_t, size_t *);

/* Formats with a size query first, then an exact buffer, then a too-small one. */
static void check_format(format_fn f, const char *in, const char *want) {
    size_t n = 12345;
    assert(f((const uint8_t *)in, strlen(in), NULL, 0, &n) == IDENTITAS_STATUS_BUFFER_TOO_SMALL);
    assert(n == strlen(want));
    char *buf = malloc(n + 1);
    assert(buf);
    memset(buf, 'x', n + 1);
    assert(f((const uint8_t *)in, strlen(in), (uint8_t *)buf, n, &n) == IDENTITAS_STATUS_BUFFER_TOO_SMALL);
    assert(buf[0] == 'x'); /* nothing written */
    assert(f((const uint8_t *)in, strlen(in), (uint8_t *)buf, n + 1, &n) == IDENTITAS_STATUS_OK);
    assert(strcmp(buf, want) == 0);
    free(buf);
    /* NULL with a length, empty input, NULL out_len */
    assert(f(NULL, 3, NULL, 0, &n) == IDENTITAS_STATUS_NULL_POINTER);
    assert(f(NULL, 0, NULL, 0, &n) == IDENTITAS_STATUS_EMPTY);
    assert(f((const uint8_t *)in, strlen(in), NULL, 0, NULL) == IDENTITAS_STATUS_NULL_POINTER);
}

TEST(versions) {
    assert(identitas_abi_version() == IDENTITAS_ABI_VERSION);
    assert((identitas_abi_version() >> 16) == IDENTITAS_ABI_VERSION_MAJOR);
    assert((identitas_abi_version() & 0xffff) == IDENTITAS_ABI_VERSION_MINOR);
    const char *v = identitas_version();
    assert(v && strlen(v) >= 5);
}

TEST(statuses) {
    assert(strcmp(identitas_status_str(IDENTITAS_STATUS_OK), "ok") == 0);
    assert(strcmp(identitas_status_str(IDENTITAS_STATUS_BUFFER_TOO_SMALL), "buffer_too_small") == 0);
    assert(strcmp(identitas_status_str(IDENTITAS_STATUS_NIK_INVALID_DAY), "invalid_day") == 0);
    assert(strcmp(identitas_status_str(-1), "unknown_status") == 0);
    assert(identitas_status_kind(IDENTITAS_STATUS_OK) == IDENTITAS_ERROR_KIND_NONE);
    assert(identitas_status_kind(IDENTITAS_STATUS_EMPTY) == IDENTITAS_ERROR_KIND_FORMAT);
    assert(identitas_status_kind(IDENTITAS_STATUS_NIK_INVALID_LENGTH) == IDENTITAS_ERROR_KIND_LENGTH);
    assert(identitas_status_kind(IDENTITAS_STATUS_NIK_INVALID_MONTH) == IDENTITAS_ERROR_KIND_COMPONENT);
    assert(identitas_status_kind(IDENTITAS_STATUS_NPWP_INVALID_CHECKSUM) == IDENTITAS_ERROR_KIND_CHECKSUM);
    assert(identitas_status_kind(IDENTITAS_STATUS_NULL_POINTER) == IDENTITAS_ERROR_KIND_USAGE);
}

TEST(nik) {
    identitas_nik n;
    memset(&n, 0xff, sizeof n);
    assert(identitas_nik_is_valid(S("3171011708450001")) == 1);
    assert(identitas_nik_is_valid(S("3171 0117 0845 0001")) == 1);
    assert(identitas_nik_is_valid(S("3171013508450001")) == 0);
    assert(identitas_nik_is_valid(NULL, 0) == 0);
    assert(identitas_nik_is_valid(NULL, 16) == 0);
    assert(identitas_nik_parse(S("32.7305.601090.0009"), &n) == IDENTITAS_STATUS_OK);
    assert(memcmp(n.digits, "3273056010900009", 16) == 0);
    assert(n.sex == IDENTITAS_SEX_FEMALE && n.birth_day == 20 && n.birth_month == 10);
    assert(n.birth_year == 1990 && n.region_code == 327305 && n.reserved == 0);
    assert(identitas_nik_parse(S("9109014107850001"), &n) == IDENTITAS_STATUS_OK);
    assert(n.region_status == IDENTITAS_REGION_RETIRED && n.region_successor == 940401);
    assert(identitas_nik_parse(S("3171018108900001"), &n) == IDENTITAS_STATUS_NIK_INVALID_DAY);
    assert(identitas_nik_parse(S("3171011713450001"), &n) == IDENTITAS_STATUS_NIK_INVALID_MONTH);
    assert(identitas_nik_parse(S("3171011708450000"), &n) == IDENTITAS_STATUS_NIK_INVALID_SERIAL);
    assert(identitas_nik_parse(S("3502027102019913"), &n) == IDENTITAS_STATUS_NIK_INVALID_DATE);
    assert(identitas_nik_parse(S("317101170845001"), &n) == IDENTITAS_STATUS_NIK_INVALID_LENGTH);
    assert(identitas_nik_parse(S("1111111111111111"), &n) == IDENTITAS_STATUS_NIK_REPEATED_DIGITS);
    assert(identitas_nik_parse(S("3.17101E+15"), &n) == IDENTITAS_STATUS_SPREADSHEET_FLOAT);
    assert(identitas_nik_parse(NULL, 0, &n) == IDENTITAS_STATUS_EMPTY);
    assert(identitas_nik_parse(NULL, 16, &n) == IDENTITAS_STATUS_NULL_POINTER);
    assert(identitas_nik_parse(S("3171011708450001"), NULL) == IDENTITAS_STATUS_NULL_POINTER);
    assert(identitas_nik_parse_at(S("3171010101200001"), 2025, 6, 1, &n) == IDENTITAS_STATUS_OK);
    assert(n.birth_year == 2020 && n.century_ambiguous == 1);
    assert(identitas_nik_parse_at(S("3171010101300001"), 2025, 6, 1, &n) == IDENTITAS_STATUS_OK);
    assert(n.birth_year == 1930 && n.century_ambiguous == 0);
    assert(identitas_nik_parse_at(S("3171010101300001"), 2025, 13, 1, &n) == IDENTITAS_STATUS_INVALID_ARGUMENT);
    check_format(identitas_nik_format, "3171-0117-0845-0001", "3171011708450001");
}

TEST(kk) {
    identitas_kk k;
    assert(identitas_kk_is_valid(S("3273051203150007")) == 1);
    assert(identitas_kk_is_valid(S("3273055708900002")) == 0); /* day 57: a woman's NIK */
    assert(identitas_kk_parse(S("3273-05-120315-0007"), &k) == IDENTITAS_STATUS_OK);
    assert(k.region_code == 327305 && k.issue_day == 12 && k.issue_month == 3 && k.serial == 7);
    assert(identitas_kk_parse_at(S("3273051203150007"), 2025, 6, 1, &k) == IDENTITAS_STATUS_OK);
    assert(k.issue_year == 2015);
    assert(identitas_kk_parse(S("3273055708900002"), &k) == IDENTITAS_STATUS_NIK_INVALID_DAY);
    check_format(identitas_kk_format, "3273 0512 0315 0007", "3273051203150007");
}

TEST(npwp_nitku) {
    identitas_npwp p;
    assert(identitas_npwp_is_valid(S("01.312.166.0-091.000")) == 1);
    assert(identitas_npwp_is_valid(S("01.451.869.7-054.000")) == 0);
    assert(identitas_npwp_parse(S("02 . 433 . 917 . 8 - 011 . 000"), &p) == IDENTITAS_STATUS_OK);
    assert(p.form == IDENTITAS_NPWP_FORM_NPWP15 && p.compact_len == 15 && p.check_digit == 8);
    assert(identitas_npwp_parse(S("01.451.869.7-054.000"), &p) == IDENTITAS_STATUS_NPWP_INVALID_CHECKSUM);
    assert(identitas_npwp_parse_lenient(S("01.451.869.7-054.000"), &p) == IDENTITAS_STATUS_OK);
    assert(p.check_digit_valid == 0 && p.expected_check_digit == 0);
    assert(identitas_npwp_parse(S("3171011708450001"), &p) == IDENTITAS_STATUS_OK);
    assert(p.form == IDENTITAS_NPWP_FORM_NIK && p.check_digit == IDENTITAS_NO_CHECK_DIGIT);
    assert(identitas_npwp_parse(S("12345678901234"), &p) == IDENTITAS_STATUS_NPWP_INVALID_LENGTH);
    check_format(identitas_npwp_format, "013121660091000", "01.312.166.0-091.000");
    check_format(identitas_npwp_format, "0831326657201000", "083.132.665.7-201.000");

    identitas_nitku t;
    assert(identitas_nitku_is_valid(S("0831326657201000000000")) == 1);
    assert(identitas_nitku_parse(S("0831326657201000000003"), &t) == IDENTITAS_STATUS_OK);
    assert(t.place == 3 && t.is_main_place == 0 && t.npwp_form == IDENTITAS_NPWP_FORM_NPWP16);
    assert(identitas_nitku_parse(S("083132665720100000000"), &t) == IDENTITAS_STATUS_NITKU_INVALID_LENGTH);
    check_format(identitas_nitku_format, "0831326657201000 000000", "0831326657201000000000");
}

TEST(bpjs_nip) {
    identitas_bpjs_kesehatan b;
    assert(identitas_bpjs_kesehatan_is_valid(S("0001944358911")) == 1);
    assert(identitas_bpjs_kesehatan_parse(S("0001944358911"), &b) == IDENTITAS_STATUS_OK);
    assert(b.has_usual_prefix == 1 && memcmp(b.digits, "0001944358911", 13) == 0);
    assert(identitas_bpjs_kesehatan_parse(S("3171011708450001"), &b) == IDENTITAS_STATUS_BPJS_NIK_NOT_CARD);
    check_format(identitas_bpjs_kesehatan_format, "0001 9443 58911", "0001944358911");

    identitas_kpj k;
    assert(identitas_kpj_is_valid(S("12345678901")) == 1);
    assert(identitas_kpj_parse(S("12345678901"), &k) == IDENTITAS_STATUS_OK);
    assert(k.len == 11 && k.is_standard_length == 1);
    assert(identitas_kpj_parse(S("123"), &k) == IDENTITAS_STATUS_BPJS_INVALID_LENGTH);
    check_format(identitas_kpj_format, "1234567890", "1234567890");

    identitas_faskes f;
    assert(identitas_faskes_parse(S(" 0301r001 "), &f) == IDENTITAS_STATUS_OK);
    assert(memcmp(f.code, "0301R001", 8) == 0 && f.facility_letter == 'R' && f.serial == 1);
    assert(identitas_faskes_parse(S("0301R01"), &f) == IDENTITAS_STATUS_BPJS_INVALID_CODE_LENGTH);

    identitas_nip n;
    assert(identitas_nip_is_valid(S("196608011988031001")) == 1);
    assert(identitas_nip_parse(S("19660801 198803 1 001"), &n) == IDENTITAS_STATUS_OK);
    assert(n.birth_year == 1966 && n.birth_month == 8 && n.birth_day == 1);
    assert(n.appointment_year == 1988 && n.appointment_month == 3 && n.sex == IDENTITAS_SEX_MALE);
    assert(identitas_nip_parse(S("196608011988033001"), &n) == IDENTITAS_STATUS_NIP_INVALID_SEX);
    check_format(identitas_nip_format, "196608011988031001", "19660801 198803 1 001");
}

TEST(generic_and_batch) {
    assert(identitas_is_valid(IDENTITAS_KIND_NIK, S("3171011708450001")) == 1);
    assert(identitas_is_valid(IDENTITAS_KIND_NPWP, S("013121660091000")) == 1);
    assert(identitas_is_valid(999, S("3171011708450001")) == 0);
    assert(identitas_validate(IDENTITAS_KIND_NIK, S("3171013508450001")) == IDENTITAS_STATUS_NIK_INVALID_DAY);
    assert(identitas_validate(IDENTITAS_KIND_NIP, S("196608011988031001")) == IDENTITAS_STATUS_OK);
    assert(identitas_validate(0, S("1")) == IDENTITAS_STATUS_UNKNOWN_KIND);

    const char data[] = "3171011708450001" "3171013508450001" "9109014107850001";
    size_t offsets[4] = {0, 16, 32, 48};
    uint8_t ok[3];
    int32_t st[3];
    assert(identitas_validate_batch(IDENTITAS_KIND_NIK, (const uint8_t *)data, 48, offsets, 3, ok, NULL) == 0);
    assert(ok[0] == 1 && ok[1] == 0 && ok[2] == 1);
    assert(identitas_validate_batch(IDENTITAS_KIND_NIK, (const uint8_t *)data, 48, offsets, 3, NULL, st) == 0);
    assert(st[0] == 0 && st[1] == IDENTITAS_STATUS_NIK_INVALID_DAY && st[2] == 0);
    offsets[3] = 49; /* past the data */
    assert(identitas_validate_batch(IDENTITAS_KIND_NIK, (const uint8_t *)data, 48, offsets, 3, ok, NULL) == IDENTITAS_STATUS_INVALID_ARGUMENT);
    assert(identitas_validate_batch(IDENTITAS_KIND_NIK, NULL, 0, NULL, 0, NULL, NULL) == IDENTITAS_STATUS_OK);

    /* Outputs overlapping the offsets or the data are refused before any write. */
    offsets[3] = 48;
    size_t arena[8] = {0, 16, 32, 48, 0, 0, 0, 0};
    assert(identitas_validate_batch(IDENTITAS_KIND_NIK, (const uint8_t *)data, 48, arena, 3,
                                    (uint8_t *)arena + sizeof(size_t) * 4 - 1, NULL) == IDENTITAS_STATUS_OVERLAPPING_OFFSETS);
    assert(identitas_validate_batch(IDENTITAS_KIND_NIK, (const uint8_t *)data, 48, arena, 3,
                                    NULL, (int32_t *)(void *)&arena[3]) == IDENTITAS_STATUS_OVERLAPPING_OFFSETS);
    assert(arena[3] == 48);
    assert(identitas_validate_batch(IDENTITAS_KIND_NIK, (const uint8_t *)data, 48, arena, 3,
                                    NULL, (int32_t *)(void *)&arena[4]) == IDENTITAS_STATUS_OK);
    char copy[64];
    memcpy(copy, data, 48);
    assert(identitas_validate_batch(IDENTITAS_KIND_NIK, (const uint8_t *)copy, 48, offsets, 3,
                                    (uint8_t *)copy + 47, NULL) == IDENTITAS_STATUS_OVERLAPPING_BUFFERS);
    assert(identitas_validate_batch(IDENTITAS_KIND_NIK, (const uint8_t *)copy, 48, offsets, 3,
                                    (uint8_t *)copy + 48, NULL) == IDENTITAS_STATUS_OK);
    assert(strcmp(identitas_status_str(IDENTITAS_STATUS_OVERLAPPING_OFFSETS), "overlapping_offsets") == 0);
}

TEST(region) {
    identitas_region r;
    assert(identitas_region_lookup(S("32.73.05"), &r) == IDENTITAS_STATUS_OK);
    assert(strcmp(r.province, "Jawa Barat") == 0);
    assert(strcmp(r.regency, "Kota Bandung") == 0);
    assert(strcmp(r.district, "Andir") == 0);
    assert(r.code == 327305 && r.digits == 6 && r.status == IDENTITAS_REGION_CURRENT);
    assert(identitas_region_lookup(S("9271"), &r) == IDENTITAS_STATUS_OK);
    assert(r.status == IDENTITAS_REGION_RETIRED && r.successor == 9671 && r.district == NULL);
    assert(identitas_region_lookup(S("01"), &r) == IDENTITAS_STATUS_OK);
    assert(r.status == IDENTITAS_REGION_UNKNOWN && r.province == NULL);
    assert(identitas_region_lookup(S("123"), &r) == IDENTITAS_STATUS_INVALID_ARGUMENT);
    assert(identitas_region_lookup(NULL, 4, &r) == IDENTITAS_STATUS_NULL_POINTER);
    assert(identitas_region_lookup(S("32"), NULL) == IDENTITAS_STATUS_NULL_POINTER);
    assert(strcmp(identitas_province_name(92), "Papua Barat") == 0);
    assert(identitas_province_name(22) == NULL);
}

static int32_t count_findings(void *user, const identitas_finding *f) {
    assert(f->start < f->end);
    ++*(size_t *)user;
    return 0;
}

TEST(scanner) {
    identitas_scanner *s = NULL;
    assert(identitas_scanner_new(1u << 30, &s) == IDENTITAS_STATUS_UNKNOWN_KIND && s == NULL);
    assert(identitas_scanner_new((1u << IDENTITAS_KIND_NIK) | (1u << IDENTITAS_KIND_PHONE), &s) == IDENTITAS_STATUS_OK);
    const char text[] = "NIK 3171011708450001, hp 0812-3456-7890";
    size_t count = 999;
    int32_t st = identitas_scan(s, (const uint8_t *)text, strlen(text), NULL, 0, &count);
    assert(st == IDENTITAS_STATUS_OK || st == IDENTITAS_STATUS_BUFFER_TOO_SMALL);
    assert(count != 999);
    identitas_finding found[8];
    assert(count <= 8);
    assert(identitas_scan(s, (const uint8_t *)text, strlen(text), found, 8, &count) == IDENTITAS_STATUS_OK);
    for (size_t i = 0; i < count; i++) {
        assert(found[i].end <= strlen(text));
        assert(found[i].kind == IDENTITAS_KIND_NIK || found[i].kind == IDENTITAS_KIND_PHONE);
    }
    size_t seen = 0;
    assert(identitas_scan_each(s, (const uint8_t *)text, strlen(text), count_findings, &seen) == IDENTITAS_STATUS_OK);
    assert(seen == count);
    assert(identitas_scan_each(NULL, NULL, 0, count_findings, &seen) == IDENTITAS_STATUS_OK);
    assert(identitas_scan_each(s, (const uint8_t *)text, 3, NULL, NULL) == IDENTITAS_STATUS_NULL_POINTER);
    assert(identitas_scan(NULL, NULL, 5, NULL, 0, &count) == IDENTITAS_STATUS_NULL_POINTER);
    identitas_scanner_free(s);
    identitas_scanner_free(NULL);
}

TEST(redaction) {
    const char text[] = "NIK 3171011708450001, hp 0812-3456-7890";
    const size_t len = sizeof text - 1;
    identitas_finding f[2] = {
        {4, 20, IDENTITAS_KIND_NIK, IDENTITAS_CONFIDENCE_HIGH},
        {25, 39, IDENTITAS_KIND_PHONE, IDENTITAS_CONFIDENCE_HIGH},
    };
    char out[64];
    size_t n = 0;
    assert(identitas_redact_findings(NULL, (const uint8_t *)text, len, f, 2, NULL, 0, &n) == IDENTITAS_STATUS_BUFFER_TOO_SMALL);
    assert(n == len);
    assert(identitas_redact_findings(NULL, (const uint8_t *)text, len, f, 2, (uint8_t *)out, sizeof out, &n) == IDENTITAS_STATUS_OK);
    assert(strcmp(out, "NIK 317101**********, hp 0812-****-*890") == 0);
    char buf[sizeof text];
    memcpy(buf, text, sizeof text);
    assert(identitas_redact_findings_in_place(NULL, (uint8_t *)buf, len, f, 2) == IDENTITAS_STATUS_OK);
    assert(strcmp(buf, out) == 0);
    /* Overlapping output and input. */
    assert(identitas_redact_findings(NULL, (uint8_t *)buf, len, f, 2, (uint8_t *)buf + 4, 30, &n) == IDENTITAS_STATUS_OVERLAPPING_BUFFERS);

    identitas_redact_options o;
    assert(identitas_redact_options_default(&o) == IDENTITAS_STATUS_OK);
    assert(identitas_redact_options_default(NULL) == IDENTITAS_STATUS_NULL_POINTER);
    o.operators[IDENTITAS_KIND_NIK] = IDENTITAS_OP_NUMBERED;
    o.operators[IDENTITAS_KIND_PHONE] = IDENTITAS_OP_MASK_FULL;
    identitas_redactor *r = NULL;
    assert(identitas_redactor_new(&o, NULL, &r) == IDENTITAS_STATUS_OK && r != NULL);
    assert(identitas_redact_findings(r, (const uint8_t *)text, len, f, 2, (uint8_t *)out, sizeof out, &n) == IDENTITAS_STATUS_OK);
    assert(strcmp(out, "NIK [NIK_1], hp 0***-****-****") == 0); /* a phone keeps its trunk 0 */
    memcpy(buf, text, sizeof text);
    assert(identitas_redact_findings_in_place(r, (uint8_t *)buf, len, f, 2) == IDENTITAS_STATUS_REDACT_NOT_LENGTH_PRESERVING);
    assert(strcmp(buf, text) == 0);
    assert(identitas_redact(r, (const uint8_t *)text, len, (uint8_t *)out, sizeof out, &n) == IDENTITAS_STATUS_OK);
    assert(identitas_redact_in_place(r, NULL, 0) == IDENTITAS_STATUS_OK);
    identitas_redactor_free(r);
    identitas_redactor_free(NULL);

    o.operators[IDENTITAS_KIND_NIK] = IDENTITAS_OP_PSEUDONYM;
    r = NULL;
    assert(identitas_redactor_new(&o, NULL, &r) == IDENTITAS_STATUS_REDACT_MISSING_KEY && r == NULL);
    uint8_t key[IDENTITAS_KEY_LEN];
    for (size_t i = 0; i < sizeof key; i++) key[i] = (uint8_t)(i * 73 + 5);
    o.key = key;
    o.key_len = sizeof key;
    assert(identitas_redactor_new(&o, NULL, &r) == IDENTITAS_STATUS_OK);
    memcpy(buf, text, sizeof text);
    assert(identitas_redact_findings_in_place(r, (uint8_t *)buf, len, f, 1) == IDENTITAS_STATUS_OK);
    assert(memcmp(buf, text, 4) == 0 && memcmp(buf + 4, text + 4, 16) != 0);
    assert(identitas_nik_is_valid((const uint8_t *)buf + 4, 16) == 1); /* a valid NIK again */
    identitas_redactor_free(r);

    /* Defaults with NULL redactor: the text without findings comes back whole. */
    assert(identitas_redact(NULL, S("tidak ada"), (uint8_t *)out, sizeof out, &n) == IDENTITAS_STATUS_OK);
    assert(strcmp(out, "tidak ada") == 0);
    memcpy(buf, "tidak ada", 10);
    assert(identitas_redact_in_place(NULL, (uint8_t *)buf, 9) == IDENTITAS_STATUS_OK);
}

TEST(stream) {
    identitas_redact_stream *s = NULL;
    assert(identitas_redact_stream_new(NULL, &s) == IDENTITAS_STATUS_OK);
    const char *line = "pasien NIK 3171011708450001 kontrol\n";
    char *all = calloc(1, 1 << 16);
    size_t total = 0;
    uint8_t buf[100];
    for (int i = 0; i < 500; i++) {
        assert(identitas_redact_stream_push(s, (const uint8_t *)line, strlen(line)) == IDENTITAS_STATUS_OK);
        size_t got;
        do {
            assert(identitas_redact_stream_read(s, buf, sizeof buf, &got) == IDENTITAS_STATUS_OK);
            memcpy(all + total, buf, got);
            total += got;
        } while (got > 0);
    }
    assert(identitas_redact_stream_finish(s) == IDENTITAS_STATUS_OK);
    assert(identitas_redact_stream_push(s, S("x")) == IDENTITAS_STATUS_STREAM_FINISHED);
    size_t pending = identitas_redact_stream_pending(s), got = 0;
    assert(identitas_redact_stream_read(s, (uint8_t *)all + total, pending, &got) == IDENTITAS_STATUS_OK);
    assert(got == pending);
    total += got;
    assert(total == 500 * strlen(line));
    assert(identitas_redact_stream_pending(s) == 0);
    assert(identitas_redact_stream_read(s, NULL, 0, &got) == IDENTITAS_STATUS_OK && got == 0);
    identitas_redact_stream_free(s);
    identitas_redact_stream_free(NULL);
    assert(identitas_redact_stream_pending(NULL) == 0);
    assert(identitas_redact_stream_push(NULL, S("x")) == IDENTITAS_STATUS_NULL_POINTER);
    free(all);
}

TEST(phone) {
    identitas_phone p;
    assert(identitas_phone_is_valid(S("+62 812-3456-7890")) == 1);
    assert(identitas_phone_is_valid(S("08412345678")) == 0);
    assert(identitas_phone_is_valid(NULL, 5) == 0);
    assert(identitas_phone_parse(S("0812-3456-7890"), &p) == IDENTITAS_STATUS_OK);
    assert(p.nsn_len == 11 && memcmp(p.nsn, "81234567890", 11) == 0);
    assert(p.type == IDENTITAS_PHONE_TYPE_MOBILE && p.had_country_code == 0);
    assert(identitas_phone_parse(S("(021) 5550123"), &p) == IDENTITAS_STATUS_OK);
    assert(p.type == IDENTITAS_PHONE_TYPE_FIXED_LINE);
    assert(identitas_phone_parse(S("08412345678"), &p) == IDENTITAS_STATUS_PHONE_UNKNOWN_PREFIX);
    assert(identitas_phone_parse(S("+1 202 555 0100"), &p) == IDENTITAS_STATUS_PHONE_COUNTRY_CODE);
    assert(identitas_phone_parse(S("08123"), &p) == IDENTITAS_STATUS_PHONE_INVALID_LENGTH);
    check_format(identitas_phone_normalize, "6281234567890", "+6281234567890");
    char buf[IDENTITAS_FORMAT_MAX];
    size_t n;
    assert(identitas_phone_format(S("081234567890"), IDENTITAS_PHONE_FORMAT_INTERNATIONAL, (uint8_t *)buf, sizeof buf, &n) == IDENTITAS_STATUS_OK);
    assert(strcmp(buf, "+62 812-3456-7890") == 0);
    assert(identitas_phone_format(S("+62215550123"), IDENTITAS_PHONE_FORMAT_NATIONAL, (uint8_t *)buf, sizeof buf, &n) == IDENTITAS_STATUS_OK);
    assert(strcmp(buf, "(021) 5550123") == 0);
    assert(identitas_phone_format(S("081234567890"), 7, (uint8_t *)buf, sizeof buf, &n) == IDENTITAS_STATUS_INVALID_ARGUMENT);
    const char *origin = identitas_phone_origin(S("0812-3456-7890"));
    assert(origin != NULL && strlen(origin) > 0);
    assert(identitas_phone_origin(S("(0274) 512345")) != NULL);
    assert(identitas_phone_origin(S("x")) == NULL);
    uint32_t flags = 0;
    assert(identitas_phone_short(S("119"), &flags) == IDENTITAS_STATUS_OK && (flags & IDENTITAS_SHORT_EMERGENCY));
    assert(identitas_phone_short(S("081234567890"), &flags) == IDENTITAS_STATUS_PHONE_NOT_SHORT_NUMBER);
    assert(identitas_phone_short(S("112"), NULL) == IDENTITAS_STATUS_NULL_POINTER);
}

TEST(scan_and_redact_text) {
    const char text[] = "Pasien NIK 3171 0117 0845 0001, HP +62 812-3456-7890.";
    identitas_finding f[4];
    size_t n = 0;
    assert(identitas_scan(NULL, (const uint8_t *)text, strlen(text), f, 4, &n) == IDENTITAS_STATUS_OK);
    assert(n == 2 && f[0].kind == IDENTITAS_KIND_NIK && f[1].kind == IDENTITAS_KIND_PHONE);
    assert(f[0].end - f[0].start == 19 && memcmp(text + f[0].start, "3171 0117 0845 0001", 19) == 0);
    assert(f[0].confidence == IDENTITAS_CONFIDENCE_HIGH);
    char out[128];
    assert(identitas_redact(NULL, (const uint8_t *)text, strlen(text), (uint8_t *)out, sizeof out, &n) == IDENTITAS_STATUS_OK);
    assert(n == strlen(text) && strstr(out, "0845") == NULL && strstr(out, "3456") == NULL);
    char buf[sizeof text];
    memcpy(buf, text, sizeof text);
    assert(identitas_redact_in_place(NULL, (uint8_t *)buf, strlen(buf)) == IDENTITAS_STATUS_OK);
    assert(strcmp(buf, out) == 0);
}

int main(void) {
    RUN(versions);
    RUN(statuses);
    RUN(nik);
    RUN(kk);
    RUN(npwp_nitku);
    RUN(bpjs_nip);
    RUN(generic_and_batch);
    RUN(region);
    RUN(phone);
    RUN(scan_and_redact_text);
    RUN(scanner);
    RUN(redaction);
    RUN(stream);
    printf("%d passed, 0 failed\n", tests_run);
    return 0;
}
