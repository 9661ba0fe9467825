#include "plain_text_renderer.hpp"

#include <text_layout/display_width.hpp>
#include <text_layout/line_wrapper.hpp>

#include <algorithm>
#include <iterator>

namespace fascicle::plain {

namespace {

std::string_view trimmed(std::string_view s) {
    const auto blank = " \t\n\r\v\f";
    auto b = s.find_first_not_of(blank);
    if (b == std::string_view::npos) return {};
    return s.substr(b, s.find_last_not_of(blank) - b + 1);
}

std::string on_one_line(std::string_view s) {
    std::string out(trimmed(s));
    std::replace_if(out.begin(), out.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
    return out;
}

}  // namespace

std::string PlainTextRenderer::inline_text(const std::vector<Inline>& inlines) const {
    std::string out;
    for (const auto& i : inlines) {
        switch (i.kind) {
            case Inline::Kind::text:
            case Inline::Kind::code: out += i.text; break;
            case Inline::Kind::line_break: out += '\n'; break;
            case Inline::Kind::emphasis:
            case Inline::Kind::strong:
            case Inline::Kind::strikethrough:
            case Inline::Kind::superscript:
            case Inline::Kind::subscript:
            case Inline::Kind::small_caps:
            case Inline::Kind::span: out += inline_text(i.children); break;
            case Inline::Kind::image: out += "[image: " + (i.text.empty() ? i.target : i.text) + "]"; break;
            case Inline::Kind::math: out += i.math.tex.empty() ? i.math.mathml : i.math.tex; break;
            case Inline::Kind::note:
                notes_.push_back(&i.blocks);
                out += "[" + std::to_string(notes_numbered_ + notes_.size()) + "]";
                break;
            case Inline::Kind::reference: out += i.children.empty() ? i.target : inline_text(i.children); break;
            case Inline::Kind::raw: break;  // reported by the writer's census
            case Inline::Kind::link: {
                std::string text = inline_text(i.children);
                out += text;
                if (!i.target.empty() && i.target != text)
                    out += (text.empty() ? "" : " ") + ("(" + i.target + ")");
                break;
            }
        }
    }
    std::replace(out.begin(), out.end(), '\t', ' ');  // a tab has no width of its own to wrap by
    return out;
}

std::vector<std::string> PlainTextRenderer::wrapped(std::string_view text, const std::string& first,
                                                    const std::string& rest) const {
    const std::size_t indent = std::max(text_layout::display_width(first), text_layout::display_width(rest));
    const std::size_t width = columns_ > indent ? columns_ - indent : 1;
    std::vector<std::string> out;
    text_layout::for_each_wrapped_line(trimmed(text), width, {}, [&](std::string_view line) {
        std::string& placed = out.emplace_back();
        if (line.empty()) return;
        const std::string& indent = out.size() == 1 ? first : rest;
        placed.reserve(indent.size() + line.size());
        placed.append(indent).append(line);
    });
    return out;
}

std::string PlainTextRenderer::wrapped_joined(std::string_view text, const std::string& indent) const {
    const std::size_t indent_width = text_layout::display_width(indent);
    const std::size_t width = columns_ > indent_width ? columns_ - indent_width : 1;
    text = trimmed(text);
    std::string out;
    out.reserve(text.size() + (text.size() / width + 1) * (indent.size() + 1));
    bool first = true;
    text_layout::for_each_wrapped_line(text, width, {}, [&](std::string_view line) {
        if (!first) out.push_back('\n');
        first = false;
        if (!line.empty()) out.append(indent).append(line);
    });
    return out;
}

std::vector<std::string> PlainTextRenderer::title(std::string_view title, char rule, bool overline) const {
    std::vector<std::string> out;
    auto lines = wrapped(on_one_line(title), "", "");
    if (lines.empty()) return out;
    std::size_t width = 0;
    for (const auto& l : lines) width = std::max(width, text_layout::display_width(l));
    const std::string line(std::max<std::size_t>(width, 1), rule);
    if (overline) out.push_back(line);
    out.insert(out.end(), std::make_move_iterator(lines.begin()), std::make_move_iterator(lines.end()));
    out.push_back(line);
    return out;
}

std::vector<std::string> PlainTextRenderer::blocks(const std::vector<Block>& blocks,
                                                   const std::string& indent) const {
    std::vector<std::string> out;
    for (const auto& b : blocks) {
        std::vector<std::string> lines;
        switch (b.kind) {
            case Block::Kind::paragraph: {
                // One string, its lines joined by '\n' (a string per line would cost more than the
                // text); text alone is wrapped where it is: a copy would double a long paragraph.
                std::string joined;
                if (b.inlines.size() == 1 && b.inlines[0].kind == Inline::Kind::text &&
                    b.inlines[0].text.find('\t') == std::string::npos)
                    joined = wrapped_joined(b.inlines[0].text, indent);
                else
                    joined = wrapped_joined(inline_text(b.inlines), indent);
                if (!joined.empty()) lines.push_back(std::move(joined));
                break;
            }
            case Block::Kind::block_quote: {
                lines = this->blocks(b.children, indent + "    ");
                if (!b.attribution.empty()) {
                    auto by = wrapped("\u2014 " + inline_text(b.attribution), indent + "    ", indent + "      ");
                    lines.insert(lines.end(), std::make_move_iterator(by.begin()), std::make_move_iterator(by.end()));
                }
                break;
            }
            case Block::Kind::list: lines = list(b, indent); break;
            case Block::Kind::division: {
                if (auto kind = b.admonition(); !kind.empty()) {
                    std::string label(kind);
                    label[0] = static_cast<char>(label[0] - 'a' + 'A');
                    lines.push_back(indent + label + ":");
                    auto body = this->blocks(b.children, indent + "    ");
                    lines.insert(lines.end(), std::make_move_iterator(body.begin()), std::make_move_iterator(body.end()));
                } else {
                    lines = this->blocks(b.children, indent);
                }
                break;
            }
            case Block::Kind::definition_list:
                for (const auto& d : b.definitions) {
                    if (!lines.empty()) lines.emplace_back();
                    auto term = wrapped(inline_text(d.term), indent, indent);
                    lines.insert(lines.end(), std::make_move_iterator(term.begin()), std::make_move_iterator(term.end()));
                    for (const auto& definition : d.definitions) {
                        auto body = this->blocks(definition, indent + "    ");
                        lines.insert(lines.end(), std::make_move_iterator(body.begin()), std::make_move_iterator(body.end()));
                    }
                }
                break;
            case Block::Kind::line_block: lines = line_block(b, indent); break;
            case Block::Kind::table: lines = table(b, indent); break;
            case Block::Kind::figure: {
                lines = this->blocks(b.children, indent);
                if (!b.caption.empty()) {
                    auto caption = wrapped(inline_text(b.caption), indent, indent);
                    lines.insert(lines.end(), std::make_move_iterator(caption.begin()), std::make_move_iterator(caption.end()));
                }
                break;
            }
            case Block::Kind::thematic_break: lines.push_back(indent + "* * *"); break;
            case Block::Kind::display_math:
                lines = wrapped(b.math.tex.empty() ? b.math.mathml : b.math.tex, indent + "    ", indent + "    ");
                break;
            case Block::Kind::raw: lines = this->blocks(b.children, indent); break;  // what it shows (else: census)
            case Block::Kind::code_block: {
                // Code keeps its lines as they are, indented, never wrapped.
                std::string_view body = b.text;
                while (!body.empty() && body.back() == '\n') body.remove_suffix(1);
                for (std::size_t begin = 0, end = 0; begin <= body.size() && !body.empty(); begin = end + 1) {
                    end = std::min(body.find('\n', begin), body.size());
                    std::string_view line = body.substr(begin, end - begin);
                    lines.push_back(line.empty() ? std::string() : indent + "    " + std::string(line));
                }
                break;
            }
        }
        if (lines.empty()) continue;
        if (!out.empty()) out.emplace_back();
        out.insert(out.end(), std::make_move_iterator(lines.begin()), std::make_move_iterator(lines.end()));
    }
    return out;
}

std::vector<std::string> PlainTextRenderer::notes() const {
    std::vector<std::string> out;
    // A note's own notes are numbered after it: the list grows while it is walked.
    for (std::size_t k = 0; k < notes_.size(); ++k) {
        const std::string marker = "[" + std::to_string(notes_numbered_ + k + 1) + "] ";
        const std::string hanging(text_layout::display_width(marker), ' ');
        auto lines = blocks(*notes_[k], hanging);
        if (lines.empty()) lines.push_back(hanging);
        lines[0].replace(0, hanging.size(), marker);
        if (!out.empty()) out.emplace_back();
        out.insert(out.end(), std::make_move_iterator(lines.begin()), std::make_move_iterator(lines.end()));
    }
    notes_numbered_ += notes_.size();
    notes_.clear();
    return out;
}

std::vector<std::string> PlainTextRenderer::line_block(const Block& block, const std::string& indent) const {
    std::vector<std::string> out;
    for (const auto& line : block.lines) {
        const std::string text = inline_text(line);
        const std::size_t spaces = std::min(text.find_first_not_of(' '), text.size());
        const std::string first = indent + std::string(spaces, ' ');
        auto wrapped_line = wrapped(text, first, first + "  ");
        if (wrapped_line.empty()) wrapped_line.emplace_back();
        out.insert(out.end(), std::make_move_iterator(wrapped_line.begin()), std::make_move_iterator(wrapped_line.end()));
    }
    return out;
}

// A table as a grid of display-width columns: +---+ rules, | between cells, === under the head.
// A cell spanning columns is as wide as them; one spanning rows is drawn in its first row.
std::vector<std::string> PlainTextRenderer::table(const Block& block, const std::string& indent) const {
    const Table& t = block.table;
    std::vector<const TableRow*> rows;
    for (const auto* part : {&t.head, &t.body, &t.foot})
        for (const auto& row : *part) rows.push_back(&row);
    std::size_t column_count = t.columns.size();
    for (const auto* row : rows) {
        std::size_t n = 0;
        for (const auto& cell : row->cells) n += static_cast<std::size_t>(std::max(cell.column_span, 1));
        column_count = std::max(column_count, n);
    }
    std::vector<std::string> out;
    if (!block.caption.empty()) out = wrapped(inline_text(block.caption), indent, indent);
    if (column_count == 0) return out;

    // Each cell's text on one line, and the grid column it starts at (row spans leave holes).
    struct Placed {
        std::string text;
        std::size_t column, span;
    };
    std::vector<std::vector<Placed>> grid;
    std::vector<int> pending(column_count, 0);  // rows still covered by a cell above
    for (const auto* row : rows) {
        std::vector<Placed> placed;
        std::size_t column = 0;
        for (const auto& cell : row->cells) {
            while (column < column_count && pending[column] > 0) ++column;
            const std::size_t span = std::min<std::size_t>(std::max(cell.column_span, 1), column_count - std::min(column, column_count));
            std::string text;
            for (const auto& b : cell.blocks) {
                for (const auto& line : blocks({b}, ""))
                    text += (text.empty() || line.empty() ? "" : " ") + std::string(trimmed(line));
            }
            placed.push_back({on_one_line(text), column, std::max<std::size_t>(span, 1)});
            for (std::size_t k = column; k < column + span && k < column_count; ++k) pending[k] = std::max(cell.row_span, 1);
            column += span;
        }
        for (auto& p : pending) p = std::max(p - 1, 0);
        grid.push_back(std::move(placed));
    }

    // Column widths: each as wide as its widest single-column cell, narrowed to fit the line.
    std::vector<std::size_t> width(column_count, 1);
    for (const auto& row : grid)
        for (const auto& p : row)
            if (p.span == 1 && p.column < column_count)
                width[p.column] = std::max(width[p.column], text_layout::display_width(p.text));
    const std::size_t frame = text_layout::display_width(indent) + 3 * column_count + 1;
    const std::size_t room = columns_ > frame + 3 * column_count ? columns_ - frame : 3 * column_count;
    for (std::size_t total = 0;;) {
        total = 0;
        for (auto w : width) total += w;
        if (total <= room) break;
        auto widest = std::max_element(width.begin(), width.end());
        if (*widest <= 3) break;
        --*widest;
    }
    auto span_width = [&](const Placed& p) {
        std::size_t w = 0;
        for (std::size_t k = p.column; k < p.column + p.span && k < column_count; ++k) w += width[k];
        return w + 3 * (p.span - 1);
    };
    auto rule = [&](char c) {
        std::string line = indent + "+";
        for (auto w : width) line += std::string(w + 2, c) + "+";
        return line;
    };

    out.push_back(rule('-'));
    for (std::size_t r = 0; r < grid.size(); ++r) {
        // The cells' wrapped lines, side by side.
        std::vector<std::vector<std::string>> cell_lines;
        std::size_t height = 1;
        for (const auto& p : grid[r]) {
            auto lines = text_layout::wrap_lines(p.text, std::max<std::size_t>(span_width(p), 1));
            std::vector<std::string> owned(lines.begin(), lines.end());
            height = std::max(height, owned.size());
            cell_lines.push_back(std::move(owned));
        }
        for (std::size_t l = 0; l < height; ++l) {
            std::string line = indent + "|";
            std::size_t column = 0;
            for (std::size_t c = 0; c <= grid[r].size(); ++c) {
                const std::size_t next = c < grid[r].size() ? grid[r][c].column : column_count;
                for (; column < next; ++column) line += std::string(width[column] + 2, ' ') + "|";  // a hole
                if (c == grid[r].size()) break;
                const auto& p = grid[r][c];
                const std::string text = l < cell_lines[c].size() ? cell_lines[c][l] : std::string();
                const std::size_t pad = span_width(p) - std::min(span_width(p), text_layout::display_width(text));
                line += " " + text + std::string(pad, ' ') + " |";
                column += p.span;
            }
            out.push_back(line);
        }
        out.push_back(rule(r + 1 == t.head.size() && !t.body.empty() ? '=' : '-'));
    }
    return out;
}

std::vector<std::string> PlainTextRenderer::list(const Block& list, const std::string& indent) const {
    const bool loose = std::any_of(list.items.begin(), list.items.end(),
                                   [](const auto& item) { return item.size() > 1; });
    std::vector<std::string> out;
    long long number = list.start;
    for (std::size_t n = 0; n < list.items.size(); ++n) {
        const auto& item = list.items[n];
        std::string marker = list.ordered ? std::to_string(number++) + ". " : "- ";
        if (n < list.tasks.size() && list.tasks[n] != Task::none) marker += list.tasks[n] == Task::checked ? "[x] " : "[ ] ";
        const std::string hanging(text_layout::display_width(marker), ' ');
        if (loose && !out.empty()) out.emplace_back();
        // The item's blocks laid out after the marker, continuation lines under its text.
        auto lines = blocks(item, indent + hanging);
        if (lines.empty()) {
            out.push_back(indent + marker.substr(0, marker.size() - 1));
            continue;
        }
        lines[0].replace(0, indent.size() + hanging.size(), indent + marker);
        out.insert(out.end(), std::make_move_iterator(lines.begin()), std::make_move_iterator(lines.end()));
    }
    return out;
}

}  // namespace fascicle::plain
