#include "block_renderer.hpp"

#include "commonmark_rules.hpp"
#include "nested_heading.hpp"
#include "table_renderer.hpp"

#include <text_layout/line_wrapper.hpp>

#include <algorithm>
#include <cctype>
#include <iterator>
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

// The blocks with an anchor first: in the first paragraph, or in a paragraph of its own.
std::vector<Block> with_anchor(std::vector<Block> blocks, std::string_view anchor) {
    if (anchor.empty()) return blocks;
    if (!blocks.empty() && blocks.front().kind == Block::Kind::paragraph)
        blocks.front().inlines.insert(blocks.front().inlines.begin(), anchor_inline(anchor));
    else
        blocks.insert(blocks.begin(), Block::paragraph(std::vector<Inline>{anchor_inline(anchor)}));
    return blocks;
}

// Whether `next` may follow `previous` in a list item without a blank line between them (a tight
// item): after a paragraph or a fenced code block, blocks that begin with a marker of their own
// (a list that can interrupt a paragraph, a fence, a quote, a break).
bool may_follow_without_blank(const Block& previous, const Block& next) {
    if (!previous.attributes.id.empty() || !next.attributes.id.empty()) return false;  // anchors
    if (!previous.attribution.empty()) return false;
    if (nested_heading_level(previous)) return true;  // one line, which nothing continues
    if (nested_heading_level(next)) return previous.kind != Block::Kind::list;  // '#' interrupts a paragraph
    const bool after = previous.kind == Block::Kind::paragraph || previous.kind == Block::Kind::code_block ||
                       previous.kind == Block::Kind::block_quote || previous.kind == Block::Kind::thematic_break;
    if (!after) return false;
    switch (next.kind) {
        case Block::Kind::list: return !next.items.empty() && (!next.ordered || next.start == 1);
        case Block::Kind::block_quote: return previous.kind != Block::Kind::block_quote && next.attribution.empty();
        case Block::Kind::code_block:
        case Block::Kind::thematic_break: return true;
        default: return false;
    }
}

// "Tip" for an admonition of class "tip".
std::string admonition_label(std::string_view kind) {
    std::string label(kind);
    if (!label.empty() && label[0] >= 'a' && label[0] <= 'z') label[0] = static_cast<char>(label[0] - 'a' + 'A');
    return label;
}

}  // namespace

BlockRenderer::BlockRenderer(Flavor flavor, std::optional<std::size_t> columns)
    : flavor_(flavor), inlines_(flavor), columns_(columns) {}

void BlockRenderer::set_links(const InternalLinks* links) {
    links_ = links;
    inlines_.set_links(links);
    html_.set_links(links);
}

std::vector<std::string> BlockRenderer::blocks(const std::vector<Block>& blocks) const {
    return this->blocks(blocks, columns_.value_or(std::numeric_limits<std::size_t>::max()));
}

std::vector<std::string> BlockRenderer::block_quote(const std::vector<Block>& blocks) const {
    return block_quote(blocks, columns_.value_or(std::numeric_limits<std::size_t>::max()));
}

std::string BlockRenderer::heading(int level, const std::vector<Inline>& title, std::string_view anchor) const {
    std::string out(static_cast<std::size_t>(std::clamp(level, 1, 6)), '#');
    const auto content_inlines = anchor.empty() ? title : with_anchor({Block::paragraph(title)}, anchor)[0].inlines;
    std::string content = inlines_.heading(content_inlines);
    if (!content.empty()) out += " " + content;
    return out;
}

std::string BlockRenderer::anchor_of(const Block& b) const {
    return links_ && !b.attributes.id.empty() ? links_->anchor(b.attributes.id) : std::string();
}

