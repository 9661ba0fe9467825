#include "read_text.hpp"

#include "article_text_reader.hpp"

#include <sstream>

namespace fascicle::article_text::test {

ReadResult read_text(const std::string& bytes, const std::string& name) {
    ReadResult result;
    std::istringstream stream(bytes);
    Options options;
    Metadata found;
    fascicle::Resources ctx_resources;
    ReadContext ctx{options, result.diagnostics, found, ctx_resources};
    Input input{name, name, &stream, std::filesystem::path(name).stem().string()};
    fascicle::test::CollectingArticles sink;
    ArticleTextReader reader;
    result.status = reader.read(input, ctx, sink);
    result.articles = std::move(sink.articles);
    return result;
}

std::filesystem::path data_dir() { return ARTICLE_TEXT_TEST_DATA_DIR; }

}  // namespace fascicle::article_text::test
