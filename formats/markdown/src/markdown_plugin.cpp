// The markdown plugin: the Markdown format, read and written.
#include "markdown_options.hpp"
#include "markdown_reader.hpp"
#include "markdown_reader_options.hpp"
#include "markdown_writer.hpp"

#include <fascicle/plugin.hpp>

namespace {

fascicle::PluginDescriptor markdown_plugin() {
    fascicle::FormatInfo format;
    format.name = "markdown";
    format.description = "Markdown: CommonMark, or GitHub Flavored Markdown with --markdown-flavor gfm";
    format.extensions = {".md", ".markdown"};
    format.make_reader = [] { return std::make_unique<fascicle::markdown::MarkdownReader>(); };
    format.make_writer = [] { return std::make_unique<fascicle::markdown::MarkdownWriter>(); };
    format.options = fascicle::markdown::markdown_option_specs();
    for (auto& spec : fascicle::markdown::markdown_reader_option_specs()) format.options.push_back(std::move(spec));

    fascicle::PluginDescriptor plugin;
    plugin.name = "markdown";
    plugin.version = "0.2.0";
    plugin.description = "Markdown reader and writer (CommonMark and GFM)";
    plugin.formats.push_back(std::move(format));
    return plugin;
}

}  // namespace

FASCICLE_PLUGIN(markdown_plugin)
