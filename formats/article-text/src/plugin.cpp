// The article-text plugin: the corpus format, read and written.
#include "article_text_reader.hpp"
#include "article_text_writer.hpp"

#include <fascicle/input_limits.hpp>
#include <fascicle/plugin.hpp>

namespace {

fascicle::PluginDescriptor article_text_plugin() {
    fascicle::FormatInfo format;
    format.name = "article-text";
    format.description = "Corpus article: summary, introduction, \"- \" table of contents, sections, conclusion";
    format.extensions = {".txt"};
    // A ".txt" output means plain text; this format is written only when asked for by name.
    format.claims_output_extensions = false;
    format.make_reader = [] { return std::make_unique<fascicle::article_text::ArticleTextReader>(); };
    format.make_writer = [] { return std::make_unique<fascicle::article_text::ArticleTextWriter>(); };
    format.options = {fascicle::max_input_size_spec()};

    fascicle::PluginDescriptor plugin;
    plugin.name = "article-text";
    plugin.version = FASCICLE_ARTICLE_TEXT_VERSION;
    plugin.description = "Reads and writes the plain-text corpus articles";
    plugin.formats.push_back(std::move(format));
    return plugin;
}

}  // namespace

FASCICLE_PLUGIN(article_text_plugin)
