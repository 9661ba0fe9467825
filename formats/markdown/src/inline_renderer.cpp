#include "inline_renderer.hpp"

#include "commonmark_rules.hpp"
#include "gfm_autolink_guard.hpp"
#include "html_renderer.hpp"

#include <fascicle/uri.hpp>
#include <text_layout/code_points.hpp>

#include <algorithm>
#include <array>
#include <iterator>
#include <string_view>

namespace fascicle::markdown {

bool MarkdownText::may_break_at(std::size_t offset) const {
    // The ranges are recorded in order and do not overlap: look at the last one starting before.
    auto after = std::upper_bound(unbreakable.begin(), unbreakable.end(), offset,
                                  [](std::size_t o, const auto& r) { return o < r.first; });
    return after == unbreakable.begin() || !(offset > std::prev(after)->first && offset < std::prev(after)->second);
}

namespace {

bool is_link(const Inline& i) { return i.kind == Inline::Kind::link || i.kind == Inline::Kind::reference; }

// An inline that writes nothing and is left out: empty text or code, formatting around nothing, a
// span around nothing (but for one with an id, which is an anchor).
bool shows_nothing(const Inline& i) {
    switch (i.kind) {
        case Inline::Kind::text:
        case Inline::Kind::code: return i.text.empty();
        case Inline::Kind::emphasis:
        case Inline::Kind::strong:
        case Inline::Kind::strikethrough:
        case Inline::Kind::superscript:
        case Inline::Kind::subscript:
        case Inline::Kind::small_caps: return i.children.empty();
        case Inline::Kind::span: return i.children.empty() && i.attributes.id.empty();
        default: return false;
    }
}

// Drops inlines that render as nothing, replaces links inside links by their text (links, and
// references, which are links here, do not nest) and joins neighbouring text, so that each
// escaping decision sees whole runs of text, and neighbouring code spans, which would share
// their backticks.
void append_normalized(std::vector<Inline>& out, const std::vector<Inline>& inlines, bool in_link) {
    for (const auto& i : inlines) {
        if (is_link(i) && in_link) {
            append_normalized(out, i.children.empty() ? std::vector<Inline>{Inline::plain(i.target)} : i.children, true);
            continue;
        }
        if (i.kind == Inline::Kind::link && !link_destination(i.target)) {  // no URI: its text (the writer warns)
            append_normalized(out, i.children, true);
            continue;
        }
        Inline copy = i;
        copy.children.clear();
        append_normalized(copy.children, i.children, in_link || is_link(i));
        if (shows_nothing(copy)) continue;
        const bool joins = (copy.kind == Inline::Kind::text || copy.kind == Inline::Kind::code) &&
                           !out.empty() && out.back().kind == copy.kind;
        if (joins)
            out.back().text += copy.text;
        else
            out.push_back(std::move(copy));
    }
}

// Whether append_normalized would give the inlines back unchanged (then they need no copy: a
// paragraph's text may be most of an article).
bool is_normalized(const std::vector<Inline>& inlines, bool in_link) {
    const Inline* previous = nullptr;
    for (const auto& i : inlines) {
        if (is_link(i) && in_link) return false;
        if (i.kind == Inline::Kind::link && !link_destination(i.target)) return false;
        if (shows_nothing(i)) return false;
        const bool text_run = i.kind == Inline::Kind::text || i.kind == Inline::Kind::code;
        if (text_run && previous && previous->kind == i.kind) return false;  // would be joined
        if (!is_normalized(i.children, in_link || is_link(i))) return false;
        previous = &i;
    }
    return true;
}

std::vector<Inline> normalized(const std::vector<Inline>& inlines) {
    std::vector<Inline> out;
    append_normalized(out, inlines, false);
    return out;
}

// Inlines that become a link's text: normalized as inside a link.
std::vector<Inline> normalized_in_link(const std::vector<Inline>& inlines) {
    std::vector<Inline> out;
    append_normalized(out, inlines, true);
    return out;
}

bool is_blank(char32_t c) { return c == U' ' || c == U'\t'; }

bool is_ascii_alphanumeric(char32_t c) {
    return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}

std::string numeric_reference(char32_t c) { return "&#" + std::to_string(unsigned(c)) + ";"; }

// Whether Builder::text writes a character as it is wherever it stands (unless a line start
// makes it special): not blank, not a control, not one the escaping rules look at.
constexpr std::array<bool, 128> ascii_needs_no_escape = [] {
    std::array<bool, 128> plain{};
    for (int c = 0x21; c < 0x7F; ++c) plain[c] = true;
    for (char c : std::string_view("\\*_`[]<&!~|")) plain[static_cast<unsigned char>(c)] = false;
    return plain;
}();

bool needs_no_escape(char32_t c) { return c >= 0x80 || ascii_needs_no_escape[c]; }

// The code points of `s` and the offset each starts at, then s.size(): what
// text_layout::code_points gives (an invalid byte is U+FFFD), with ASCII bytes taken as they
// are rather than one call each (this is the writer's innermost loop).
void decode(std::string_view s, std::vector<char32_t>& cps, std::vector<std::size_t>& offsets) {
    cps.reserve(s.size());
    offsets.reserve(s.size() + 1);
    for (std::size_t pos = 0; pos < s.size();) {
        if (static_cast<unsigned char>(s[pos]) < 0x80) {
            // A run of ASCII at once: one size change per vector, not one per byte.
            std::size_t end = pos + 1;
            while (end < s.size() && static_cast<unsigned char>(s[end]) < 0x80) ++end;
            const std::size_t first = cps.size();
            cps.resize(first + (end - pos));
            offsets.resize(first + (end - pos));
            for (std::size_t k = 0; pos < end; ++k, ++pos) {
                cps[first + k] = static_cast<unsigned char>(s[pos]);
                offsets[first + k] = pos;
            }
            continue;
        }
        // A run of non-ASCII bytes holds whole UTF-8 sequences (and invalid bytes) only.
        std::size_t end = pos;
        while (end < s.size() && static_cast<unsigned char>(s[end]) >= 0x80) ++end;
        for (const auto& cp : text_layout::code_points(s.substr(pos, end - pos))) {
            cps.push_back(cp.value);
            offsets.push_back(pos + cp.offset);
        }
        pos = end;
    }
    offsets.push_back(s.size());
}

// A span written as its content alone: one with nothing HTML would say about it.
bool is_bare_span(const Inline& i) { return i.kind == Inline::Kind::span && i.attributes.empty(); }

// Whether an inline is written after an anchor of its own (a span carries its id, a note's
// anchor is in its definition).
bool anchored_before(const Inline& i) {
    return !i.attributes.id.empty() && i.kind != Inline::Kind::span && i.kind != Inline::Kind::note;
}

// What the output holds right after an inline; for the emphasis flanking rules.
CharClass class_at_start(const Inline& i) {
    if (anchored_before(i)) return CharClass::punctuation;  // the anchor's '<'
    if (i.kind == Inline::Kind::text) return classify(first_code_point(i.text));
    if (is_bare_span(i) && !i.children.empty()) return class_at_start(i.children.front());
    return CharClass::punctuation;  // '`', '[', '*', '<', '$' or '\' starts every other inline
}

// Where the inlines stand: a paragraph (several lines, block starts to escape), a heading or
// a GFM table cell (one line each).
enum class Mode { paragraph, heading, table_cell };

// Renders into one string; a fresh Builder renders the content of emphasis and link text.
// `before` is what precedes its output: a line start, or for content the punctuation that
// opens it ('*', '>' of a tag, '[').
class Builder {
public:
    Builder(Flavor flavor, Mode mode, bool in_link, CharClass before, Footnotes* footnotes, const InternalLinks* links)
        : flavor_(flavor), mode_(mode), in_link_(in_link), before_(before), footnotes_(footnotes), links_(links) {}

