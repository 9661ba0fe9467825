// Writes an article in the canonical article-text form (see FORMAT.md): UTF-8 without BOM, LF line
// ends, one paragraph per line, no blank lines, a final newline.
#pragma once

#include <fascicle/plugin.hpp>

namespace fascicle::article_text {

class ArticleTextWriter final : public Writer {
public:
    Status begin_book(const Metadata& book, WriteContext& ctx) override;
    // The format holds one article: a second one is an error unless the host splits the book.
    Status write_article(const Article& article) override;
    Status end_book() override;

private:
    WriteContext* ctx_ = nullptr;
    std::size_t articles_written_ = 0;
};

}  // namespace fascicle::article_text
