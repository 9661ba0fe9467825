#include "block_renderer.hpp"

#include "commonmark_rules.hpp"

#include <text_layout/line_wrapper.hpp>

#include <algorithm>
#include <limits>

namespace fascicle::markdown {

namespace {

constexpr std::size_t narrowest = 1;

std::size_t narrower(std::size_t width, std::size_t by) {
    return width > by + narrowest ? width - by : narrowest;
}

// Lines with a prefix: `first` on the first line, `rest` on the others; blank lines get
// `blank` (a block quote must keep its '>' on them, a list item needs nothing).
void append_prefixed(std::vector<std::string>& out, const std::vector<std::string>& lines,
                     const std::string& first, const std::string& rest, const std::string& blank) {
    for (std::size_t k = 0; k < lines.size(); ++k) {
        if (lines[k].empty())
            out.push_back(k == 0 ? first.substr(0, first.find_last_not_of(' ') + 1) : blank);
        else
            out.push_back((k == 0 ? first : rest) + lines[k]);
    }
}

}  // namespace

BlockRenderer::BlockRenderer(Flavor flavor, std::optional<std::size_t> columns)
    : inlines_(flavor), columns_(columns) {}

std::vector<std::string> BlockRenderer::blocks(const std::vector<Block>& blocks) const {
    return this->blocks(blocks, columns_.value_or(std::numeric_limits<std::size_t>::max()));
}

std::vector<std::string> BlockRenderer::block_quote(const std::vector<Block>& blocks) const {
    return block_quote(blocks, columns_.value_or(std::numeric_limits<std::size_t>::max()));
}

std::string BlockRenderer::heading(int level, const std::vector<Inline>& title) const {
    std::string out(static_cast<std::size_t>(std::clamp(level, 1, 6)), '#');
    std::string content = inlines_.heading(title);
    if (!content.empty()) out += " " + content;
    return out;
}

std::vector<std::string> BlockRenderer::blocks(const std::vector<Block>& blocks,
                                               std::size_t width) const {
    std::vector<std::string> out;
    const Block* previous = nullptr;
    bool alternate = false;  // two lists in a row would merge into one unless their markers differ
    for (const auto& b : blocks) {
        std::vector<std::string> lines;
        switch (b.kind) {
            case Block::Kind::paragraph: lines = paragraph(b.inlines, width); break;
            case Block::Kind::code_block: lines = code_block(b.text, b.format); break;
            case Block::Kind::block_quote: lines = block_quote(b.children, width); break;
            case Block::Kind::division: lines = this->blocks(b.children, width); break;
            case Block::Kind::figure: {
                // The content, then the caption as a paragraph (the census reports the figure).
                lines = this->blocks(b.children, width);
                auto caption = paragraph(b.caption, width);
                if (!caption.empty() && !lines.empty()) lines.emplace_back();
                lines.insert(lines.end(), caption.begin(), caption.end());
                break;
            }
            case Block::Kind::definition_list:
            case Block::Kind::table: lines = this->blocks(flattened(b), width); break;
            case Block::Kind::line_block: lines = paragraph(line_block_inlines(b), width); break;
            case Block::Kind::thematic_break: lines = {"***"}; break;
            case Block::Kind::display_math:
                lines = paragraph({Inline::plain("$$" + b.math.tex + "$$")}, width);
                break;
            case Block::Kind::raw:
                if (b.format == "html") lines = split_lines(b.text);
                break;
            case Block::Kind::list: {
                const bool follows_list = previous && previous->kind == Block::Kind::list &&
                                          previous->ordered == b.ordered;
                alternate = follows_list ? !alternate : false;
                lines = list(b, alternate, width);
                break;
            }
        }
        if (lines.empty()) continue;
        if (!out.empty()) out.emplace_back();
        out.insert(out.end(), lines.begin(), lines.end());
        previous = &b;
    }
    return out;
}

// Definition lists and tables as the paragraphs of their terms and cells, in order.
std::vector<Block> BlockRenderer::flattened(const Block& b) {
    std::vector<Block> out;
    for (const auto& d : b.definitions) {
        out.push_back(Block::paragraph(d.term));
        for (const auto& definition : d.definitions) out.insert(out.end(), definition.begin(), definition.end());
    }
    if (!b.caption.empty()) out.push_back(Block::paragraph(b.caption));
    for (const auto* part : {&b.table.head, &b.table.body, &b.table.foot})
        for (const auto& row : *part)
            for (const auto& cell : row.cells) out.insert(out.end(), cell.blocks.begin(), cell.blocks.end());
    return out;
}

// A line block as one paragraph with hard breaks; leading spaces (which a parser strips) are
// kept as no-break spaces.
std::vector<Inline> BlockRenderer::line_block_inlines(const Block& b) {
    std::vector<Inline> out;
    for (std::size_t n = 0; n < b.lines.size(); ++n) {
        if (n > 0) out.push_back(Inline::wrap(Inline::Kind::line_break, {}));
        std::vector<Inline> line = b.lines[n];
        if (!line.empty() && line.front().kind == Inline::Kind::text) {
            std::string& text = line.front().text;
            std::size_t spaces = 0;
            while (spaces < text.size() && text[spaces] == ' ') ++spaces;
            std::string indent;
            for (std::size_t k = 0; k < spaces; ++k) indent += "\u00A0";
            text = indent + text.substr(spaces);
        }
        out.insert(out.end(), line.begin(), line.end());
    }
    return out;
}

std::vector<std::string> BlockRenderer::split_lines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t begin = 0;
    while (begin < text.size()) {
        std::size_t end = text.find('\n', begin);
        if (end == std::string::npos) end = text.size();
        out.push_back(text.substr(begin, end - begin));
        begin = end + 1;
    }
    while (!out.empty() && out.back().empty()) out.pop_back();
    return out;
}

