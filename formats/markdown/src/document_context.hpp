// What the readers of one Markdown document share: where problems go, what was lost, where
// images and sibling documents are, and the options that change how text is read.
#pragma once

#include "image_files.hpp"
#include "input_diagnostics.hpp"
#include "sibling_documents.hpp"

#include <fascicle/loss_report.hpp>

#include <set>
#include <string>
#include <string_view>

namespace fascicle::markdown {

struct DocumentContext {
    InputDiagnostics& diagnostics;
    LossReport& losses;
    ImageFiles& images;
    const SiblingDocuments& siblings;
    bool dollar_math = false;  // --markdown-math dollars: $tex$ and $$tex$$ are math
    bool gfm = false;          // GFM's own forms (alerts) are read
    // The anchors of the document's article headings (our writer's whole book: the article ids),
    // so that a link to "#article" or "#article.id" is an internal reference.
    std::set<std::string> article_anchors;
    std::string article_anchor;  // the anchor of the article being read; "" when it has none
    std::string_view markdown;   // the document's text, each line at its number

    // An anchor's id as a local id: without the article's anchor and '.' before it (the writer's
    // "article.id" in a whole book).
    std::string local_id(const std::string& anchor) const {
        const std::string prefix = article_anchor + ".";
        return !article_anchor.empty() && anchor.starts_with(prefix) ? anchor.substr(prefix.size()) : anchor;
    }
};

}  // namespace fascicle::markdown
