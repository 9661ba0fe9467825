// pandoc's tex_math_dollars, on the text cmark-gfm leaves: $tex$ inline (no blank after the
// opening $, none before the closing one, no digit right after it), $$tex$$ display.
#pragma once

#include <fascicle/ir.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fascicle::markdown {

// `text` as text and inline math, in order.
std::vector<Inline> split_dollar_math(std::string_view text);

// The TeX of a paragraph that is only "$$ tex $$", else nullopt.
std::optional<std::string> display_math_of(std::string_view paragraph_text);

}  // namespace fascicle::markdown
