#include "html_writer.hpp"


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

const char* heading(int level) {
    static constexpr const char* names[] = {"h1", "h2", "h3", "h4", "h5", "h6"};
    return names[std::clamp(level, 1, 6) - 1];
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
    // What this sample does not write is reported, never lost without a word: raw blocks and
    // inlines (of any format but HTML... and this sample keeps even those out, for safety).
    static const fascicle::KindSupport support{[](fascicle::Inline::Kind) { return true; },
                                               [](fascicle::Block::Kind) { return true; },
                                               [](std::string_view) { return std::string("left out"); },
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
    fascicle::XmlAttributes attributes{{"id", id}};
    if (!blank(article.metadata.language) && article.metadata.language != document_language_)
        attributes.emplace_back("lang", article.metadata.language);
    fascicle::XmlStream& xml = body_xml_;
    ArticleContent content(xml, article, ids_, ctx_->resources);
    xml.open_block("article", attributes);
    xml.open_inline(heading(level));
    if (blank(article.title_text())) xml.text(title);
    else content.inlines(article.title);
    xml.close();
    if (const std::string byline = joined(article.metadata.authors(), ", "); !byline.empty())
        xml.text_element("p", byline, {{"class", "byline"}});
    contents_at_ = body_.size();  // alone, an article has its contents list under its title
    if (!article.summary.empty()) {
        xml.open_block("section", {{"class", "summary"}, {"aria-label", "Summary"}});
        content.blocks(article.summary);
        xml.close();
    }
    if (!article.introduction.empty()) {
        xml.open_block("div", {{"class", "introduction"}});
        content.blocks(article.introduction);
        xml.close();
    }
    for (const auto& s : article.sections) section(article, content, s, level + 1, *toc);
    if (!article.conclusion.empty()) {
        const std::string conclusion_id = ids_.take(fascicle::part_xml_id(article.id, "conclusion"));
        const std::string conclusion_title = first_of(
            {article.metadata.get("conclusion-title"), book_.get("conclusion-title"), "Conclusion"});
        toc->push_back({conclusion_id, conclusion_title, {}});
        xml.open_block("section", {{"id", conclusion_id}, {"class", "conclusion"}});
        xml.text_element(heading(level + 1), conclusion_title);
        content.blocks(article.conclusion);
        xml.close();
    }
    content.notes();
    xml.close();
    const std::string source = article.source.empty() ? article.id : article.source.string();
    if (content.images_not_in_the_book() > 0)
        ctx_->diagnostics.warning(source, 0, 0,
                                  "html: " + std::to_string(content.images_not_in_the_book()) +
                                      " images are not among the book's resources: written as their alt text");
    if (content.links_without_address() > 0)
        ctx_->diagnostics.warning(source, 0, 0,
                                  "html: " + std::to_string(content.links_without_address()) +
                                      " links have a target that is no URI, or a script: written as their text");
    reference_targets_.insert(content.reference_targets().begin(), content.reference_targets().end());
    images_.insert(content.images().begin(), content.images().end());
    return fascicle::Status::ok;
}

void HtmlWriter::section(const fascicle::Article& article, ArticleContent& content, const fascicle::Section& s,
                         int level, std::vector<TocEntry>& toc) {
    const std::string id = ids_.take(fascicle::part_xml_id(article.id, s.id));
    const std::string title = blank(s.title_text()) ? s.id : s.title_text();
    toc.push_back({id, title, {}});
    body_xml_.open_block("section", {{"id", id}});
    body_xml_.open_inline(heading(level));
    if (blank(s.title_text())) body_xml_.text(title);
    else content.inlines(s.title);
    body_xml_.close();
    content.blocks(s.blocks);
    for (const auto& sub : s.subsections) section(article, content, sub, level + 1, toc.back().children);
    body_xml_.close();
}

// A reference to what is not in the book (an article left out) would lead nowhere: its link
// loses its href, and the user is told.
void HtmlWriter::unlink_dangling_references() {
    for (const auto& id : reference_targets_) {
        if (ids_.contains(id)) continue;
        const std::string link = "<a href=\"#" + id + "\">";
        std::size_t count = 0;
        for (auto at = body_.find(link); at != std::string::npos; at = body_.find(link, at)) {
            body_.replace(at, link.size(), "<a>");
            ++count;
        }
        ctx_->diagnostics.warning({}, 0, 0, "html: " + std::to_string(count) + " internal references lead to '" + id +
                                                "', which is not in the book: written as their text");
    }
}

// The images go beside the document, as it names them; with no folder to put them in (standard
// output), they are missing, and the user is told.
fascicle::Status HtmlWriter::export_images() {
    if (images_.empty()) return fascicle::Status::ok;
    const auto file = ctx_->output.file();
    if (!file) {
        ctx_->diagnostics.warning({}, 0, 0, "html: " + std::to_string(images_.size()) +
                                                " images cannot be written beside standard output: write to a file");
        return fascicle::Status::ok;
    }
    return fascicle::export_media(images_, *ctx_->resources, file->parent_path(), ctx_->diagnostics)
               ? fascicle::Status::ok
               : fascicle::Status::failed;
}

fascicle::Status HtmlWriter::end_book() {
    const bool split = ctx_->split;
    if (document_title_.empty()) document_title_ = "Untitled";
    unlink_dangling_references();
    if (export_images() != fascicle::Status::ok) return fascicle::Status::failed;

    std::string document;
    fascicle::XmlStream xml(document);
    xml.doctype("html");
    fascicle::XmlAttributes html{{"xmlns", "http://www.w3.org/1999/xhtml"}};
    if (!blank(document_language_)) html.emplace_back("lang", document_language_);
    xml.open_block("html", html);
    head(xml, document);
    xml.open_block("body");
    if (!split) {
        title_page(xml);
        table_of_contents(xml);
    }
    xml.open_block("main");
    if (split) {
        document.append(body_, 0, contents_at_);
        fascicle::XmlStream in_article(document, 4);  // html, body, main, article
        table_of_contents(in_article);
        document.append(body_, contents_at_);
    } else {
        document += body_;
    }
    xml.close();
    if (!split && !blank(book_.rights)) {
        xml.open_block("footer");
        xml.text_element("p", book_.rights, {{"class", "rights"}});
        xml.close();
    }
    xml.close();
    xml.close();

    std::ostream& out = ctx_->output.stream();
    out << document;
    out.flush();
    if (!out) {
        const auto file = ctx_->output.file();
        ctx_->diagnostics.error(file ? file->string() : "<stdout>", 0, 0, "html: writing the document failed");
        return fascicle::Status::failed;
    }
    return fascicle::Status::ok;
}

void HtmlWriter::head(fascicle::XmlStream& xml, std::string& document) const {
    xml.open_block("head");
    xml.empty("meta", {{"charset", "utf-8"}});
    xml.empty("meta", {{"name", "viewport"}, {"content", "width=device-width, initial-scale=1"}});
    xml.text_element("title", document_title_);
    xml.empty("meta", {{"name", "generator"}, {"content", generator_}});
    auto meta = [&](const char* name, const std::string& value) {
        if (!blank(value)) xml.empty("meta", {{"name", name}, {"content", value}});
    };
    for (const auto& author : book_.authors()) meta("author", author);
    if (!ctx_->split) meta("description", book_.description);
    meta("dcterms.identifier", book_.identifier);
    meta("dcterms.date", book_.date);
    meta("dcterms.publisher", book_.publisher);
    meta("dcterms.rights", book_.rights);
    // The stylesheet as it is, not escaped: a <style> element's text is not parsed as markup by
    // HTML (load_stylesheet refused what would make XML read it differently: '<', '&', "]]>").
    xml.open_inline("style");
    document += '\n';
    document += stylesheet_;
    if (!stylesheet_.empty() && stylesheet_.back() != '\n') document += '\n';
    xml.close();
    xml.close();
}

void HtmlWriter::title_page(fascicle::XmlStream& xml) const {
    const std::string authors = joined(book_.authors(), ", ");
    if (blank(book_.title) && blank(authors) && blank(book_.publisher) && blank(book_.date) && blank(book_.description))
        return;
    xml.open_block("header", {{"class", "title-page"}});
    if (!blank(book_.title)) xml.text_element("h1", book_.title);
    auto line = [&](const char* css_class, const std::string& value) {
        if (!blank(value)) xml.text_element("p", value, {{"class", css_class}});
    };
    line("authors", authors);
    line("publisher", book_.publisher);
    line("date", book_.date);
    line("description", book_.description);
    xml.close();
}

void HtmlWriter::table_of_contents(fascicle::XmlStream& xml) const {
    if (toc_.empty()) return;
    struct Lister {
        static void list(fascicle::XmlStream& xml, const std::vector<TocEntry>& entries) {
            xml.open_block("ol");
            for (const auto& e : entries) {
                if (e.children.empty()) {
                    xml.open_inline("li");
                } else {
                    xml.open_block("li");
                }
                xml.text_element("a", e.title, {{"href", "#" + e.id}});
                if (!e.children.empty()) list(xml, e.children);
                xml.close();
            }
            xml.close();
        }
    };
    const std::string title = first_of({book_.get("toc-title"), "Contents"});
    xml.open_block("nav", {{"class", "toc"}, {"aria-label", title}});
    xml.text_element("h2", title);
    Lister::list(xml, toc_);
    xml.close();
}

}  // namespace fascicle_html
