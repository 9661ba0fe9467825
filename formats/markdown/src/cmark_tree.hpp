// A Markdown document parsed by libcmark-gfm: CommonMark, with GFM's extensions (tables,
// strikethrough, extended autolinks, task lists, footnotes) for the gfm flavor. (libcmark-gfm rather than libcmark: both export the same
// symbol names, so one plugin can link only one of them, and only this one knows GFM.)
#pragma once

#include "markdown_flavor.hpp"

#include <cmark-gfm.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace fascicle::markdown {

class CmarkTree {
public:
    // Never fails: every string is a Markdown document.
    CmarkTree(const std::string& markdown, Flavor flavor);
    cmark_node* document() const { return document_.get(); }

private:
    std::unique_ptr<cmark_node, void (*)(cmark_node*)> document_;
};

// The node's first line and column (1-based), or 0 when the parser did not record it.
std::size_t line_of(cmark_node* node);
std::size_t column_of(cmark_node* node);

// The node's literal text (text, code, HTML), empty when it has none.
std::string_view literal_of(cmark_node* node);

// True when the node's type is named `type_name`: how a GFM extension's nodes ("table",
// "strikethrough" ...) are told apart.
bool type_name_is(cmark_node* node, std::string_view type_name);

}  // namespace fascicle::markdown
