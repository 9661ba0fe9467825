#include "doctype_declarations.hpp"

namespace fascicle::docbook {

namespace {

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::size_t skip_space(std::string_view s, std::size_t i) {
    while (i < s.size() && space(s[i])) ++i;
    return i;
}

std::string_view token_at(std::string_view s, std::size_t i, std::string_view stops = "") {
    std::size_t end = i;
    while (end < s.size() && !space(s[end]) && stops.find(s[end]) == std::string_view::npos) ++end;
    return s.substr(i, end - i);
}

// A quoted literal at `i`, quotes included; empty when there is none.
std::string_view quoted_at(std::string_view s, std::size_t i) {
    if (i >= s.size() || (s[i] != '"' && s[i] != '\'')) return {};
    const auto close = s.find(s[i], i + 1);
    return close == std::string_view::npos ? s.substr(i) : s.substr(i, close - i + 1);
}

// "SYSTEM "uri"" or "PUBLIC "id" "uri"" at `i`; empty when there is no external id there.
std::string_view external_id_at(std::string_view s, std::size_t i) {
    const auto keyword = token_at(s, i, "[>");
    if (keyword != "SYSTEM" && keyword != "PUBLIC") return {};
    std::size_t end = i + keyword.size();
    for (int literals = keyword == "PUBLIC" ? 2 : 1; literals > 0; --literals) {
        const auto at = skip_space(s, end);
        const auto literal = quoted_at(s, at);
        if (literal.empty()) break;
        end = at + literal.size();
    }
    return s.substr(i, end - i);
}

// The end of a markup declaration or comment starting at `i` in an internal subset.
std::size_t declaration_end(std::string_view s, std::size_t i) {
    if (s.substr(i).starts_with("<!--")) {
        const auto close = s.find("-->", i + 4);
        return close == std::string_view::npos ? s.size() : close + 3;
    }
    while (i < s.size() && s[i] != '>') {
        if (s[i] == '"' || s[i] == '\'') {
            const auto close = s.find(s[i], i + 1);
            if (close == std::string_view::npos) return s.size();
            i = close;
        }
        ++i;
    }
    return i < s.size() ? i + 1 : s.size();
}

EntityDeclaration read_entity(std::string_view s, std::size_t at) {
    EntityDeclaration entity;
    entity.offset = at;
    std::size_t i = skip_space(s, at + 8);  // after "<!ENTITY"
    if (i < s.size() && s[i] == '%') {
        entity.parameter = true;
        i = skip_space(s, i + 1);
    }
    entity.name = token_at(s, i, ">\"'");
    i = skip_space(s, i + entity.name.size());
    if (const auto literal = quoted_at(s, i); literal.size() >= 2) {
        entity.value = literal.substr(1, literal.size() - 2);
    } else {
        entity.external_id = external_id_at(s, i);
        if (entity.external_id.empty()) entity.external_id = "an external entity";
    }
    return entity;
}

}  // namespace

std::size_t doctype_length(std::string_view text) {
    std::size_t i = 9;  // "<!DOCTYPE"
    while (i < text.size()) {
        const char c = text[i];
        if (c == '"' || c == '\'') {
            const auto close = text.find(c, i + 1);
            if (close == std::string_view::npos) return std::string_view::npos;
            i = close + 1;
        } else if (c == '[') {
            ++i;
            while (i < text.size() && text[i] != ']') {
                if (text[i] == '<') i = declaration_end(text, i);
                else ++i;
            }
            if (i >= text.size()) return std::string_view::npos;
            ++i;
        } else if (c == '>') {
            return i + 1;
        } else {
            ++i;
        }
    }
    return std::string_view::npos;
}

DoctypeDeclarations read_doctype(std::string_view doctype) {
    DoctypeDeclarations out;
    std::size_t i = skip_space(doctype, 9);
    i = skip_space(doctype, i + token_at(doctype, i, "[>").size());  // the root element's name
    const auto external = external_id_at(doctype, i);
    out.external_dtd = external;
    i = skip_space(doctype, i + external.size());
    if (i >= doctype.size() || doctype[i] != '[') return out;
    ++i;
    while (i < doctype.size() && doctype[i] != ']') {
        if (doctype[i] != '<') {
            ++i;
            continue;
        }
        const auto end = declaration_end(doctype, i);
        const auto declaration = doctype.substr(i, end - i);
        if (declaration.starts_with("<!ENTITY")) out.entities.push_back(read_entity(doctype, i));
        else if (!declaration.starts_with("<!--") && !declaration.starts_with("<?") &&
                 out.other_declaration == std::string_view::npos)
            out.other_declaration = i;
        i = end;
    }
    return out;
}

}  // namespace fascicle::docbook
