#include "print_image_resolution.hpp"

#include "print_geometry.hpp"

#include <fascicle/ir_walk.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <set>
#include <sstream>
#include <string>

namespace fascicle::pdf {

namespace {

unsigned big_endian(const unsigned char* bytes, int count) {
    unsigned value = 0;
    for (int i = 0; i < count; ++i) value = value << 8 | bytes[i];
    return value;
}

bool read(std::istream& in, unsigned char* bytes, std::size_t count) {
    return static_cast<bool>(in.read(reinterpret_cast<char*>(bytes), static_cast<std::streamsize>(count)));
}

// PNG: IHDR's size, and pHYs (pixels per metre) when it comes before the image data.
std::optional<ImagePixels> png(std::istream& in) {
    ImagePixels pixels;
    bool have_size = false;
    for (int chunks = 0; chunks < 64; ++chunks) {
        unsigned char header[8];
        if (!read(in, header, 8)) break;
        const unsigned size = big_endian(header, 4);
        const std::string type(reinterpret_cast<const char*>(header + 4), 4);
        if (type == "IDAT" || type == "IEND") break;
        if ((type == "IHDR" && size >= 8) || (type == "pHYs" && size == 9)) {
            unsigned char data[9];
            if (!read(in, data, type == "IHDR" ? 8 : 9)) return std::nullopt;
            if (type == "IHDR") {
                pixels.width = big_endian(data, 4);
                pixels.height = big_endian(data + 4, 4);
                have_size = true;
                in.seekg(size - 8 + 4, std::ios::cur);
            } else {
                if (data[8] == 1) pixels.dpi = big_endian(data, 4) * 0.0254;  // unit: the metre
                in.seekg(4, std::ios::cur);
            }
        } else {
            in.seekg(static_cast<std::streamoff>(size) + 4, std::ios::cur);
        }
    }
    if (!have_size) return std::nullopt;
    return pixels;
}

// JPEG: the frame header's size, and the JFIF density when it is in dots per inch or centimetre.
std::optional<ImagePixels> jpeg(std::istream& in) {
    ImagePixels pixels;
    for (int segments = 0; segments < 256; ++segments) {
        unsigned char marker[4];
        if (!read(in, marker, 2) || marker[0] != 0xFF) return std::nullopt;
        while (marker[1] == 0xFF)
            if (!read(in, marker + 1, 1)) return std::nullopt;
        if (marker[1] == 0xD8 || (marker[1] >= 0xD0 && marker[1] <= 0xD7) || marker[1] == 0x01) continue;
        if (!read(in, marker + 2, 2)) return std::nullopt;
        const unsigned length = big_endian(marker + 2, 2);
        if (length < 2) return std::nullopt;
        std::string data(length - 2, '\0');
        if (!read(in, reinterpret_cast<unsigned char*>(data.data()), data.size())) return std::nullopt;
        const auto* bytes = reinterpret_cast<const unsigned char*>(data.data());
        if (marker[1] == 0xE0 && data.size() >= 12 && data.compare(0, 5, std::string("JFIF\0", 5)) == 0) {
            const unsigned density = big_endian(bytes + 8, 2);
            if (bytes[7] == 1) pixels.dpi = density;
            else if (bytes[7] == 2) pixels.dpi = density * 2.54;
        }
        // SOF0..SOF15, not DHT (C4), JPG (C8) or DAC (CC).
        if (marker[1] >= 0xC0 && marker[1] <= 0xCF && marker[1] != 0xC4 && marker[1] != 0xC8 && marker[1] != 0xCC) {
            if (data.size() < 5) return std::nullopt;
            pixels.height = big_endian(bytes + 1, 2);
            pixels.width = big_endian(bytes + 3, 2);
            return pixels;
        }
    }
    return std::nullopt;
}

}  // namespace

std::optional<ImagePixels> read_image_pixels(std::istream& file) {
    // The sizes are in the first bytes (a JPEG's after its Exif and colour profile); the parsers
    // seek, which not every resource's stream can.
    std::string head(4 << 20, '\0');
    file.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(file.gcount()));
    std::istringstream in(head);
    unsigned char magic[10];
    if (!read(in, magic, 8)) return std::nullopt;
    if (std::memcmp(magic, "\x89PNG\r\n\x1a\n", 8) == 0) return png(in);
    if (magic[0] == 0xFF && magic[1] == 0xD8) {
        in.seekg(0);
        return jpeg(in);
    }
    if (std::memcmp(magic, "GIF8", 4) == 0 && read(in, magic + 8, 2))
        return ImagePixels{static_cast<unsigned>(magic[6] | magic[7] << 8), static_cast<unsigned>(magic[8] | magic[9] << 8), 0};
    return std::nullopt;
}

double printed_width(const ImagePixels& pixels, std::string_view width_attribute, double text_width) {
    if (!width_attribute.empty()) {
        if (width_attribute.back() == '%') {
            try {
                return text_width * std::stod(std::string(width_attribute)) / 100;
            } catch (const std::exception&) {
                return 0;
            }
        }
        if (const auto length = parse_print_length(width_attribute)) return length->points;
        // Pixels, or a bare number (docbook-xsl's default unit): at docbook-xsl's 90 per inch.
        std::string_view number = width_attribute;
        if (number.size() > 2 && number.substr(number.size() - 2) == "px") number.remove_suffix(2);
        if (const auto pixels_wide = parse_print_length(std::string(number) + "pt"))
            return pixels_wide->points * 72 / docbook_xsl_pixels_per_inch;
        return 0;
    }
    const double natural = pixels.width * 72.0 / (pixels.dpi > 0 ? pixels.dpi : fop_source_resolution);
    return std::min(natural, text_width);
}

void warn_low_resolution_images(const Article& article, const Resources* resources, double text_width,
                                DiagnosticSink& diagnostics) {
    if (!resources) return;
    std::set<std::pair<std::string, std::string>> warned;  // an image shown twice at one size: one warning
    IrVisitor visitor;
    visitor.inline_ = [&](const Inline& image) {
        if (image.kind != Inline::Kind::image) return;
        if (warned.count({image.target, image.attributes.get("width")})) return;
        const Resource* resource = resources->find(image.target);
        if (!resource || !resource->open) return;
        const auto stream = resource->open();
        if (!stream) return;
        const auto pixels = read_image_pixels(*stream);
        if (!pixels || pixels->width == 0) return;
        const double width = printed_width(*pixels, image.attributes.get("width"), text_width);
        if (width <= 0) return;
        const double dpi = pixels->width * 72.0 / width;
        if (dpi >= print_resolution - 0.5) return;
        warned.insert({image.target, image.attributes.get("width")});
        diagnostics.warning(article.source.empty() ? article.id : article.source.string(), 0, 0,
                            "article '" + article.id + "': image '" + image.target + "' prints at " +
                                std::to_string(static_cast<int>(std::lround(dpi))) + " dpi (" +
                                std::to_string(pixels->width) + " pixels across " +
                                std::to_string(static_cast<int>(std::lround(width / 72 * 25.4))) +
                                " mm); print needs 300 dpi: it will look soft or jagged");
    };
    walk(article, visitor);
}

}  // namespace fascicle::pdf
