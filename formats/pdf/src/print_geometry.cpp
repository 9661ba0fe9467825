#include "print_geometry.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

namespace fascicle::pdf {

namespace {

struct Unit {
    std::string_view name;
    double points;
};
constexpr std::array<Unit, 4> units = {{{"mm", 72.0 / 25.4}, {"cm", 72.0 / 2.54}, {"in", 72.0}, {"pt", 1.0}}};

std::string lowercase(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

// A plain decimal number ("6", "5.5"): digits, at most one point, no sign or exponent.
std::optional<double> parse_number(std::string_view text) {
    if (text.empty() || text.front() == '.' || text.back() == '.') return std::nullopt;
    if (std::count(text.begin(), text.end(), '.') > 1) return std::nullopt;
    if (!std::all_of(text.begin(), text.end(), [](char c) { return c == '.' || (c >= '0' && c <= '9'); }))
        return std::nullopt;
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

const Unit* unit_at_end(std::string_view text) {
    for (const auto& unit : units)
        if (text.size() > unit.name.size() && text.substr(text.size() - unit.name.size()) == unit.name) return &unit;
    return nullptr;
}

PrintLength length(double value, const Unit& unit, std::string_view number) {
    return {value * unit.points, std::string(number) + std::string(unit.name)};
}

PrintLength millimetres(std::string_view number) {
    return length(*parse_number(number), units[0], number);
}

struct NamedSize {
    std::string_view name;
    std::string_view width, height;
    bool inches;
};
constexpr std::array<NamedSize, 5> named_sizes = {{{"a4", "210", "297", false},
                                                   {"letter", "8.5", "11", true},
                                                   {"a5", "148", "210", false},
                                                   {"b5", "176", "250", false},
                                                   {"royal", "156", "234", false}}};

// Trim sizes outside these bounds are typing errors, not books.
constexpr double smallest_trim = 2 * 72.0;  // 2 in
constexpr double largest_trim = 40 * 72.0;  // 40 in

struct Defaults {
    const char *inner, *outer, *top, *bottom;  // millimetres
    double font_size;
};

// Pocket and trade trims (A5, 5x8 in to royal) get 10pt type and narrower margins, with an inner
// one of some 0.75 in that print-on-demand printers accept for books of up to ~700 pages; B5-like
// ones sit between; A4 and letter keep the layout they always had.
Defaults defaults_for(double width) {
    if (width < 160 * 72.0 / 25.4) return {"19", "13", "13", "13", 10};
    if (width < 200 * 72.0 / 25.4) return {"22", "16", "15", "15", 10.5};
    return {"25", "20", "15", "15", 11};
}

std::string format_points(double points) {
    char buffer[32];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, points, std::chars_format::fixed, 2);
    std::string text(buffer, error == std::errc() ? end : buffer);
    while (!text.empty() && text.back() == '0') text.pop_back();
    if (!text.empty() && text.back() == '.') text.pop_back();
    return text + "pt";
}

}  // namespace

std::optional<PrintLength> parse_print_length(std::string_view text) {
    const std::string lower = lowercase(text);
    const Unit* unit = unit_at_end(lower);
    if (!unit) return std::nullopt;
    const std::string_view number = std::string_view(lower).substr(0, lower.size() - unit->name.size());
    const auto value = parse_number(number);
    if (!value) return std::nullopt;
    return length(*value, *unit, number);
}

std::optional<TrimSize> parse_trim_size(std::string_view text) {
    const std::string lower = lowercase(text);
    for (const auto& size : named_sizes) {
        if (lower != size.name) continue;
        const Unit& unit = size.inches ? units[2] : units[0];
        return TrimSize{length(*parse_number(size.width), unit, size.width),
                        length(*parse_number(size.height), unit, size.height)};
    }
    // WIDTHxHEIGHT with the unit after the height ("6x9in"), or after both ("6inx9in").
    const auto x = lower.find('x');
    if (x == std::string::npos) return std::nullopt;
    const std::string_view first = std::string_view(lower).substr(0, x);
    const std::string_view second = std::string_view(lower).substr(x + 1);
    const Unit* unit = unit_at_end(second);
    if (!unit) return std::nullopt;
    const auto height_number = second.substr(0, second.size() - unit->name.size());
    auto width_number = first;
    if (const Unit* own = unit_at_end(first)) {
        if (own != unit) return std::nullopt;
        width_number = first.substr(0, first.size() - own->name.size());
    }
    const auto width = parse_number(width_number);
    const auto height = parse_number(height_number);
    if (!width || !height) return std::nullopt;
    return TrimSize{length(*width, *unit, width_number), length(*height, *unit, height_number)};
}

std::optional<PageGeometry> page_geometry_from(const Options& options, DiagnosticSink& diagnostics) {
    auto option = [&](const char* name) -> const std::string* {
        const auto found = options.find(name);
        return found == options.end() ? nullptr : &found->second;
    };
    bool ok = true;
    auto fail = [&](const std::string& message) {
        diagnostics.error("", 0, 0, message);
        ok = false;
    };

    PageGeometry page;
    const std::string* paper = option(paper_option);
    const auto trim = parse_trim_size(paper ? *paper : "a4");
    if (!trim) {
        fail("--paper must be a4, letter, a5, b5, royal or a trim size WIDTHxHEIGHT with a unit (mm, cm, in or pt),"
             " e.g. 6x9in, 5.5x8.5in or 156x234mm; not '" + *paper + "'");
        return std::nullopt;
    }
    if (std::min(trim->width.points, trim->height.points) < smallest_trim ||
        std::max(trim->width.points, trim->height.points) > largest_trim) {
        fail("--paper " + *paper + ": a trim size must be between 2 in and 40 in on each side (" +
             format_points(trim->width.points) + " x " + format_points(trim->height.points) + ")");
        return std::nullopt;
    }
    page.width = trim->width;
    page.height = trim->height;

    const auto defaults = defaults_for(page.width.points);
    page.font_size = defaults.font_size;
    // A length option: a non-negative length with a unit, or the default.
    auto length_option = [&](const char* name, const char* default_mm) {
        const std::string* value = option(name);
        if (!value) return millimetres(default_mm);
        const auto parsed = parse_print_length(*value);
        if (!parsed) {
            fail("--" + std::string(name) + " must be a length with a unit (mm, cm, in or pt), e.g. 20mm or 0.75in;"
                 " not '" + *value + "'");
            return millimetres(default_mm);
        }
        return *parsed;
    };
    page.inner = length_option(margin_inner_option, defaults.inner);
    page.outer = length_option(margin_outer_option, defaults.outer);
    page.top = length_option(margin_top_option, defaults.top);
    page.bottom = length_option(margin_bottom_option, defaults.bottom);
    page.bleed = length_option(bleed_option, "0");
    if (!ok) return std::nullopt;

    // docbook-xsl adds its header and footer (0.5 in each) inside the top and bottom margins.
    if (page.text_width() < 72 || page.height.points - page.top.points - page.bottom.points - 72 < 72) {
        fail("the margins leave less than 1 in of text on a " + page.width.text + " x " + page.height.text +
             " page (inner " + page.inner.text + ", outer " + page.outer.text + ", top " + page.top.text +
             ", bottom " + page.bottom.text + ")");
    }
    if (page.bleed.points > 36) fail("--bleed " + page.bleed.text + ": printers ask for 3 mm or 0.125 in; at most 0.5 in");

    if (const std::string* size = option(font_size_option)) {
        std::string number = lowercase(*size);
        if (number.size() > 2 && number.substr(number.size() - 2) == "pt") number.resize(number.size() - 2);
        const auto value = parse_number(number);
        if (!value || *value < 6 || *value > 24) fail("--font-size must be a size in points from 6 to 24, e.g. 10 or 10.5pt; not '" + *size + "'");
        else page.font_size = *value;
    }
    if (const std::string* marks = option(crop_marks_option)) page.crop_marks = *marks != "false";
    if (!ok) return std::nullopt;
    return page;
}

std::vector<std::pair<std::string, std::string>> stylesheet_parameters(const PageGeometry& page) {
    std::string font_size = format_points(page.font_size);
    font_size.resize(font_size.size() - 2);  // docbook-xsl wants a number of points
    // The crop marks stand outside the bleed, 10 mm long.
    const double crop_offset = page.crop_marks ? std::max(page.bleed.points, 3 * 72 / 25.4) + 10 * 72 / 25.4
                                               : page.bleed.points;
    return {{"page.width", page.width.text},
            {"page.height", page.height.text},
            {"page.width.points", format_points(page.width.points)},
            {"page.height.points", format_points(page.height.points)},
            {"page.margin.inner", page.inner.text},
            {"page.margin.outer", page.outer.text},
            {"page.margin.top", page.top.text},
            {"page.margin.bottom", page.bottom.text},
            {"body.font.master", font_size},
            {"print.bleed", format_points(page.bleed.points)},
            {"print.crop.offset", format_points(crop_offset)},
            {"print.crop.marks", page.crop_marks ? "1" : "0"}};
}

}  // namespace fascicle::pdf
