// An HTML block of a Markdown file as text an XML parser reads: HTML's void elements (<br>,
// <img ...>) closed, tag names in lower case; and how many elements it leaves open, so that the
// blocks a blank line split (pandoc's tables with paragraphs in their cells) can be joined.
// What is not XML all the same (unquoted or bare attributes, a lone '&') fails to parse later:
// the block then stays raw HTML.
#pragma once

#include <string>
#include <string_view>

namespace fascicle::markdown {

struct XmlFragment {
    std::string xml;
    int open_elements = 0;  // opened less closed; negative when it closes more than it opens
};

XmlFragment xml_from_html(std::string_view html);

}  // namespace fascicle::markdown
