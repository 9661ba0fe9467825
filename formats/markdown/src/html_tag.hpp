// The raw HTML CommonMark lets through, as far as the reader maps it: which tag an inline HTML
// node is (<em>, </a>, <br/> ...), its href and id, and whether a piece of HTML is only a comment.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fascicle::markdown {

struct HtmlTag {
    // other: a processing instruction or a declaration (<?...?>, <!DOCTYPE ...>)
    enum class Kind { open, close, comment, cdata, other };
    Kind kind = Kind::other;
    std::string name;                 // open and close tags, lower case
    bool self_closing = false;        // <br/>
    std::optional<std::string> href;  // an open tag's href, its character references decoded
    std::optional<std::string> id;    // an open tag's id (or, the old way, name), decoded likewise
    std::string content;              // a comment's or a CDATA section's text
    // An open tag's attributes in order, names in lower case, values decoded (empty when none).
    std::vector<std::pair<std::string, std::string>> attributes;
};

// What an inline HTML node's literal (one tag, as CommonMark recognised it) is.
HtmlTag parse_html_tag(std::string_view literal);

// The text of an HTML block that is one comment and nothing else ("<!-- x -->" gives " x ").
std::optional<std::string_view> comment_text(std::string_view html);

}  // namespace fascicle::markdown
