#include "docbook_writer.hpp"

#include <algorithm>

namespace quire::docbook {

namespace {

constexpr std::string_view docbook_namespace = "http://docbook.org/ns/docbook";
constexpr std::string_view xlink_namespace = "http://www.w3.org/1999/xlink";
// docbook-xsl and FOP's hyphenation need a language, and the book root must carry one.
constexpr std::string_view default_language = "en";
constexpr std::string_view default_conclusion_title = "Conclusion";

std::string_view trimmed(std::string_view s) {
    const auto begin = s.find_first_not_of(" \t\r\n");
    if (begin == std::string_view::npos) return {};
    return s.substr(begin, s.find_last_not_of(" \t\r\n") - begin + 1);
}

// Whether a block produces any element. DocBook has no empty lists or quotes, so those are
// left out; a container left with nothing gets an empty para to stay valid.
bool renders(const Block& block) {
    switch (block.kind) {
        case Block::Kind::list: return !block.items.empty();
        case Block::Kind::block_quote:
            return std::any_of(block.children.begin(), block.children.end(), renders);
        default: return true;
    }
}

bool any_renders(const std::vector<Block>& blocks) { return std::any_of(blocks.begin(), blocks.end(), renders); }

std::string_view division_element(Division d) { return d == Division::chapter ? "chapter" : "article"; }

std::string diagnostic_file(const Article& article) {
    return article.source.empty() ? article.id : article.source.string();
}

}  // namespace

std::optional<Division> division_from(const Options& options, bool split, DiagnosticSink& diagnostics) {
    auto it = options.find(division_option);
    if (it == options.end()) return split ? Division::article : Division::chapter;
    if (it->second == "chapter") return Division::chapter;
    if (it->second == "article") return Division::article;
    diagnostics.error("", 0, 0,
                      "--" + std::string(division_option) + " must be 'chapter' or 'article', not '" +
                          it->second + "'");
    return std::nullopt;
}

Status DocBookWriter::begin_book(const Metadata& book, WriteContext& ctx) {
    ctx_ = &ctx;
    book_ = book;
    ids_ = {};
    reported_replacements_ = 0;
    articles_written_ = 0;
    const auto division = division_from(ctx.options, ctx.split, ctx.diagnostics);
    if (!division) return Status::failed;
    division_ = *division;
    language_ = std::string(trimmed(book.language));
    if (language_.empty()) language_ = default_language;

    xml_.emplace(ctx.output.stream());
    if (ctx.split) return Status::ok;  // each article is a document of its own

    xml_->declaration();
    xml_->open_block("book", {{"xmlns", std::string(docbook_namespace)},
                              {"xmlns:xlink", std::string(xlink_namespace)},
                              {"version", "5.0"},
                              {"xml:lang", language_}});
    write_book_info();
    return check_output("", "the book's metadata") ? Status::ok : Status::failed;
}

Status DocBookWriter::write_article(const Article& article) {
    if (ctx_->split && articles_written_ > 0) {
        ctx_->diagnostics.error(diagnostic_file(article), 0, 0,
                                "a standalone DocBook document holds one article; this is the second");
        return Status::failed;
    }
    if (ctx_->split) xml_->declaration();
    write_division(article);
    ++articles_written_;
    return check_output(diagnostic_file(article), "this article") ? Status::ok : Status::failed;
}

Status DocBookWriter::end_book() {
    if (!ctx_->split) xml_->close();  // </book>
    ctx_->output.stream().flush();
    return check_output("", "the end of the book") ? Status::ok : Status::failed;
}

bool DocBookWriter::check_output(const std::string& file, const std::string& what) {
    if (xml_->replacements() > reported_replacements_) {
        ctx_->diagnostics.warning(file, 0, 0,
                                  std::to_string(xml_->replacements() - reported_replacements_) +
                                      " character(s) that XML cannot hold in " + what +
                                      " were replaced with U+FFFD");
        reported_replacements_ = xml_->replacements();
    }
    if (!ctx_->output.stream()) {
        ctx_->diagnostics.error("", 0, 0, "cannot write the DocBook output");
        return false;
    }
    return true;
}

void DocBookWriter::write_book_info() {
    const bool has_author = std::any_of(book_.authors.begin(), book_.authors.end(),
                                        [](const std::string& a) { return !trimmed(a).empty(); });
    const bool has_info = !trimmed(book_.title).empty() || has_author ||
                          !trimmed(book_.date).empty() || !trimmed(book_.publisher).empty() ||
                          !trimmed(book_.identifier).empty() || !trimmed(book_.description).empty() ||
                          !trimmed(book_.rights).empty();
    if (!has_info) return;

    xml_->open_block("info");
    if (auto title = trimmed(book_.title); !title.empty()) xml_->text_element("title", title);
    for (const auto& author : book_.authors) {
        if (trimmed(author).empty()) continue;
        xml_->open_block("author");
        xml_->text_element("personname", trimmed(author));
        xml_->close();
    }
    // pubdate, not date: it is what the print stylesheets show on the title page's verso.
    if (auto date = trimmed(book_.date); !date.empty()) xml_->text_element("pubdate", date);
    if (auto publisher = trimmed(book_.publisher); !publisher.empty()) {
        xml_->open_block("publisher");
        xml_->text_element("publishername", publisher);
        xml_->close();
    }
    if (auto identifier = trimmed(book_.identifier); !identifier.empty()) {
        // "urn:uuid:...", "https://..." are URIs; anything else is an identifier of unknown kind.
        XmlAttributes attributes;
        if (identifier.find(':') != std::string_view::npos) attributes.emplace_back("class", "uri");
        xml_->text_element("biblioid", identifier, attributes);
    }
    write_paragraphs("abstract", book_.description);
    write_paragraphs("legalnotice", book_.rights);
    xml_->close();
}

// `text` as an element of paras, one per non-blank line; nothing when the text is blank.
void DocBookWriter::write_paragraphs(std::string_view element, std::string_view text) {
    if (trimmed(text).empty()) return;
    xml_->open_block(element);
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        if (auto line = trimmed(text.substr(start, end - start)); !line.empty()) xml_->text_element("para", line);
        start = end + 1;
    }
    xml_->close();
}