    MarkdownText take() { return std::move(out_); }

    // `after`: what follows the sequence (line_edge at the end of a line or paragraph).
    void sequence(const std::vector<Inline>& items, CharClass after) {
        for (std::size_t k = 0; k < items.size(); ++k) {
            CharClass next = k + 1 < items.size() ? class_at_start(items[k + 1]) : after;
            const Inline& i = items[k];
            if (anchored_before(i) && links_) unbreakable_raw(anchor_tag(links_->anchor(i.attributes.id)));
            switch (i.kind) {
                case Inline::Kind::text: {
                    // A reference is a link here too; an anchor before either comes between.
                    const bool before_link = k + 1 < items.size() && !(anchored_before(items[k + 1]) && links_) &&
                                             (items[k + 1].kind == Inline::Kind::link ||
                                              (items[k + 1].kind == Inline::Kind::reference && links_));
                    text(i.text, next, before_link);
                    break;
                }
                case Inline::Kind::code: code(i.text); break;
                case Inline::Kind::emphasis: emphasis(i, "*", "em", next); break;
                case Inline::Kind::strong: emphasis(i, "**", "strong", next); break;
                case Inline::Kind::link: link(i, next); break;
                case Inline::Kind::line_break:
                    out_.text += mode_ == Mode::paragraph ? "\\\n" : mode_ == Mode::heading ? " " : "<br>";
                    break;
                // CommonMark has no syntax for these: inline HTML keeps them (cmark renders it).
                case Inline::Kind::strikethrough: emphasis(i, flavor_ == Flavor::gfm ? "~~" : "", "del", next); break;
                case Inline::Kind::superscript: html_wrapped(i, "sup", ""); break;
                case Inline::Kind::subscript: html_wrapped(i, "sub", ""); break;
                case Inline::Kind::small_caps: html_wrapped(i, "span", " class=\"small-caps\""); break;
                case Inline::Kind::span: span(i, next); break;
                case Inline::Kind::image: image(i, next); break;
                case Inline::Kind::math: math(i.math); break;
                case Inline::Kind::reference: reference(i, next); break;
                case Inline::Kind::raw:
                    if (i.format == "html") unbreakable_raw(i.text);
                    break;
                case Inline::Kind::note:
                    if (footnotes_ && flavor_ == Flavor::gfm) {
                        footnotes_->notes.push_back({i.blocks, i.attributes.id});
                        out_.text += "[^" + footnotes_->prefix + std::to_string(footnotes_->notes.size()) + "]";
                    }
                    break;  // otherwise left out, and reported by the writer's census
            }
        }
    }

