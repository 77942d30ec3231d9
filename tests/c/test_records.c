/* Assert-based tests of the ABI 1.1 additions: record streams and one-shot
 * record redaction, JSON policies, custom masks, scan hints and streaming
 * scans. NULL and empty inputs, size queries, too-small buffers. Built with
 * ASan + UBSan by tests/c/run.sh. Synthetic data only. */
#undef NDEBUG
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "identitas.h"

#define S(lit) (const uint8_t *)(lit), (sizeof(lit) - 1)

_Static_assert(sizeof(identitas_mask_spec) == IDENTITAS_SIZEOF_MASK_SPEC, "mask spec size");
_Static_assert(sizeof(identitas_finding) == 2 * sizeof(size_t) + 8, "finding size");

static int tests_run = 0;
#define TEST(name) static void name(void)
#define RUN(name) do { name(); tests_run++; printf("ok %s\n", #name); } while (0)

static const char CSV[] =
    "nik,nama\n3171011708450001,\"Budi\"x\n3171011708450001,Ani\n1,2,3\n";
static const char CSV_WANT[] =
    "nik,nama\n317101**********,\"Budi\"x\n317101**********,***\n1,2,3\n";

/* Pushes CSV one byte at a time, reading 3 bytes at a time. */
TEST(record_stream) {
    identitas_record_stream *s = NULL;
    assert(identitas_record_stream_new(NULL, IDENTITAS_RECORD_CSV, &s) == IDENTITAS_STATUS_OK && s);
    char out[sizeof CSV_WANT + 16];
    size_t total = 0, got = 0;
    uint8_t buf[3];
    for (size_t i = 0; i < sizeof CSV - 1; i++) {
        assert(identitas_record_stream_push(s, (const uint8_t *)CSV + i, 1) == IDENTITAS_STATUS_OK);
        do {
            assert(identitas_record_stream_read(s, buf, sizeof buf, &got) == IDENTITAS_STATUS_OK);
            assert(total + got < sizeof out);
            memcpy(out + total, buf, got);
            total += got;
        } while (got > 0);
    }
    assert(identitas_record_stream_push(s, NULL, 0) == IDENTITAS_STATUS_OK);
    assert(identitas_record_stream_push(s, NULL, 1) == IDENTITAS_STATUS_NULL_POINTER);
    assert(identitas_record_stream_finish(s) == IDENTITAS_STATUS_OK);
    assert(identitas_record_stream_finish(s) == IDENTITAS_STATUS_OK);
    assert(identitas_record_stream_push(s, S("x")) == IDENTITAS_STATUS_STREAM_FINISHED);
    size_t pending = identitas_record_stream_pending(s);
    assert(identitas_record_stream_read(s, (uint8_t *)out + total, pending, &got) == IDENTITAS_STATUS_OK);
    assert(got == pending);
    total += got;
    out[total] = 0;
    assert(strcmp(out, CSV_WANT) == 0);
    assert(identitas_record_stream_read(s, NULL, 0, &got) == IDENTITAS_STATUS_OK && got == 0);
    assert(identitas_record_stream_read(s, NULL, 4, &got) == IDENTITAS_STATUS_NULL_POINTER);
    assert(identitas_record_stream_read(s, buf, 1, NULL) == IDENTITAS_STATUS_NULL_POINTER);

    assert(identitas_record_stream_records(s) == 4);
    assert(identitas_record_stream_malformed_count(s) == 2);
    size_t count = 99;
    uint64_t lines[2] = {0, 0};
    assert(identitas_record_stream_malformed_lines(s, NULL, 0, &count) == IDENTITAS_STATUS_BUFFER_TOO_SMALL);
    assert(count == 2);
    assert(identitas_record_stream_malformed_lines(s, lines, 1, &count) == IDENTITAS_STATUS_BUFFER_TOO_SMALL);
    assert(count == 2 && lines[0] == 2 && lines[1] == 0);
    assert(identitas_record_stream_malformed_lines(s, lines, 2, &count) == IDENTITAS_STATUS_OK);
    assert(lines[0] == 2 && lines[1] == 4);
    assert(identitas_record_stream_malformed_lines(s, lines, 2, NULL) == IDENTITAS_STATUS_NULL_POINTER);
    assert(identitas_record_stream_malformed_lines(NULL, lines, 2, &count) == IDENTITAS_STATUS_NULL_POINTER);
    identitas_record_stream_free(s);

    /* NULL handles and bad formats. */
    identitas_record_stream_free(NULL);
    assert(identitas_record_stream_pending(NULL) == 0);
    assert(identitas_record_stream_records(NULL) == 0);
    assert(identitas_record_stream_malformed_count(NULL) == 0);
    assert(identitas_record_stream_push(NULL, S("x")) == IDENTITAS_STATUS_NULL_POINTER);
    assert(identitas_record_stream_finish(NULL) == IDENTITAS_STATUS_NULL_POINTER);
    assert(identitas_record_stream_read(NULL, buf, 1, &got) == IDENTITAS_STATUS_NULL_POINTER);
    s = NULL;
    assert(identitas_record_stream_new(NULL, 0, &s) == IDENTITAS_STATUS_RECORD_UNKNOWN_FORMAT && s == NULL);
    assert(identitas_record_stream_new(NULL, IDENTITAS_RECORD_CSV, NULL) == IDENTITAS_STATUS_NULL_POINTER);

    /* JSON lines, empty input. */
    assert(identitas_record_stream_new(NULL, IDENTITAS_RECORD_JSONL, &s) == IDENTITAS_STATUS_OK);
    assert(identitas_record_stream_finish(s) == IDENTITAS_STATUS_OK);
    assert(identitas_record_stream_pending(s) == 0);
    assert(identitas_record_stream_malformed_lines(s, NULL, 0, &count) == IDENTITAS_STATUS_OK && count == 0);
    identitas_record_stream_free(s);
    assert(strcmp(identitas_status_str(IDENTITAS_STATUS_RECORD_REJECTED), "record_rejected") == 0);
}

