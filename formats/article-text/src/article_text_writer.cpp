#include "article_text_writer.hpp"

#include "heading_key.hpp"

#include <algorithm>
#include <optional>
#include <ostream>
#include <string_view>
#include <unordered_set>

namespace fascicle::article_text {

namespace {

std::string_view trimmed(std::string_view s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

std::string in_double_quotes(std::string_view s) { return "\"" + std::string(s) + "\""; }

// One paragraph as one line: control characters (line breaks included, tab excepted) become
// spaces, since a line can hold none of them; the ends are trimmed as the reader would.
std::string as_line(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 && c != '\t') || c == 0x7F) {
            out += ' ';
        } else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                   static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
            out += ' ';  // a C1 control character
            ++i;
        } else {
            out += text[i];
        }
    }
    // Trimmed in place: a paragraph may be most of the article, a second copy would double it.
    const std::string_view kept = trimmed(out);
    if (kept.empty()) return {};
    const std::size_t first = static_cast<std::size_t>(kept.data() - out.data());
    out.erase(first + kept.size());
    out.erase(0, first);
    return out;
}

// Blocks as paragraph lines: a paragraph is one line, any other block one line per paragraph of its
// plain text. Inline markup is dropped; blank results are left out (the format has no blank lines).
std::vector<std::string> lines_of(const std::vector<Block>& blocks) {
    std::vector<std::string> lines;
    auto add = [&](std::string_view text) {
        if (auto line = as_line(text); !line.empty()) lines.push_back(std::move(line));
    };
    for (const auto& block : blocks) {
        if (block.kind == Block::Kind::paragraph) {
            // Text alone is read where it is, not copied first.
            if (block.inlines.size() == 1 && block.inlines[0].kind == Inline::Kind::text) add(block.inlines[0].text);
            else add(plain_text(block.inlines));
            continue;
        }
        const std::string text = plain_text(block);
        std::string_view rest = text;
        for (auto end = rest.find('\n'); end != std::string_view::npos; end = rest.find('\n')) {
            add(rest.substr(0, end));
            rest.remove_prefix(end + 1);
        }
        add(rest);
    }
    return lines;
}

// The corpus format holds paragraphs of plain text: everything else is reported.
const KindSupport text_only{
    [](Inline::Kind k) { return k == Inline::Kind::text; },
    [](Block::Kind k) { return k == Block::Kind::paragraph; },
    [](std::string_view kind) -> std::string {
        if (kind == kind_name(Inline::Kind::note) || kind == kind_name(Inline::Kind::raw) ||
            kind == kind_name(Block::Kind::raw) || kind == kind_name(Block::Kind::thematic_break))
            return "left out";
        if (kind == kind_name(Inline::Kind::image)) return "written as their alt text";
        return "written as their plain text";
    },
    {}};

struct SectionLines {
    std::string title;
    std::vector<std::string> paragraphs;
};

// An article laid out as the lines of its parts, with the warnings for whatever the format cannot
// hold or would read back differently.
class CanonicalArticle {
public:
    CanonicalArticle(const Article& article, DiagnosticSink& diagnostics)
        : article_(article), diagnostics_(diagnostics) {
        summary_ = lines_of(article.summary);
        introduction_ = lines_of(article.introduction);
        std::size_t nested = 0;
        for (const auto& s : article.sections) add_section(s, 0, nested);
        conclusion_ = lines_of(article.conclusion);
        if (sections_.empty()) {
            // The format needs a table of contents: the article's text becomes its one section,
            // named by the article's title (or id).
            std::string title = as_line(article.title_text());
            if (title.empty()) title = article.id;
            warn("has no sections, and article-text needs one (a table of contents entry and its heading): "
                 "its introduction is written as the section " + in_double_quotes(title));
            sections_.push_back({std::move(title), std::move(introduction_)});
            introduction_.clear();
        }
        if (nested > 0)
            warn("article-text has no subsections: " + std::to_string(nested) +
                 " subsections are written as sections of their own");
    }

    void warn_about_read_back() {
        if (!article_.title.empty() && article_.title_text() != sections_.front().title)
            diagnostics_.note("", 0, 0,
                              "article " + in_double_quotes(article_.id) + ": the title " + in_double_quotes(article_.title_text()) +
                                  " is not stored in article-text; keep it in the book's metadata "
                                  "([article " + article_.id + "] title = ...)");
        if (summary_.empty() && !introduction_.empty())
            warn("has no summary: its first introduction paragraph will read back as the summary");
        if (summary_.size() > 1)
            warn("the summary has " + std::to_string(summary_.size()) +
                 " paragraphs; article-text holds one, the others will read back as introduction");
        for (const auto* part : {&summary_, &introduction_})
            for (const auto& line : *part)
                if (line.starts_with("- "))
                    warn("the paragraph " + in_double_quotes(line) +
                         " begins with \"- \" and will read back as a table of contents entry");

        std::unordered_set<std::string> heading_keys;
        std::size_t longest_key = 0;  // a paragraph's key is made no longer than that (not copied whole)
        for (const auto& s : sections_)
            longest_key = std::max(longest_key, heading_keys.insert(heading_key(s.title)).first->size());
        auto check_not_heading = [&](const std::string& line, std::string_view where) {
            if (heading_keys.count(heading_key(line, longest_key)))
                warn("a paragraph of " + std::string(where) +
                     " equals a section title and will read back as a heading: " + in_double_quotes(line));
        };
        for (const auto& s : sections_)
            for (const auto& line : s.paragraphs) check_not_heading(line, "section " + in_double_quotes(s.title));
        for (const auto& line : conclusion_) check_not_heading(line, "the conclusion");

        const auto& last = sections_.back();
        if (!conclusion_.empty() && last.paragraphs.empty())
            warn("the last section " + in_double_quotes(last.title) +
                 " has no paragraphs, so the conclusion will read back as its paragraph");
        else if (conclusion_.empty() && last.paragraphs.size() >= 2)
            warn("has no conclusion: the last paragraph of section " + in_double_quotes(last.title) +
                 " will read back as the conclusion");
        if (conclusion_.size() > 1)
            warn("the conclusion has " + std::to_string(conclusion_.size()) +
                 " paragraphs; article-text holds one, the others will read back as paragraphs of the last section");
    }

