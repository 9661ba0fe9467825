// The plugin's entry point: the "epub" format, written and read.
#include "epub_reader.hpp"
#include "epub_writer.hpp"

#include <fascicle/input_limits.hpp>
#include <fascicle/loss_report.hpp>
#include <fascicle/plugin.hpp>
#include <fascicle_asset/epub_css.hpp>

namespace {

fascicle::PluginDescriptor describe() {
    fascicle::FormatInfo epub;
    epub.name = "epub";
    epub.description = "EPUB 3 ebook, one chapter per article (reads EPUB 3 and 2)";
    epub.extensions = {".epub"};
    epub.make_reader = [] { return std::make_unique<fascicle::epub::EpubReader>(); };
    epub.make_writer = [] { return std::make_unique<fascicle::epub::EpubWriter>(fascicle_asset::epub_css); };
    epub.options = {{"cover", "FILE", "cover image of the EPUB (PNG or JPEG)"},
                    {fascicle::epub::page_map_option, "FILE",
                     "EPUB: mark the pages of the print edition from FILE (PDF: --write-page-map FILE)"},
                    {fascicle::epub::print_edition_option, "NAME",
                     "EPUB: the print edition the page map is of (its ISBN or name; default: the book's title)"},
                    fascicle::max_entry_size_spec(),
                    fascicle::max_nesting_spec(), fascicle::fail_on_loss_spec()};
    epub.binary = true;
    epub.to_stdout = true;  // the archive is built in a temporary folder, then copied

    fascicle::PluginDescriptor plugin;
    plugin.name = "epub";
    plugin.version = "1.1.0";
    plugin.description = "EPUB 3 writer and EPUB 3/2 reader";
    plugin.formats.push_back(std::move(epub));
    return plugin;
}

}  // namespace

FASCICLE_PLUGIN(describe)
