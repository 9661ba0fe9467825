// A streaming XML serializer that pretty-prints without changing what the document says.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fascicle {

using XmlAttributes = std::vector<std::pair<std::string_view, std::string>>;

// Appends elements to a string, 2 spaces an indentation level. (A string, not a stream: an
// article is rendered on its own, possibly on another thread, and written out in one piece;
// appending to a string is also several times faster than formatted stream output.)
//
// An element opened with open_block() holds only elements: each child starts on its own line.
// One opened with open_inline() holds text (a para, a title): it stays on one line, because
// whitespace added inside mixed content would change the text.
//
// Text and attribute values are escaped, and anything XML 1.0 cannot carry (invalid UTF-8,
// control characters, U+FFFE...) becomes U+FFFD, as does what it discourages and HTML forbids
// (DEL, C1 controls, noncharacters): the output also parses as HTML. replacements() counts
// those so the caller can say where they happened.
class XmlStream {
public:
    // `indent`: the levels of the enclosing document open around what this stream writes (the
    // book element around an article rendered apart from it).
    explicit XmlStream(std::string& out, std::size_t indent = 0) : out_(out), indent_(indent) {}

    void declaration();
    // <!DOCTYPE root> (HTML's "html"): before the root element, after the declaration.
    void doctype(std::string_view root);
    void open_block(std::string_view name, const XmlAttributes& attributes = {});
    void open_inline(std::string_view name, const XmlAttributes& attributes = {});
    // An element with no content, on its own line or inline depending on its parent.
    void empty(std::string_view name, const XmlAttributes& attributes = {});
    // Closes the innermost open element.
    void close();
    // An element holding only `text`, e.g. <title>...</title>.
    void text_element(std::string_view name, std::string_view text, const XmlAttributes& attributes = {});
    // Character data; only inside an inline element.
    void text(std::string_view text);
    // Markup another XmlStream wrote (so escaped and well-formed), appended as it is; only inside
    // an inline element. For element-only content standing in a line of text (a footnote's blocks).
    void markup(std::string_view xml);
    // <?target?>: inside an inline element, or on a line of its own between blocks.
    void processing_instruction(std::string_view target);
    // A well-formed XML fragment from elsewhere (a MathML <math> element), written element by
    // element through this stream, so that it is escaped and checked like the rest; its
    // namespace declarations are kept. In block context it stands on a line of its own. False, and nothing
    // written, when `xml` is not one well-formed element. `root_attributes` are set on its root
    // element, replacing any of the same name (MathML's alttext).
    bool fragment(std::string_view xml, const XmlAttributes& root_attributes = {});

    std::size_t depth() const { return open_.size(); }
    // Whether the innermost open element was opened with open_inline().
    bool in_inline_element() const { return in_inline(); }
    // The indentation level of what goes in the innermost open element: the enclosing levels
    // given at construction and the open elements.
    std::size_t level() const { return indent_ + open_.size(); }
    // What text() makes of `text` once a parser has read it back: `text` with U+FFFD where it is
    // not UTF-8 or holds what XML 1.0 cannot carry.
    static std::string carried(std::string_view text);
    std::size_t replacements() const { return replacements_; }

private:
    struct Open {
        std::string name;
        bool is_inline;
    };

    bool in_inline() const { return !open_.empty() && open_.back().is_inline; }
    void start_line();
    void start_tag(std::string_view name, const XmlAttributes& attributes, bool self_closing);
    void escaped(std::string_view text, bool in_attribute);

    std::string& out_;
    std::size_t indent_;
    std::vector<Open> open_;
    std::size_t replacements_ = 0;
};

// A MathML <math> element with the MathML namespace declared on it (HTML5 content often
// leaves it out; XML documents need it).
std::string namespaced_mathml(std::string_view math);

}  // namespace fascicle