std::vector<std::string> BlockRenderer::blocks(const std::vector<Block>& blocks,
                                               std::size_t width) const {
    std::vector<std::string> out;
    const Block* previous = nullptr;
    bool alternate = false;  // two lists in a row would merge into one unless their markers differ
    for (const auto& b : blocks) {
        if (b.kind == Block::Kind::list) {
            const bool follows_list = previous && previous->kind == Block::Kind::list && previous->ordered == b.ordered;
            alternate = follows_list ? !alternate : false;
        }
        std::vector<std::string> lines = block(b, alternate, width);
        if (lines.empty()) continue;
        if (!out.empty()) out.emplace_back();
        out.insert(out.end(), std::make_move_iterator(lines.begin()), std::make_move_iterator(lines.end()));
        previous = &b;
    }
    return out;
}

std::vector<std::string> BlockRenderer::block(const Block& b, bool alternate_marker, std::size_t width) const {
    const std::string anchor = anchor_of(b);
    std::vector<std::string> lines;
    // The kinds that carry their id themselves (in a paragraph, or as an HTML id attribute).
    bool anchored = anchor.empty();
    switch (b.kind) {
        case Block::Kind::paragraph:
            // Without an anchor, the inlines as they are: a copy would double a long paragraph.
            lines = anchor.empty() ? paragraph(b.inlines, width)
                                   : paragraph(with_anchor({Block::paragraph(b.inlines)}, anchor)[0].inlines, width);
            anchored = true;
            break;
        case Block::Kind::line_block:
            lines = paragraph(with_anchor({Block::paragraph(line_block_inlines(b))}, anchor)[0].inlines, width);
            anchored = true;
            break;
        case Block::Kind::code_block: lines = code_block(b.text, b.format); break;
        case Block::Kind::block_quote: lines = quotation(b, width); break;
        case Block::Kind::list: lines = list(b, alternate_marker, width); break;
        case Block::Kind::division:
            if (auto level = nested_heading_level(b)) {
                lines = {heading(*level, b.children.empty() ? std::vector<Inline>{} : b.children.front().inlines)};
            } else if (!b.admonition().empty()) {
                lines = admonition(b, width);
            } else {
                lines = division(b, width);
                anchored = true;  // the <div> holds the id when there is one
            }
            break;
        case Block::Kind::figure:  // HTML, which the reader maps back to a figure
            lines = html_block(b);
            anchored = true;
            break;
        case Block::Kind::table:
            lines = table(b, width);
            anchored = true;
            break;
        case Block::Kind::definition_list:
            lines = html_block(b);
            anchored = true;
            break;
        case Block::Kind::thematic_break: lines = {"***"}; break;
        case Block::Kind::display_math: lines = display_math(b.math); break;
        case Block::Kind::raw:
            if (b.format == "html") lines = split_lines(b.text);
            else lines = blocks(b.children, width);  // what it shows; without, reported (census)
            break;
    }
    if (anchored || lines.empty()) return lines;
    // Markdown cannot mark these blocks: their anchor stands in a paragraph just before them.
    std::vector<std::string> out = paragraph({anchor_inline(anchor)}, width);
    out.emplace_back();
    out.insert(out.end(), lines.begin(), lines.end());
    return out;
}

// A block quote, its attribution a last paragraph after a dash.
std::vector<std::string> BlockRenderer::quotation(const Block& quote, std::size_t width) const {
    if (quote.attribution.empty()) return block_quote(quote.children, width);
    std::vector<Block> content = quote.children;
    std::vector<Inline> attribution{Inline::plain("\u2014 ")};
    attribution.insert(attribution.end(), quote.attribution.begin(), quote.attribution.end());
    content.push_back(Block::paragraph(std::move(attribution)));
    return block_quote(content, width);
}

// A division's content; inside <div> and </div> (their Markdown between blank lines, as an
// HTML block ends at one) when it has an id, classes, a language or pairs to keep.
std::vector<std::string> BlockRenderer::division(const Block& division, std::size_t width) const {
    auto content = blocks(division.children, width);
    if (division.attributes.empty()) return content;
    std::vector<std::string> out{open_tag("div", html_.attributes(division.attributes))};
    if (!content.empty()) {
        out.emplace_back();
        out.insert(out.end(), content.begin(), content.end());
        out.emplace_back();
    }
    out.push_back("</div>");
    return out;
}

