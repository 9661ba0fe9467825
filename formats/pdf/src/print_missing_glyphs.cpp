#include "print_missing_glyphs.hpp"

#include <fascicle/text.hpp>

#include <cstdio>
#include <fstream>

namespace fascicle::pdf {

namespace {

// Decodes the UTF-8 sequence at `at` (advancing it); U+FFFD for a malformed one.
char32_t next_code_point(std::string_view text, std::size_t& at) {
    const auto lead = static_cast<unsigned char>(text[at++]);
    if (lead < 0x80) return lead;
    int extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : -1;
    if (extra < 0) return 0xFFFD;
    char32_t code_point = lead & (0x3F >> extra);
    for (; extra > 0; --extra) {
        if (at >= text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80) return 0xFFFD;
        code_point = (code_point << 6) | (static_cast<unsigned char>(text[at++]) & 0x3F);
    }
    return code_point;
}

std::string utf8(char32_t c) {
    std::string out;
    append_utf8(out, c);
    return out;
}

}  // namespace

std::optional<char32_t> missing_glyph_in(std::string_view line) {
    // FOP 2.8: [WARN] FOUserAgent - Glyph "" (0xe000) not available in font "LiberationSerif".
    const auto glyph = line.find("Glyph \"");
    const auto tail = line.find("not available in font");
    if (glyph == std::string_view::npos || tail == std::string_view::npos) return std::nullopt;
    const auto hex = line.rfind("(0x", tail);
    if (hex == std::string_view::npos || hex < glyph) return std::nullopt;
    char32_t code_point = 0;
    std::size_t digits = 0;
    for (auto at = hex + 3; at < line.size() && digits < 8; ++at, ++digits) {
        const char c = line[at];
        const int value = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                                        : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (value < 0) break;
        code_point = code_point * 16 + static_cast<char32_t>(value);
    }
    if (digits == 0 || code_point > 0x10FFFF) return std::nullopt;
    return code_point;
}

std::string code_point_name(char32_t code_point) {
    char name[16];
    std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(code_point));
    return name;
}

std::size_t line_of(const std::filesystem::path& file, char32_t code_point) {
    std::ifstream in(file, std::ios::binary);
    const std::string needle = utf8(code_point);
    std::size_t number = 0;
    for (std::string line; std::getline(in, line);) {
        ++number;
        if (line.find(needle) != std::string::npos) return number;
    }
    return 0;
}

void CharacterSources::add(const Place& place, std::string_view text) {
    const std::size_t index = places_.size();
    bool recorded = false;
    for (std::size_t at = 0; at < text.size();) {
        if (static_cast<unsigned char>(text[at]) < 0x80) {
            ++at;
            continue;
        }
        auto& indices = where_[next_code_point(text, at)];
        if (indices.empty() || indices.back() != index) indices.push_back(index);
        recorded = true;
    }
    if (recorded) places_.push_back(place);
}

std::vector<CharacterSources::Place> CharacterSources::places_of(char32_t code_point) const {
    std::vector<Place> found;
    if (auto it = where_.find(code_point); it != where_.end())
        for (auto index : it->second) found.push_back(places_[index]);
    return found;
}

}  // namespace fascicle::pdf

namespace fascicle::pdf {

bool report_missing_glyphs(const std::vector<char32_t>& missing, const CharacterSources& sources,
                           const std::string& fonts, const std::vector<std::string>& not_installed, bool allowed,
                           DiagnosticSink& diagnostics) {
    constexpr std::size_t max_places = 5;  // per character: a rare one is in few articles
    for (const char32_t c : missing) {
        std::string what = "character " + code_point_name(c) + " '" + utf8(c) + "' has no glyph in any of the PDF's fonts (" +
                           fonts + ")";
        if (!not_installed.empty()) {
            what += "; not installed:";
            for (const auto& package : not_installed) what += " " + package;
            what += " (scripts/install-deps.sh)";
        }
        what += allowed ? ": it prints as '#'" : ": the PDF would print it as '#' (--allow-missing-glyphs allows that)";
        auto report = [&](const std::string& file, std::size_t line, const std::string& message) {
            if (allowed) diagnostics.warning(file, line, 0, message);
            else diagnostics.error(file, line, 0, message);
        };
        const auto places = sources.places_of(c);
        if (places.empty()) report("", 0, what);
        for (std::size_t i = 0; i < places.size() && i < max_places; ++i) {
            const auto& place = places[i];
            const std::string in =
                place.article_id.empty() ? "the book's metadata" : "article '" + place.article_id + "'";
            const std::size_t line = place.source.empty() ? 0 : line_of(place.source, c);
            report(place.source.empty() ? place.article_id : place.source.string(), line, in + ": " + what);
        }
        if (places.size() > max_places)
            diagnostics.note("", 0, 0, "and " + std::to_string(places.size() - max_places) + " more article(s) with " +
                                           code_point_name(c));
    }
    return allowed || missing.empty();
}

}  // namespace fascicle::pdf
