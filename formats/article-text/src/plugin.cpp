// The article-text plugin: the corpus format, read and written.
#include "article_text_reader.hpp"
#include "article_text_writer.hpp"

#include <quire/input_limits.hpp>
#include <quire/plugin.hpp>

namespace {

quire::PluginDescriptor article_text_plugin() {
    quire::FormatInfo format;
    format.name = "article-text";
    format.description = "Corpus article: summary, introduction, \"- \" table of contents, sections, conclusion";
    format.extensions = {".txt"};
    // A ".txt" output means plain text; this format is written only when asked for by name.
    format.claims_output_extensions = false;
    format.make_reader = [] { return std::make_unique<quire::article_text::ArticleTextReader>(); };
    format.make_writer = [] { return std::make_unique<quire::article_text::ArticleTextWriter>(); };
    format.options = {quire::max_input_size_spec()};

    quire::PluginDescriptor plugin;
    plugin.name = "article-text";
    plugin.version = QUIRE_ARTICLE_TEXT_VERSION;
    plugin.description = "Reads and writes the plain-text corpus articles";
    plugin.formats.push_back(std::move(format));
    return plugin;
}

}  // namespace

QUIRE_PLUGIN(article_text_plugin)
