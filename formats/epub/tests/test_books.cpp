#include "test_books.hpp"

#include "epub_writer.hpp"

#include <cstdlib>

namespace fascicle::epub::test {

namespace {

Inline styled(Inline::Kind kind, std::vector<Inline> children) {
    Inline i;
    i.kind = kind;
    i.children = std::move(children);
    return i;
}

Inline code(std::string text) {
    Inline i;
    i.kind = Inline::Kind::code;
    i.text = std::move(text);
    return i;
}

Inline link(std::string target, std::string text) {
    Inline i = styled(Inline::Kind::link, {Inline::plain(std::move(text))});
    i.target = std::move(target);
    return i;
}

Block list(bool ordered, int start, std::vector<std::string> items) {
    Block b;
    b.kind = Block::Kind::list;
    b.ordered = ordered;
    b.start = start;
    for (auto& item : items) b.items.push_back({Block::paragraph(std::move(item))});
    return b;
}

}  // namespace

Book feature_book() {
    Book book;
    book.metadata.title = "Notes & Queries: <Tests> \"in\" 'quotes'";
    book.metadata.set_authors({"Ada Lovelace", "Émile Zola"});
    book.metadata.language = "en-GB";
    book.metadata.date = "2024-03-01";
    book.metadata.publisher = "Fascicle & Sons";
    book.metadata.description = "A book that uses every feature of the IR.";
    book.metadata.rights = "CC0 <public domain>";

    Article alpha;
    alpha.id = "alpha-1";
    alpha.title = fascicle::title_inlines("Alpha & Omega <one>");
    alpha.summary = {Block::paragraph("A summary with <angle brackets> & an ampersand.")};
    Block rich;
    rich.inlines = {Inline::plain("Plain, "), styled(Inline::Kind::emphasis, {Inline::plain("emphasis")}),
                    Inline::plain(", "), styled(Inline::Kind::strong, {Inline::plain("strong")}),
                    Inline::plain(", "), code("a < b && c"), Inline::plain(", "),
                    link("https://example.org/a b?x=1&y=2", "a link"), Inline::plain(", "),
                    link("../secret/file.txt", "no link"), Inline::wrap(Inline::Kind::line_break, {}),
                    Inline::plain("after a break.")};
    alpha.introduction = {Block::paragraph("The introduction."), rich};

    Section first{"first-steps", fascicle::title_inlines("First steps"), {}, {}};
    first.blocks = {Block::paragraph("Before the lists."), list(false, 1, {"one", "two"}),
                    list(true, 3, {"three", "four"})};
    Section deeper{"deeper", fascicle::title_inlines("Deeper \"still\""), {}, {}};
    Block quote;
    quote.kind = Block::Kind::block_quote;
    quote.children = {Block::paragraph("Quoted text.")};
    Block code_block;
    code_block.kind = Block::Kind::code_block;
    code_block.text = "int main() {\n    return 0;  // <done>\n}\n";
    deeper.blocks = {quote, code_block};
    Section deepest{"deepest", fascicle::title_inlines("Deepest"), {Block::paragraph("At the bottom.")}, {}};
    deeper.subsections = {deepest};
    first.subsections = {deeper};
    Section named_conclusion{"conclusion", fascicle::title_inlines("Conclusion"), {Block::paragraph("A section titled Conclusion.")}, {}};
    alpha.sections = {first, named_conclusion};
    alpha.conclusion = {Block::paragraph("The real conclusion.")};

    Article beta;
    beta.id = "beta";
    beta.title = fascicle::title_inlines("Deuxième article");
    beta.metadata.language = "fr";
    beta.introduction = {Block::paragraph("Une introduction en français.")};
    beta.sections = {{"seule", fascicle::title_inlines("Seule section"), {Block::paragraph("Texte « entre guillemets ».")}, {}}};

    Article gamma;
    gamma.id = "42 odd id";
    gamma.title = fascicle::title_inlines(std::string("Control\x01 and invalid \xFF bytes"));
    gamma.summary = {Block::paragraph("Summary of the third.")};
    gamma.sections = {{"only", fascicle::title_inlines("Only"), {Block::paragraph(std::string("Text with a form feed\f inside."))}, {}}};
    gamma.conclusion = {Block::paragraph("Third conclusion.")};

    book.articles = {alpha, beta, gamma};
    return book;
}

Book small_book() {
    Book book;
    book.metadata.title = "Small";
    book.metadata.language = "en";
    Article a;
    a.id = "small";
    a.title = fascicle::title_inlines("The only article");
    a.summary = {Block::paragraph("Its summary.")};
    a.introduction = {Block::paragraph("Its introduction.")};
    a.sections = {{"part", fascicle::title_inlines("A part"), {Block::paragraph("Its text.")}, {}}};
    a.conclusion = {Block::paragraph("Its conclusion.")};
    book.articles = {a};
    return book;
}

const std::string& stylesheet() {
    static const std::string css = fascicle::test::read_file(FASCICLE_EPUB_SOURCE_DIR "/epub.css");
    return css;
}

ScopedEnvironment::ScopedEnvironment(std::string name, const std::optional<std::string>& value)
    : name_(std::move(name)) {
    if (const char* old = std::getenv(name_.c_str())) previous_ = old;
    if (value) setenv(name_.c_str(), value->c_str(), 1);
    else unsetenv(name_.c_str());
}

ScopedEnvironment::~ScopedEnvironment() {
    if (previous_) setenv(name_.c_str(), previous_->c_str(), 1);
    else unsetenv(name_.c_str());
}

WrittenEpub write_epub(const Book& book, const std::filesystem::path& folder, const std::string& name,
                       const Options& options, bool split) {
    WrittenEpub out;
    out.path = folder / name;
    fascicle::test::FileOutput output(out.path);
    EpubWriter writer(stylesheet());
    out.status = fascicle::test::write_book(writer, book, output, out.diagnostics, options, split);
    return out;
}

}  // namespace fascicle::epub::test
