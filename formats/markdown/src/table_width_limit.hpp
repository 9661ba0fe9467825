// A bound on GFM table width. cmark-gfm's table extension takes time quadratic in the cells of
// one row (a 100,000-column row: seconds to minutes), so a line holding more '|' than a table of
// `most_table_columns` columns would is refused before parsing.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace fascicle::markdown {

inline constexpr std::size_t most_table_columns = 1000;

// The 1-based number of the first line holding more than `most` + 1 '|', or nullopt.
std::optional<std::size_t> first_too_wide_line(std::string_view markdown, std::size_t most = most_table_columns);

}  // namespace fascicle::markdown
