#include "print_font_runs.hpp"

#include <fascicle/text.hpp>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <istream>
#include <iterator>
#include <ostream>

namespace fascicle::pdf {

namespace {

std::uint32_t be(const std::string& data, std::size_t at, int bytes) {
    std::uint32_t value = 0;
    for (int i = 0; i < bytes; ++i) {
        if (at + static_cast<std::size_t>(i) >= data.size()) return 0;
        value = (value << 8) | static_cast<unsigned char>(data[at + static_cast<std::size_t>(i)]);
    }
    return value;
}

// Decodes the UTF-8 sequence at `at` (advancing it); U+FFFD for a malformed one.
char32_t decode(const std::string& text, std::size_t& at) {
    const auto lead = static_cast<unsigned char>(text[at++]);
    if (lead < 0x80) return lead;
    int extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : -1;
    if (extra < 0) return 0xFFFD;
    char32_t c = lead & (0x3F >> extra);
    for (; extra > 0 && at < text.size(); --extra) c = (c << 6) | (static_cast<unsigned char>(text[at++]) & 0x3F);
    return c;
}

}  // namespace

std::optional<FontCoverage> FontCoverage::read(const std::filesystem::path& font) {
    std::ifstream in(font, std::ios::binary);
    const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto tables = be(data, 4, 2);
    std::size_t cmap = 0;
    for (std::uint32_t i = 0; i < tables; ++i)
        if (data.compare(12 + 16 * i, 4, "cmap") == 0) cmap = be(data, 12 + 16 * i + 8, 4);
    if (cmap == 0) return std::nullopt;
    // The best Unicode subtable: format 12 (all planes) over format 4 (the BMP).
    std::size_t best = 0;
    std::uint32_t best_format = 0;
    for (std::uint32_t i = 0, n = be(data, cmap + 2, 2); i < n; ++i) {
        const auto platform = be(data, cmap + 4 + 8 * i, 2), encoding = be(data, cmap + 6 + 8 * i, 2);
        const std::size_t at = cmap + be(data, cmap + 8 + 8 * i, 4);
        const auto format = be(data, at, 2);
        const bool unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10));
        if (unicode && (format == 12 || (format == 4 && best_format != 12))) {
            best = at;
            best_format = format;
        }
    }
    FontCoverage coverage;
    if (best_format == 12) {
        for (std::uint32_t g = 0, n = be(data, best + 12, 4); g < n; ++g)
            coverage.ranges_.emplace_back(be(data, best + 16 + 12 * g, 4), be(data, best + 20 + 12 * g, 4));
    } else if (best_format == 4) {
        const auto segments = be(data, best + 6, 2) / 2;
        const std::size_t ends = best + 14, starts = ends + 2 * segments + 2, deltas = starts + 2 * segments,
                          offsets = deltas + 2 * segments;
        for (std::uint32_t s = 0; s < segments; ++s) {
            const auto end = be(data, ends + 2 * s, 2), start = be(data, starts + 2 * s, 2);
            if (start == 0xFFFF) continue;
            const auto delta = be(data, deltas + 2 * s, 2), offset = be(data, offsets + 2 * s, 2);
            // A segment maps every code point unless its glyph index comes out 0 (.notdef).
            for (std::uint32_t c = start; c <= end; ++c) {
                std::uint32_t glyph = 0;
                if (offset == 0) glyph = (c + delta) & 0xFFFF;
                else glyph = be(data, offsets + 2 * s + offset + 2 * (c - start), 2);
                if (glyph == 0) continue;
                if (!coverage.ranges_.empty() && coverage.ranges_.back().second + 1 == c) coverage.ranges_.back().second = c;
                else coverage.ranges_.emplace_back(c, c);
            }
        }
    } else {
        return std::nullopt;
    }
    std::sort(coverage.ranges_.begin(), coverage.ranges_.end());
    return coverage;
}

bool FontCoverage::has(char32_t c) const {
    auto it = std::upper_bound(ranges_.begin(), ranges_.end(), std::make_pair(c, char32_t{0xFFFFFFFF}));
    return it != ranges_.begin() && std::prev(it)->first <= c && c <= std::prev(it)->second;
}

bool wrap_fallback_runs(std::istream& in, std::ostream& out, const FontCoverage& text_font,
                        const std::vector<RunFont>& chain, const std::string& fallback_list) {
    const std::string source((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::size_t skipping = 0;  // depth inside elements whose text is copied as it is
    std::vector<bool> skipped;  // per open element: whether it started a skipped region
    const RunFont* open_run = nullptr;
    auto close_run = [&] {
        if (open_run) out << "</fo:inline>";
        open_run = nullptr;
    };
    std::size_t at = 0;
    while (at < source.size()) {
        if (source[at] == '<') {
            close_run();
            std::size_t end = source.compare(at, 4, "<!--") == 0 ? source.find("-->", at) : source.find('>', at);
            end = end == std::string::npos ? source.size() : end + (source[end] == '-' ? 3 : 1);
            const std::string tag = source.substr(at, end - at);
            out << tag;
            at = end;
            if (tag.size() < 2 || tag[1] == '?' || tag[1] == '!') continue;
            if (tag[1] == '/') {
                if (!skipped.empty()) {
                    if (skipped.back()) --skipping;
                    skipped.pop_back();
                }
                continue;
            }
            if (tag[tag.size() - 2] == '/') continue;  // empty element
            const auto name_end = tag.find_first_of(" \t\r\n>/", 1);
            const std::string name = tag.substr(1, name_end - 1);
            const bool skip = name.rfind("fo:", 0) != 0 || name == "fo:declarations" || name == "fo:bookmark-tree" ||
                              name == "fo:instream-foreign-object";
            skipped.push_back(skip);
            if (skip) ++skipping;
            continue;
        }
        if (source[at] == '&') {  // a character or entity reference: never split, never in a run
            close_run();
            const auto end = source.find(';', at);
            const auto stop = end == std::string::npos ? source.size() : end + 1;
            out.write(source.data() + at, static_cast<std::streamsize>(stop - at));
            at = stop;
            continue;
        }
        const std::size_t start = at;
        const char32_t c = decode(source, at);
        const RunFont* font = nullptr;
        // Beyond the BMP (emoji) FOP loses the ToUnicode entry of every character but the first in
        // a run set in its own font: those stay with FOP's selection, text intact, a little high.
        if (skipping == 0 && c >= 0x80 && c <= 0xFFFF && !text_font.has(c)) {
            for (const auto& candidate : chain)
                if (candidate.coverage.has(c)) {
                    font = &candidate;
                    break;
                }
        }
        // A space between two words of the run stays in it; one before other text closes it there.
        // No hyphenation in the run: its font may lack the hyphen, and FOP would warn of that.
        if (font != open_run && !(c == ' ' && open_run)) {
            close_run();
            if (font) out << "<fo:inline hyphenate=\"false\" hyphenation-character=\" \" font-family=\""
                    << xml_escape(font->family + ", " + fallback_list, true) << "\">";
            open_run = font;
        }
        out.write(source.data() + start, static_cast<std::streamsize>(at - start));
    }
    close_run();
    return static_cast<bool>(out);
}

}  // namespace fascicle::pdf
