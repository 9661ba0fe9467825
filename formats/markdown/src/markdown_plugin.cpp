// The markdown plugin: the Markdown format, read and written.
#include "markdown_options.hpp"
#include "markdown_reader.hpp"
#include "markdown_reader_options.hpp"
#include "markdown_writer.hpp"

#include <quire/plugin.hpp>

namespace {

quire::PluginDescriptor markdown_plugin() {
    quire::FormatInfo format;
    format.name = "markdown";
    format.description = "Markdown: CommonMark, or GitHub Flavored Markdown with --markdown-flavor gfm";
    format.extensions = {".md", ".markdown"};
    format.make_reader = [] { return std::make_unique<quire::markdown::MarkdownReader>(); };
    format.make_writer = [] { return std::make_unique<quire::markdown::MarkdownWriter>(); };
    format.options = quire::markdown::markdown_option_specs();
    for (auto& spec : quire::markdown::markdown_reader_option_specs()) format.options.push_back(std::move(spec));

    quire::PluginDescriptor plugin;
    plugin.name = "markdown";
    plugin.version = "0.2.0";
    plugin.description = "Markdown reader and writer (CommonMark and GFM)";
    plugin.formats.push_back(std::move(format));
    return plugin;
}

}  // namespace

QUIRE_PLUGIN(markdown_plugin)
