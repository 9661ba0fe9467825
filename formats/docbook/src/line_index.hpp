// Byte offsets in an input turned into the 1-based line and column numbers diagnostics show.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace fascicle::docbook {

struct TextPosition {
    std::size_t line = 0;    // 1-based
    std::size_t column = 0;  // 1-based, in bytes
};

class LineIndex {
public:
    // LF, CRLF and a lone CR each end a line, as in XML.
    LineIndex() = default;
    explicit LineIndex(std::string_view text);

    // Where the byte at `offset` is; offsets past the end count from the last line.
    TextPosition at(std::size_t offset) const;

private:
    std::vector<std::size_t> line_starts_;
};

}  // namespace fascicle::docbook
