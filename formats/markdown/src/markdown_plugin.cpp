// The markdown plugin: the Markdown format (writing; a reader joins it later).
#include "markdown_options.hpp"
#include "markdown_writer.hpp"

#include <quire/plugin.hpp>

namespace {

quire::PluginDescriptor markdown_plugin() {
    quire::FormatInfo format;
    format.name = "markdown";
    format.description = "Markdown: CommonMark, or GitHub Flavored Markdown with --markdown-flavor gfm";
    format.extensions = {".md", ".markdown"};
    format.make_writer = [] { return std::make_unique<quire::markdown::MarkdownWriter>(); };
    format.options = quire::markdown::markdown_option_specs();

    quire::PluginDescriptor plugin;
    plugin.name = "markdown";
    plugin.version = "0.1.0";
    plugin.description = "Markdown writer (CommonMark and GFM)";
    plugin.formats.push_back(std::move(format));
    return plugin;
}

}  // namespace

QUIRE_PLUGIN(markdown_plugin)
