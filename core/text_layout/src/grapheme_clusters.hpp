// The grapheme clusters of UTF-8 text in order, with their display widths, one at a time: what
// graphemes() collects and the line wrapper walks without holding a cluster per character.
#pragma once

#include "unicode_breaks.hpp"

#include <text_layout/display_width.hpp>

#include <optional>
#include <string_view>

namespace fascicle::text_layout {

class GraphemeClusters {
public:
    explicit GraphemeClusters(std::string_view text);

    // The next cluster, false after the last.
    bool next(Grapheme& out);
    // Goes on from `offset`, a cluster boundary the caller found itself.
    void skip_to(std::size_t offset) { begin_ = offset; }

private:
    std::string_view text_;
    std::size_t begin_ = 0;
    std::optional<BoundaryWalker> boundaries_;  // made at the first character outside ASCII
};

// Columns a code point takes inside a cluster (the cluster is as wide as its widest).
std::size_t code_point_width(char32_t c);

}  // namespace fascicle::text_layout
