// The printed book's page: trim size, margins, body type size, bleed and crop marks, from the PDF
// writer's options (--paper, --margin-*, --font-size, --bleed, --crop-marks).
#pragma once

#include <fascicle/diagnostics.hpp>
#include <fascicle/plugin.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fascicle::pdf {

inline constexpr const char* paper_option = "paper";
inline constexpr const char* margin_inner_option = "margin-inner";
inline constexpr const char* margin_outer_option = "margin-outer";
inline constexpr const char* margin_top_option = "margin-top";
inline constexpr const char* margin_bottom_option = "margin-bottom";
inline constexpr const char* font_size_option = "font-size";
inline constexpr const char* bleed_option = "bleed";
inline constexpr const char* crop_marks_option = "crop-marks";

// What --paper accepts, for help texts and errors.
inline constexpr const char* paper_values = "a4|letter|a5|b5|royal|WxH";

// A length as XSL-FO writes it ("6in", "156mm") and its size in points.
struct PrintLength {
    double points = 0;
    std::string text;
};

// "12mm", "1.5cm", "0.75in", "10pt" (a number and one of those units); nullopt otherwise.
std::optional<PrintLength> parse_print_length(std::string_view text);

// A trim size: a name (a4, letter, a5, b5, royal) or WIDTHxHEIGHT with a unit ("6x9in",
// "156x234mm", "432x648pt"); nullopt otherwise.
struct TrimSize {
    PrintLength width;
    PrintLength height;
};
std::optional<TrimSize> parse_trim_size(std::string_view text);

struct PageGeometry {
    PrintLength width, height;
    PrintLength inner, outer, top, bottom;  // inner: the binding side
    double font_size = 11;                  // body text, points
    PrintLength bleed;                      // beyond the trim on every side; 0pt: none
    bool crop_marks = false;

    // The width of the text column: what a full-width figure prints at.
    double text_width() const { return width.points - inner.points - outer.points; }
};

// The geometry the options ask for, defaults filled in by trim size (smaller trims: narrower
// margins, 10pt text). Bad values are reported as errors naming what is expected: nullopt then.
std::optional<PageGeometry> page_geometry_from(const Options& options, DiagnosticSink& diagnostics);

// print.xsl's parameters for that geometry, as name/value pairs for xsltproc --stringparam.
std::vector<std::pair<std::string, std::string>> stylesheet_parameters(const PageGeometry& page);

}  // namespace fascicle::pdf
