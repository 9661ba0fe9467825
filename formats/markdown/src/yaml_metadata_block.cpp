#include "yaml_metadata_block.hpp"

#include <utf8proc.h>

#include <cstdio>
#include <set>

namespace fascicle::markdown {

namespace {

bool is_plain_key(const std::string& key) {
    if (key.empty()) return false;
    for (char c : key)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_'))
            return false;
    return true;
}

std::string hex_escape(char32_t c) {
    char buf[16];
    if (c <= 0xFF)
        std::snprintf(buf, sizeof buf, "\\x%02X", unsigned(c));
    else
        std::snprintf(buf, sizeof buf, "\\u%04X", unsigned(c));
    return buf;
}

}  // namespace

std::string yaml_quoted(const std::string& value) {
    std::string out = "\"";
    std::size_t pos = 0;
    while (pos < value.size()) {
        utf8proc_int32_t cp = 0;
        auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(value.data() + pos),
                                  static_cast<utf8proc_ssize_t>(value.size() - pos), &cp);
        if (n <= 0) {  // not UTF-8: YAML cannot hold it; keep the reader's replacement character
            out += "\\uFFFD";
            ++pos;
            continue;
        }
        const char32_t c = static_cast<char32_t>(cp);
        switch (c) {
            case U'"': out += "\\\""; break;
            case U'\\': out += "\\\\"; break;
            case U'\n': out += "\\n"; break;
            case U'\t': out += "\\t"; break;
            case U'\r': out += "\\r"; break;
            default:
                // Controls, and the characters YAML 1.1 reads as line breaks or a byte order mark.
                if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x2028 ||
                    c == 0x2029 || c == 0xFEFF)
                    out += hex_escape(c);
                else
                    out.append(value, pos, static_cast<std::size_t>(n));
        }
        pos += static_cast<std::size_t>(n);
    }
    return out + "\"";
}

std::vector<std::string> yaml_metadata_block(const Metadata& metadata) {
    std::vector<std::string> lines;
    std::set<std::string> written;
    for (const auto& [key, value] : metadata.entries()) {
        const std::string yaml_key = key == "language" ? "lang" : key;
        if (!written.insert(yaml_key).second) continue;  // later authors; an extra "lang"
        if (key == "author") {
            lines.emplace_back("author:");
            for (const auto& a : metadata.authors()) lines.push_back("  - " + yaml_quoted(a));
            continue;
        }
        lines.push_back((is_plain_key(yaml_key) ? yaml_key : yaml_quoted(yaml_key)) + ": " +
                        yaml_quoted(value));
    }
    if (lines.empty()) return lines;
    lines.insert(lines.begin(), "---");
    lines.emplace_back("---");
    return lines;
}

}  // namespace fascicle::markdown
