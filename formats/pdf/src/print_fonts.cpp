#include "print_fonts.hpp"

#include <fascicle/text.hpp>

#include <cstdlib>

namespace fascicle::pdf {

namespace {

std::string font_triplet(const std::string& family, const char* style, const char* weight) {
    return "          <font-triplet name=\"" + xml_escape(family, true) + "\" style=\"" + style + "\" weight=\"" +
           weight + "\"/>\n";
}

std::string font_element(const std::string& family, const std::filesystem::path& file, const char* style,
                         const char* weight) {
    return "        <font kerning=\"yes\" embedding-mode=\"subset\" embed-url=\"" + xml_escape(file_uri(file), true) +
           "\">\n" + font_triplet(family, style, weight) + "        </font>\n";
}

// One file under the four triplets: one font, embedded once, whatever style the text asks for.
std::string fallback_element(const FallbackFont& font) {
    return "        <font kerning=\"yes\" embedding-mode=\"subset\" embed-url=\"" +
           xml_escape(file_uri(font.file), true) + "\">\n" + font_triplet(font.name, "normal", "normal") +
           font_triplet(font.name, "normal", "bold") + font_triplet(font.name, "italic", "normal") +
           font_triplet(font.name, "italic", "bold") + "        </font>\n";
}

std::string family_elements(const PrintFontFamily& f) {
    return font_element(f.name, f.regular, "normal", "normal") + font_element(f.name, f.bold, "normal", "bold") +
           font_element(f.name, f.italic, "italic", "normal") +
           font_element(f.name, f.bold_italic, "italic", "bold");
}

}  // namespace

std::string file_uri(const std::filesystem::path& path) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string uri = "file://";
    for (unsigned char c : std::filesystem::absolute(path).string()) {
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

FallbackChain find_fallback_chain(const std::filesystem::path& root) {
    struct Known {
        const char* name;
        const char* file;  // relative to `root`
        const char* debian_package;
    };
    // In the order FOP tries them. Droid Sans Fallback comes before any face that maps the
    // Kangxi radicals (U+2F00...) to the same glyphs as the ideographs: FOP's ToUnicode map
    // would then make 日 the radical ⽇ when the PDF's text is copied or searched.
    static constexpr Known known[] = {
        {"Noto Sans Arabic", "usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf", "fonts-noto-core"},
        {"Noto Serif Hebrew", "usr/share/fonts/truetype/noto/NotoSerifHebrew-Regular.ttf", "fonts-noto-core"},
        {"Droid Sans Fallback", "usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", "fonts-droid-fallback"},
        {"Nanum Myeongjo", "usr/share/fonts/truetype/nanum/NanumMyeongjo.ttf", "fonts-nanum"},
        {"Noto Sans Symbols", "usr/share/fonts/truetype/noto/NotoSansSymbols-Regular.ttf", "fonts-noto-core"},
        {"Noto Sans Symbols 2", "usr/share/fonts/truetype/noto/NotoSansSymbols2-Regular.ttf", "fonts-noto-core"},
        {"Symbola", "usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf", "fonts-symbola"},
    };
    FallbackChain chain;
    auto missing = [&chain](const char* package) {
        for (const auto& p : chain.missing_packages)
            if (p == package) return;
        chain.missing_packages.emplace_back(package);
    };
    if (auto noto = find_font_family("Noto Serif", "NotoSerif", {root / "usr/share/fonts/truetype/noto"}))
        chain.families.push_back(std::move(*noto));
    else
        missing("fonts-noto-core");
    for (const auto& font : known) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(root / font.file, ec))
            chain.fonts.push_back({font.name, root / font.file});
        else
            missing(font.debian_package);
    }
    return chain;
}

std::string font_family_list(const std::string& first, const FallbackChain& chain) {
    std::string list = first;
    for (const auto& family : chain.families) list += ", " + family.name;
    for (const auto& font : chain.fonts) list += ", " + font.name;
    return list;
}

std::string fop_configuration(const std::vector<PrintFontFamily>& families, const FallbackChain& chain,
                              const std::string& renderer_settings) {
    std::string xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<!-- Written by fascicle's pdf format for Apache FOP. -->\n"
        "<fop version=\"1.0\">\n"
        "  <!-- A tagged PDF: its structure (headings, paragraphs, figures and their alt text) for screen readers. -->\n"
        "  <accessibility>true</accessibility>\n"
        "  <complex-scripts disabled=\"false\"/>\n";
    const bool any_font = !families.empty() || !chain.families.empty() || !chain.fonts.empty();
    if (any_font || !renderer_settings.empty()) {
        xml += "  <renderers>\n    <renderer mime=\"application/pdf\">\n" + renderer_settings;
        // Only the fonts named here: no auto-detection, which over all of Noto takes long.
        if (any_font) {
            xml += "      <fonts>\n";
            for (const auto& f : families) xml += family_elements(f);
            for (const auto& f : chain.families) xml += family_elements(f);
            for (const auto& f : chain.fonts) xml += fallback_element(f);
            xml += "      </fonts>\n";
        }
        xml += "    </renderer>\n  </renderers>\n";
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

}  // namespace fascicle::pdf
