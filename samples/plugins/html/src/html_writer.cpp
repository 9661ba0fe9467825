#include "html_writer.hpp"

#include "html_content.hpp"
#include "html_text.hpp"

#include <fascicle_asset/html_css.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>
#include <string_view>

namespace fascicle_html {

namespace {

bool blank(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

// The first of `values` that is not blank.
std::string first_of(std::initializer_list<std::string> values) {
    for (const auto& v : values)
        if (!blank(v)) return v;
    return {};
}

std::string text(std::string_view s) {
    std::string out;
    append_text(out, s);
    return out;
}

std::string attribute(std::string_view name, std::string_view value) {
    std::string out = " ";
    out += name;
    out += "=\"";
    append_attribute_value(out, value);
    return out + '"';
}

std::string heading(int level, const std::string& title) {
    const std::string tag = "h" + std::to_string(std::min(level, 6));
    return "<" + tag + ">" + text(title) + "</" + tag + ">\n";
}

std::string joined(const std::vector<std::string>& values, std::string_view separator) {
    std::string out;
    for (const auto& v : values) {
        if (blank(v)) continue;
        if (!out.empty()) out += separator;
        out += v;
    }
    return out;
}

// Where `offset` is in `content`, as 1-based line and column.
std::pair<std::size_t, std::size_t> line_and_column(std::string_view content, std::size_t offset) {
    const auto before = content.substr(0, offset);
    const std::size_t line = 1 + std::count(before.begin(), before.end(), '\n');
    const std::size_t line_start = before.rfind('\n');
    return {line, line_start == std::string_view::npos ? offset + 1 : offset - line_start};
}

}  // namespace

HtmlWriter::HtmlWriter(std::string generator) : generator_(std::move(generator)) {}

fascicle::Status HtmlWriter::begin_book(const fascicle::Metadata& book, fascicle::WriteContext& ctx) {
    ctx_ = &ctx;
    book_ = book;
    document_title_ = blank(book.title) ? std::string() : book.title;
    document_language_ = book.language;
    return load_stylesheet();
}

// The built-in stylesheet, or the one --html-css names. It is embedded in a <style> element of a
// document that must also parse as XML, so it may not hold '<', '&' or "]]>".
fascicle::Status HtmlWriter::load_stylesheet() {
    const auto option = ctx_->options.find("html-css");
    if (option == ctx_->options.end()) {
        stylesheet_ = fascicle_asset::html_css;
        return fascicle::Status::ok;
    }
    const std::string& file = option->second;
    std::error_code ec;
    std::ifstream in(file, std::ios::binary);
    if (!std::filesystem::is_regular_file(file, ec) || !in) {
        ctx_->diagnostics.error(file, 0, 0, "cannot read the stylesheet given with --html-css");
        return fascicle::Status::failed;
    }
    std::ostringstream content;
    content << in.rdbuf();
    stylesheet_ = content.str();

    if (const auto bad = fascicle::find_invalid_utf8(stylesheet_)) {
        const auto [line, column] = line_and_column(stylesheet_, *bad);
        ctx_->diagnostics.error(file, line, column, "the stylesheet is not valid UTF-8");
        return fascicle::Status::failed;
    }
    for (std::string_view forbidden : {"<", "&", "]]>"}) {
        const auto at = stylesheet_.find(forbidden);
        if (at == std::string::npos) continue;
        const auto [line, column] = line_and_column(stylesheet_, at);
        ctx_->diagnostics.error(file, line, column,
                                "the stylesheet holds '" + std::string(forbidden) +
                                    "', which an HTML file that must also parse as XML cannot embed; "
                                    "write it as a CSS escape (\\3C for '<', \\26 for '&', \\5D for ']')");
        return fascicle::Status::failed;
    }
    return fascicle::Status::ok;
}

fascicle::Status HtmlWriter::write_article(const fascicle::Article& article) {
    const bool split = ctx_->split;
    // What this sample does not write yet is reported, never lost without a word.
    static const fascicle::KindSupport support{
        [](fascicle::Inline::Kind k) {
            using K = fascicle::Inline::Kind;
            return k == K::text || k == K::code || k == K::emphasis || k == K::strong || k == K::link ||
                   k == K::line_break;
        },
        [](fascicle::Block::Kind k) {
            using K = fascicle::Block::Kind;
            return k == K::paragraph || k == K::list || k == K::block_quote || k == K::code_block || k == K::division;
        },
        [](std::string_view) { return std::string("written as their text"); },
        {}};
    fascicle::warn_uncarried(article, fascicle::census(article), "the html sample", support, ctx_->diagnostics);
    const std::string title = blank(article.title_text()) ? article.id : article.title_text();
    if (split || document_title_.empty()) document_title_ = title;
    if (split && !blank(article.metadata.language)) document_language_ = article.metadata.language;

    const std::string id = ids_.take(fascicle::article_xml_id(article.id));
    std::vector<TocEntry>* toc = &toc_;
    if (!split) {
        toc_.push_back({id, title, {}});
        toc = &toc_.back().children;
    }

    const int level = split ? 1 : 2;
    body_ += "<article" + attribute("id", id);
    if (!blank(article.metadata.language) && article.metadata.language != document_language_)
        body_ += attribute("lang", article.metadata.language);
    body_ += ">\n" + heading(level, title);
    if (const std::string byline = joined(article.metadata.authors(), ", "); !byline.empty())
        body_ += "<p class=\"byline\">" + text(byline) + "</p>\n";
    contents_at_ = body_.size();  // alone, an article has its contents list under its title
    if (!article.summary.empty()) {
        body_ += "<section class=\"summary\" aria-label=\"Summary\">\n";
        append_blocks(body_, article.summary);
        body_ += "</section>\n";
    }
    if (!article.introduction.empty()) {
        body_ += "<div class=\"introduction\">\n";
        append_blocks(body_, article.introduction);
        body_ += "</div>\n";
    }
    for (const auto& section : article.sections) append_section(article, section, level + 1, *toc);
    if (!article.conclusion.empty()) {
        const std::string conclusion_id = ids_.take(fascicle::part_xml_id(article.id, "conclusion"));
        const std::string conclusion_title = first_of(
            {article.metadata.get("conclusion-title"), book_.get("conclusion-title"), "Conclusion"});
        toc->push_back({conclusion_id, conclusion_title, {}});
        body_ += "<section" + attribute("id", conclusion_id) + " class=\"conclusion\">\n" +
                 heading(level + 1, conclusion_title);
        append_blocks(body_, article.conclusion);
        body_ += "</section>\n";
    }
    body_ += "</article>\n";
    return fascicle::Status::ok;
}

void HtmlWriter::append_section(const fascicle::Article& article, const fascicle::Section& section, int level,
                                std::vector<TocEntry>& toc) {
    const std::string id = ids_.take(fascicle::part_xml_id(article.id, section.id));
    const std::string title = blank(section.title_text()) ? section.id : section.title_text();
    toc.push_back({id, title, {}});
    body_ += "<section" + attribute("id", id) + ">\n" + heading(level, title);
    append_blocks(body_, section.blocks);
    for (const auto& sub : section.subsections) append_section(article, sub, level + 1, toc.back().children);
    body_ += "</section>\n";
}

fascicle::Status HtmlWriter::end_book() {
    const bool split = ctx_->split;
    if (document_title_.empty()) document_title_ = "Untitled";

    std::ostream& out = ctx_->output.stream();
    out << "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\""
        << (blank(document_language_) ? std::string() : attribute("lang", document_language_)) << ">\n"
        << head() << "<body>\n";
    if (split) {
        out << "<main>\n" << std::string_view(body_).substr(0, contents_at_) << table_of_contents()
            << std::string_view(body_).substr(contents_at_) << "</main>\n";
    } else {
        out << title_page() << table_of_contents() << "<main>\n" << body_ << "</main>\n";
    }
    if (!split && !blank(book_.rights)) out << "<footer>\n<p class=\"rights\">" << text(book_.rights) << "</p>\n</footer>\n";
    out << "</body>\n</html>\n";
    out.flush();
    if (!out) {
        const auto file = ctx_->output.file();
        ctx_->diagnostics.error(file ? file->string() : "<stdout>", 0, 0, "html: writing the document failed");
        return fascicle::Status::failed;
    }
    return fascicle::Status::ok;
}

std::string HtmlWriter::head() const {
    std::string out = "<head>\n<meta charset=\"utf-8\"/>\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
                      "<title>" + text(document_title_) + "</title>\n"
                      "<meta" + attribute("name", "generator") + attribute("content", generator_) + "/>\n";
    auto meta = [&](std::string_view name, const std::string& value) {
        if (!blank(value)) out += "<meta" + attribute("name", name) + attribute("content", value) + "/>\n";
    };
    for (const auto& author : book_.authors()) meta("author", author);
    if (!ctx_->split) meta("description", book_.description);
    meta("dcterms.identifier", book_.identifier);
    meta("dcterms.date", book_.date);
    meta("dcterms.publisher", book_.publisher);
    meta("dcterms.rights", book_.rights);
    out += "<style>\n" + stylesheet_;
    if (!stylesheet_.empty() && stylesheet_.back() != '\n') out += '\n';
    return out + "</style>\n</head>\n";
}

std::string HtmlWriter::title_page() const {
    std::string inner;
    if (!blank(book_.title)) inner += "<h1>" + text(book_.title) + "</h1>\n";
    auto line = [&](std::string_view css_class, const std::string& value) {
        if (!blank(value)) inner += "<p" + attribute("class", css_class) + ">" + text(value) + "</p>\n";
    };
    line("authors", joined(book_.authors(), ", "));
    line("publisher", book_.publisher);
    line("date", book_.date);
    line("description", book_.description);
    return inner.empty() ? std::string() : "<header class=\"title-page\">\n" + inner + "</header>\n";
}

std::string HtmlWriter::table_of_contents() const {
    if (toc_.empty()) return {};
    struct Lister {
        static void list(std::string& out, const std::vector<TocEntry>& entries) {
            out += "<ol>\n";
            for (const auto& e : entries) {
                out += "<li><a" + attribute("href", "#" + e.id) + ">" + text(e.title) + "</a>";
                if (!e.children.empty()) {
                    out += '\n';
                    list(out, e.children);
                }
                out += "</li>\n";
            }
            out += "</ol>\n";
        }
    };
    const std::string title = first_of({book_.get("toc-title"), "Contents"});
    std::string out = "<nav class=\"toc\"" + attribute("aria-label", title) + ">\n" + heading(2, title);
    Lister::list(out, toc_);
    return out + "</nav>\n";
}

}  // namespace fascicle_html
