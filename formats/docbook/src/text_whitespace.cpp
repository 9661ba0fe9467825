#include "text_whitespace.hpp"

namespace fascicle::docbook {

namespace {

// Not CR: a parser turns written line ends into LF, so a CR in text was written as &#13; on purpose.
bool blank(char c) { return c == ' ' || c == '\t' || c == '\n'; }

// Each run of blanks holding a line end becomes one space.
void collapse_line_ends(std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        if (!blank(s[i])) {
            out += s[i++];
            continue;
        }
        std::size_t end = i;
        bool line_end = false;
        for (; end < s.size() && blank(s[end]); ++end) line_end |= s[end] == '\n';
        if (line_end) out += ' ';
        else out.append(s, i, end - i);
        i = end;
    }
    s = std::move(out);
}

void trim_leading_line_end(std::string& s) {
    std::size_t end = 0;
    bool line_end = false;
    for (; end < s.size() && blank(s[end]); ++end) line_end |= s[end] == '\n';
    if (line_end) s.erase(0, end);
}

void trim_trailing_line_end(std::string& s) {
    std::size_t begin = s.size();
    bool line_end = false;
    for (; begin > 0 && blank(s[begin - 1]); --begin) line_end |= s[begin - 1] == '\n';
    if (line_end) s.erase(begin);
}

bool wraps(const Inline& i) {
    return i.kind == Inline::Kind::emphasis || i.kind == Inline::Kind::strong || i.kind == Inline::Kind::link;
}

// The text inline a paragraph starts (or ends) with, looking into emphasis, strong and links.
Inline* edge_text(std::vector<Inline>& inlines, bool first) {
    if (inlines.empty()) return nullptr;
    Inline& edge = first ? inlines.front() : inlines.back();
    if (edge.kind == Inline::Kind::text) return &edge;
    return wraps(edge) ? edge_text(edge.children, first) : nullptr;
}

void collapse_all(std::vector<Inline>& inlines) {
    for (std::size_t n = 0; n < inlines.size(); ++n) {
        auto& i = inlines[n];
        if (i.kind == Inline::Kind::text) {
            // White space holding a line end beside a hard line break is part of the break (the
            // writer puts a line end after each, for tools that do not know <?linebreak?>).
            if (n > 0 && inlines[n - 1].kind == Inline::Kind::line_break) trim_leading_line_end(i.text);
            if (n + 1 < inlines.size() && inlines[n + 1].kind == Inline::Kind::line_break) trim_trailing_line_end(i.text);
            collapse_line_ends(i.text);
        } else if (wraps(i)) {
            collapse_all(i.children);
        }
    }
}

void merge_texts(std::vector<Inline>& inlines) {
    std::vector<Inline> out;
    out.reserve(inlines.size());
    for (auto& i : inlines) {
        if (i.kind == Inline::Kind::text) {
            if (i.text.empty()) continue;
            if (!out.empty() && out.back().kind == Inline::Kind::text) {
                out.back().text += i.text;
                continue;
            }
        } else if (wraps(i)) {
            merge_texts(i.children);
        }
        out.push_back(std::move(i));
    }
    inlines = std::move(out);
}

}  // namespace

void tidy_whitespace(std::vector<Inline>& inlines) {
    if (auto* first = edge_text(inlines, true)) trim_leading_line_end(first->text);
    if (auto* last = edge_text(inlines, false)) trim_trailing_line_end(last->text);
    collapse_all(inlines);
    merge_texts(inlines);
}

std::string tidy_whitespace(std::string_view text) {
    std::string s(text);
    collapse_line_ends(s);
    const auto begin = s.find_first_not_of(" \t");
    if (begin == std::string::npos) return {};
    return s.substr(begin, s.find_last_not_of(" \t") - begin + 1);
}

bool has_content(const std::vector<Inline>& inlines) {
    for (const auto& i : inlines)
        if (i.kind != Inline::Kind::text || i.text.find_first_not_of(" \t\n") != std::string::npos) return true;
    return false;
}

void append_text(std::vector<Inline>& inlines, std::string_view text) {
    if (text.empty()) return;
    if (!inlines.empty() && inlines.back().kind == Inline::Kind::text) inlines.back().text += text;
    else inlines.push_back(Inline::plain(std::string(text)));
}

}  // namespace fascicle::docbook
