#include "markdown_options.hpp"

#include <charconv>
#include <string>

namespace fascicle::markdown {

namespace {

constexpr std::size_t widest = 10'000;

const std::string* find(const Options& options, const std::string& name) {
    auto it = options.find(name);
    return it == options.end() ? nullptr : &it->second;
}

}  // namespace

std::vector<OptionSpec> markdown_option_specs() {
    return {
        {"markdown-flavor", "FLAVOR",
         "Markdown dialect of the format markdown, read and written: commonmark (default) or gfm (the formats gfm "
         "and commonmark are theirs: -f gfm -t commonmark)"},
        {"wrap", "MODE", "none (default: a paragraph on one line) or auto (wrap at --columns)"},
        // The same text in the plain plugin: fascicle shows one --columns for both.
        {"columns", "N", "line width in columns (default 72; Markdown wraps only with it or --wrap auto)"},
        {"standalone", "", "Markdown: begin with a YAML metadata block"},
    };
}

std::optional<MarkdownOptions> parse_markdown_options(const Options& options,
                                                      DiagnosticSink& diagnostics) {
    MarkdownOptions out;
    bool ok = true;
    auto bad = [&](const std::string& message) {
        diagnostics.error("", 0, 0, message);
        ok = false;
    };

    if (auto v = find(options, "markdown-flavor")) {
        if (*v == "commonmark")
            out.flavor = Flavor::commonmark;
        else if (*v == "gfm")
            out.flavor = Flavor::gfm;
        else
            bad("--markdown-flavor must be commonmark or gfm, not '" + *v + "'");
    }

    std::size_t columns = MarkdownOptions::default_columns;
    const std::string* columns_value = find(options, "columns");
    if (columns_value) {
        const char* end = columns_value->data() + columns_value->size();
        auto [p, ec] = std::from_chars(columns_value->data(), end, columns);
        if (ec != std::errc() || p != end || columns == 0 || columns > widest)
            bad("--columns must be a whole number from 1 to " + std::to_string(widest) + ", not '" +
                *columns_value + "'");
    }
    bool wrap = columns_value != nullptr;  // asking for a width asks for wrapping
    if (auto v = find(options, "wrap")) {
        if (*v == "none")
            wrap = false;
        else if (*v == "auto")
            wrap = true;
        else
            bad("--wrap must be none or auto, not '" + *v + "'");
    }
    if (wrap) out.wrap_columns = columns;

    if (auto v = find(options, "standalone")) {
        if (*v == "true")
            out.standalone = true;
        else if (*v != "false")
            bad("--standalone takes no value, got '" + *v + "'");
    }

    if (!ok) return std::nullopt;
    return out;
}

}  // namespace fascicle::markdown
