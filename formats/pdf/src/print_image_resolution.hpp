// Images too coarse for print: each image's pixels against the width it prints at, warned about
// under 300 dpi (what book printers ask for).
#pragma once

#include <fascicle/diagnostics.hpp>
#include <fascicle/ir.hpp>

#include <istream>
#include <optional>
#include <string_view>

namespace fascicle::pdf {

inline constexpr double print_resolution = 300;  // dots per inch
// What FOP takes for an image that states no resolution (its source-resolution default).
inline constexpr double fop_source_resolution = 72;
// What docbook-xsl takes a length in pixels to be (its pixels.per.inch).
inline constexpr double docbook_xsl_pixels_per_inch = 90;

struct ImagePixels {
    unsigned width = 0;
    unsigned height = 0;
    double dpi = 0;  // the resolution the file states (PNG pHYs, JPEG JFIF); 0: none
};

// The pixel size of a PNG, JPEG or GIF; nullopt for other kinds or a file cut short.
std::optional<ImagePixels> read_image_pixels(std::istream& in);

// The width an image prints at, in points, in a text column `text_width` points wide:
// its `width` attribute when it has one (a percentage of the column, a length, or pixels at
// docbook-xsl's 90 per inch), else its natural size at its stated resolution (FOP's 72 dpi when
// none), scaled down to fit the column (print.xsl does so). 0 when the width attribute is of a
// kind not understood (ems).
double printed_width(const ImagePixels& pixels, std::string_view width_attribute, double text_width);

// Warns of every image in `article` that prints under 300 dpi, naming the article, the image
// and its resolution. Images not among `resources` (not in the book) are not looked at.
void warn_low_resolution_images(const Article& article, const Resources* resources, double text_width,
                                DiagnosticSink& diagnostics);

}  // namespace fascicle::pdf
