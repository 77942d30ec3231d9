/* Redacts a file (or stdin) to stdout with the streaming redactor: constant
 * memory whatever the size, and a value split across reads is never written
 * in clear. Default policy: every identifier masked, length kept.
 *
 *   ./redact_file notes.txt > notes.redacted.txt
 */
#include <stdio.h>

#include "identitas.h"

static int drain(identitas_redact_stream *s) {
    uint8_t out[8192];
    size_t n;
    do {
        if (identitas_redact_stream_read(s, out, sizeof out, &n) != IDENTITAS_STATUS_OK) return -1;
        if (n > 0 && fwrite(out, 1, n, stdout) != n) return -1;
    } while (n > 0);
    return 0;
}

int main(int argc, char **argv) {
    FILE *in = argc > 1 ? fopen(argv[1], "rb") : stdin;
    if (!in) {
        perror("open");
        return 1;
    }
    identitas_redact_stream *s = NULL;
    int32_t st = identitas_redact_stream_new(NULL, &s);
    if (st != IDENTITAS_STATUS_OK) {
        fprintf(stderr, "identitas: %s\n", identitas_status_str(st));
        return 1;
    }
    uint8_t buf[16384];
    size_t got;
    int rc = 0;
    while ((got = fread(buf, 1, sizeof buf, in)) > 0) {
        st = identitas_redact_stream_push(s, buf, got);
        if (st != IDENTITAS_STATUS_OK || drain(s) != 0) {
            rc = 1;
            break;
        }
    }
    if (rc == 0 && (identitas_redact_stream_finish(s) != IDENTITAS_STATUS_OK || drain(s) != 0)) rc = 1;
    if (rc != 0) fprintf(stderr, "identitas: redaction failed: %s\n", identitas_status_str(st));
    identitas_redact_stream_free(s);
    if (in != stdin) fclose(in);
    return rc;
}
