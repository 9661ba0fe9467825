// Reads one corpus article (the article-text format, see FORMAT.md) into one Article.
#pragma once

#include <fascicle/plugin.hpp>

namespace fascicle::article_text {

class ArticleTextReader final : public Reader {
public:
    // Hands exactly one article to `sink`, or none (and returns failed) when the input has an error.
    Status read(const Input& input, ReadContext& ctx, ArticleSink& sink) override;
};

}  // namespace fascicle::article_text
