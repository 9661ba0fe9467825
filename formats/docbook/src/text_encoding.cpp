#include "text_encoding.hpp"

#include <iconv.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <string_view>

namespace fascicle::docbook {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return out;
}

// The encoding="..." of an XML declaration at the start of ASCII-compatible bytes; empty when none.
std::string declared_encoding(std::string_view bytes) {
    if (!bytes.starts_with("<?xml")) return {};
    const auto end = bytes.find("?>");
    const auto declaration = bytes.substr(0, end);
    const auto key = declaration.find("encoding");
    if (key == std::string_view::npos) return {};
    auto i = declaration.find_first_of("\"'", key);
    if (i == std::string_view::npos) return {};
    const auto close = declaration.find(declaration[i], i + 1);
    if (close == std::string_view::npos) return {};
    return std::string(declaration.substr(i + 1, close - i - 1));
}

class Converter {
public:
    explicit Converter(const std::string& from) : handle_(iconv_open("UTF-8", from.c_str())) {}
    ~Converter() {
        if (ok()) iconv_close(handle_);
    }
    Converter(const Converter&) = delete;
    Converter& operator=(const Converter&) = delete;
    bool ok() const { return handle_ != reinterpret_cast<iconv_t>(-1); }

    // The UTF-8 of `in`; on a bad sequence, nullopt and its offset in `failed_at`.
    std::optional<std::string> convert(std::string_view in, std::size_t& failed_at) {
        std::string out;
        out.resize(in.size() * 2 + 16);
        char* src = const_cast<char*>(in.data());
        std::size_t src_left = in.size();
        std::size_t written = 0;
        while (src_left > 0) {
            char* dst = out.data() + written;
            std::size_t dst_left = out.size() - written;
            const auto result = iconv(handle_, &src, &src_left, &dst, &dst_left);
            written = out.size() - dst_left;
            if (result != static_cast<std::size_t>(-1)) break;
            if (errno == E2BIG) {
                out.resize(out.size() * 2);
                continue;
            }
            failed_at = static_cast<std::size_t>(src - in.data());
            return std::nullopt;
        }
        out.resize(written);
        return out;
    }

private:
    iconv_t handle_;
};

}  // namespace

std::optional<EncodingError> make_utf8(std::string& bytes) {
    std::string_view view = bytes;
    std::string from;
    if (view.starts_with("\xEF\xBB\xBF")) {
        bytes.erase(0, 3);
        return std::nullopt;
    }
    if (view.starts_with("\xFE\xFF") || view.starts_with("\xFF\xFE")) {
        from = "UTF-16";  // iconv reads the byte-order mark and drops it
    } else if (view.starts_with(std::string_view("<\0?\0", 4))) {
        from = "UTF-16LE";
    } else if (view.starts_with(std::string_view("\0<\0?", 4))) {
        from = "UTF-16BE";
    } else {
        from = declared_encoding(view);
        const auto name = lower(from);
        if (name.empty() || name == "utf-8" || name == "utf8" || name == "us-ascii" || name == "ascii") return std::nullopt;
    }
    Converter converter(from);
    if (!converter.ok())
        return EncodingError{0, "the document declares the encoding \"" + from +
                                    "\", which fascicle does not know (it reads UTF-8, UTF-16, and what iconv -l lists)"};
    std::size_t failed_at = 0;
    auto utf8 = converter.convert(bytes, failed_at);
    if (!utf8)
        return EncodingError{failed_at, "the bytes here are not " + from + ", the encoding the document declares"};
    bytes = std::move(*utf8);
    return std::nullopt;
}

}  // namespace fascicle::docbook
