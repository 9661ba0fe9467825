// The Markdown dialects the writer targets and the reader parses.
#pragma once

namespace fascicle::markdown {

// CommonMark, or GitHub Flavored Markdown (CommonMark plus tables, strikethrough, autolinks):
// GFM output escapes '~' and '|' as well.
enum class Flavor { commonmark, gfm };

}  // namespace fascicle::markdown
