// The Markdown dialects the writer targets.
#pragma once

namespace quire::markdown {

// CommonMark, or GitHub Flavored Markdown (CommonMark plus tables, strikethrough, autolinks):
// GFM output escapes '~' and '|' as well.
enum class Flavor { commonmark, gfm };

}  // namespace quire::markdown
