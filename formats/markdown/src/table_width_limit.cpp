#include "table_width_limit.hpp"

namespace fascicle::markdown {

std::optional<std::size_t> first_too_wide_line(std::string_view markdown, std::size_t most) {
    std::size_t line = 1, pipes = 0;
    for (char c : markdown) {
        if (c == '\n') {
            ++line;
            pipes = 0;
        } else if (c == '|' && ++pipes > most + 1) {
            return line;
        }
    }
    return std::nullopt;
}

}  // namespace fascicle::markdown
