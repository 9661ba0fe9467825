// DocBook's blocks and inlines read into fascicle blocks: paragraphs, lists, tables (CALS and
// HTML), figures and media, footnotes, variable lists, code, literal layouts, equations,
// admonitions and the other formal containers, references. Content is read as a flow: text and
// inline elements gather into a paragraph that the next block element, or the end, closes; so a
// list inside a para splits it, and text where DocBook allows none still becomes a paragraph.
// What has no place in the document model is recorded as lost (DocBookDocument::unmapped).
#pragma once

#include "docbook_document.hpp"

#include <fascicle/ir.hpp>

#include <functional>
#include <map>
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
    // Attributes (id, language) for the paragraph being gathered.
    Attributes& paragraph_attributes() { return attributes_; }

private:
    std::vector<Block>* out_;
    std::vector<Inline> paragraph_;
    Attributes attributes_;
};

// Where an xml:id is: the article holding it and its id there.
struct IdTarget {
    std::string article;
    std::string local;  // empty: the article itself
};

class FlowReader {
public:
    explicit FlowReader(DocBookDocument& document) : document_(document) {}

    // The ids of the document, for references; `current_article` is the article being read.
    void set_targets(const std::map<std::string, IdTarget>* targets) { targets_ = targets; }
    void set_current_article(std::string id) { current_article_ = std::move(id); }
    // The local id an element's xml:id stands for ("kinds.fig-1" -> "fig-1").
    std::string local_id(pugi::xml_node element) const;

    // Reads one child node of a container into `into`.
    void read(pugi::xml_node node, BlockCollector& into);
    // Every child of `container`, as blocks.
    std::vector<Block> blocks_of(pugi::xml_node container);
    // A title's text: its inline content as plain text, white space tidied.
    std::string title_text(pugi::xml_node title);
    // A title's inlines, white space tidied.
    std::vector<Inline> title_inlines_of(pugi::xml_node title);

    // Whether an element is one of the block elements the flow maps (para, lists...).
    bool is_block(pugi::xml_node element) const;

private:
    void read_para(pugi::xml_node para, BlockCollector& into);
    void read_list(pugi::xml_node list, BlockCollector& into);
    void read_variablelist(pugi::xml_node list, BlockCollector& into);
    void read_glosslist(pugi::xml_node list, BlockCollector& into);
    Block read_blockquote(pugi::xml_node quote);
    Block read_code(pugi::xml_node listing);
    Block read_line_block(pugi::xml_node layout);
    Block read_figure(pugi::xml_node figure);
    Block read_table(pugi::xml_node table);
    void read_cals_group(pugi::xml_node tgroup, Table& table);
    void read_html_rows(pugi::xml_node parent, std::vector<TableRow>& into);
    Block read_equation(pugi::xml_node equation);
    Block read_container(pugi::xml_node element, std::string_view kind);
    void read_unmapped(pugi::xml_node element, BlockCollector& into);

    void read_inline(pugi::xml_node node, std::vector<Inline>& into);
    void read_inline_children(pugi::xml_node element, std::vector<Inline>& into);
    void read_link(pugi::xml_node link, std::vector<Inline>& into);
    void read_quote(pugi::xml_node quote, std::vector<Inline>& into);
    Inline read_image(pugi::xml_node mediaobject);
    Math read_math(pugi::xml_node holder);
    std::vector<Math> read_maths(pugi::xml_node holder);
    // A reference to the element with `xml_id`, named at `at` (for the warning when it names none).
    Inline reference_to(pugi::xml_node at, const std::string& xml_id, std::vector<Inline> children);

    // All the text inside an element, as written (for code).
    std::string verbatim_text(pugi::xml_node element) const;
    bool holds_blocks(pugi::xml_node element) const;
    // The element's xml:id and xml:lang as attributes.
    Attributes attributes_of(pugi::xml_node element) const;

    DocBookDocument& document_;
    const std::map<std::string, IdTarget>* targets_ = nullptr;
    std::string current_article_;
    int quote_depth_ = 0;
    int last_list_items_ = 0;  // for orderedlist continuation="continues"
};

}  // namespace fascicle::docbook