    // Each line of the text with its prefix ("- " for the contents), in order.
    template <class Put>
    void for_each_line(Put&& put) const {
        for (const auto& line : summary_) put("", line);
        for (const auto& line : introduction_) put("", line);
        for (const auto& s : sections_) put("- ", s.title);
        for (const auto& s : sections_) {
            put("", s.title);
            for (const auto& line : s.paragraphs) put("", line);
        }
        for (const auto& line : conclusion_) put("", line);
    }

    // The byte of the text (as write() writes it) where invalid UTF-8 starts, if any.
    std::optional<std::size_t> invalid_utf8() const {
        std::optional<std::size_t> found;
        std::size_t offset = 0;
        for_each_line([&](std::string_view prefix, const std::string& line) {
            if (!found)
                if (auto bad = find_invalid_utf8(line)) found = offset + prefix.size() + *bad;
            offset += prefix.size() + line.size() + 1;
        });
        return found;
    }

    // The text, line by line: never held whole a second time.
    void write(std::ostream& out) const {
        for_each_line([&out](std::string_view prefix, const std::string& line) {
            out.write(prefix.data(), static_cast<std::streamsize>(prefix.size()));
            out.write(line.data(), static_cast<std::streamsize>(line.size()));
            out.put('\n');
        });
    }

private:
    void warn(const std::string& message) {
        diagnostics_.warning("", 0, 0, "article " + in_double_quotes(article_.id) + ": " + message);
    }

    void add_section(const Section& section, int depth, std::size_t& nested) {
        if (depth > 0) ++nested;
        SectionLines lines{as_line(section.title_text()), lines_of(section.blocks)};
        if (lines.title.empty()) {
            lines.title = "Section " + std::to_string(sections_.size() + 1);
            warn("section " + std::to_string(sections_.size() + 1) + " has no title; it is written as " +
                 in_double_quotes(lines.title));
        }
        sections_.push_back(std::move(lines));
        for (const auto& sub : section.subsections) add_section(sub, depth + 1, nested);
    }

    const Article& article_;
    DiagnosticSink& diagnostics_;
    std::vector<std::string> summary_;
    std::vector<std::string> introduction_;
    std::vector<SectionLines> sections_;
    std::vector<std::string> conclusion_;
};

}  // namespace

Status ArticleTextWriter::begin_book(const Metadata&, WriteContext& ctx) {
    // The format holds no book metadata: nothing to write before the article.
    ctx_ = &ctx;
    articles_written_ = 0;
    return Status::ok;
}

Status ArticleTextWriter::write_article(const Article& article) {
    if (!ctx_) return Status::failed;
    auto& diagnostics = ctx_->diagnostics;
    if (articles_written_ > 0 && !ctx_->split) {
        diagnostics.error("", 0, 0,
                          "article-text holds one article per file; use --split DIR (article " +
                              in_double_quotes(article.id) + " is the second one)");
        return Status::failed;
    }
    CanonicalArticle canonical(article, diagnostics);
    canonical.warn_about_read_back();
    warn_uncarried(article, census(article), "article-text", text_only, diagnostics);
    if (auto bad = canonical.invalid_utf8()) {
        diagnostics.error("", 0, 0, "article " + in_double_quotes(article.id) + " holds text that is not UTF-8 (byte " +
                                        std::to_string(*bad) + " of its article-text form)");
        return Status::failed;
    }
    auto& out = ctx_->output.stream();
    canonical.write(out);
    out.flush();
    if (!out) {
        diagnostics.error("", 0, 0, "writing article " + in_double_quotes(article.id) + " failed");
        return Status::failed;
    }
    ++articles_written_;
    return Status::ok;
}

Status ArticleTextWriter::end_book() {
    if (!ctx_) return Status::failed;
    if (articles_written_ == 0) {
        ctx_->diagnostics.error("", 0, 0, "no article to write: an article-text file holds exactly one article");
        return Status::failed;
    }
    return Status::ok;
}

}  // namespace fascicle::article_text
