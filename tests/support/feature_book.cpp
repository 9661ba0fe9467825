#include "feature_book.hpp"

#include "test_support.hpp"

namespace fascicle::test {

namespace {

Inline text(std::string s) { return Inline::plain(std::move(s)); }
Inline wrap(Inline::Kind kind, std::string s) { return Inline::wrap(kind, {text(std::move(s))}); }

Block paragraph(std::vector<Inline> inlines) { return Block::paragraph(std::move(inlines)); }

Inline note(std::string id, std::string s) {
    Inline n;
    n.kind = Inline::Kind::note;
    n.attributes.id = std::move(id);
    n.blocks = {Block::paragraph(std::move(s))};
    return n;
}

Inline reference(std::string target, std::string s) {
    Inline r = Inline::wrap(Inline::Kind::reference, s.empty() ? std::vector<Inline>{} : std::vector<Inline>{text(s)});
    r.target = std::move(target);
    return r;
}

constexpr const char* square_mathml =
    "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><msup><mi>x</mi><mn>2</mn></msup></math>";
constexpr const char* sum_mathml =
    "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\"><mrow><munderover><mo>&#x2211;</mo>"
    "<mrow><mi>k</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></munderover><mi>k</mi><mo>=</mo>"
    "<mfrac><mrow><mi>n</mi><mo>(</mo><mi>n</mi><mo>+</mo><mn>1</mn><mo>)</mo></mrow><mn>2</mn></mfrac></mrow></math>";

Section section(std::string id, std::string title, std::vector<Block> blocks) {
    Section s;
    s.id = std::move(id);
    s.title = title_inlines(std::move(title));
    s.blocks = std::move(blocks);
    return s;
}

TableCell cell(std::string s, bool header = false, int rows = 1, int columns = 1) {
    TableCell c;
    c.blocks = {Block::paragraph(std::move(s))};
    c.header = header;
    c.row_span = rows;
    c.column_span = columns;
    return c;
}

Block table() {
    Block t;
    t.kind = Block::Kind::table;
    t.attributes.id = "tab-results";
    t.caption = {text("Trials of the engine, by "), wrap(Inline::Kind::emphasis, "year")};
    t.table.columns = {{Alignment::left, 0.4}, {Alignment::right, 0.3}, {Alignment::center, 0.3}};
    t.table.head = {{{cell("Trial", true), cell("Result", true, 1, 2)}}};
    t.table.body = {
        {{cell("1834", true, 2), cell("12 digits"), cell("ok")}},
        {{cell("20 digits"), cell("slow")}},
        {{cell("1842"), cell("a table of Bernoulli numbers, by hand", false, 1, 2)}},
    };
    t.table.foot = {{{cell("Total", true), cell("3 trials", false, 1, 2)}}};
    return t;
}

Article kinds_article() {
    Article a;
    a.id = "kinds";
    a.title = {text("Every "), wrap(Inline::Kind::emphasis, "kind"), text(" of content")};
    a.metadata.set("author", "Ada Lovelace");
    a.summary = {Block::paragraph("What the document model holds, one kind after another.")};

    Inline link = Inline::link_to("https://example.org/engine", {text("a link")});
    link.title = "The engine's page";
    Inline span = Inline::wrap(Inline::Kind::span, {text("une phrase")});
    span.attributes.classes = {"foreign"};
    span.attributes.language = "fr";
    Inline math;
    math.kind = Inline::Kind::math;
    math.math = {"x^2", square_mathml};
    Inline icon;
    icon.kind = Inline::Kind::image;
    icon.target = "images/engine.png";
    icon.text = "a small engine";
    a.introduction = {paragraph({text("Plain, "), wrap(Inline::Kind::emphasis, "emphasis"), text(", "),
                                 wrap(Inline::Kind::strong, "strong"), text(", "),
                                 wrap(Inline::Kind::strikethrough, "struck"), text(", H"),
                                 wrap(Inline::Kind::subscript, "2"), text("O, 2"),
                                 wrap(Inline::Kind::superscript, "10"), text(", "),
                                 wrap(Inline::Kind::small_caps, "small caps"), text(", "),
                                 Inline::code_span("code()"), text(", "), link, text(", "), span,
                                 text(", the formula "), math, text(", an image "), icon,
                                 text(", a note"), note("note-engine", "The engine was never finished."),
                                 text(","), Inline::wrap(Inline::Kind::line_break, {}),
                                 text("and a line break; see "), reference("references#where", "the other chapter"),
                                 text(".")})};

    Block bullets;
    bullets.kind = Block::Kind::list;
    bullets.items = {{Block::paragraph("first")}, {Block::paragraph("second")}};
    Block ordered;
    ordered.kind = Block::Kind::list;
    ordered.ordered = true;
    ordered.start = 3;
    ordered.style = ListStyle::lower_alpha;
    ordered.tight = false;
    ordered.items = {{Block::paragraph("third, lettered c"), Block::paragraph("with a second paragraph")},
                     {Block::paragraph("fourth")}};
    Block tasks;
    tasks.kind = Block::Kind::list;
    tasks.items = {{Block::paragraph("done")}, {Block::paragraph("to do")}};
    tasks.tasks = {Task::checked, Task::unchecked};

    Block definitions;
    definitions.kind = Block::Kind::definition_list;
    definitions.definitions = {
        {{text("Mill")}, {{Block::paragraph("The part that computes.")}}},
        {{wrap(Inline::Kind::emphasis, "Store")}, {{Block::paragraph("The part that remembers.")},
                                                   {Block::paragraph("Also: the memory.")}}},
    };

    Block poem;
    poem.kind = Block::Kind::line_block;
    poem.lines = {{text("The engine weaves")}, {text("    algebraic patterns")}, {text("as the loom weaves flowers.")}};

    Block code;
    code.kind = Block::Kind::code_block;
    code.format = "python";
    code.text = "def bernoulli(n):\n    return n < 2\n";

    Block quote;
    quote.kind = Block::Kind::block_quote;
    quote.children = {Block::paragraph("It weaves algebraic patterns.")};
    quote.attribution = {text("Ada Lovelace")};

    Block tip;
    tip.kind = Block::Kind::division;
    tip.attributes.classes = {"tip"};
    tip.children = {Block::paragraph("Read the notes first.")};
    Block warning;
    warning.kind = Block::Kind::division;
    warning.attributes.classes = {"warning"};
    warning.children = {Block::paragraph("The engine is heavy.")};

    Inline picture;
    picture.kind = Inline::Kind::image;
    picture.target = "images/engine.png";
    picture.text = "A wheel and a box: the engine, drawn small";
    picture.title = "The engine";
    Block figure;
    figure.kind = Block::Kind::figure;
    figure.attributes.id = "fig-engine";
    figure.children = {paragraph({picture})};
    figure.caption = {text("The "), wrap(Inline::Kind::strong, "engine"), text(", in outline")};

    Block display;
    display.kind = Block::Kind::display_math;
    display.math = {"\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}", sum_mathml};

    Block rule;
    rule.kind = Block::Kind::thematic_break;

    a.sections = {section("lists", "Lists", {bullets, ordered, tasks}),
                  section("definitions", "Definitions and poetry", {definitions, poem}),
                  section("code-and-quotes", "Code, quotes and admonitions", {code, quote, tip, warning}),
                  section("figure-and-table", "A figure and a table", {figure, table()}),
                  section("math", "Mathematics", {display, rule, Block::paragraph("After the break.")})};
    a.sections[0].title = {text("Lists, "), wrap(Inline::Kind::emphasis, "three")};
    a.conclusion = {Block::paragraph("Every kind has been shown.")};
    return a;
}

Article references_article() {
    Article a;
    a.id = "references";
    a.title = title_inlines("References across the book");
    Block where = paragraph({text("The figure "), reference("kinds#fig-engine", ""), text(" and the table "),
                             reference("kinds#tab-results", "of trials"), text(" are in "),
                             reference("kinds", "the first chapter"), text("."),
                             note("note-second", "A second note, in another chapter.")});
    where.attributes.id = "where";
    a.introduction = {where};
    a.sections = {section("more", "More", {Block::paragraph("A last paragraph.")})};
    return a;
}

}  // namespace

void make_feature_book(FeatureBook& into) {
    into.book.metadata.title = "The Feature Book";
    into.book.metadata.subtitle = "Every kind of content";
    into.book.metadata.set("author", "Ada Lovelace");
    into.book.metadata.set("editor", "Charles Babbage");
    into.book.metadata.language = "en";
    into.book.metadata.identifier = "urn:uuid:3f1c8a52-5d0e-4e7a-9a63-0b7e0c2d9f41";
    into.book.metadata.date = "2024-05-01";
    into.book.metadata.publisher = "Fascicle Tests";
    into.book.articles = {kinds_article(), references_article()};
    into.resources.add(file_resource("images/engine.png", "image/png", test_data_dir() / "feature" / "engine.png"));
}

}  // namespace fascicle::test