std::vector<std::string> BlockRenderer::footnote_definitions(Footnotes& footnotes) const {
    std::vector<std::string> out;
    for (std::size_t k = 0; k < footnotes.notes.size(); ++k) {  // grows when a note holds notes
        const std::string label = "[^" + footnotes.prefix + std::to_string(k + 1) + "]: ";
        const std::vector<Block> note = footnotes.notes[k];  // rendering it may add notes (and move these)
        auto lines = blocks(note, narrower(columns_.value_or(std::numeric_limits<std::size_t>::max()), 4));
        if (lines.empty()) lines.emplace_back();
        if (!out.empty()) out.emplace_back();
        append_prefixed(out, lines, label, "    ", "");
    }
    return out;
}

std::vector<std::string> BlockRenderer::paragraph(const std::vector<Inline>& inlines,
                                                  std::size_t width) const {
    const MarkdownText md = inlines_.paragraph(inlines);
    std::vector<std::string> out;
    if (md.text.empty()) return out;
    for (std::size_t begin = 0, end = 0; begin <= md.text.size(); begin = end + 1) {
        end = md.text.find('\n', begin);
        if (end == std::string::npos) end = md.text.size();
        const std::string_view line = std::string_view(md.text).substr(begin, end - begin);
        if (!columns_) {
            out.emplace_back(line);
        } else {
            // Break only where spaces alone are dropped, outside code spans and link
            // destinations, and never where the next line would start a block.
            auto may_break = [&](std::size_t removed_begin, std::size_t next_begin) {
                const auto removed = line.substr(removed_begin, next_begin - removed_begin);
                return !removed.empty() && removed.find_first_not_of(' ') == std::string_view::npos &&
                       md.may_break_at(begin + next_begin) &&
                       may_start_continuation_line(line.substr(next_begin));
            };
            for (auto piece : text_layout::wrap_lines(line, width, may_break)) out.emplace_back(piece);
        }
    }
    return out;
}

std::vector<std::string> BlockRenderer::list(const Block& list, bool alternate_marker,
                                             std::size_t width) const {
    // Tight unless an item holds more than one block.
    const bool loose = std::any_of(list.items.begin(), list.items.end(),
                                   [](const auto& item) { return item.size() > 1; });
    // CommonMark allows at most nine digits in an ordered marker.
    constexpr long long largest = 999'999'999;
    const long long count = static_cast<long long>(list.items.size());
    long long number = std::clamp<long long>(list.start, 0, std::max(0LL, largest - count + 1));

    std::vector<std::string> out;
    for (const auto& item : list.items) {
        std::string marker = list.ordered ? std::to_string(number++) + (alternate_marker ? ")" : ".")
                                          : std::string(alternate_marker ? "*" : "-");
        marker += ' ';
        const std::string indent(marker.size(), ' ');
        auto lines = blocks(item, narrower(width, marker.size()));
        if (loose && !out.empty()) out.emplace_back();
        if (lines.empty()) lines.emplace_back();  // an empty item is its marker alone
        append_prefixed(out, lines, marker, indent, "");
    }
    return out;
}

std::vector<std::string> BlockRenderer::block_quote(const std::vector<Block>& blocks,
                                                    std::size_t width) const {
    std::vector<std::string> out;
    append_prefixed(out, this->blocks(blocks, narrower(width, 2)), "> ", "> ", ">");
    return out;
}

std::vector<std::string> BlockRenderer::code_block(const std::string& text, const std::string& language) const {
    // The fence is longer than any run of backticks inside, so no content line closes it.
    std::size_t longest = 0, run = 0;
    for (char ch : text) {
        run = ch == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    const std::string fence(std::max<std::size_t>(3, longest + 1), '`');
    // The info string names the language; one holding a backtick or a line break cannot.
    const bool named = !language.empty() && language.find_first_of("`\n\r") == std::string::npos;
    std::vector<std::string> out{fence + (named ? language : std::string())};
    std::string_view body = text;
    if (!body.empty() && body.back() == '\n') body.remove_suffix(1);
    std::size_t begin = 0;
    while (!text.empty() && begin <= body.size()) {
        std::size_t end = body.find('\n', begin);
        if (end == std::string_view::npos) end = body.size();
        out.emplace_back(body.substr(begin, end - begin));
        begin = end + 1;
    }
    out.push_back(fence);
    return out;
}

}  // namespace fascicle::markdown
