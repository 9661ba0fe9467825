// The plain plugin: plain text for reading (a writer only; ".txt" inputs are article text).
#include "plain_options.hpp"
#include "plain_writer.hpp"

#include <fascicle/plugin.hpp>

namespace {

fascicle::PluginDescriptor plain_plugin() {
    fascicle::FormatInfo format;
    format.name = "plain";
    format.description = "Plain text for reading: wrapped by display width, titles underlined";
    format.extensions = {".txt"};
    format.make_writer = [] { return std::make_unique<fascicle::plain::PlainTextWriter>(); };
    format.options = fascicle::plain::plain_option_specs();

    fascicle::PluginDescriptor plugin;
    plugin.name = "plain";
    plugin.version = "0.1.0";
    plugin.description = "Plain-text writer";
    plugin.formats.push_back(std::move(format));
    return plugin;
}

}  // namespace

FASCICLE_PLUGIN(plain_plugin)
