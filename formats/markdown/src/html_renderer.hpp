// IR blocks and inlines as HTML, for what Markdown can say only in HTML: tables a pipe table
// cannot hold, definition lists, figure captions, and inline content with attributes. Written
// through XmlStream, which escapes it and keeps it well-formed.
#pragma once

#include "internal_links.hpp"

#include <fascicle/ir.hpp>
#include <fascicle/xml_stream.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fascicle::markdown {

// Attributes that own their names (XmlAttributes only views them): see as_xml().
using HtmlAttributes = std::vector<std::pair<std::string, std::string>>;
XmlAttributes as_xml(const HtmlAttributes& attributes);

class HtmlRenderer {
public:
    // `links`: where references lead and how anchors are named; null: references are their text
    // and ids are left out.
    explicit HtmlRenderer(const InternalLinks* links = nullptr) : links_(links) {}
    void set_links(const InternalLinks* links) { links_ = links; }
    const InternalLinks* links() const { return links_; }

    // Block content, inside an element opened with open_block (or at the top level).
    void blocks(XmlStream& xml, const std::vector<Block>& blocks) const;
    // Inline content, inside an element opened with open_inline.
    void inlines(XmlStream& xml, const std::vector<Inline>& inlines) const;
    // An element holding `content`; a lone paragraph's inlines go straight in it (<td>x</td>).
    void element_with(XmlStream& xml, std::string_view name, const HtmlAttributes& attributes,
                      const std::vector<Block>& content) const;
    // <table>: caption, column widths, head, body and foot rows, header cells with their scope,
    // spans, alignment.
    void table(XmlStream& xml, const Block& table) const;
    // The HTML attributes of IR attributes: id (the element's anchor), class, lang, and data-*
    // for the pairs. `classes` come first in the class list.
    HtmlAttributes attributes(const Attributes& a, const std::vector<std::string>& classes = {}) const;
    // A formula's MathML when it has well-formed MathML, else its TeX as pandoc's HTML writes it
    // (\(...\) or \[...\], for MathJax); false, and nothing written, when it has neither.
    bool math(XmlStream& xml, const Math& math, bool display) const;

private:
    void block(XmlStream& xml, const Block& b) const;
    void list(XmlStream& xml, const Block& list) const;
    void inline_element(XmlStream& xml, std::string_view name, const Inline& i,
                        const std::vector<std::string>& classes = {}) const;
    void image(XmlStream& xml, const Inline& i) const;
    void note(XmlStream& xml, const Inline& i) const;
    void reference(XmlStream& xml, const Inline& i) const;
    static void raw_html(XmlStream& xml, const std::string& html);
    void rows(XmlStream& xml, std::string_view part, const Table& table, const std::vector<TableRow>& rows) const;

    const InternalLinks* links_;
};

// The HTML attributes of an image: src, alt, title, and width and height when the IR gives
// them (pixels as attributes, other CSS lengths as a style).
HtmlAttributes image_attributes(const Inline& image);

// A block-level piece of HTML as the lines of a Markdown HTML block. A blank line would end the
// block, so one inside text (a code block's) is written as a character reference instead.
std::vector<std::string> html_block_lines(const std::string& html);

// A piece of inline HTML for a Markdown paragraph: on one line, and the Markdown punctuation in
// its text as character references, so that no Markdown is read inside it.
std::string inline_html(const std::string& html);

// "<name attributes>": an open tag alone, for Markdown content that its close tag follows.
std::string open_tag(std::string_view name, const HtmlAttributes& attributes);

// A top-level inline piece written by `write` into a fresh XmlStream, without the line end the
// stream puts after it.
template <typename Write>
std::string html_fragment(Write&& write) {
    std::string out;
    XmlStream xml(out);
    write(xml);
    if (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

}  // namespace fascicle::markdown
