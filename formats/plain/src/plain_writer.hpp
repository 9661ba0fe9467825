// Writes a book as plain text for reading (layout: formats/plain/README.md). Articles are
// written as they come, except with --toc: the contents list goes first, so the rendered
// text is held until the end of the book.
#pragma once

#include "plain_options.hpp"
#include "plain_text_renderer.hpp"

#include <fascicle/plugin.hpp>

#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace fascicle {
class ArticleBlocks;
}

namespace fascicle::plain {

class PlainTextWriter : public Writer {
public:
    Status begin_book(const Metadata& book, WriteContext& ctx) override;
    Status write_article(const Article& article) override;
    Status end_book() override;
    // An article's text depends only on the options and the book's metadata: articles may be
    // rendered on several threads at once.
    std::optional<std::string> render_article(const Article& article, DiagnosticSink& diagnostics) const override;
    Status write_rendered(const Article& article, std::string&& rendered) override;

private:
    // The article from its title on, a blank line between two blocks.
    void render(const Article& article, ArticleBlocks& out) const;
    std::string conclusion_title(const Article& article) const;
    void add_contents_entries(const Article& article);
    Status stream_status();

    WriteContext* ctx_ = nullptr;
    PlainOptions options_;
    std::optional<PlainTextRenderer> renderer_;
    std::string conclusion_title_;
    std::ostream* out_ = nullptr;        // the output, or body_ while the contents list is pending
    std::ostringstream body_;
    std::vector<std::string> header_;    // with --toc: the book's title, written at the end
    std::vector<std::string> contents_;  // with --toc: the entries so far
    bool wrote_anything_ = false;        // to out_
};

}  // namespace fascicle::plain
