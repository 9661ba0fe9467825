#include "markdown_reader_options.hpp"

#include "markdown_options.hpp"

#include <fascicle/loss_report.hpp>

#include <charconv>
#include <string>

namespace fascicle::markdown {

std::vector<OptionSpec> markdown_reader_option_specs() {
    return {
        {"markdown-article-level", "N",
         "Markdown input: the heading level (1-6) that starts an article (default: from the document)"},
        {"markdown-math", "SYNTAX",
         "Markdown input: none (default: dollars are text) or dollars ($tex$ inline, $$tex$$ display, as pandoc's "
         "tex_math_dollars)"},
        fail_on_loss_spec(),
        max_input_size_spec(),
        max_nesting_spec(),
    };
}

std::optional<MarkdownReaderOptions> parse_markdown_reader_options(const Options& options,
                                                                   DiagnosticSink& diagnostics) {
    MarkdownReaderOptions out;
    bool ok = true;

    // The dialect is the writer's option too: its parser gives the same values and messages.
    if (auto it = options.find("markdown-flavor"); it != options.end()) {
        auto dialect = parse_markdown_options(Options{*it}, diagnostics);
        if (dialect)
            out.flavor = dialect->flavor;
        else
            ok = false;
    }

    if (auto it = options.find("markdown-article-level"); it != options.end()) {
        const std::string& v = it->second;
        int level = 0;
        auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), level);
        if (ec != std::errc() || end != v.data() + v.size() || level < 1 || level > 6) {
            diagnostics.error("", 0, 0, "--markdown-article-level must be a heading level from 1 to 6, not '" + v + "'");
            ok = false;
        } else {
            out.article_level = level;
        }
    }

    if (auto it = options.find("markdown-math"); it != options.end()) {
        if (it->second == "dollars") {
            out.dollar_math = true;
        } else if (it->second != "none") {
            diagnostics.error("", 0, 0, "--markdown-math must be none or dollars, not '" + it->second + "'");
            ok = false;
        }
    }

    std::string error;
    if (auto size = limit_option(options, max_input_size_option, out.max_input_size, true, error)) {
        out.max_input_size = *size;
    } else {
        diagnostics.error("", 0, 0, error);
        ok = false;
    }
    if (auto depth = limit_option(options, max_nesting_option, out.max_nesting, false, error, most_nesting)) {
        out.max_nesting = static_cast<int>(*depth);
    } else {
        diagnostics.error("", 0, 0, error);
        ok = false;
    }

    if (!ok) return std::nullopt;
    return out;
}

}  // namespace fascicle::markdown
