// A content document's body as headings, blocks and notes: core's HTML content mapper
// (html_content.hpp), which the Markdown reader shares for its HTML blocks.
#pragma once

#include "xml_entry.hpp"

#include <fascicle/html_content.hpp>

namespace fascicle::epub::reader {

using html::ContentBlock;
using html::ContentContext;
using html::ContentHeading;
using html::ContentItem;
using html::ContentNote;
using html::Part;
using XhtmlContent = html::HtmlContent;
using html::document_kinds;

}  // namespace fascicle::epub::reader
