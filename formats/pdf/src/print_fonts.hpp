// The fonts the PDF embeds, and the FOP configuration that tells FOP where they are.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace fascicle::pdf {

// A font family in its four styles. Print shops want fonts embedded, which FOP's built-in
// Times and Courier cannot be; the Liberation faces (Debian: fonts-liberation2) have their metrics.
struct PrintFontFamily {
    std::string name;  // as XSL-FO names it, e.g. "Liberation Serif"
    std::filesystem::path regular, bold, italic, bold_italic;
};

// The family whose files are "<file_stem>-Regular.ttf", "-Bold", "-Italic" and "-BoldItalic",
// from the first of `folders` that holds all four; nullopt when none does.
std::optional<PrintFontFamily> find_font_family(const std::string& name, const std::string& file_stem,
                                                const std::vector<std::filesystem::path>& folders);

// Where Linux distributions, Homebrew and users install the Liberation fonts.
std::vector<std::filesystem::path> standard_font_folders();

// A font that prints what the text fonts lack (a script, symbols, emoji) in one style: FOP is
// given it as all four, so bold or italic text in that script prints upright and regular
// rather than not at all.
struct FallbackFont {
    std::string name;  // as XSL-FO names it, e.g. "Noto Sans Arabic"
    std::filesystem::path file;
};

// The fallback chain: the fonts, in the order FOP tries them for a character the text font has
// no glyph for, that are installed; and the Debian packages of those that are not.
struct FallbackChain {
    std::vector<FallbackFont> fonts;
    std::vector<PrintFontFamily> families;  // fallbacks in four styles (Noto Serif)
    std::vector<std::string> missing_packages;
};

// The chain from Debian's font packages: Noto Serif (Latin, Greek and Cyrillic beyond the
// Liberation fonts), Noto Sans Arabic, Noto Serif Hebrew, Droid Sans Fallback (Chinese,
// Japanese), Nanum Myeongjo (Korean), Noto Sans Symbols and Symbols 2, Symbola (symbols,
// monochrome emoji). FOP 2.8 cannot read Noto CJK's OpenType (CFF) collections, hence the
// TrueType CJK faces; it does not shape Arabic in Noto Naskh Arabic (isolated letters), hence Noto
// Sans Arabic. `root` prefixes every path (tests point it at a fake tree).
FallbackChain find_fallback_chain(const std::filesystem::path& root = "/");

// An XSL-FO font-family list: `first`, then every family of the chain, comma-separated.
std::string font_family_list(const std::string& first, const FallbackChain& chain);

// `path` as the file: URI FOP reads it by (absolute; all but unreserved characters and '/'
// percent-encoded).
std::string file_uri(const std::filesystem::path& path);

// A FOP configuration (fop.xconf) that embeds `families` and the chain (subset), switches on
// accessibility (a tagged PDF), adds `renderer_settings` (PDF/A, PDF/UA, PDF/X modes) to the PDF
// renderer, and maps the bold Symbol and ZapfDingbats that docbook-xsl asks for (fallbacks for
// rare characters) to the regular weights FOP has, instead of warning about them on every run.
std::string fop_configuration(const std::vector<PrintFontFamily>& families, const FallbackChain& chain = {},
                              const std::string& renderer_settings = "");

}  // namespace fascicle::pdf
