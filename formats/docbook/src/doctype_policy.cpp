#include "doctype_policy.hpp"

namespace fascicle::docbook {

namespace {

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::size_t skip_space(std::string_view s, std::size_t i) {
    while (i < s.size() && space(s[i])) ++i;
    return i;
}

// The token at `i` (up to white space or one of `stops`).
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

DoctypeVerdict refuse_entity(std::string_view subset, std::size_t subset_offset, std::size_t at) {
    std::size_t i = skip_space(subset, at + 8);  // after "<!ENTITY"
    const bool parameter = i < subset.size() && subset[i] == '%';
    if (parameter) i = skip_space(subset, i + 1);
    const auto name = token_at(subset, i, ">\"'");
    const auto external = external_id_at(subset, skip_space(subset, i + name.size()));

    std::string what = std::string(parameter ? "parameter entity" : "entity") + " \"" + std::string(name) + "\"";
    DoctypeVerdict verdict{DoctypeVerdict::Kind::refused, subset_offset + at, {}};
    if (!external.empty()) {
        verdict.message = "the DOCTYPE declares the external " + what + " (" + std::string(external) +
                          "): fascicle never reads external entities or fetches anything; the document is refused";
    } else {
        verdict.message = "the DOCTYPE declares the " + what +
                          ": fascicle processes no DTD and expands no entities (declared entities can make a small "
                          "file expand without bound, as in \"billion laughs\"); the document is refused. "
                          "Write the text, or character references such as &#233;, instead";
    }
    return verdict;
}

}  // namespace

DoctypeVerdict judge_doctype(std::string_view declaration) {
    std::size_t i = skip_space(declaration, 0);
    i = skip_space(declaration, i + token_at(declaration, i, "[>").size());  // the root element's name
    const auto external = external_id_at(declaration, i);
    i = skip_space(declaration, i + external.size());

    if (i < declaration.size() && declaration[i] == '[') {
        const auto subset_offset = i + 1;
        const auto subset = declaration.substr(subset_offset);
        if (const auto entity = subset.find("<!ENTITY"); entity != std::string_view::npos)
            return refuse_entity(subset, subset_offset, entity);
        return {DoctypeVerdict::Kind::ignored, i,
                "the DOCTYPE's internal subset is ignored: fascicle processes no DTD, so its declarations (default "
                "attribute values among them) have no effect"};
    }
    if (!external.empty()) {
        return {DoctypeVerdict::Kind::ignored, 0,
                "the DTD named by the DOCTYPE (" + std::string(external) +
                    ") is not read: fascicle reads no external files, and DocBook 5 needs no DTD"};
    }
    return {};
}

}  // namespace fascicle::docbook
