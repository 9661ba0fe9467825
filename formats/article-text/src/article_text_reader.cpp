#include "article_text_reader.hpp"

#include "heading_key.hpp"
#include "source_lines.hpp"

#include <fascicle/input_limits.hpp>

#include <algorithm>
#include <array>
#include <filesystem>
#include <system_error>
#include <cstdio>
#include <optional>
#include <string_view>
#include <unordered_map>

namespace fascicle::article_text {

namespace {

constexpr std::string_view toc_marker = "- ";

std::string_view trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

std::string in_quotes(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::string code_point_name(unsigned value) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "U+%04X", value);
    return buffer;
}

std::string byte_name(unsigned char value) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "0x%02X", value);
    return buffer;
}

// A non-blank line, trimmed.
struct Paragraph {
    std::string_view text;
    std::size_t line = 0;
};

struct TocEntry {
    std::string title;
    std::string key;  // heading_key(title)
    std::size_t line = 0;
};

// A section as the body walk builds it, with the lines its warnings need.
struct SectionInProgress {
    Section section;
    std::size_t heading_line = 0;
    std::size_t last_paragraph_line = 0;
};

class ArticleTextParser {
public:
    ArticleTextParser(const Input& input, DiagnosticSink& diagnostics)
        : input_(input), diagnostics_(diagnostics) {}

    std::optional<Article> parse(const SourceLines& source) {
        if (!check_characters(source)) return std::nullopt;
        for (const auto& line : source.lines()) {
            auto text = trim(line.text);
            if (!text.empty()) paragraphs_.push_back({text, line.number});
        }
        if (paragraphs_.empty()) {
            error(1, 0, std::string(source.lines().empty() ? "the file is empty" : "the file holds only blank lines") +
                            ": expected a summary paragraph, an introduction and a table of contents "
                            "(lines beginning with \"- \")");
            return std::nullopt;
        }
        const std::size_t last_line = source.lines().back().number;

        std::size_t toc_begin = 0;
        while (toc_begin < paragraphs_.size() && !is_toc_line(paragraphs_[toc_begin])) ++toc_begin;
        if (toc_begin == paragraphs_.size()) {
            error(last_line, 0,
                  "expected a table of contents (lines beginning with \"- \") after the summary and the "
                  "introduction, but reached the end of the file");
            return std::nullopt;
        }

        Article article;
        article.id = input_.article_id;
        article.source = input_.path;
        take_front_matter(toc_begin, article);
        const std::size_t body_begin = take_table_of_contents(toc_begin);
        article.title = title_inlines(toc_.front().title);
        if (!walk_body(body_begin, last_line)) return std::nullopt;
        finish_sections(article);
        return article;
    }

private:
    static bool is_toc_line(const Paragraph& p) { return p.text.starts_with(toc_marker); }

    void error(std::size_t line, std::size_t column, std::string message) {
        diagnostics_.error(input_.name, line, column, std::move(message));
    }
    void warning(std::size_t line, std::string message) {
        diagnostics_.warning(input_.name, line, 0, std::move(message));
    }

    // The bytes that are, or begin, a control character (C1 controls are C2 80 .. C2 9F).
    static constexpr auto may_be_control = [] {
        std::array<bool, 256> table{};
        for (int c = 0; c < 0x20; ++c) table[c] = c != '\t';
        table[0x7F] = table[0xC2] = true;
        return table;
    }();

