/* Reads one value per line from stdin and says, per line, whether it is a valid
 * NIK and what it decodes to (region, sex, birth date), or why not.
 *
 *   printf '3171011708450001\n3171013508450001\n' | ./validate_nik
 */
#include <stdio.h>
#include <string.h>

#include "identitas.h"

int main(void) {
    if ((identitas_abi_version() >> 16) != IDENTITAS_ABI_VERSION_MAJOR) {
        fprintf(stderr, "identitas: header and library ABI differ\n");
        return 2;
    }
    char line[4096];
    unsigned long lineno = 0, valid = 0, invalid = 0;
    while (fgets(line, sizeof line, stdin)) {
        size_t len = strcspn(line, "\r\n");
        lineno++;
        identitas_nik nik;
        int32_t st = identitas_nik_parse((const uint8_t *)line, len, &nik);
        if (st != IDENTITAS_STATUS_OK) {
            invalid++;
            printf("%lu\tinvalid\t%s\n", lineno, identitas_status_str(st));
            continue;
        }
        valid++;
        identitas_region region;
        const char *district = "?";
        if (identitas_region_lookup(nik.digits, 6, &region) == IDENTITAS_STATUS_OK && region.district) {
            district = region.district;
        }
        printf("%lu\tvalid\t%.6s\t%s\t%c\t%04u-%02u-%02u\n", lineno, (const char *)nik.digits, district,
               nik.sex == IDENTITAS_SEX_FEMALE ? 'F' : 'M', (unsigned)nik.birth_year,
               (unsigned)nik.birth_month, (unsigned)nik.birth_day);
    }
    fprintf(stderr, "%lu valid, %lu invalid\n", valid, invalid);
    return 0;
}
