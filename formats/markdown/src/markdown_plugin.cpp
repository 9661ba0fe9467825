// The markdown plugin: the Markdown format, read and written.
#include "markdown_options.hpp"
#include "markdown_reader.hpp"
#include "markdown_reader_options.hpp"
#include "markdown_writer.hpp"

#include <fascicle/plugin.hpp>

#include <optional>
#include <string>

namespace {

// One format of the plugin. `flavor`: the dialect it reads and writes; nullopt for `markdown`,
// whose dialect is --markdown-flavor's. The three share their options (the CLI shows them once).
fascicle::FormatInfo markdown_format(std::string name, std::string description, std::optional<fascicle::markdown::Flavor> flavor) {
    fascicle::FormatInfo format;
    format.name = std::move(name);
    format.description = std::move(description);
    // .md files are read and written as `markdown` (registered first); gfm and commonmark are
    // chosen with -f or -t, and then read a folder's .md files too.
    format.extensions = {".md", ".markdown"};
    format.claims_output_extensions = !flavor;
    format.make_reader = [flavor] { return std::make_unique<fascicle::markdown::MarkdownReader>(flavor); };
    format.make_writer = [flavor] { return std::make_unique<fascicle::markdown::MarkdownWriter>(flavor); };
    format.options = fascicle::markdown::markdown_option_specs();
    for (auto& spec : fascicle::markdown::markdown_reader_option_specs()) format.options.push_back(std::move(spec));
    return format;
}

fascicle::PluginDescriptor markdown_plugin() {
    using fascicle::markdown::Flavor;
    fascicle::PluginDescriptor plugin;
    plugin.name = "markdown";
    plugin.version = "0.2.0";
    plugin.description = "Markdown reader and writer (CommonMark and GFM)";
    plugin.formats.push_back(markdown_format(
        "markdown", "Markdown: CommonMark, or GitHub Flavored Markdown with --markdown-flavor gfm", std::nullopt));
    plugin.formats.push_back(markdown_format(
        "gfm", "GitHub Flavored Markdown: tables, footnotes, task lists, strikethrough, autolinks", Flavor::gfm));
    plugin.formats.push_back(markdown_format("commonmark", "CommonMark", Flavor::commonmark));
    return plugin;
}

}  // namespace

FASCICLE_PLUGIN(markdown_plugin)
