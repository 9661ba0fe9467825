// The PDF standards a user may ask FOP to write to (PDF/A, PDF/UA, PDF/X), from the options.
#pragma once

#include <fascicle/plugin.hpp>

#include <filesystem>
#include <optional>
#include <string>

namespace fascicle::pdf {

inline constexpr const char* pdf_a_option = "pdf-a";                      // 1a|1b|2a|2b|2u|3a|3b|3u
inline constexpr const char* pdf_ua_option = "pdf-ua";                    // flag
inline constexpr const char* pdf_x_option = "pdf-x";                      // 3|4
inline constexpr const char* pdf_output_profile_option = "pdf-output-intent";  // an ICC file
inline constexpr const char* allow_missing_glyphs_option = "allow-missing-glyphs";  // flag

// Ghostscript's CMYK profile for US web coated (SWOP) offset printing (Debian: libgs-common), the
// PDF/X output intent unless the user names another. icc-profiles-free ships FOGRA's
// characterization data (.ti3), not a CMYK ICC profile.
inline constexpr const char* default_output_profile = "/usr/share/color/icc/ghostscript/default_cmyk.icc";

struct PdfStandards {
    std::string pdf_a;  // FOP's name, e.g. "PDF/A-2b"; empty: none
    std::string pdf_ua;  // "PDF/UA-1" or empty
    std::string pdf_x;   // "PDF/X-3:2003", "PDF/X-4" or empty
    std::filesystem::path output_profile;  // the PDF/X output intent's ICC profile
};

// The standards the options ask for; nullopt (with an error reported) for a value FOP does not
// know, or a PDF/X output intent that is not a readable file.
std::optional<PdfStandards> pdf_standards_from(const Options& options, DiagnosticSink& diagnostics,
                                               const std::filesystem::path& profile = default_output_profile);

// PDF/X forbids annotations on the page, and links are annotations: this XSLT turns the FO's
// fo:basic-link into fo:inline (the text stays, styled alike; the PDF's bookmarks remain).
extern const char* const unlink_stylesheet;

// PDF/UA wants every link's alt text: this XSLT gives each fo:basic-link fox:alt-text, its text
// ("Chapter 2, Trials", a page number, a URL).
extern const char* const link_alt_text_stylesheet;

// The PDF renderer's settings for FOP's configuration: <pdf-a-mode>, <pdf-ua-mode>,
// <pdf-x-mode> and <output-profile>, each only when asked for.
std::string renderer_settings(const PdfStandards& standards);

}  // namespace fascicle::pdf