TEST(redact_records_one_shot) {
    size_t n = 0;
    assert(identitas_redact_records(NULL, IDENTITAS_RECORD_CSV, S(CSV), NULL, 0, &n) == IDENTITAS_STATUS_BUFFER_TOO_SMALL);
    assert(n == sizeof CSV_WANT - 1);
    char *out = malloc(n + 1);
    assert(out);
    memset(out, 'x', n + 1);
    assert(identitas_redact_records(NULL, IDENTITAS_RECORD_CSV, S(CSV), (uint8_t *)out, n, &n) == IDENTITAS_STATUS_BUFFER_TOO_SMALL);
    assert(out[0] == 'x');
    assert(identitas_redact_records(NULL, IDENTITAS_RECORD_CSV, S(CSV), (uint8_t *)out, n + 1, &n) == IDENTITAS_STATUS_OK);
    assert(strcmp(out, CSV_WANT) == 0);
    free(out);

    char j[64];
    assert(identitas_redact_records(NULL, IDENTITAS_RECORD_JSONL, S("{\"nik\": 3171011708450001}\n"), (uint8_t *)j, sizeof j, &n) == IDENTITAS_STATUS_OK);
    assert(strcmp(j, "{\"nik\": \"317101**********\"}\n") == 0);
    assert(identitas_redact_records(NULL, IDENTITAS_RECORD_JSONL, NULL, 0, (uint8_t *)j, sizeof j, &n) == IDENTITAS_STATUS_OK);
    assert(n == 0 && j[0] == 0);
    assert(identitas_redact_records(NULL, IDENTITAS_RECORD_JSONL, NULL, 3, (uint8_t *)j, sizeof j, &n) == IDENTITAS_STATUS_NULL_POINTER);
    assert(identitas_redact_records(NULL, 7, S("a"), (uint8_t *)j, sizeof j, &n) == IDENTITAS_STATUS_RECORD_UNKNOWN_FORMAT);
    assert(identitas_redact_records(NULL, IDENTITAS_RECORD_CSV, S("a"), (uint8_t *)j, sizeof j, NULL) == IDENTITAS_STATUS_NULL_POINTER);
    /* Output overlapping the input. */
    char io[] = "nik\n3171011708450001\n";
    assert(identitas_redact_records(NULL, IDENTITAS_RECORD_CSV, (uint8_t *)io, strlen(io), (uint8_t *)io + 2, 10, &n) == IDENTITAS_STATUS_OVERLAPPING_BUFFERS);

    /* A rejecting policy. */
    identitas_redactor *r = NULL;
    assert(identitas_redactor_from_json(S("{\"on_malformed\": \"reject\"}"), NULL, 0, NULL, &r) == IDENTITAS_STATUS_OK);
    assert(identitas_redact_records(r, IDENTITAS_RECORD_CSV, S(CSV), NULL, 0, &n) == IDENTITAS_STATUS_RECORD_REJECTED);
    identitas_record_stream *s = NULL;
    assert(identitas_record_stream_new(r, IDENTITAS_RECORD_CSV, &s) == IDENTITAS_STATUS_OK);
    identitas_redactor_free(r); /* the stream keeps its own copy */
    assert(identitas_record_stream_push(s, S(CSV)) == IDENTITAS_STATUS_RECORD_REJECTED);
    assert(identitas_record_stream_push(s, S("1,2\n")) == IDENTITAS_STATUS_STREAM_FINISHED);
    identitas_record_stream_free(s);
}