// GFM: an alert, "> [!TIP]" over the content (GitHub shows it as a box; pandoc reads it with
// its alerts extension). CommonMark has none: a quote led by the admonition's name in bold.
std::vector<std::string> BlockRenderer::admonition(const Block& division, std::size_t width) const {
    const std::string_view kind = division.admonition();
    auto content = blocks(division.children, narrower(width, 2));
    std::vector<std::string> lines;
    if (flavor_ == Flavor::gfm) {
        std::string marker = "[!" + admonition_label(kind) + "]";
        for (auto& c : marker) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        lines.push_back(std::move(marker));
        // The content's first paragraph continues the marker's (GitHub's form); other blocks
        // start after a blank line.
        const bool first_is_paragraph = !division.children.empty() && division.children[0].kind == Block::Kind::paragraph;
        if (!content.empty() && !first_is_paragraph) lines.emplace_back();
    } else {
        lines = {"**" + admonition_label(kind) + "**"};
        if (!content.empty()) lines.emplace_back();
    }
    lines.insert(lines.end(), content.begin(), content.end());
    std::vector<std::string> out;
    append_prefixed(out, lines, "> ", "> ", ">");
    return out;
}

// <figure> around the content (Markdown, between blank lines) and an HTML <figcaption>.
// A pipe table after its caption ("Table: ..." as pandoc writes and reads it) when one can hold
// it, else an HTML table, which has a caption of its own.
std::vector<std::string> BlockRenderer::table(const Block& table, std::size_t width) const {
    const TableRenderer tables(flavor_, inlines_, html_);
    if (!tables.fits_pipe_table(table.table)) return tables.html_table(table);
    std::vector<Inline> caption;
    if (!table.caption.empty()) caption.push_back(Inline::plain("Table: "));
    if (auto anchor = anchor_of(table); !anchor.empty()) caption.push_back(anchor_inline(anchor));
    caption.insert(caption.end(), table.caption.begin(), table.caption.end());
    auto out = paragraph(caption, width);
    const auto rows = tables.pipe_table(table.table);
    if (!out.empty() && !rows.empty()) out.emplace_back();
    out.insert(out.end(), rows.begin(), rows.end());
    return out;
}

// $$ on a line, the TeX, $$ on a line: pandoc's tex_math_dollars. The TeX is written as it is;
// a line of it that would begin a Markdown block (a list item, a heading...) joins the line
// before it, and blank lines, which would end the paragraph, are left out (TeX takes both
// for spaces). MathML alone is inline HTML; a formula with neither is left out (and reported).
std::vector<std::string> BlockRenderer::display_math(const Math& math) const {
    if (math.tex.find_first_not_of(" \t\r\n") == std::string::npos) {
        bool well_formed = false;
        const std::string mathml = html_fragment([&](XmlStream& xml) { well_formed = xml.fragment(math.mathml); });
        if (!well_formed) return {};
        return {inline_html(mathml)};
    }
    std::vector<std::string> out{"$$"};
    for (auto line : split_lines(math.tex)) {
        const std::size_t first = line.find_first_not_of(" \t\r");
        if (first == std::string::npos) continue;
        line = line.substr(first, line.find_last_not_of(" \t\r") + 1 - first);
        if (may_start_continuation_line(line))
            out.push_back(std::move(line));
        else
            out.back() += " " + line;
    }
    out.emplace_back("$$");
    return out;
}

std::vector<std::string> BlockRenderer::html_block(const Block& b) const {
    std::string html;
    XmlStream xml(html);
    html_.blocks(xml, {b});
    return html_block_lines(html);
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
        Footnote note = footnotes.notes[k];  // rendering it may add notes (and move these)
        if (links_ && !note.id.empty()) note.blocks = with_anchor(std::move(note.blocks), links_->anchor(note.id));
        auto lines = blocks(note.blocks, narrower(columns_.value_or(std::numeric_limits<std::size_t>::max()), 4));
        if (lines.empty()) lines.emplace_back();
        if (!out.empty()) out.emplace_back();
        append_prefixed(out, lines, label, "    ", "");
    }
    return out;
}

