#include "line_index.hpp"

#include <algorithm>

namespace fascicle::docbook {

LineIndex::LineIndex(std::string_view text) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        if (text[i] == '\n' || text[i] == '\r') line_starts_.push_back(i + 1);
    }
}

TextPosition LineIndex::at(std::size_t offset) const {
    // The last line start at or before `offset`.
    const auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    const auto line = static_cast<std::size_t>(next - line_starts_.begin());
    return {line, offset - line_starts_[line - 1] + 1};
}

}  // namespace fascicle::docbook
