#include "plain_options.hpp"

#include <charconv>
#include <string>

namespace fascicle::plain {

namespace {
constexpr std::size_t widest = 10'000;
}

std::vector<OptionSpec> plain_option_specs() {
    return {
        // The same text in the markdown plugin: fascicle shows one --columns for both.
        {"columns", "N", "line width in columns (default 72; Markdown wraps only with it or --wrap auto)"},
        {"toc", "", "plain text: a contents list at the top"},
    };
}

std::optional<PlainOptions> parse_plain_options(const Options& options, DiagnosticSink& diagnostics) {
    PlainOptions out;
    bool ok = true;
    if (auto it = options.find("columns"); it != options.end()) {
        const std::string& v = it->second;
        const char* end = v.data() + v.size();
        auto [p, ec] = std::from_chars(v.data(), end, out.columns);
        if (ec != std::errc() || p != end || out.columns == 0 || out.columns > widest) {
            diagnostics.error("", 0, 0,
                              "--columns must be a whole number from 1 to " + std::to_string(widest) +
                                  ", not '" + v + "'");
            ok = false;
        }
    }
    if (auto it = options.find("toc"); it != options.end()) {
        if (it->second == "true")
            out.toc = true;
        else if (it->second != "false") {
            diagnostics.error("", 0, 0, "--toc takes no value, got '" + it->second + "'");
            ok = false;
        }
    }
    if (!ok) return std::nullopt;
    return out;
}

}  // namespace fascicle::plain
