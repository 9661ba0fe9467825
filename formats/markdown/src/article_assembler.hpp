// Builds the articles of a parsed Markdown document, heading by heading, and hands each to the
// sink as soon as the next article heading (or the end) completes it.
#pragma once

#include "block_reader.hpp"
#include "heading_layout.hpp"
#include "input_diagnostics.hpp"

#include <fascicle/plugin.hpp>

#include <cmark-gfm.h>

#include <optional>
#include <string>
#include <vector>

namespace fascicle::markdown {

// An article heading starts an article: a block quote right after it is its summary, the
// blocks up to its first section heading its introduction. Deeper headings start sections and
// subsections. A last section titled `conclusion_title` (with blocks, without subsections) is
// the article's conclusion. Section ids: slugify(title), unique within the article. Article
// ids: the input's own (Input::article_id) when the document holds one article; otherwise
// slugify(title), unique within the document (Markdown does not carry ids).
class ArticleAssembler {
public:
    ArticleAssembler(const Input& input, const HeadingLayout& layout, std::string conclusion_title,
                     std::string document_title, BlockReader& blocks, InputDiagnostics& diagnostics,
                     ArticleSink& sink);

    Status assemble(cmark_node* document);

private:
    struct OpenSection {
        int level;
        Section* section;
    };

    void start_article(cmark_node* heading);
    void start_section(cmark_node* heading, int level);
    void read_block(cmark_node* node);
    std::vector<Block>& current_blocks();
    std::vector<Inline> title_of(cmark_node* heading);
    // Hands the article being built to the sink (or keeps leading text for the next one).
    Status finish_article();
    Status hand_over(Article&& article);

    const Input& input_;
    const HeadingLayout& layout_;
    const std::string conclusion_title_;
    const std::string document_title_;
    BlockReader& blocks_;
    InputDiagnostics& diagnostics_;
    ArticleSink& sink_;

    Article article_;
    bool untitled_ = true;           // the article being built has no heading (text before the first)
    std::size_t untitled_line_ = 0;  // where its text begins
    bool expect_summary_ = false;    // nothing has followed the article heading yet
    std::vector<OpenSection> open_sections_;
    std::vector<Block> carried_;     // leading text, for the first titled article's introduction
    UniqueIds article_ids_;
};

}  // namespace fascicle::markdown