std::vector<std::string> BlockRenderer::paragraph(const std::vector<Inline>& inlines,
                                                  std::size_t width) const {
    MarkdownText md = inlines_.paragraph(inlines);
    std::vector<std::string> out;
    if (md.text.empty()) return out;
    if (!columns_ && md.text.find('\n') == std::string::npos) {
        out.push_back(std::move(md.text));  // one line: moved, not copied
        return out;
    }
    for (std::size_t begin = 0, end = 0; begin <= md.text.size(); begin = end + 1) {
        end = md.text.find('\n', begin);
        if (end == std::string::npos) end = md.text.size();
        const std::string_view line = std::string_view(md.text).substr(begin, end - begin);
        if (!columns_) {
            out.emplace_back(line);
        } else {
            // Break only where one space is dropped (the soft break shows as one: a run of
            // spaces, which HTML keeps, stays), outside code spans and link destinations, and
            // never where the next line would start a block.
            auto may_break = [&](std::size_t removed_begin, std::size_t next_begin) {
                const auto removed = line.substr(removed_begin, next_begin - removed_begin);
                return removed == " " &&
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
    // Tight unless it is not, or an item holds blocks that only a blank line can separate.
    const bool loose = !list.tight || std::any_of(list.items.begin(), list.items.end(), [](const auto& item) {
                           for (std::size_t k = 1; k < item.size(); ++k)
                               if (!may_follow_without_blank(item[k - 1], item[k])) return true;
                           return false;
                       });
    // CommonMark allows at most nine digits in an ordered marker.
    constexpr long long largest = 999'999'999;
    const long long count = static_cast<long long>(list.items.size());
    long long number = std::clamp<long long>(list.start, 0, std::max(0LL, largest - count + 1));

    std::vector<std::string> out;
    for (std::size_t k = 0; k < list.items.size(); ++k) {
        const auto& item = list.items[k];
        std::string marker = list.ordered ? std::to_string(number++) + (alternate_marker ? ")" : ".")
                                          : std::string(alternate_marker ? "*" : "-");
        marker += ' ';
        const std::string indent(marker.size(), ' ');
        // A task item's box, "[ ]" or "[x]", opens its first line (GFM's task list items; plain
        // text to a CommonMark reader, and the writer says so).
        const Task task = k < list.tasks.size() ? list.tasks[k] : Task::none;
        const std::string box = task == Task::checked ? "[x]" : task == Task::unchecked ? "[ ]" : "";
        const std::size_t item_width = narrower(width, marker.size() + (box.empty() ? 0 : box.size() + 1));
        auto lines = loose ? blocks(item, item_width) : tight_item(item, item_width);
        if (!box.empty()) {
            if (!lines.empty() && !item.empty() && item.front().kind == Block::Kind::paragraph)
                lines.front() = box + " " + lines.front();
            else {
                const std::vector<std::string> first = lines.empty() ? std::vector<std::string>{box}
                                                                     : std::vector<std::string>{box, ""};
                lines.insert(lines.begin(), first.begin(), first.end());
            }
        }
        if (loose && !out.empty()) out.emplace_back();
        if (lines.empty()) lines.emplace_back();  // an empty item is its marker alone
        append_prefixed(out, lines, marker, indent, "");
    }
    return out;
}

// A tight item's blocks, one after the other: no blank line, which would make the list loose.
std::vector<std::string> BlockRenderer::tight_item(const std::vector<Block>& item, std::size_t width) const {
    std::vector<std::string> out;
    for (const auto& b : item) {
        auto lines = block(b, false, width);
        out.insert(out.end(), lines.begin(), lines.end());
    }
    return out;
}

std::vector<std::string> BlockRenderer::block_quote(const std::vector<Block>& blocks,
                                                    std::size_t width) const {
    std::vector<std::string> out;
    append_prefixed(out, this->blocks(blocks, narrower(width, 2)), "> ", "> ", ">");
    if (out.empty()) out.emplace_back(">");  // an empty quote is still a quote
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
