// Runs of characters the text font lacks, set in the fallback font that has them. FOP's own
// character-by-character font selection places the glyphs of a font other than the first of the
// font-family list off the baseline (Droid Sans Fallback by some 0.8 em); an fo:inline whose
// list starts with that font places them right.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace fascicle::pdf {

// The code points a TrueType or OpenType font maps to glyphs (its cmap: formats 4 and 12).
class FontCoverage {
public:
    // nullopt when the file cannot be read or has no Unicode cmap of those formats.
    static std::optional<FontCoverage> read(const std::filesystem::path& font);
    bool has(char32_t code_point) const;

private:
    std::vector<std::pair<char32_t, char32_t>> ranges_;  // sorted, inclusive
};

struct RunFont {
    std::string family;  // as XSL-FO names it
    FontCoverage coverage;
};

// Copies XSL-FO from `in` to `out`, each run of characters `text_font` lacks wrapped in
// <fo:inline font-family="F, `fallback_list`"> where F is the first of `chain` to have the run's
// first character; characters no font has, and those beyond the BMP, are left to FOP. Text where an
// fo:inline may not go is copied as it is: in fo:declarations, fo:bookmark-tree,
// fo:instream-foreign-object and elements of other namespaces. False when `out` fails.
bool wrap_fallback_runs(std::istream& in, std::ostream& out, const FontCoverage& text_font,
                        const std::vector<RunFont>& chain, const std::string& fallback_list);

}  // namespace fascicle::pdf
