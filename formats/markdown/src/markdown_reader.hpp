// Reads a Markdown document (CommonMark, or GFM: the format gfm, or --markdown-flavor gfm) into articles.
// What maps to what: formats/markdown/README.md.
#pragma once

#include "markdown_flavor.hpp"

#include <fascicle/plugin.hpp>

#include <optional>

namespace fascicle::markdown {

class MarkdownReader final : public Reader {
public:
    // `flavor`: the dialect of the format read (gfm, commonmark); nullopt: --markdown-flavor's.
    explicit MarkdownReader(std::optional<Flavor> flavor = std::nullopt) : flavor_(flavor) {}

    // The YAML metadata block goes to ctx.found, then each article to `sink` as it is complete.
    Status read(const Input& input, ReadContext& ctx, ArticleSink& sink) override;

private:
    std::optional<Flavor> flavor_;
};

}  // namespace fascicle::markdown
