// DocBook's blocks and inlines (para, lists, blockquote, programlisting, emphasis, link, literal,
// quote...) read into fascicle blocks. Content is read as a flow: text and inline elements gather
// into a paragraph that the next block element, or the end, closes; so a list inside a para
// splits it, and text where DocBook allows none still becomes a paragraph.
#pragma once

#include "docbook_document.hpp"

#include <fascicle/ir.hpp>

#include <string>
#include <vector>

namespace fascicle::docbook {

// The blocks read from one run of content, and the paragraph being gathered.
class BlockCollector {
public:
    explicit BlockCollector(std::vector<Block>& out) : out_(&out) {}

    std::vector<Inline>& paragraph() { return paragraph_; }
    void add_block(Block block);
    // Ends the paragraph being gathered; one with nothing but white space is left out (the
    // DocBook writer fills empty sections and list items with an empty para).
    void close_paragraph();

private:
    std::vector<Block>* out_;
    std::vector<Inline> paragraph_;
};

class FlowReader {
public:
    explicit FlowReader(DocBookDocument& document) : document_(document) {}

    // Reads one child node of a container into `into`.
    void read(pugi::xml_node node, BlockCollector& into);
    // Every child of `container`, as blocks.
    std::vector<Block> blocks_of(pugi::xml_node container);
    // A title's text: its inline content as plain text, white space tidied.
    std::string title_text(pugi::xml_node title);

    // Whether an element is one of the block elements the flow maps (para, lists...).
    bool is_block(pugi::xml_node element) const;

private:
    void read_para(pugi::xml_node para, BlockCollector& into);
    void read_list(pugi::xml_node list, BlockCollector& into);
    Block read_blockquote(pugi::xml_node quote);
    Block read_programlisting(pugi::xml_node listing);
    void read_unmapped(pugi::xml_node element, BlockCollector& into);

    void read_inline(pugi::xml_node node, std::vector<Inline>& into);
    void read_inline_children(pugi::xml_node element, std::vector<Inline>& into);
    void read_link(pugi::xml_node link, std::vector<Inline>& into);
    void read_quote(pugi::xml_node quote, std::vector<Inline>& into);

    // All the text inside an element, as written (for code).
    std::string verbatim_text(pugi::xml_node element) const;
    bool holds_blocks(pugi::xml_node element) const;

    DocBookDocument& document_;
    int quote_depth_ = 0;
};

}  // namespace fascicle::docbook
