// The IR's blocks and inlines as HTML elements.
#pragma once

#include <quire/ir.hpp>

#include <string>
#include <vector>

namespace quire_html {

void append_inlines(std::string& out, const std::vector<quire::Inline>& inlines);

// Each block on its own line(s): paragraphs, lists, block quotes, code blocks.
void append_blocks(std::string& out, const std::vector<quire::Block>& blocks);

}  // namespace quire_html
