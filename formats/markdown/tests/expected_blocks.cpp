#include "expected_blocks.hpp"

#include "inline_renderer.hpp"

#include <algorithm>

namespace fascicle::markdown::test {

namespace {

void append_normalized(std::vector<Inline>& out, const std::vector<Inline>& inlines, bool in_link) {
    auto add = [&](Inline i) {
        const bool joins = (i.kind == Inline::Kind::text || i.kind == Inline::Kind::code) && !out.empty() &&
                           out.back().kind == i.kind;
        if (joins)
            out.back().text += i.text;
        else
            out.push_back(std::move(i));
    };
    for (const auto& i : inlines) {
        switch (i.kind) {
            case Inline::Kind::text:
                if (!i.text.empty()) add(i);
                break;
            case Inline::Kind::code: {
                if (i.text.empty()) break;
                Inline code = i;
                std::replace(code.text.begin(), code.text.end(), '\n', ' ');
                std::replace(code.text.begin(), code.text.end(), '\r', ' ');
                add(std::move(code));
                break;
            }
            case Inline::Kind::line_break: add(i); break;
            case Inline::Kind::emphasis:
            case Inline::Kind::strong:
            case Inline::Kind::link: {
                if (i.kind == Inline::Kind::link && in_link) {
                    append_normalized(out, i.children, true);
                    break;
                }
                Inline copy = i;
                copy.children.clear();
                if (i.kind == Inline::Kind::link) {
                    // The writer writes a valid URI, or, when none can be made, the text alone.
                    const auto destination = link_destination(i.target);
                    if (!destination) {  // (links inside it are already its text)
                        append_normalized(out, i.children, true);
                        break;
                    }
                    copy.target = *destination;
                }
                append_normalized(copy.children, i.children, in_link || i.kind == Inline::Kind::link);
                if (copy.children.empty() && i.kind != Inline::Kind::link) break;
                add(std::move(copy));
                break;
            }
            default: break;  // the kinds of API 2.0: not in the books these tests write
        }
    }
}

std::vector<Inline> normalized_inlines(const std::vector<Inline>& inlines) {
    std::vector<Inline> out;
    append_normalized(out, inlines, false);
    return out;
}

std::string collapsed(const std::string& text) {
    std::string out;
    for (char c : text) {
        const bool blank = c == ' ' || c == '\n';
        if (blank && !out.empty() && out.back() == ' ') continue;
        out += blank ? ' ' : c;
    }
    return out;
}

void collapse(std::vector<Inline>& inlines) {
    for (auto& i : inlines) {
        if (i.kind == Inline::Kind::text) i.text = collapsed(i.text);
        collapse(i.children);
    }
}

class Expectation {
public:
    explicit Expectation(bool split) : split_(split) {}

    void heading(int level, const std::string& title) {
        LeafBlock b;
        b.kind = LeafBlock::Kind::heading;
        b.level = std::min(level, 6);
        if (!title.empty()) b.inlines.push_back(Inline::plain(title));
        out.push_back(std::move(b));
    }

    void blocks(const std::vector<Block>& blocks, const std::string& containers) {
        for (const auto& block : blocks) {
            switch (block.kind) {
                case Block::Kind::paragraph: {
                    LeafBlock b;
                    b.kind = LeafBlock::Kind::paragraph;
                    b.containers = containers;
                    b.inlines = block.inlines;
                    out.push_back(std::move(b));
                    break;
                }
                case Block::Kind::code_block: {
                    LeafBlock b;
                    b.kind = LeafBlock::Kind::code_block;
                    b.containers = containers;
                    b.text = block.text;
                    if (!b.text.empty() && b.text.back() != '\n') b.text += '\n';
                    out.push_back(std::move(b));
                    break;
                }
                case Block::Kind::block_quote: this->blocks(block.children, join(containers, "quote")); break;
                case Block::Kind::list: {
                    const std::string list =
                        join(containers, block.ordered ? "ordered-" + std::to_string(block.start) : "bullet");
                    for (const auto& item : block.items) this->blocks(item, list + "/item");
                    break;
                }
                default: break;  // not in the books these tests write
            }
        }
    }

    void section(const Section& s, int level) {
        heading(level, s.title_text());
        blocks(s.blocks, "");
        for (const auto& sub : s.subsections) section(sub, level + 1);
    }

    void article(const Article& a, const Metadata& book) {
        const int level = split_ ? 1 : 2;
        if (!a.title.empty()) heading(level, a.title_text());  // an untitled article has none
        blocks(a.summary, "quote");
        blocks(a.introduction, "");
        for (const auto& s : a.sections) section(s, level + 1);
        if (!a.conclusion.empty()) {
            std::string title = a.metadata.get("conclusion-title");
            if (title.empty()) title = book.get("conclusion-title");
            heading(level + 1, title.empty() ? "Conclusion" : title);
            blocks(a.conclusion, "");
        }
    }

    std::vector<LeafBlock> out;

private:
    static std::string join(const std::string& a, const std::string& b) { return a.empty() ? b : a + "/" + b; }
    bool split_;
};

}  // namespace

std::vector<LeafBlock> expected_blocks(const Book& book, bool split) {
    Expectation e(split);
    if (!split && !book.metadata.title.empty()) e.heading(1, book.metadata.title);
    for (const auto& a : book.articles) e.article(a, book.metadata);
    return normalized(std::move(e.out));
}

std::vector<LeafBlock> normalized(std::vector<LeafBlock> blocks) {
    std::vector<LeafBlock> out;
    for (auto& b : blocks) {
        b.inlines = normalized_inlines(b.inlines);
        if (b.kind == LeafBlock::Kind::paragraph) {
            while (!b.inlines.empty() && b.inlines.back().kind == Inline::Kind::line_break) b.inlines.pop_back();
            if (b.inlines.empty()) continue;
        }
        out.push_back(std::move(b));
    }
    return out;
}

std::vector<LeafBlock> with_collapsed_whitespace(std::vector<LeafBlock> blocks) {
    for (auto& b : blocks) collapse(b.inlines);
    return blocks;
}

}  // namespace fascicle::markdown::test
