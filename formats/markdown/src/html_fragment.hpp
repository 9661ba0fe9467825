// An HTML block of a Markdown file as text an XML parser reads: HTML's void elements (<br>,
// <img ...>) closed, tag names in lower case; and how many elements it leaves open, so that the
// blocks a blank line split (pandoc's tables with paragraphs in their cells) can be joined.
// A '&' or '<' that starts no reference or tag is escaped, as HTML reads it. What is not XML all
// the same (unquoted or bare attributes) fails to parse later:
// the block then stays raw HTML.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fascicle::markdown {

struct XmlFragment {
    std::string xml;
    int open_elements = 0;  // opened less closed; negative when it closes more than it opens
    int open_preformatted = 0;  // the same for <pre>: a blank line inside one ends the block
};

XmlFragment xml_from_html(std::string_view html);

// When the block is only the start or end tags of elements that wrap Markdown (pandoc's
// <div id="x" class="section"> before its content, </div> after it: <div>, <section> ...,
// white space between), the ids they give, in order; nullopt when it is anything else.
std::optional<std::vector<std::string>> wrapper_ids(std::string_view html);

}  // namespace fascicle::markdown
