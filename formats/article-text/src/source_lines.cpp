#include "source_lines.hpp"

#include <cstring>

namespace fascicle::article_text {

namespace {
constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";
}  // namespace

bool SourceLines::read(std::istream& in) {
    // Chunked appends grow the string geometrically: linear in the input size.
    std::string bytes;
    char chunk[1 << 16];
    while (in.read(chunk, sizeof chunk) || in.gcount() > 0)
        bytes.append(chunk, static_cast<std::size_t>(in.gcount()));
    if (in.bad()) return false;
    assign(std::move(bytes));
    return true;
}

void SourceLines::assign(std::string bytes) {
    bytes_ = std::move(bytes);
    split();
}

void SourceLines::split() {
    lines_.clear();
    const std::string_view all = bytes_;
    std::size_t start = all.starts_with(utf8_bom) ? utf8_bom.size() : 0;
    std::size_t column_base = start;
    std::size_t number = 1;
    const std::size_t n = all.size();
    while (start < n) {
        // The first LF, then a CR before it: memchr reads many bytes a step, a loop one.
        const char* data = all.data();
        const void* lf = std::memchr(data + start, '\n', n - start);
        std::size_t end = lf ? static_cast<std::size_t>(static_cast<const char*>(lf) - data) : n;
        if (const void* cr = std::memchr(data + start, '\r', end - start))
            end = static_cast<std::size_t>(static_cast<const char*>(cr) - data);
        lines_.push_back({all.substr(start, end - start), number++, column_base});
        column_base = 0;
        if (end == n) break;
        start = end + ((all[end] == '\r' && end + 1 < n && all[end + 1] == '\n') ? 2 : 1);
    }
}

}  // namespace fascicle::article_text
