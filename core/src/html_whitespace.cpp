#include <fascicle/html_whitespace.hpp>

namespace fascicle::html {

namespace {

bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// One pass over the inlines in reading order, across element boundaries: "a <em> b</em>" is
// "a " then "b" in emphasis, as it is shown.
class Collapser {
public:
    void run(std::vector<Inline>& inlines) {
        walk(inlines);
        trim_last_text();
    }

private:
    void walk(std::vector<Inline>& inlines) {
        for (auto& i : inlines) {
            switch (i.kind) {
                case Inline::Kind::text: {
                    std::string out;
                    out.reserve(i.text.size());
                    for (char c : i.text) {
                        if (!is_html_space(c)) {
                            out += c;
                            after_space_ = false;
                        } else if (!after_space_) {
                            out += ' ';
                            after_space_ = true;
                        }
                    }
                    i.text = std::move(out);
                    if (!i.text.empty()) last_text_ = &i.text;
                    break;
                }
                case Inline::Kind::code:
                    if (!i.text.empty()) {
                        after_space_ = false;
                        last_text_ = nullptr;
                    }
                    break;
                case Inline::Kind::line_break:
                    trim_last_text();
                    after_space_ = true;
                    last_text_ = nullptr;
                    break;
                case Inline::Kind::image:
                case Inline::Kind::math:
                    after_space_ = false;
                    last_text_ = nullptr;
                    break;
                case Inline::Kind::reference:
                    if (!i.children.empty()) {
                        walk(i.children);
                        break;
                    }
                    // Without text of its own it shows the target's caption or title: text.
                    after_space_ = false;
                    last_text_ = nullptr;
                    break;
                case Inline::Kind::note:
                case Inline::Kind::raw: break;  // shown elsewhere, or not at all
                default: walk(i.children); break;  // emphasis, links, spans...
            }
        }
    }

    void trim_last_text() {
        if (last_text_ && !last_text_->empty() && last_text_->back() == ' ') last_text_->pop_back();
    }

    bool after_space_ = true;  // at the start of the block, white space shows as nothing
    std::string* last_text_ = nullptr;
};

void prune(std::vector<Inline>& inlines) {
    std::vector<Inline> out;
    out.reserve(inlines.size());
    for (auto& i : inlines) {
        const bool container = i.kind == Inline::Kind::emphasis || i.kind == Inline::Kind::strong ||
                               i.kind == Inline::Kind::link || i.kind == Inline::Kind::strikethrough ||
                               i.kind == Inline::Kind::superscript || i.kind == Inline::Kind::subscript ||
                               i.kind == Inline::Kind::small_caps ||
                               (i.kind == Inline::Kind::span && i.attributes.id.empty());
        if (i.kind == Inline::Kind::reference || i.kind == Inline::Kind::span) prune(i.children);
        if (container) {
            prune(i.children);
            if (i.children.empty()) continue;
            // Emphasis around a space shows as the space alone.
            if (i.children.size() == 1 && i.children[0].kind == Inline::Kind::text &&
                i.children[0].text.find_first_not_of(' ') == std::string::npos)
                i = Inline::plain(std::move(i.children[0].text));
        }
        if ((i.kind == Inline::Kind::text || i.kind == Inline::Kind::code) && i.text.empty()) continue;
        if (i.kind == Inline::Kind::text && !out.empty() && out.back().kind == Inline::Kind::text) {
            out.back().text += i.text;
            continue;
        }
        out.push_back(std::move(i));
    }
    inlines = std::move(out);
}

}  // namespace

void collapse_whitespace(std::vector<Inline>& inlines) {
    Collapser().run(inlines);
    prune(inlines);
}

std::string collapse_whitespace(std::string_view text) {
    std::vector<Inline> inlines{Inline::plain(std::string(text))};
    collapse_whitespace(inlines);
    return inlines.empty() ? std::string() : inlines.front().text;
}

}  // namespace fascicle::html
