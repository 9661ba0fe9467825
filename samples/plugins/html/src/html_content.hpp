// The IR's blocks and inlines as HTML elements.
#pragma once

#include <fascicle/ir.hpp>

#include <string>
#include <vector>

namespace fascicle_html {

void append_inlines(std::string& out, const std::vector<fascicle::Inline>& inlines);

// Each block on its own line(s): paragraphs, lists, block quotes, code blocks.
void append_blocks(std::string& out, const std::vector<fascicle::Block>& blocks);

}  // namespace fascicle_html
