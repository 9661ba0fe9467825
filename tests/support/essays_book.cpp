#include "essays_book.hpp"

namespace fascicle::test {

namespace {

Inline text(std::string s) { return Inline::plain(std::move(s)); }

Inline wrapped(Inline::Kind kind, std::vector<Inline> children, std::string target = {}) {
    Inline i;
    i.kind = kind;
    i.children = std::move(children);
    i.target = std::move(target);
    return i;
}

Inline code(std::string s) {
    Inline i;
    i.kind = Inline::Kind::code;
    i.text = std::move(s);
    return i;
}

Inline line_break() {
    Inline i;
    i.kind = Inline::Kind::line_break;
    return i;
}

Block paragraph(std::vector<Inline> inlines) {
    Block b;
    b.inlines = std::move(inlines);
    return b;
}

Block list(bool ordered, std::vector<std::vector<Block>> items, int start = 1) {
    Block b;
    b.kind = Block::Kind::list;
    b.ordered = ordered;
    b.start = start;
    b.items = std::move(items);
    return b;
}

Block quote(std::vector<Block> children) {
    Block b;
    b.kind = Block::Kind::block_quote;
    b.children = std::move(children);
    return b;
}

Block code_block(std::string s) {
    Block b;
    b.kind = Block::Kind::code_block;
    b.text = std::move(s);
    return b;
}

Section section(std::string id, std::string title, std::vector<Block> blocks, std::vector<Section> subsections = {}) {
    return {std::move(id), fascicle::title_inlines(std::move(title)), std::move(blocks), std::move(subsections)};
}

}  // namespace

Book essays_book() {
    Book book;
    book.metadata.title = "Field Notes & <Essays>";
    book.metadata.set_authors({"Ada Lovelace", "Charles \"Charlie\" Babbage"});
    book.metadata.language = "en-GB";
    book.metadata.identifier = "urn:uuid:7b0a3f6e-0c55-4a0b-9d3e-2f1f5f6b9c11";
    book.metadata.date = "2024-03-01";
    book.metadata.publisher = "Analytical Press";
    book.metadata.description = "Essays on engines.\nSecond paragraph of the description.";
    book.metadata.rights = "© 2024 The Authors. All rights reserved.";
    book.metadata.extra["conclusion-title"] = "In Closing";

    Article alpha;
    alpha.id = "001_alpha";
    alpha.title = fascicle::title_inlines("Alpha: “Quotes”, 'apostrophes' & <angle brackets>");
    alpha.source = "corpus/001_alpha.txt";
    alpha.summary = {Block::paragraph("A summary with ]]> in it."),
                     list(false, {{Block::paragraph("first point")}, {Block::paragraph("second point")}})};
    alpha.introduction = {paragraph({text("Plain, "), wrapped(Inline::Kind::emphasis, {text("emphasised")}),
                                     text(", "), wrapped(Inline::Kind::strong, {text("strong")}), text(", "),
                                     code("a < b && c"), text(", a "),
                                     wrapped(Inline::Kind::link, {text("link")}, "https://example.org/?a=1&b=\"2\""),
                                     text(", a bare link "),
                                     wrapped(Inline::Kind::link, {}, "https://example.org/bare"), text(","),
                                     line_break(), text("and a second line.")})};
    alpha.sections = {
        section("getting-started", "Getting Started",
                {list(true, {{Block::paragraph("third")}, {Block::paragraph("fourth")}}, 3),
                 quote({Block::paragraph("A quoted paragraph.")}),
                 code_block("  int main() {\n\treturn a < b && c > d; // ]]>\r\n  }")},
                {section("details", "Details", {Block::paragraph("Nested section text.")})}),
        section("conclusion", "Conclusion", {Block::paragraph("A section that happens to be titled Conclusion.")}),
        section("empty", "An Empty Section", {}),
    };
    alpha.conclusion = {Block::paragraph("The real conclusion.")};

    Article second;
    second.id = "2nd article";
    second.title = fascicle::title_inlines("Second Article");
    second.source = "corpus/2nd article.txt";
    second.metadata.language = "fr";
    second.metadata.set_authors({"Émilie du Châtelet"});
    second.introduction = {list(false, {{}, {Block::paragraph("an item after an empty one")}}),
                           list(false, {}), quote({})};
    second.sections = {section("only-section", "Only Section", {Block::paragraph("Text.")})};

    Article bare;
    bare.id = "003_bare";
    bare.title = fascicle::title_inlines("");

    book.articles = {alpha, second, bare};
    return book;
}

Article corpus_like_article(const std::string& id, const std::string& title) {
    Article a;
    a.id = id;
    a.title = fascicle::title_inlines(title);
    a.summary = {Block::paragraph("Summary of " + title + ".")};
    a.introduction = {Block::paragraph("Introduction of " + title + ".")};
    for (int i = 1; i <= 3; ++i) {
        const auto n = std::to_string(i);
        a.sections.push_back(section("section-" + n, "Section " + n, {Block::paragraph("Body of section " + n + ".")}));
    }
    a.conclusion = {Block::paragraph("Conclusion of " + title + ".")};
    return a;
}

}  // namespace fascicle::test
