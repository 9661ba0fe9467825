#include "markdown_source.hpp"

#include <fascicle/input_limits.hpp>
#include <fascicle/text.hpp>

#include <cctype>
#include <cstdio>
#include <istream>
#include <iterator>
#include <string_view>
#include <utility>
#include <vector>

namespace fascicle::markdown {

namespace {

constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";

struct Line {
    std::string_view text;  // without its line end
    std::size_t end = 0;    // offset just past its line end
};

// Lines end at LF, CRLF or CR, as CommonMark counts them.
std::vector<Line> split_lines(std::string_view text) {
    std::vector<Line> lines;
    std::size_t begin = 0;
    while (begin < text.size()) {
        std::size_t end = text.find_first_of("\r\n", begin);
        if (end == std::string_view::npos) {
            lines.push_back({text.substr(begin), text.size()});
            break;
        }
        std::size_t next = end + (text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n' ? 2 : 1);
        lines.push_back({text.substr(begin, end - begin), next});
        begin = next;
    }
    return lines;
}

std::string_view trim_right(std::string_view s) {
    const auto last = s.find_last_not_of(" \t");
    return last == std::string_view::npos ? std::string_view() : s.substr(0, last + 1);
}

bool is_blank(std::string_view s) { return trim_right(s).empty(); }

// A YAML mapping key at the start of a line: "title:", "lang:" ...
bool looks_like_yaml_key(std::string_view line) {
    std::size_t k = 0;
    while (k < line.size() && (std::isalnum(static_cast<unsigned char>(line[k])) || line[k] == '-' || line[k] == '_'))
        ++k;
    return k > 0 && k < line.size() && line[k] == ':';
}

// The 1-based line and byte column of `offset`.
std::pair<std::size_t, std::size_t> position_of(std::string_view text, std::size_t offset) {
    std::size_t line = 1, line_start = 0;
    for (std::size_t k = 0; k < offset; ++k) {
        if (text[k] == '\n' || (text[k] == '\r' && (k + 1 >= text.size() || text[k + 1] != '\n'))) {
            ++line;
            line_start = k + 1;
        }
    }
    return {line, offset - line_start + 1};
}

std::string byte_name(unsigned char value) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "0x%02X", value);
    return buffer;
}

}  // namespace

std::optional<MarkdownSource> read_markdown_source(std::istream& in, std::uint64_t max_bytes,
                                                   InputDiagnostics& diagnostics) {
    std::string bytes;
    switch (read_at_most(in, max_bytes, bytes)) {
    case LimitedRead::complete: break;
    case LimitedRead::too_large:
        diagnostics.error(0, 0, input_too_large_message(max_bytes));
        return std::nullopt;
    case LimitedRead::failed:
        diagnostics.error(0, 0, "cannot read the input");
        return std::nullopt;
    }
    if (auto bad = find_invalid_utf8(bytes)) {
        auto [line, column] = position_of(bytes, *bad);
        diagnostics.error(line, column,
                          "the byte " + byte_name(static_cast<unsigned char>(bytes[*bad])) +
                              " does not begin a valid UTF-8 sequence: expected UTF-8 text");
        return std::nullopt;
    }
    if (auto nul = bytes.find('\0'); nul != std::string::npos) {
        auto [line, column] = position_of(bytes, nul);
        diagnostics.error(line, column, "a NUL byte in the text (is the file UTF-16 or binary?): expected UTF-8 text");
        return std::nullopt;
    }

    MarkdownSource source;
    std::string_view text = bytes;
    if (text.starts_with(byte_order_mark)) text.remove_prefix(byte_order_mark.size());
    const auto lines = split_lines(text);

    // Pandoc's rule: "---" opens a metadata block only when a non-blank line follows it.
    if (lines.size() >= 2 && trim_right(lines[0].text) == "---" && !is_blank(lines[1].text)) {
        std::size_t close = 1;
        while (close < lines.size() && trim_right(lines[close].text) != "---" && trim_right(lines[close].text) != "...")
            ++close;
        // Only lines that begin a YAML mapping ("key:", or a comment) make a metadata block:
        // "---", "Foo", "---" is a thematic break and a setext heading, as CommonMark reads it.
        std::size_t first = 1;
        while (first < close && (is_blank(lines[first].text) || lines[first].text.starts_with('#'))) ++first;
        const bool mapping = first < close && looks_like_yaml_key(lines[first].text);
        if (close < lines.size() && mapping) {
            const std::size_t yaml_begin = lines[0].end;
            const std::size_t yaml_end = lines[close - 1].end;
            source.metadata = MetadataBlock{std::string(text.substr(yaml_begin, yaml_end - yaml_begin)), 2};
            source.markdown.assign(close + 1, '\n');
            source.markdown.append(text.substr(lines[close].end));
            return source;
        }
        if (looks_like_yaml_key(lines[1].text))
            diagnostics.warning(1, 0,
                                "this \"---\" looks like the start of a YAML metadata block, but no line \"---\" or "
                                "\"...\" closes it: it is read as Markdown (a thematic break)");
    }
    source.markdown.assign(text);
    return source;
}

}  // namespace fascicle::markdown
