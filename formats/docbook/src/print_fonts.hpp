// The fonts the PDF embeds, and the FOP configuration that tells FOP where they are.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace fascicle::docbook {

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

// A FOP configuration (fop.xconf) that embeds `families` (subset), and maps the bold Symbol and
// ZapfDingbats that docbook-xsl asks for (fallbacks for rare characters) to the regular weights
// FOP has, instead of warning about them on every run.
std::string fop_configuration(const std::vector<PrintFontFamily>& families);

}  // namespace fascicle::docbook
