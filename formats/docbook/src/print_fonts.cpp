#include "print_fonts.hpp"

#include <fascicle/text.hpp>

#include <cstdlib>

namespace fascicle::docbook {

namespace {

// A file: URI for FOP, with everything but unreserved characters and '/' percent-encoded.
std::string file_uri(const std::filesystem::path& path) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string uri = "file://";
    for (unsigned char c : path.string()) {
        const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                                c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
        if (unreserved) {
            uri += static_cast<char>(c);
        } else {
            uri += '%';
            uri += hex[c >> 4];
            uri += hex[c & 0xF];
        }
    }
    return uri;
}

std::string font_element(const std::string& family, const std::filesystem::path& file, const char* style,
                         const char* weight) {
    return "        <font kerning=\"yes\" embedding-mode=\"subset\" embed-url=\"" + xml_escape(file_uri(file), true) +
           "\">\n          <font-triplet name=\"" + xml_escape(family, true) + "\" style=\"" + style +
           "\" weight=\"" + weight + "\"/>\n        </font>\n";
}

}  // namespace

std::optional<PrintFontFamily> find_font_family(const std::string& name, const std::string& file_stem,
                                                const std::vector<std::filesystem::path>& folders) {
    for (const auto& folder : folders) {
        PrintFontFamily family{name, folder / (file_stem + "-Regular.ttf"), folder / (file_stem + "-Bold.ttf"),
                               folder / (file_stem + "-Italic.ttf"), folder / (file_stem + "-BoldItalic.ttf")};
        std::error_code ec;
        bool all = true;
        for (const auto* f : {&family.regular, &family.bold, &family.italic, &family.bold_italic})
            all = all && std::filesystem::is_regular_file(*f, ec);
        if (all) return family;
    }
    return std::nullopt;
}

std::vector<std::filesystem::path> standard_font_folders() {
    std::vector<std::filesystem::path> folders{
        "/usr/share/fonts/truetype/liberation2",  // Debian, Ubuntu: fonts-liberation2
        "/usr/share/fonts/truetype/liberation",   // Debian, Ubuntu: fonts-liberation
        "/usr/share/fonts/liberation-serif",      // Fedora
        "/usr/share/fonts/liberation",            // openSUSE, Alpine
        "/usr/share/fonts/TTF",                   // Arch
        "/usr/local/share/fonts",
        "/opt/homebrew/share/fonts",
    };
    if (const char* home = std::getenv("HOME")) folders.push_back(std::filesystem::path(home) / ".local/share/fonts");
    return folders;
}

std::string fop_configuration(const std::vector<PrintFontFamily>& families) {
    std::string xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<!-- Written by fascicle's pdf format for Apache FOP. -->\n"
        "<fop version=\"1.0\">\n";
    if (!families.empty()) {
        xml += "  <renderers>\n    <renderer mime=\"application/pdf\">\n      <fonts>\n";
        for (const auto& f : families) {
            xml += font_element(f.name, f.regular, "normal", "normal");
            xml += font_element(f.name, f.bold, "normal", "bold");
            xml += font_element(f.name, f.italic, "italic", "normal");
            xml += font_element(f.name, f.bold_italic, "italic", "bold");
        }
        xml += "      </fonts>\n    </renderer>\n  </renderers>\n";
    }
    xml += "  <fonts>\n    <substitutions>\n";
    for (const char* family : {"Symbol", "ZapfDingbats"}) {
        xml += std::string("      <substitution>\n        <from font-family=\"") + family +
               "\" font-weight=\"bold\"/>\n        <to font-family=\"" + family +
               "\" font-weight=\"normal\"/>\n      </substitution>\n";
    }
    xml += "    </substitutions>\n  </fonts>\n</fop>\n";
    return xml;
}

}  // namespace fascicle::docbook
