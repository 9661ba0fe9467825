// The plugin's entry point: the "epub" format, written and read.
#include "epub_reader.hpp"
#include "epub_writer.hpp"

#include <quire/input_limits.hpp>
#include <quire/plugin.hpp>
#include <quire_asset/epub_css.hpp>

namespace {

quire::PluginDescriptor describe() {
    quire::FormatInfo epub;
    epub.name = "epub";
    epub.description = "EPUB 3 ebook, one chapter per article (reads EPUB 3 and 2)";
    epub.extensions = {".epub"};
    epub.make_reader = [] { return std::make_unique<quire::epub::EpubReader>(); };
    epub.make_writer = [] { return std::make_unique<quire::epub::EpubWriter>(quire_asset::epub_css); };
    epub.options = {{"cover", "FILE", "cover image of the EPUB (PNG or JPEG)"}, quire::max_entry_size_spec()};
    epub.binary = true;
    epub.to_stdout = true;  // the archive is built in a temporary folder, then copied

    quire::PluginDescriptor plugin;
    plugin.name = "epub";
    plugin.version = "1.1.0";
    plugin.description = "EPUB 3 writer and EPUB 3/2 reader";
    plugin.formats.push_back(std::move(epub));
    return plugin;
}

}  // namespace

QUIRE_PLUGIN(describe)
