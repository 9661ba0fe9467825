// A heading inside a block quote or a list item, which starts no section: in the IR, a division
// of class nested_heading_class with a pair "level" (1-6), its title the paragraph inside (none
// for an empty heading). The reader makes it, the writer writes it back as a heading; other
// writers show the division's content (the title) where it stands.
#pragma once

#include <fascicle/ir.hpp>

#include <optional>
#include <string_view>

namespace fascicle::markdown {

inline constexpr std::string_view nested_heading_class = "heading";

// The level of a nested heading's division; nullopt for any other block.
inline std::optional<int> nested_heading_level(const Block& b) {
    if (b.kind != Block::Kind::division) return std::nullopt;
    if (b.attributes.classes.size() != 1 || b.attributes.classes[0] != nested_heading_class) return std::nullopt;
    if (!b.attributes.id.empty() || !b.attributes.language.empty() || b.attributes.pairs.size() != 1) return std::nullopt;
    if (b.children.size() > 1 || (b.children.size() == 1 && b.children[0].kind != Block::Kind::paragraph))
        return std::nullopt;
    const auto& [key, value] = b.attributes.pairs[0];
    if (key != "level" || value.size() != 1 || value[0] < '1' || value[0] > '6') return std::nullopt;
    return value[0] - '0';
}

}  // namespace fascicle::markdown
