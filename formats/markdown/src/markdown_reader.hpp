// Reads a Markdown document (CommonMark, or GFM with --markdown-flavor gfm) into articles.
// What maps to what: formats/markdown/README.md.
#pragma once

#include <fascicle/plugin.hpp>

namespace fascicle::markdown {

class MarkdownReader final : public Reader {
public:
    // The YAML metadata block goes to ctx.found, then each article to `sink` as it is complete.
    Status read(const Input& input, ReadContext& ctx, ArticleSink& sink) override;
};

}  // namespace fascicle::markdown
