// Writes a book as one Markdown document, article by article as they come (or, with --split,
// one article per document). Document layout: formats/markdown/README.md.
#pragma once

#include "block_renderer.hpp"
#include "markdown_options.hpp"

#include <fascicle/plugin.hpp>

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace fascicle {
class ArticleBlocks;
}

namespace fascicle::markdown {

class MarkdownWriter : public Writer {
public:
    // `flavor`: the dialect of the format written (gfm, commonmark); nullopt: --markdown-flavor's.
    explicit MarkdownWriter(std::optional<Flavor> flavor = std::nullopt) : flavor_(flavor) {}

    Status begin_book(const Metadata& book, WriteContext& ctx) override;
    Status write_article(const Article& article) override;
    Status end_book() override;
    // An article's Markdown depends only on the options and the book's metadata: articles may
    // be rendered on several threads at once.
    std::optional<std::string> render_article(const Article& article, DiagnosticSink& diagnostics) const override;
    Status write_rendered(const Article& article, std::string&& rendered) override;

private:
    // What the article loses in Markdown, reported.
    void warn(const Article& article, DiagnosticSink& diagnostics) const;
    // The article's blocks into `out`, a blank line between two, none before the first.
    void render(const Article& article, ArticleBlocks& out) const;
    // Writes a piece of the document, after a blank line unless it is the first.
    void write(const std::string& piece);
    Status stream_status();

    std::optional<Flavor> flavor_;
    WriteContext* ctx_ = nullptr;
    MarkdownOptions options_;
    std::optional<BlockRenderer> renderer_;
    Metadata book_;
    bool wrote_anything_ = false;
    std::set<std::string> media_;                       // the book's images the articles show
    std::optional<std::filesystem::path> media_folder_;  // beside the output file, where they go
};

}  // namespace fascicle::markdown
