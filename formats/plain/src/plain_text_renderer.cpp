#include "plain_text_renderer.hpp"

#include <text_layout/display_width.hpp>
#include <text_layout/line_wrapper.hpp>

#include <algorithm>

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

std::string PlainTextRenderer::inline_text(const std::vector<Inline>& inlines) {
    std::string out;
    for (const auto& i : inlines) {
        switch (i.kind) {
            case Inline::Kind::text:
            case Inline::Kind::code: out += i.text; break;
            case Inline::Kind::line_break: out += '\n'; break;
            case Inline::Kind::emphasis:
            case Inline::Kind::strong: out += inline_text(i.children); break;
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
    auto lines = text_layout::wrap_lines(trimmed(text), width);
    for (std::size_t k = 0; k < lines.size(); ++k)
        out.push_back(lines[k].empty() ? std::string() : (k == 0 ? first : rest) + std::string(lines[k]));
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
    out.insert(out.end(), lines.begin(), lines.end());
    out.push_back(line);
    return out;
}

std::vector<std::string> PlainTextRenderer::blocks(const std::vector<Block>& blocks,
                                                   const std::string& indent) const {
    std::vector<std::string> out;
    for (const auto& b : blocks) {
        std::vector<std::string> lines;
        switch (b.kind) {
            case Block::Kind::paragraph: lines = wrapped(inline_text(b.inlines), indent, indent); break;
            case Block::Kind::block_quote: lines = this->blocks(b.children, indent + "    "); break;
            case Block::Kind::list: lines = list(b, indent); break;
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
        out.insert(out.end(), lines.begin(), lines.end());
    }
    return out;
}

std::vector<std::string> PlainTextRenderer::list(const Block& list, const std::string& indent) const {
    const bool loose = std::any_of(list.items.begin(), list.items.end(),
                                   [](const auto& item) { return item.size() > 1; });
    std::vector<std::string> out;
    long long number = list.start;
    for (const auto& item : list.items) {
        const std::string marker = list.ordered ? std::to_string(number++) + ". " : "- ";
        const std::string hanging(text_layout::display_width(marker), ' ');
        if (loose && !out.empty()) out.emplace_back();
        // The item's blocks laid out after the marker, continuation lines under its text.
        auto lines = blocks(item, indent + hanging);
        if (lines.empty()) {
            out.push_back(indent + marker.substr(0, marker.size() - 1));
            continue;
        }
        lines[0].replace(0, indent.size() + hanging.size(), indent + marker);
        out.insert(out.end(), lines.begin(), lines.end());
    }
    return out;
}

}  // namespace fascicle::plain
