// What kinds of content an article holds, counted: for writers that must say what they cannot
// carry ("nothing is silently lost"), one warning per kind per article.
#pragma once

#include <fascicle/diagnostics.hpp>
#include <fascicle/ir.hpp>

#include <array>
#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace fascicle {

inline constexpr std::size_t inline_kind_count = static_cast<std::size_t>(Inline::Kind::raw) + 1;
inline constexpr std::size_t block_kind_count = static_cast<std::size_t>(Block::Kind::raw) + 1;

// A readable name of each kind, in the plural: "images", "tables", "definition lists".
std::string_view kind_name(Inline::Kind kind);
std::string_view kind_name(Block::Kind kind);

struct ContentCensus {
    std::array<std::size_t, inline_kind_count> inlines{};
    std::array<std::size_t, block_kind_count> blocks{};
    std::size_t admonitions = 0;  // divisions with an admonition class (counted in divisions too)
    std::size_t attributes = 0;   // blocks, inlines and sections with any attribute (id excepted)
    std::map<std::string, std::size_t, std::less<>> raw_formats;  // raw blocks and inlines by format

    std::size_t operator[](Inline::Kind k) const { return inlines[static_cast<std::size_t>(k)]; }
    std::size_t operator[](Block::Kind k) const { return blocks[static_cast<std::size_t>(k)]; }
    void add(const Article& article);
    void add(const std::vector<Block>& blocks);
    void add(const std::vector<Inline>& inlines);
};

ContentCensus census(const Article& article);

// Warns once for each kind the census counts that the writer cannot hold:
// "<file>: article 'id': 3 tables cannot be held by <format>: <what becomes of them>".
// Raw blocks and inlines are carried when their format is `raw_format`, and reported (left out)
// otherwise, whatever inline_carried and block_carried say of them.
struct KindSupport {
    std::function<bool(Inline::Kind)> inline_carried;
    std::function<bool(Block::Kind)> block_carried;
    // What becomes of one kind that is not carried ("written as their text", "left out").
    std::function<std::string(std::string_view kind)> fate;
    std::string raw_format;  // empty: none
};
void warn_uncarried(const Article& article, const ContentCensus& counted, std::string_view format,
                    const KindSupport& support, DiagnosticSink& diagnostics);

}  // namespace fascicle