TEST(json_policy) {
    identitas_redactor *r = NULL;
    assert(identitas_redactor_from_json(S("{\"kinds\": {\"nik\": \"placeholder\", \"phone\": {\"mask\": {\"lead\": 0, \"trail\": 2, \"char\": \"#\"}}}}"),
                                        NULL, 0, NULL, &r) == IDENTITAS_STATUS_OK && r);
    char out[64];
    size_t n = 0;
    assert(identitas_redact(r, S("NIK 3171011708450001 HP 081234567890"), (uint8_t *)out, sizeof out, &n) == IDENTITAS_STATUS_OK);
    assert(strcmp(out, "NIK [NIK] HP 0#########90") == 0);
    identitas_redactor_free(r);

    /* Keys: missing, wrong length, constant, good. */
    const char tok[] = "{\"kinds\": {\"nik\": \"token\"}}";
    uint8_t key[IDENTITAS_KEY_LEN];
    for (size_t i = 0; i < sizeof key; i++) key[i] = (uint8_t)(i * 73 + 5);
    r = NULL;
    assert(identitas_redactor_from_json(S(tok), NULL, 0, NULL, &r) == IDENTITAS_STATUS_REDACT_MISSING_KEY && r == NULL);
    assert(identitas_redactor_from_json(S(tok), key, 31, NULL, &r) == IDENTITAS_STATUS_REDACT_INVALID_KEY && r == NULL);
    assert(identitas_redactor_from_json(S(tok), NULL, 32, NULL, &r) == IDENTITAS_STATUS_NULL_POINTER);
    uint8_t same[IDENTITAS_KEY_LEN];
    memset(same, 7, sizeof same);
    assert(identitas_redactor_from_json(S(tok), same, sizeof same, NULL, &r) == IDENTITAS_STATUS_REDACT_INVALID_KEY);
    identitas_scanner *sc = NULL;
    assert(identitas_scanner_new(1u << IDENTITAS_KIND_NIK, &sc) == IDENTITAS_STATUS_OK);
    assert(identitas_redactor_from_json(S(tok), key, sizeof key, sc, &r) == IDENTITAS_STATUS_OK && r);
    identitas_scanner_free(sc);
    memset(key, 0, sizeof key); /* the library keeps its own copy */
    assert(identitas_redact(r, S("3171011708450001 081234567890"), (uint8_t *)out, sizeof out, &n) == IDENTITAS_STATUS_OK);
    assert(strncmp(out, "[NIK:", 5) == 0 && strstr(out, "081234567890") != NULL); /* phones not scanned */
    identitas_redactor_free(r);

    /* Bad policies, NULLs. */
    assert(identitas_redactor_from_json(NULL, 0, NULL, 0, NULL, &r) == IDENTITAS_STATUS_REDACT_INVALID_POLICY);
    assert(identitas_redactor_from_json(NULL, 4, NULL, 0, NULL, &r) == IDENTITAS_STATUS_NULL_POINTER);
    assert(identitas_redactor_from_json(S("{\"kinds\": 3}"), NULL, 0, NULL, &r) == IDENTITAS_STATUS_REDACT_INVALID_POLICY);
    assert(identitas_redactor_from_json(S("\xff{}"), NULL, 0, NULL, &r) == IDENTITAS_STATUS_REDACT_INVALID_POLICY);
    assert(identitas_redactor_from_json(S("{}"), NULL, 0, NULL, NULL) == IDENTITAS_STATUS_NULL_POINTER);

    /* identitas_policy_check: size query, too small, message, valid. */
    char msg[128];
    assert(identitas_policy_check(S("{\"kinds\": 3}"), NULL, 0, &n) == IDENTITAS_STATUS_BUFFER_TOO_SMALL);
    assert(n > 5 && n < sizeof msg);
    assert(identitas_policy_check(S("{\"kinds\": 3}"), (uint8_t *)msg, n, &n) == IDENTITAS_STATUS_BUFFER_TOO_SMALL);
    assert(identitas_policy_check(S("{\"kinds\": 3}"), (uint8_t *)msg, sizeof msg, &n) == IDENTITAS_STATUS_REDACT_INVALID_POLICY);
    assert(strstr(msg, "kinds") != NULL && strlen(msg) == n);
    assert(identitas_policy_check(S("{}"), (uint8_t *)msg, sizeof msg, &n) == IDENTITAS_STATUS_OK && n == 0 && msg[0] == 0);
    assert(identitas_policy_check(S("{}"), NULL, 0, &n) == IDENTITAS_STATUS_OK && n == 0);
    assert(identitas_policy_check(S("{}"), (uint8_t *)msg, sizeof msg, NULL) == IDENTITAS_STATUS_NULL_POINTER);
    assert(identitas_policy_check(NULL, 2, (uint8_t *)msg, sizeof msg, &n) == IDENTITAS_STATUS_NULL_POINTER);
}

