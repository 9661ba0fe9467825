#include "cmark_tree.hpp"

#include <cmark-gfm-core-extensions.h>

#include <mutex>

namespace fascicle::markdown {

namespace {

// GFM's extensions, as GitHub parses (footnotes are a parser option). Left out: tagfilter, which
// only changes HTML output.
constexpr const char* gfm_extensions[] = {"table", "strikethrough", "autolink", "tasklist"};

cmark_node* parse(const std::string& markdown, Flavor flavor) {
    // Registering the extensions writes global tables: once, whichever thread comes first.
    static std::once_flag registered;
    std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });

    std::unique_ptr<cmark_parser, void (*)(cmark_parser*)> parser(cmark_parser_new(flavor == Flavor::gfm ? CMARK_OPT_FOOTNOTES : CMARK_OPT_DEFAULT),
                                                                  cmark_parser_free);
    if (flavor == Flavor::gfm)
        for (const char* name : gfm_extensions)
            if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name))
                cmark_parser_attach_syntax_extension(parser.get(), extension);
    cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
    return cmark_parser_finish(parser.get());
}

}  // namespace

CmarkTree::CmarkTree(const std::string& markdown, Flavor flavor)
    : document_(parse(markdown, flavor), cmark_node_free) {}

std::size_t line_of(cmark_node* node) {
    const int line = cmark_node_get_start_line(node);
    return line > 0 ? static_cast<std::size_t>(line) : 0;
}

std::size_t column_of(cmark_node* node) {
    const int column = cmark_node_get_start_column(node);
    return column > 0 && line_of(node) > 0 ? static_cast<std::size_t>(column) : 0;
}

std::string_view literal_of(cmark_node* node) {
    const char* literal = cmark_node_get_literal(node);
    return literal ? std::string_view(literal) : std::string_view();
}

bool type_name_is(cmark_node* node, std::string_view type_name) {
    const char* name = cmark_node_get_type_string(node);
    return name && type_name == name;
}

}  // namespace fascicle::markdown