void DocBookWriter::write_division(const Article& article) {
    XmlAttributes attributes;
    if (ctx_->split) {
        attributes = {{"xmlns", std::string(docbook_namespace)},
                      {"xmlns:xlink", std::string(xlink_namespace)},
                      {"version", "5.0"}};
    }
    attributes.emplace_back("xml:id", ids_.take(article_xml_id(article.id)));
    const auto article_language = std::string(trimmed(article.metadata.language));
    if (ctx_->split) attributes.emplace_back("xml:lang", article_language.empty() ? language_ : article_language);
    else if (!article_language.empty() && article_language != language_)
        attributes.emplace_back("xml:lang", article_language);

    xml_->open_block(division_element(division_), attributes);
    write_article_info(article);
    write_blocks(article.introduction);
    for (const auto& section : article.sections) write_section(article, section);

    if (any_renders(article.conclusion)) {
        std::string title = article.metadata.get("conclusion-title");
        if (trimmed(title).empty()) title = book_.get("conclusion-title");
        if (trimmed(title).empty()) title = default_conclusion_title;
        xml_->open_block("section", {{"xml:id", ids_.take(part_xml_id(article.id, "conclusion"))}});
        xml_->text_element("title", trimmed(title));
        write_blocks(article.conclusion);
        xml_->close();
    } else if (!any_renders(article.introduction) && article.sections.empty()) {
        xml_->empty("para");  // a chapter must hold something
    }
    xml_->close();
}

void DocBookWriter::write_article_info(const Article& article) {
    xml_->open_block("info");
    const auto title = trimmed(article.title);
    xml_->text_element("title", title.empty() ? std::string_view(article.id) : title);
    for (const auto& author : article.metadata.authors) {
        if (trimmed(author).empty()) continue;
        xml_->open_block("author");
        xml_->text_element("personname", trimmed(author));
        xml_->close();
    }
    if (auto date = trimmed(article.metadata.date); !date.empty()) xml_->text_element("pubdate", date);
    if (any_renders(article.summary)) {
        xml_->open_block("abstract");
        // An abstract holds only paras; a para may hold a list or a quote, so those go in one.
        for (const auto& block : article.summary) {
            if (!renders(block)) continue;
            if (block.kind == Block::Kind::paragraph) {
                write_block(block);
            } else {
                xml_->open_block("para");
                write_block(block);
                xml_->close();
            }
        }
        xml_->close();
    }
    xml_->close();
}

void DocBookWriter::write_section(const Article& article, const Section& section) {
    xml_->open_block("section", {{"xml:id", ids_.take(part_xml_id(article.id, section.id))}});
    const auto title = trimmed(section.title);
    xml_->text_element("title", title.empty() ? std::string_view(section.id) : title);
    write_blocks(section.blocks);
    if (!any_renders(section.blocks) && section.subsections.empty()) xml_->empty("para");
    for (const auto& subsection : section.subsections) write_section(article, subsection);
    xml_->close();
}

void DocBookWriter::write_blocks(const std::vector<Block>& blocks) {
    for (const auto& block : blocks)
        if (renders(block)) write_block(block);
}

void DocBookWriter::write_block(const Block& block) {
    switch (block.kind) {
        case Block::Kind::paragraph:
            xml_->open_inline("para");
            write_inlines(block.inlines);
            xml_->close();
            break;
        case Block::Kind::code_block: xml_->text_element("programlisting", block.text); break;
        case Block::Kind::block_quote:
            xml_->open_block("blockquote");
            write_blocks(block.children);
            xml_->close();
            break;
        case Block::Kind::list: {
            XmlAttributes attributes;
            if (block.ordered && block.start != 1) attributes.emplace_back("startingnumber", std::to_string(block.start));
            xml_->open_block(block.ordered ? "orderedlist" : "itemizedlist", attributes);
            for (const auto& item : block.items) {
                xml_->open_block("listitem");
                write_blocks(item);
                if (!any_renders(item)) xml_->empty("para");
                xml_->close();
            }
            xml_->close();
            break;
        }
    }
}

void DocBookWriter::write_inlines(const std::vector<Inline>& inlines) {
    for (const auto& i : inlines) write_inline(i);
}

void DocBookWriter::write_inline(const Inline& i) {
    switch (i.kind) {
        case Inline::Kind::text: xml_->text(i.text); break;
        case Inline::Kind::code: xml_->text_element("literal", i.text); break;
        // DocBook has no line-break element; docbook-xsl honours this processing instruction.
        case Inline::Kind::line_break: xml_->processing_instruction("linebreak"); break;
        case Inline::Kind::emphasis:
            xml_->open_inline("emphasis");
            write_inlines(i.children);
            xml_->close();
            break;
        case Inline::Kind::strong:
            xml_->open_inline("emphasis", {{"role", "strong"}});
            write_inlines(i.children);
            xml_->close();
            break;
        case Inline::Kind::link:
            if (i.target.empty()) {
                write_inlines(i.children);
            } else if (i.children.empty()) {
                xml_->empty("link", {{"xlink:href", i.target}});  // shown as its address
            } else {
                xml_->open_inline("link", {{"xlink:href", i.target}});
                write_inlines(i.children);
                xml_->close();
            }
            break;
    }
}

}  // namespace quire::docbook