    // Every line must be UTF-8 without control characters other than tab.
    bool check_characters(const SourceLines& source) {
        for (const auto& line : source.lines()) {
            const std::string_view text = line.text;
            if (auto bad = find_invalid_utf8(text)) {
                error(line.number, line.column_base + *bad + 1,
                      "the byte " + byte_name(static_cast<unsigned char>(text[*bad])) +
                          " does not begin a valid UTF-8 sequence: expected UTF-8 text");
                return false;
            }
            for (std::size_t i = 0; i < text.size(); ++i) {
                const auto c = static_cast<unsigned char>(text[i]);
                if (!may_be_control[c]) continue;  // (nearly every byte: one look-up each)
                std::optional<unsigned> control;
                if ((c < 0x20 && c != '\t') || c == 0x7F) control = c;
                // U+0080-U+009F (C1 controls) are encoded C2 80 .. C2 9F.
                else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F)
                    control = static_cast<unsigned char>(text[i + 1]);
                if (control) {
                    error(line.number, line.column_base + i + 1,
                          "control character " + code_point_name(*control) +
                              " in the text: expected printable text (tab is the only control character allowed)");
                    return false;
                }
            }
        }
        return true;
    }

    // The summary is the first paragraph, the introduction the rest before the table of contents.
    void take_front_matter(std::size_t toc_begin, Article& article) {
        const std::size_t toc_line = paragraphs_[toc_begin].line;
        if (toc_begin == 0) {
            warning(toc_line, "expected the summary paragraph before the table of contents: the article has "
                              "no summary and no introduction");
            return;
        }
        article.summary.push_back(Block::paragraph(std::string(paragraphs_[0].text)));
        if (toc_begin == 1)
            warning(toc_line, "the table of contents follows the summary directly: the article has no introduction");
        for (std::size_t i = 1; i < toc_begin; ++i)
            article.introduction.push_back(Block::paragraph(std::string(paragraphs_[i].text)));
    }

    // The consecutive "- " lines from `toc_begin`; returns where the body begins.
    std::size_t take_table_of_contents(std::size_t toc_begin) {
        std::size_t i = toc_begin;
        for (; i < paragraphs_.size() && is_toc_line(paragraphs_[i]); ++i) {
            std::string title(trim(paragraphs_[i].text.substr(toc_marker.size())));
            std::string key = heading_key(title);
            longest_key_ = std::max(longest_key_, key.size());
            entries_by_key_[key].push_back(toc_.size());
            toc_.push_back({std::move(title), std::move(key), paragraphs_[i].line});
        }
        return i;
    }

    std::string entry_reference(std::size_t entry) const {
        return "the heading " + in_quotes(toc_[entry].title) + " (table of contents entry " +
               std::to_string(entry + 1) +
               ", line " + std::to_string(toc_[entry].line) + ")";
    }

    // Line of the first paragraph from `from` on that is the heading of `entry`.
    std::optional<std::size_t> find_heading(std::size_t entry, std::size_t from) const {
        for (std::size_t i = from; i < paragraphs_.size(); ++i)
            if (heading_key(paragraphs_[i].text, toc_[entry].key.size()) == toc_[entry].key) return paragraphs_[i].line;
        return std::nullopt;
    }

    const std::vector<std::size_t>* entries_matching(std::string_view text) const {
        auto it = entries_by_key_.find(heading_key(text, longest_key_));
        return it == entries_by_key_.end() ? nullptr : &it->second;
    }

    // Each line equal to the next table-of-contents entry starts its section; the others are the
    // current section's paragraphs.
    bool walk_body(std::size_t body_begin, std::size_t last_line) {
        std::size_t next = 0;
        for (std::size_t i = body_begin; i < paragraphs_.size(); ++i) {
            const auto& p = paragraphs_[i];
            const auto* matching = entries_matching(p.text);
            if (!matching) {
                if (next == 0) {
                    report_paragraph_before_first_heading(i);
                    return false;
                }
                auto& current = sections_.back();
                current.section.blocks.push_back(Block::paragraph(std::string(p.text)));
                current.last_paragraph_line = p.line;
                continue;
            }
            if (next < toc_.size() && std::find(matching->begin(), matching->end(), next) != matching->end()) {
                start_section(next++, p);
                continue;
            }
            report_unexpected_heading(*matching, next, i);
            return false;
        }
        if (next < toc_.size()) {
            error(last_line, 0, "expected " + entry_reference(next) + " but reached the end of the file");
            return false;
        }
        return true;
    }

    void start_section(std::size_t entry, const Paragraph& heading) {
        const auto& toc_entry = toc_[entry];
        if (heading.text != toc_entry.title)
            warning(heading.line, "the heading " + in_quotes(heading.text) +
                                      " differs from its table of contents entry " + in_quotes(toc_entry.title) +
                                      " (line " + std::to_string(toc_entry.line) +
                                      ") in white space or quotes; the section takes the table of contents title");
        SectionInProgress s;
        s.section.title = title_inlines(toc_entry.title);
        s.heading_line = heading.line;
        sections_.push_back(std::move(s));
    }

    void report_paragraph_before_first_heading(std::size_t paragraph) {
        const auto later = find_heading(0, paragraph + 1);
        error(paragraphs_[paragraph].line, 0,
              "expected " + entry_reference(0) + " after the table of contents but found a paragraph" +
                  (later ? " (the heading comes only at line " + std::to_string(*later) + ")"
                         : "; the body has no heading " + in_quotes(toc_[0].title)));
    }

    void report_unexpected_heading(const std::vector<std::size_t>& matching, std::size_t next, std::size_t paragraph) {
        const auto line = paragraphs_[paragraph].line;
        // `matching` is in table-of-contents order.
        auto later_entry = std::find_if(matching.begin(), matching.end(), [&](std::size_t e) { return e > next; });
        if (next < toc_.size() && later_entry != matching.end()) {
            const auto found = "the heading of table of contents entry " + std::to_string(*later_entry + 1) + " " +
                               in_quotes(toc_[*later_entry].title);
            const auto expected_later = find_heading(next, paragraph + 1);
            error(line, 0,
                  "expected " + entry_reference(next) + " but found " + found +
                      (expected_later ? ": the headings are out of order (" + in_quotes(toc_[next].title) +
                                            " comes later, at line " + std::to_string(*expected_later) + ")"
                                      : "; the body has no heading " + in_quotes(toc_[next].title)));
            return;
        }
        // Every entry the line matches already has its section: it is a repeated heading.
        const std::size_t earlier = matching.back();
        error(line, 0,
              "the heading " + in_quotes(toc_[earlier].title) + " of table of contents entry " +
                  std::to_string(earlier + 1) + " appears again (its section began at line " +
                  std::to_string(sections_[earlier].heading_line) + "); expected " +
                  (next < toc_.size() ? entry_reference(next) + " or a paragraph" : "a paragraph"));
    }

    // The last paragraph is the conclusion unless that would leave the last section empty.
    void finish_sections(Article& article) {
        for (std::size_t i = 0; i + 1 < sections_.size(); ++i)
            if (sections_[i].section.blocks.empty())
                warning(sections_[i].heading_line,
                        "section " + in_quotes(sections_[i].section.title_text()) + " has no paragraphs");
        auto& last = sections_.back();
        auto& last_blocks = last.section.blocks;
        if (last_blocks.size() >= 2) {
            article.conclusion.push_back(std::move(last_blocks.back()));
            last_blocks.pop_back();
        } else if (last_blocks.size() == 1) {
            warning(last.last_paragraph_line,
                    "the last paragraph is the only paragraph of the last section " + in_quotes(last.section.title_text()) +
                        ", so it stays in that section and the article has no conclusion");
        } else {
            warning(last.heading_line, "the last section " + in_quotes(last.section.title_text()) +
                                           " has no paragraphs and the article has no conclusion");
        }

        UniqueIds ids;
        for (auto& s : sections_) {
            s.section.id = ids.take(slugify(s.section.title_text()));
            article.sections.push_back(std::move(s.section));
        }
    }

    const Input& input_;
    DiagnosticSink& diagnostics_;
    std::vector<Paragraph> paragraphs_;
    std::vector<TocEntry> toc_;
    std::unordered_map<std::string, std::vector<std::size_t>> entries_by_key_;
    std::size_t longest_key_ = 0;  // of the entries' keys
    std::vector<SectionInProgress> sections_;
};

}  // namespace

