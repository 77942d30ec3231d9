// Uses the RAII wrapper: validate, parse, format, redact (one shot and streaming).
#include <cassert>
#include <iostream>

#include "identitas.hpp"

int main() {
    assert((identitas_abi_version() >> 16) == IDENTITAS_ABI_VERSION_MAJOR);

    assert(identitas::nik_is_valid("3171 0117 0845 0001"));
    int32_t why = 0;
    assert(!identitas::parse_nik("3171013508450001", &why));
    std::cout << "3171013508450001: " << identitas_status_str(why) << "\n";

    if (auto nik = identitas::parse_nik("32.7305.601090.0009")) {
        std::cout << "born " << nik->birth_year << "-" << int(nik->birth_month) << "-"
                  << int(nik->birth_day) << (nik->sex == IDENTITAS_SEX_FEMALE ? ", female\n" : ", male\n");
    }

    std::cout << identitas::format_npwp("013121660091000") << "\n";
    try {
        identitas::format_npwp("01.451.869.7-054.000");
        return 1;
    } catch (const identitas::Error &e) {
        assert(e.kind() == IDENTITAS_ERROR_KIND_CHECKSUM);
        std::cout << "rejected: " << e.what() << "\n";
    }

    const identitas::Redactor redactor;  // default policy: mask, keep lengths
    std::string note = "kontrol ulang tanpa identitas";
    assert(redactor.redact(note) == note);
    redactor.redact_in_place(note);

    identitas::RedactStream stream(redactor);
    std::string out = stream.push("catatan: ");
    out += stream.push("pasien stabil\n");
    out += stream.finish();
    assert(out == "catatan: pasien stabil\n");
    std::cout << "ok\n";
    return 0;
}
