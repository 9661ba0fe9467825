// The plain plugin: plain text for reading (a writer only; ".txt" inputs are article text).
#include "plain_options.hpp"
#include "plain_writer.hpp"

#include <quire/plugin.hpp>

namespace {

quire::PluginDescriptor plain_plugin() {
    quire::FormatInfo format;
    format.name = "plain";
    format.description = "Plain text for reading: wrapped by display width, titles underlined";
    format.extensions = {".txt"};
    format.make_writer = [] { return std::make_unique<quire::plain::PlainTextWriter>(); };
    format.options = quire::plain::plain_option_specs();

    quire::PluginDescriptor plugin;
    plugin.name = "plain";
    plugin.version = "0.1.0";
    plugin.description = "Plain-text writer";
    plugin.formats.push_back(std::move(format));
    return plugin;
}

}  // namespace

QUIRE_PLUGIN(plain_plugin)