    // `before_link`: a link follows, so a final '!' would make it an image.
    // A long text goes in pieces, so that its code points (12 bytes each) are never all held at
    // once: each piece ends with a space between two ASCII letters or digits, where no rule
    // below looks across (every look-around stops at a blank, and a letter after a space starts
    // no block and needs no escape), so the pieces come out as the whole would.
    void text(std::string_view s, CharClass after, bool before_link = false) {
        constexpr std::size_t piece = 1 << 16;
        out_.text.reserve(out_.text.size() + s.size() + s.size() / 64);
        while (s.size() > 2 * piece) {
            const std::size_t cut = piece_end(s, piece);
            if (cut == std::string_view::npos) break;
            text_piece(s.substr(0, cut), CharClass::other, false);
            s.remove_prefix(cut);
        }
        text_piece(s, after, before_link);
    }

private:
    // Where a piece of s may end at or after `from`: just after a space between two ASCII
    // letters or digits (npos when there is none before the last `from` bytes).
    static std::size_t piece_end(std::string_view s, std::size_t from) {
        auto alnum = [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
        for (std::size_t k = from; k + 1 < s.size() - from; ++k)
            if (s[k] == ' ' && alnum(s[k - 1]) && alnum(s[k + 1])) return k + 1;
        return std::string_view::npos;
    }

    void text_piece(std::string_view s, CharClass after, bool before_link) {
        // The code points, and where each starts (invalid bytes are U+FFFD, written as they are).
        std::vector<char32_t> decoded;
        std::vector<std::size_t> offsets;
        const bool ascii = text_layout::is_ascii(s);
        if (!ascii) decode(s, decoded, offsets);
        const CodePointView cps = ascii ? CodePointView(s) : CodePointView(decoded, offsets);
        const std::size_t n = cps.size();
        const bool ends_line = after == CharClass::line_edge;
        std::size_t forced_escape = n;  // a character a line start makes special
        // What GFM's autolink extension would make a link: escaped, or split by a comment after it
        // (not in a link's text, where the extension makes none).
        const std::vector<std::size_t> guarded_at =
            flavor_ == Flavor::gfm && !in_link_ ? autolink_triggers(cps) : std::vector<std::size_t>();
        std::size_t next_guarded = 0;  // the first of guarded_at not before the character looked at
        auto guarded = [&](std::size_t k) {  // (k never goes back)
            while (next_guarded < guarded_at.size() && guarded_at[next_guarded] < k) ++next_guarded;
            return next_guarded < guarded_at.size() && guarded_at[next_guarded] == k;
        };

        for (std::size_t i = 0; i < n;) {
            const char32_t c = cps[i];
            if (is_blank(c)) {
                // Blanks at either end of a line would be stripped: keep them as references.
                std::size_t j = i;
                while (j < n && is_blank(cps[j])) ++j;
                const bool at_end = (j == n && ends_line) || (j < n && cps[j] == U'\n');
                const bool literal = !at_line_start() && !at_end;
                if (literal) {
                    out_.text.append(s.data() + cps.offset(i), cps.offset(j) - cps.offset(i));
                    i = j;
                }
                for (; i < j; ++i) out_.text += numeric_reference(cps[i]);
                continue;
            }
            if (at_line_start() && mode_ == Mode::paragraph) forced_escape = block_start_escape(cps, i, ends_line);
            if (needs_no_escape(c) && i != forced_escape && !guarded(i)) {
                // Most of any text, words and the single spaces between them, copied as it is:
                // a space between two such characters is neither at a line start nor at an end,
                // so the blank rule above would keep it literally too.
                // It runs up to the first character that needs no escape at the most: the next
                // one a line start or an autolink makes special (never a space), or the end.
                guarded(i + 1);
                std::size_t stop = next_guarded < guarded_at.size() ? guarded_at[next_guarded] : n;
                if (forced_escape > i) stop = std::min(stop, forced_escape);
                std::size_t j = i + 1;
                auto run = [&](auto at) {
                    for (;;) {
                        if (j < stop && needs_no_escape(at(j))) ++j;
                        else if (j + 1 < stop && at(j) == U' ' && needs_no_escape(at(j + 1))) j += 2;
                        else break;
                    }
                };
                if (ascii) run([&](std::size_t k) -> char32_t { return static_cast<unsigned char>(s[k]); });
                else run([&](std::size_t k) { return decoded[k]; });
                out_.text.append(s.data() + cps.offset(i), cps.offset(j) - cps.offset(i));
                i = j;
                continue;
            }

            const char32_t prev = i > 0 ? cps[i - 1] : 0;
            const char32_t next = i + 1 < n ? cps[i + 1] : 0;
            const bool autolink = guarded(i);
            bool escape = i == forced_escape || (autolink && c != U'@');
            if (autolink && c == U'@') {
                out_.text += '@';
                unbreakable_raw(autolink_breaker);
                ++i;
                continue;
            }
            switch (c) {
                case U'\\': escape = !(next >= 0x80 || is_ascii_alphanumeric(next)); break;
                case U'*': escape = !(ends_with(' ') && next == U' ' && !blank_run_ends_line(cps, i + 1, ends_line)); break;
                case U'_': escape = !(i > 0 && is_alphanumeric(prev) && is_alphanumeric(next)); break;
                case U'`': case U'[': escape = true; break;
                case U']': escape = escape || in_link_; break;
                case U'<': escape = !is_blank(next); break;
                case U'&': escape = starts_entity_reference(s.substr(cps.offset(i) + 1)); break;
                case U'!': escape = escape || (i + 1 == n && before_link); break;
                case U'~': case U'|': escape = escape || flavor_ == Flavor::gfm; break;
                default: break;
            }
            if (c == U'\n') {
                // A newline at a line start or closing the paragraph would end it: keep it as a reference.
                const bool literal = mode_ == Mode::paragraph && !at_line_start() && !(i + 1 == n && ends_line);
                out_.text += literal ? std::string("\n") : numeric_reference(c);
            } else if (c < 0x20 || c == 0x7F) {
                out_.text += numeric_reference(c);  // controls: '\r' would end the line
            } else {
                if (escape) out_.text += '\\';
                out_.text.append(s.data() + cps.offset(i), cps.offset(i + 1) - cps.offset(i));
            }
            ++i;
        }
    }

private:
    bool at_line_start() const { return out_.text.empty() || out_.text.back() == '\n'; }

    // Markup written as it is (HTML, a code span's content, a URL). In a table cell every '|'
    // in it is escaped: GFM finds the cells before it reads their content, and drops the '\'.
    void raw(std::string_view markup) {
        if (mode_ != Mode::table_cell) {
            out_.text += markup;
            return;
        }
        for (char c : markup) {
            if (c == '|') out_.text += '\\';
            out_.text += c;
        }
    }

    void unbreakable_raw(std::string_view markup) {
        const std::size_t begin = out_.text.size();
        raw(markup);
        out_.unbreakable.emplace_back(begin, out_.text.size());
    }

    // The content of a span, inside an HTML span when it has attributes to say.
    void span(const Inline& i, CharClass next) {
        if (is_bare_span(i)) {
            sequence(i.children, next);
            return;
        }
        HtmlRenderer html(links_);
        Builder inner(flavor_, inner_mode(), in_link_, CharClass::punctuation, footnotes_, links_);
        inner.sequence(i.children, CharClass::punctuation);
        unbreakable_raw(open_tag("span", html.attributes(i.attributes)));
        append(inner.take());
        raw("</span>");
    }

    // $tex$ as pandoc's tex_math_dollars reads it (the TeX as it is, on one line, no blank
    // inside either dollar); MathML alone as inline HTML; nothing when there is neither (the
    // writer reports it).
    void math(const Math& m) {
        std::string tex = m.tex;
        std::replace(tex.begin(), tex.end(), '\n', ' ');
        std::replace(tex.begin(), tex.end(), '\r', ' ');
        const std::size_t first = tex.find_first_not_of(" \t");
        const std::size_t begin = out_.text.size();
        if (first != std::string::npos) {
            tex = tex.substr(first, tex.find_last_not_of(" \t") + 1 - first);
            raw("$" + tex + "$");
        } else if (!m.mathml.empty()) {
            bool well_formed = false;
            const std::string mathml = html_fragment([&](XmlStream& xml) { well_formed = xml.fragment(m.mathml); });
            if (!well_formed) return;
            raw(inline_html(mathml));
        }
        out_.unbreakable.emplace_back(begin, out_.text.size());
    }

    // A link to the reference's target, showing its text (or the target's title).
    void reference(const Inline& i, CharClass next) {
        if (!links_) {  // nowhere to link to: the text alone
            if (i.children.empty()) text(i.target, next);
            else sequence(i.children, next);
            return;
        }
        Inline link = Inline::link_to(links_->destination(i.target), i.children);
        if (link.children.empty()) link.children = normalized_in_link(links_->text_for(i.target));
        this->link(link, next);
    }
    bool ends_with(char c) const { return !out_.text.empty() && out_.text.back() == c; }

    // Whether the blanks starting at i (if any) run to the end of the line.
    static bool blank_run_ends_line(const CodePointView& cps, std::size_t i, bool ends_line) {
        while (i < cps.size() && is_blank(cps[i])) ++i;
        return i == cps.size() ? ends_line : cps[i] == U'\n';
    }

    // Which character of the text from i (a line start) must be escaped so the line does not
    // open a block; cps.size() when none.
    std::size_t block_start_escape(const CodePointView& cps, std::size_t i, bool ends_line) const {
        const std::size_t n = cps.size();
        auto at = [&](std::size_t k) -> char32_t { return k < n ? cps[k] : 0; };
        // True when position k ends the line: blank, newline, or the end of a line-ending text.
        auto line_ends_or_blank = [&](std::size_t k) {
            return k < n ? (is_blank(cps[k]) || cps[k] == U'\n') : ends_line;
        };
        switch (cps[i]) {
            case U'#': {
                std::size_t k = i;
                while (k < n && cps[k] == U'#') ++k;
                return k - i <= 6 && line_ends_or_blank(k) ? i : n;
            }
            case U'>': return i;
            // (In GFM a line of '-' and ':' after a paragraph line is a table's delimiter row.)
            case U'-': return flavor_ == Flavor::gfm || at(i + 1) == U'-' || line_ends_or_blank(i + 1) ? i : n;
            case U':': return flavor_ == Flavor::gfm && at(i + 1) == U'-' ? i : n;
            case U'+': return line_ends_or_blank(i + 1) ? i : n;
            case U'=': return at(i + 1) == U'=' || line_ends_or_blank(i + 1) ? i : n;
            case U'~': return at(i + 1) == U'~' && at(i + 2) == U'~' ? i : n;
            default: break;
        }
        std::size_t k = i;
        while (k < n && k - i < 10 && cps[k] >= U'0' && cps[k] <= U'9') ++k;
        if (k > i && k - i <= 9 && (at(k) == U'.' || at(k) == U')') && line_ends_or_blank(k + 1)) return k;
        return n;
    }

    void append(const MarkdownText& part) {
        const std::size_t base = out_.text.size();
        out_.text += part.text;
        for (auto [b, e] : part.unbreakable) out_.unbreakable.emplace_back(base + b, base + e);
    }

    void code(const std::string& source) {
        std::string content = source;
        std::replace(content.begin(), content.end(), '\n', ' ');  // a code span is one line
        std::replace(content.begin(), content.end(), '\r', ' ');
        std::size_t longest = 0, run = 0;
        for (char ch : content) {
            run = ch == '`' ? run + 1 : 0;
            longest = std::max(longest, run);
        }
        const std::string fence(longest + 1, '`');
        const bool all_spaces = content.find_first_not_of(' ') == std::string::npos;
        // A parser strips one space from each end when both have one, so pad such content,
        // and content starting or ending with a backtick, which would join the fence.
        const bool pad = content.front() == '`' || content.back() == '`' ||
                         (content.front() == ' ' && content.back() == ' ' && !all_spaces);
        const std::size_t begin = out_.text.size();
        raw(fence + (pad ? " " : "") + content + (pad ? " " : "") + fence);
        out_.unbreakable.emplace_back(begin, out_.text.size());
    }

    void html_wrapped(const Inline& i, std::string_view tag, std::string_view attributes) {
        Builder inner(flavor_, inner_mode(), in_link_, CharClass::punctuation, footnotes_, links_);
        inner.sequence(i.children, CharClass::punctuation);
        MarkdownText content = inner.take();
        if (content.text.empty()) return;
        raw("<" + std::string(tag) + std::string(attributes) + ">");
        append(content);
        raw("</" + std::string(tag) + ">");
    }

    // The mode of content inside emphasis, links and tags: the same as around them (a heading's
    // or a cell's content stays on its one line).
    Mode inner_mode() const { return mode_; }

    // ![alt](destination "title"): the alt text is text only. An image with a width or height
    // is an HTML <img>, which can say it.
    void image(const Inline& i, CharClass after) {
        if (!i.attributes.get("width").empty() || !i.attributes.get("height").empty()) {
            const std::size_t begin = out_.text.size();
            raw(inline_html(html_fragment([&](XmlStream& xml) { xml.empty("img", as_xml(image_attributes(i))); })));
            out_.unbreakable.emplace_back(begin, out_.text.size());
            return;
        }
        const auto target = link_destination(i.target);
        if (!target) {  // no URI can be made of it: its alt text (the writer warns)
            text(i.text, after);
            return;
        }
        Builder inner(flavor_, inner_mode(), true, CharClass::punctuation, footnotes_, links_);
        inner.text(i.text, CharClass::punctuation);
        MarkdownText alt = inner.take();
        out_.text += "![";
        append(alt);
        const std::size_t begin = out_.text.size();
        raw("](" + destination(*target) + title_part(i.title) + ")");
        out_.unbreakable.emplace_back(begin, out_.text.size());
    }

    // ` "title"` for a link or image destination; nothing when there is no title.
    static std::string title_part(const std::string& title) {
        if (title.empty()) return {};
        std::string out = " \"";
        for (char ch : title) {
            if (ch == '"' || ch == '\\') out += '\\';
            out += ch;
        }
        return out + "\"";
    }

    void emphasis(const Inline& i, std::string_view delimiter, std::string_view tag, CharClass next) {
        Builder inner(flavor_, inner_mode(), in_link_, CharClass::punctuation, footnotes_, links_);
        inner.sequence(i.children, CharClass::punctuation);
        MarkdownText content = inner.take();
        if (content.text.empty()) return;

        const char32_t first = first_code_point(content.text);
        const char32_t last = last_code_point(content.text);
        const CharClass prev = out_.text.empty()            ? before_
                               : out_.text.back() == '\n' ? CharClass::line_edge
                                                          : classify(last_code_point(out_.text));
        auto is_edge_or_blank = [](CharClass c) {
            return c == CharClass::line_edge || c == CharClass::whitespace;
        };
        // The delimiters must open and close and nothing else: the opener left-flanking and
        // not right-flanking, the closer the reverse, and neither touching another '*' run.
        const bool opens = classify(first) != CharClass::whitespace && first != U'*' &&
                           (is_edge_or_blank(prev) ||
                            (prev == CharClass::punctuation && !may_be_punctuation(first)));
        const bool closes = classify(last) != CharClass::whitespace && last != U'*' &&
                            (is_edge_or_blank(next) ||
                             (next == CharClass::punctuation && !may_be_punctuation(last)));
        const bool use_delimiters = !delimiter.empty() && opens && closes && !ends_with('*');

        if (use_delimiters) {
            out_.text += delimiter;
            append(content);
            out_.text += delimiter;
        } else {  // CommonMark's way out: inline HTML, which keeps the text and the emphasis
            out_.text += "<" + std::string(tag) + ">";
            append(content);
            out_.text += "</" + std::string(tag) + ">";
        }
    }

    void link(const Inline& i, CharClass after) {
        const auto target = link_destination(i.target);
        if (!target) {  // no URI can be made of it: its text (the writer warns)
            sequence(i.children, after);
            return;
        }
        Builder inner(flavor_, inner_mode(), true, CharClass::punctuation, footnotes_, links_);
        inner.sequence(i.children, CharClass::punctuation);
        MarkdownText text = inner.take();
        // At a paragraph's start "[label]:" would be read as a link reference definition; a
        // code span in the text can hold that ']'. Then only inline HTML can say "link".
        const bool paragraph_start = mode_ == Mode::paragraph && before_ == CharClass::line_edge &&
                                     out_.text.empty();
        if (paragraph_start && has_unescaped(text.text, ']')) {
            const std::size_t begin = out_.text.size();
            raw("<a href=\"" + attribute_value(*target) + "\">");
            out_.unbreakable.emplace_back(begin, out_.text.size());
            append(text);
            raw("</a>");
            return;
        }
        out_.text += '[';
        append(text);
        const std::size_t begin = out_.text.size();
        raw("](" + destination(*target) + title_part(i.title) + ")");
        out_.unbreakable.emplace_back(begin, out_.text.size());
    }

    static bool has_unescaped(std::string_view text, char c) {
        for (std::size_t k = text.find(c); k != std::string_view::npos; k = text.find(c, k + 1)) {
            std::size_t backslashes = 0;
            while (backslashes < k && text[k - 1 - backslashes] == '\\') ++backslashes;
            if (backslashes % 2 == 0) return true;
        }
        return false;
    }

    static std::string attribute_value(const std::string& url) {
        std::string out;
        for (char ch : url) {
            switch (ch) {
                case '&': out += "&amp;"; break;
                case '"': out += "&quot;"; break;
                case '<': out += "&lt;"; break;
                case '>': out += "&gt;"; break;
                case '\n': out += "%0A"; break;
                case '\r': out += "%0D"; break;
                default: out += ch;
            }
        }
        return out;
    }

    static std::string destination(const std::string& url) {
        bool bare = !url.empty();
        for (std::size_t k = 0; k < url.size(); ++k) {
            unsigned char ch = static_cast<unsigned char>(url[k]);
            if (ch <= 0x20 || ch == 0x7F || ch == '<' || ch == '>' || ch == '(' || ch == ')' ||
                ch == '\\' || (ch == '&' && starts_entity_reference(std::string_view(url).substr(k + 1))))
                bare = false;
        }
        if (bare) return url;
        // The <...> form takes any character but line breaks, with '<', '>' and '\' escaped;
        // a parser trims blanks at either end, so those are character references.
        // (A bare URL has none of these, nor anything a parser would take for a reference.)
        const std::size_t first = url.find_first_not_of(" \t\v\f");
        const std::size_t last = url.find_last_not_of(" \t\v\f");
        std::string out = "<";
        for (std::size_t k = 0; k < url.size(); ++k) {
            const char ch = url[k];
            if (ch == '\n' || ch == '\r') {
                out += ch == '\n' ? "%0A" : "%0D";
            } else if (first == std::string::npos || k < first || k > last) {
                out += numeric_reference(static_cast<unsigned char>(ch));
            } else if (ch == '&' && starts_entity_reference(std::string_view(url).substr(k + 1))) {
                out += "&amp;";  // a parser decodes references in a URL before backslash escapes
            } else {
                if (ch == '<' || ch == '>' || ch == '\\') out += '\\';
                out += ch;
            }
        }
        return out + ">";
    }

    Flavor flavor_;
    Mode mode_;
    bool in_link_;
    CharClass before_;
    Footnotes* footnotes_;
    const InternalLinks* links_;
    MarkdownText out_;
};

}  // namespace

MarkdownText InlineRenderer::paragraph(const std::vector<Inline>& inlines) const {
    // A hard break needs text after it: those ending the paragraph are dropped.
    Builder b(flavor_, Mode::paragraph, false, CharClass::line_edge, footnotes_, links_);
    if (is_normalized(inlines, false) && (inlines.empty() || inlines.back().kind != Inline::Kind::line_break)) {
        b.sequence(inlines, CharClass::line_edge);
        return b.take();
    }
    auto items = normalized(inlines);
    while (!items.empty() && items.back().kind == Inline::Kind::line_break) items.pop_back();
    b.sequence(items, CharClass::line_edge);
    return b.take();
}

std::string InlineRenderer::table_cell(const std::vector<Inline>& inlines) const {
    auto items = normalized(inlines);
    while (!items.empty() && items.back().kind == Inline::Kind::line_break) items.pop_back();
    Builder b(flavor_, Mode::table_cell, false, CharClass::line_edge, footnotes_, links_);
    b.sequence(items, CharClass::line_edge);
    return b.take().text;
}

std::optional<std::string> link_destination(const std::string& target) {
    if (target.empty()) return std::string();
    return normalized_uri(target);
}

std::string InlineRenderer::heading(const std::vector<Inline>& title) const {
    Builder b(flavor_, Mode::heading, false, CharClass::line_edge, footnotes_, links_);
    b.sequence(normalized(title), CharClass::line_edge);
    std::string out = b.take().text;
    // A closing sequence is a run of '#' at the end after a blank (or alone): escape its first.
    std::size_t run = out.find_last_not_of('#');
    std::size_t start = run == std::string::npos ? 0 : run + 1;
    if (start < out.size() && (start == 0 || out[start - 1] == ' ' || out[start - 1] == '\t'))
        out.insert(start, "\\");
    return out;
}

}  // namespace fascicle::markdown
