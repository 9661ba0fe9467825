// quire-html: the plugin's entry points. Everything Quire learns about the plugin is here.
#include "html_writer.hpp"

#include <quire/plugin.hpp>

namespace quire_html {

quire::PluginDescriptor describe() {
    quire::FormatInfo html;
    html.name = "html";
    html.description = "HTML5, one self-contained file with a table of contents";
    html.extensions = {".html", ".htm"};
    html.make_writer = [] { return std::make_unique<HtmlWriter>("Quire html plugin " QUIRE_HTML_VERSION); };
    html.options = {{"html-css", "FILE", "html: embed the stylesheet in FILE instead of the built-in one"}};
    html.buffers_book = true;  // the table of contents comes before the articles

    quire::PluginDescriptor plugin;
    plugin.name = "html";
    plugin.version = QUIRE_HTML_VERSION;
    plugin.description = "Writes a book as a single HTML5 file";
    plugin.formats.push_back(std::move(html));
    return plugin;
}

}  // namespace quire_html

QUIRE_PLUGIN(quire_html::describe)
