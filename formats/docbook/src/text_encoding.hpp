// A document's bytes made UTF-8 before parsing: UTF-8 (with or without its byte-order mark) as it
// is; UTF-16 (by its byte-order mark) and every other encoding an XML declaration names
// (ISO-8859-x, Windows-125x...) transcoded with the C library's iconv. Line ends are kept, so
// lines in diagnostics are the source's.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace fascicle::docbook {

struct EncodingError {
    std::size_t offset = 0;  // of the offending byte in the source bytes
    std::string message;
};

// Replaces `bytes` by their UTF-8; an unknown encoding or a byte sequence that is not of the
// declared encoding is an error.
std::optional<EncodingError> make_utf8(std::string& bytes);

}  // namespace fascicle::docbook
