// Builds the articles of a parsed Markdown document, heading by heading, and hands each to the
// sink as soon as the next article heading (or the end) completes it.
#pragma once

#include "block_reader.hpp"
#include "heading_layout.hpp"
#include "input_diagnostics.hpp"

#include <fascicle/plugin.hpp>

#include <cmark-gfm.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace fascicle::markdown {

// An article heading starts an article: a block quote right after it is its summary, the
// blocks up to its first section heading its introduction. Deeper headings start sections and
// subsections. A last section titled `conclusion_title` (with blocks, without subsections) is
// the article's conclusion. Ids: a heading's anchor, <a id="..."></a>, gives its id (our
// writer's anchors: "<article>" on an article heading, "<article>.<section>" or, in a file of
// its own, "<section>" on a section heading). Otherwise section ids are slugify(title), unique
// within the article, and article ids the input's own (Input::article_id) when the document
// holds one article, else slugify(title), unique within the document. A heading whose id is not
// the anchor GitHub and pandoc give it (heading_anchor, "-1", "-2" ... after the first of a
// text) that a link of the document points at has that anchor too, as an empty span opening
// its title: links written for GitHub or pandoc reach it.
class ArticleAssembler {
public:
    ArticleAssembler(const Input& input, const HeadingLayout& layout, std::string conclusion_title,
                     BlockReader& blocks, InputDiagnostics& diagnostics,
                     ArticleSink& sink);

    Status assemble(cmark_node* document);

private:
    struct OpenSection {
        int level;
        Section* section;
    };

    void start_article(cmark_node* heading, int level);
    // The id a section's heading anchor gives it, "" when it has none.
    std::string section_id_from_anchor() const;
    void start_section(cmark_node* heading, int level);
    void read_block(cmark_node* node);
    std::vector<Block>& current_blocks();
    std::vector<Inline> title_of(cmark_node* heading);
    // Hands the article being built to the sink.
    Status finish_article();
    Status hand_over(Article&& article, const std::string& anchor);
    void add_heading_anchor(std::vector<Inline>& title, const std::string& id, UniqueIds& ids);
    void add_heading_anchors(std::vector<Section>& sections, UniqueIds& ids);

    const Input& input_;
    const HeadingLayout& layout_;
    const std::string conclusion_title_;
    BlockReader& blocks_;
    InputDiagnostics& diagnostics_;
    ArticleSink& sink_;

    Article article_;
    std::string article_anchor_;     // the article heading's anchor, "" when it has none
    bool untitled_ = true;           // the article being built has no heading (text before the first)
    bool expect_summary_ = false;    // nothing has followed the article heading yet
    std::vector<OpenSection> open_sections_;
    UniqueIds article_ids_;
    std::map<std::string, int> heading_anchors_;  // how many headings had each anchor so far
    std::set<std::string> linked_fragments_;      // what the document's links to "#..." point at
};

}  // namespace fascicle::markdown