TEST(custom_masks) {
    identitas_mask_spec m[2];
    memset(m, 0, sizeof m);
    m[0].kind = IDENTITAS_KIND_NIK;
    m[0].trail = 4;
    m[1].kind = IDENTITAS_KIND_PHONE;
    m[1].lead = 0;
    m[1].trail = 0;
    m[1].mask_char = '#';
    identitas_redactor *r = NULL;
    assert(identitas_redactor_new_with_masks(NULL, m, 2, NULL, &r) == IDENTITAS_STATUS_OK && r);
    char buf[] = "NIK 3171011708450001 HP 0812-3456-7890";
    assert(identitas_redact_in_place(r, (uint8_t *)buf, strlen(buf)) == IDENTITAS_STATUS_OK);
    assert(strcmp(buf, "NIK ************0001 HP 0###-####-####") == 0);
    identitas_redactor_free(r);

    /* Options' mask_char is the default for specs with mask_char 0. */
    identitas_redact_options o;
    assert(identitas_redact_options_default(&o) == IDENTITAS_STATUS_OK);
    o.mask_char = '-';
    assert(identitas_redactor_new_with_masks(&o, m, 1, NULL, &r) == IDENTITAS_STATUS_OK);
    char b2[] = "3171011708450001";
    assert(identitas_redact_in_place(r, (uint8_t *)b2, 16) == IDENTITAS_STATUS_OK);
    assert(strcmp(b2, "------------0001") == 0);
    identitas_redactor_free(r);
    assert(identitas_redactor_new_with_masks(&o, NULL, 0, NULL, &r) == IDENTITAS_STATUS_OK);
    identitas_redactor_free(r);

    r = NULL;
    m[0].trail = 7; /* shows too much of a NIK */
    assert(identitas_redactor_new_with_masks(NULL, m, 1, NULL, &r) == IDENTITAS_STATUS_REDACT_INVALID_POLICY && r == NULL);
    m[0].trail = 0;
    m[0].reserved = 1;
    assert(identitas_redactor_new_with_masks(NULL, m, 1, NULL, &r) == IDENTITAS_STATUS_INVALID_ARGUMENT);
    m[0].reserved = 0;
    m[0].kind = 42;
    assert(identitas_redactor_new_with_masks(NULL, m, 1, NULL, &r) == IDENTITAS_STATUS_UNKNOWN_KIND);
    assert(identitas_redactor_new_with_masks(NULL, NULL, 1, NULL, &r) == IDENTITAS_STATUS_NULL_POINTER);
    assert(identitas_redactor_new_with_masks(NULL, NULL, 0, NULL, NULL) == IDENTITAS_STATUS_NULL_POINTER);
}

TEST(scan_hint) {
    identitas_finding f[2];
    size_t n = 0;
    assert(identitas_scan_hint(NULL, 0, S("3171012208450001"), f, 2, &n) == IDENTITAS_STATUS_OK);
    assert(n == 1 && f[0].kind == IDENTITAS_KIND_NIK);
    assert(identitas_scan_hint(NULL, IDENTITAS_KIND_KK, S("3171012208450001"), f, 2, &n) == IDENTITAS_STATUS_OK);
    assert(n == 1 && f[0].kind == IDENTITAS_KIND_KK);
    assert(identitas_scan_hint(NULL, IDENTITAS_KIND_KK, S("3171012208450001"), NULL, 0, &n) == IDENTITAS_STATUS_BUFFER_TOO_SMALL && n == 1);
    assert(identitas_scan_hint(NULL, 11, S("3171012208450001"), f, 2, &n) == IDENTITAS_STATUS_UNKNOWN_KIND);
    assert(identitas_scan_hint(NULL, IDENTITAS_KIND_KK, NULL, 0, f, 2, &n) == IDENTITAS_STATUS_OK && n == 0);
    assert(identitas_scan_hint(NULL, IDENTITAS_KIND_KK, NULL, 5, f, 2, &n) == IDENTITAS_STATUS_NULL_POINTER);
    assert(identitas_scan_hint(NULL, IDENTITAS_KIND_KK, S("1"), f, 2, NULL) == IDENTITAS_STATUS_NULL_POINTER);
    assert(identitas_scan_hint(NULL, IDENTITAS_KIND_KK, S("1"), NULL, 2, &n) == IDENTITAS_STATUS_NULL_POINTER);
}