Status ArticleTextReader::read(const Input& input, ReadContext& ctx, ArticleSink& sink) {
    if (!input.stream) {
        ctx.diagnostics.error(input.name, 0, 0, "no input stream to read");
        return Status::failed;
    }
    std::string error;
    const auto limit = limit_option(ctx.options, max_input_size_option, default_max_input_size, true, error);
    if (!limit) {
        ctx.diagnostics.error("", 0, 0, error);
        return Status::bad_options;
    }
    std::string bytes;
    // Sized once when the file's size is known: growing by doubling would hold up to twice the
    // text, and copy it, for one long article.
    std::error_code size_error;
    if (!input.path.empty())
        if (const auto size = std::filesystem::file_size(input.path, size_error); !size_error && size <= *limit)
            bytes.reserve(static_cast<std::size_t>(size));
    switch (read_at_most(*input.stream, *limit, bytes)) {
    case LimitedRead::complete: break;
    case LimitedRead::too_large:
        ctx.diagnostics.error(input.name, 0, 0, input_too_large_message(*limit));
        return Status::failed;
    case LimitedRead::failed:
        ctx.diagnostics.error(input.name, 0, 0, "reading failed before the end of the input");
        return Status::failed;
    }
    SourceLines source;
    source.assign(std::move(bytes));
    ArticleTextParser parser(input, ctx.diagnostics);
    auto article = parser.parse(source);
    if (!article) return Status::failed;
    return sink.accept(std::move(*article));
}

}  // namespace fascicle::article_text
