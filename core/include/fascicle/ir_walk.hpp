// Visiting every section, block and inline an article holds, in document order: titles, blocks,
// and what blocks and inlines hold in turn (items, quotes, cells, captions, notes...). The one
// traversal of the model: the census, the image list of media_export and writers use it.
#pragma once

#include <fascicle/ir.hpp>

#include <functional>
#include <vector>

namespace fascicle {

struct IrVisitor {
    std::function<void(const Block&)> block;    // may be empty
    std::function<void(const Inline&)> inline_;  // may be empty
    std::function<void(const Section&)> section; // may be empty; before its title and blocks
};

void walk(const std::vector<Inline>& inlines, const IrVisitor& visitor);
void walk(const std::vector<Block>& blocks, const IrVisitor& visitor);
void walk(const Article& article, const IrVisitor& visitor);

}  // namespace fascicle