TEST(scan_stream) {
    const char text[] = "NIK: 3171 0117 0845 0001, HP 0812-3456-7890; lagi 3171011708450001.";
    const size_t len = sizeof text - 1;
    identitas_finding whole[4];
    size_t nwhole = 0;
    assert(identitas_scan(NULL, (const uint8_t *)text, len, whole, 4, &nwhole) == IDENTITAS_STATUS_OK && nwhole == 3);

    identitas_scan_stream *s = NULL;
    assert(identitas_scan_stream_new(NULL, 0, &s) == IDENTITAS_STATUS_OK && s);
    identitas_finding got[8], one;
    size_t ngot = 0, n = 0;
    for (size_t i = 0; i < len; i++) { /* one byte a push */
        assert(identitas_scan_stream_push(s, (const uint8_t *)text + i, 1) == IDENTITAS_STATUS_OK);
        do {
            assert(identitas_scan_stream_read(s, &one, 1, &n) == IDENTITAS_STATUS_OK);
            if (n) got[ngot++] = one;
        } while (n);
    }
    assert(identitas_scan_stream_offset(s) == len);
    assert(identitas_scan_stream_push(s, NULL, 0) == IDENTITAS_STATUS_OK);
    assert(identitas_scan_stream_push(s, NULL, 3) == IDENTITAS_STATUS_NULL_POINTER);
    assert(identitas_scan_stream_finish(s) == IDENTITAS_STATUS_OK);
    assert(identitas_scan_stream_offset(s) == 0); /* ready for a new stream */
    size_t pending = identitas_scan_stream_pending(s);
    assert(ngot + pending == nwhole);
    assert(identitas_scan_stream_read(s, got + ngot, pending, &n) == IDENTITAS_STATUS_OK && n == pending);
    ngot += n;
    assert(memcmp(got, whole, nwhole * sizeof whole[0]) == 0);
    assert(identitas_scan_stream_read(s, NULL, 0, &n) == IDENTITAS_STATUS_OK && n == 0);
    assert(identitas_scan_stream_read(s, NULL, 1, &n) == IDENTITAS_STATUS_NULL_POINTER);
    assert(identitas_scan_stream_read(s, got, 1, NULL) == IDENTITAS_STATUS_NULL_POINTER);
    identitas_scan_stream_free(s);

    /* A scanner handle and a hint; NULLs. */
    identitas_scanner *sc = NULL;
    assert(identitas_scanner_new(1u << IDENTITAS_KIND_PHONE, &sc) == IDENTITAS_STATUS_OK);
    assert(identitas_scan_stream_new(sc, IDENTITAS_KIND_PHONE, &s) == IDENTITAS_STATUS_OK);
    identitas_scanner_free(sc);
    assert(identitas_scan_stream_push(s, (const uint8_t *)text, len) == IDENTITAS_STATUS_OK);
    assert(identitas_scan_stream_finish(s) == IDENTITAS_STATUS_OK);
    assert(identitas_scan_stream_read(s, got, 8, &n) == IDENTITAS_STATUS_OK);
    assert(n == 1 && got[0].kind == IDENTITAS_KIND_PHONE);
    identitas_scan_stream_free(s);
    s = NULL;
    assert(identitas_scan_stream_new(NULL, -3, &s) == IDENTITAS_STATUS_UNKNOWN_KIND && s == NULL);
    assert(identitas_scan_stream_new(NULL, 0, NULL) == IDENTITAS_STATUS_NULL_POINTER);
    assert(identitas_scan_stream_push(NULL, S("1")) == IDENTITAS_STATUS_NULL_POINTER);
    assert(identitas_scan_stream_finish(NULL) == IDENTITAS_STATUS_NULL_POINTER);
    assert(identitas_scan_stream_read(NULL, got, 1, &n) == IDENTITAS_STATUS_NULL_POINTER);
    assert(identitas_scan_stream_pending(NULL) == 0);
    assert(identitas_scan_stream_offset(NULL) == 0);
    identitas_scan_stream_free(NULL);
}

int main(void) {
    assert(identitas_abi_version() == IDENTITAS_ABI_VERSION);
    assert(IDENTITAS_ABI_VERSION_MINOR >= 1);
    RUN(record_stream);
    RUN(redact_records_one_shot);
    RUN(json_policy);
    RUN(custom_masks);
    RUN(scan_hint);
    RUN(scan_stream);
    printf("%d passed, 0 failed\n", tests_run);
    return 0;
}
