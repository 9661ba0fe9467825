// fascicle-html: the plugin's entry points. Everything Fascicle learns about the plugin is here.
#include "html_writer.hpp"

#include <fascicle/plugin.hpp>

namespace fascicle_html {

fascicle::PluginDescriptor describe() {
    fascicle::FormatInfo html;
    html.name = "html";
    html.description = "HTML5, one self-contained file with a table of contents";
    html.extensions = {".html", ".htm"};
    html.make_writer = [] { return std::make_unique<HtmlWriter>("Fascicle html plugin " FASCICLE_HTML_VERSION); };
    html.options = {{"html-css", "FILE", "html: embed the stylesheet in FILE instead of the built-in one"}};
    html.buffers_book = true;  // the table of contents comes before the articles

    fascicle::PluginDescriptor plugin;
    plugin.name = "html";
    plugin.version = FASCICLE_HTML_VERSION;
    plugin.description = "Writes a book as a single HTML5 file";
    plugin.formats.push_back(std::move(html));
    return plugin;
}

}  // namespace fascicle_html

FASCICLE_PLUGIN(fascicle_html::describe)
