// The characters FOP found no glyph for, traced back to the articles (file and line) that hold them.
#pragma once

#include <fascicle/diagnostics.hpp>

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fascicle::pdf {

// The code point of FOP's "Glyph "X" (0xe000) not available in font "F"." warning; nullopt
// for any other line.
std::optional<char32_t> missing_glyph_in(std::string_view fop_log_line);

// "U+E000".
std::string code_point_name(char32_t code_point);

// The first line (from 1) of `file` holding `code_point` in UTF-8; 0 when it holds none or
// cannot be read.
std::size_t line_of(const std::filesystem::path& file, char32_t code_point);

// Where the book's characters beyond ASCII come from: each article's, and the book's metadata's.
class CharacterSources {
public:
    struct Place {
        std::string article_id;  // empty: the book's metadata
        std::filesystem::path source;  // the article's source file; empty when it has none
    };

    // Records the characters of `text` (UTF-8) as found at `place`.
    void add(const Place& place, std::string_view text);
    // Where `code_point` was found, in the order the places were added.
    std::vector<Place> places_of(char32_t code_point) const;

private:
    std::vector<Place> places_;
    std::map<char32_t, std::vector<std::size_t>> where_;  // indices into places_
};

// Reports each character of `missing` (FOP printed '#' for it) at every place `sources` found it,
// its line looked up in the source file: an error, or a warning when `allowed`
// (--allow-missing-glyphs). `fonts`: the font families FOP tried, `not_installed`: Debian packages
// of the fallback chain that are missing, both named in the message. False when an error was reported.
bool report_missing_glyphs(const std::vector<char32_t>& missing, const CharacterSources& sources,
                           const std::string& fonts, const std::vector<std::string>& not_installed, bool allowed,
                           DiagnosticSink& diagnostics);

}  // namespace fascicle::pdf
