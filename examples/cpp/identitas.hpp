// A small header-only C++17 wrapper over the identitas C ABI: RAII handles,
// std::string_view in, std::optional / exceptions out.
#pragma once

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "identitas.h"

namespace identitas {

// Thrown with the library's status code and name.
class Error : public std::runtime_error {
public:
    explicit Error(int32_t status)
        : std::runtime_error(identitas_status_str(status)), status_(status) {}
    int32_t status() const noexcept { return status_; }
    // IDENTITAS_ERROR_KIND_* (format, length, component, checksum, usage).
    int32_t kind() const noexcept { return identitas_status_kind(status_); }

private:
    int32_t status_;
};

inline const uint8_t *bytes(std::string_view s) noexcept {
    return reinterpret_cast<const uint8_t *>(s.data());
}

inline void check(int32_t status) {
    if (status != IDENTITAS_STATUS_OK) throw Error(status);
}

inline bool nik_is_valid(std::string_view s) noexcept {
    return identitas_nik_is_valid(bytes(s), s.size()) == 1;
}

// Parses a NIK or returns std::nullopt; `status` (optional) says why not.
inline std::optional<identitas_nik> parse_nik(std::string_view s, int32_t *status = nullptr) noexcept {
    identitas_nik out{};
    int32_t st = identitas_nik_parse(bytes(s), s.size(), &out);
    if (status) *status = st;
    if (st != IDENTITAS_STATUS_OK) return std::nullopt;
    return out;
}

// Canonical NPWP form; throws Error when invalid.
inline std::string format_npwp(std::string_view s) {
    char buf[IDENTITAS_FORMAT_MAX];
    size_t n = 0;
    check(identitas_npwp_format(bytes(s), s.size(), reinterpret_cast<uint8_t *>(buf), sizeof buf, &n));
    return std::string(buf, n);
}

// Owns an identitas_redactor: immutable, so one instance can serve every thread.
class Redactor {
public:
    Redactor() : Redactor(nullptr) {}
    explicit Redactor(const identitas_redact_options *options) {
        identitas_redactor *r = nullptr;
        check(identitas_redactor_new(options, nullptr, &r));
        handle_.reset(r);
    }

    // Redacts text into a new string (size query, then the real call).
    std::string redact(std::string_view text) const {
        size_t n = 0;
        int32_t st = identitas_redact(handle_.get(), bytes(text), text.size(), nullptr, 0, &n);
        if (st != IDENTITAS_STATUS_BUFFER_TOO_SMALL) check(st);
        std::string out(n + 1, '\0');
        check(identitas_redact(handle_.get(), bytes(text), text.size(),
                               reinterpret_cast<uint8_t *>(out.data()), out.size(), &n));
        out.resize(n);
        return out;
    }

    // Redacts in place (length-preserving policies only).
    void redact_in_place(std::string &text) const {
        check(identitas_redact_in_place(handle_.get(), reinterpret_cast<uint8_t *>(text.data()),
                                        text.size()));
    }

    const identitas_redactor *get() const noexcept { return handle_.get(); }

private:
    struct Free {
        void operator()(identitas_redactor *r) const noexcept { identitas_redactor_free(r); }
    };
    std::unique_ptr<identitas_redactor, Free> handle_;
};

// Owns a streaming redactor; move-only.
class RedactStream {
public:
    explicit RedactStream(const Redactor &r) {
        identitas_redact_stream *s = nullptr;
        check(identitas_redact_stream_new(r.get(), &s));
        handle_.reset(s);
    }

    // Pushes a chunk and returns the output that became ready.
    std::string push(std::string_view chunk) {
        check(identitas_redact_stream_push(handle_.get(), bytes(chunk), chunk.size()));
        return drain();
    }

    // Ends the input and returns the rest.
    std::string finish() {
        check(identitas_redact_stream_finish(handle_.get()));
        return drain();
    }

private:
    std::string drain() {
        std::string out(identitas_redact_stream_pending(handle_.get()), '\0');
        size_t n = 0;
        check(identitas_redact_stream_read(handle_.get(), reinterpret_cast<uint8_t *>(out.data()),
                                           out.size(), &n));
        out.resize(n);
        return out;
    }
    struct Free {
        void operator()(identitas_redact_stream *s) const noexcept { identitas_redact_stream_free(s); }
    };
    std::unique_ptr<identitas_redact_stream, Free> handle_;
};

}  // namespace identitas
