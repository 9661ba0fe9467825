#include "commonmark_rules.hpp"

#include <utf8proc.h>

namespace fascicle::markdown {

namespace {

utf8proc_category_t category(char32_t c) {
    return utf8proc_category(static_cast<utf8proc_int32_t>(c));
}

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_hex_digit(char c) {
    return is_ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

}  // namespace

bool is_ascii_punctuation(char32_t c) {
    return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) ||
           (c >= 0x7B && c <= 0x7E);
}

CharClass classify(char32_t c) {
    if (c == U' ' || c == U'\t' || c == U'\n' || c == U'\v' || c == U'\f' || c == U'\r' ||
        category(c) == UTF8PROC_CATEGORY_ZS)
        return CharClass::whitespace;
    if (is_ascii_punctuation(c)) return CharClass::punctuation;
    auto cat = category(c);
    if (cat >= UTF8PROC_CATEGORY_PC && cat <= UTF8PROC_CATEGORY_PO) return CharClass::punctuation;
    return CharClass::other;
}

bool may_be_punctuation(char32_t c) {
    auto cat = category(c);
    return is_ascii_punctuation(c) || (cat >= UTF8PROC_CATEGORY_PC && cat <= UTF8PROC_CATEGORY_SO);
}

bool is_alphanumeric(char32_t c) {
    auto cat = category(c);
    return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
           (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
}

char32_t first_code_point(std::string_view text) {
    if (text.empty()) return 0;
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                              static_cast<utf8proc_ssize_t>(text.size()), &cp);
    return n > 0 ? static_cast<char32_t>(cp) : 0xFFFD;
}

char32_t last_code_point(std::string_view text) {
    if (text.empty()) return 0;
    std::size_t start = text.size() - 1;
    // Step back over continuation bytes, at most three.
    while (start > 0 && text.size() - start < 4 &&
           (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80)
        --start;
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + start),
                              static_cast<utf8proc_ssize_t>(text.size() - start), &cp);
    return n > 0 && start + static_cast<std::size_t>(n) == text.size() ? static_cast<char32_t>(cp)
                                                                       : 0xFFFD;
}

bool starts_entity_reference(std::string_view text) {
    std::size_t i = 0;
    std::size_t digits = 0;
    if (!text.empty() && text[0] == '#') {
        i = 1;
        bool hex = i < text.size() && (text[i] == 'x' || text[i] == 'X');
        if (hex) ++i;
        while (i < text.size() && (hex ? is_hex_digit(text[i]) : is_ascii_digit(text[i])) &&
               digits < 8) {
            ++i;
            ++digits;
        }
        return digits > 0 && i < text.size() && text[i] == ';';
    }
    // Named references: a letter, then letters and digits. Any such name counts, known or not.
    if (text.empty() || !is_ascii_alpha(text[0])) return false;
    while (i < text.size() && (is_ascii_alpha(text[i]) || is_ascii_digit(text[i])) && i < 40) ++i;
    return i < text.size() && text[i] == ';';
}

bool may_start_continuation_line(std::string_view rest) {
    if (rest.empty()) return false;
    switch (rest[0]) {
        case ' ': case '\t':                  // indentation
        case '#': case '>': case '-': case '+': case '=':  // heading, quote, list, rule, setext
        case '~': case '`': case '_': case '|':             // fences, rules, tables
        case '<':  // an HTML block (<div, <!--, <?php ...) may interrupt a paragraph
            return false;
        case ':':  // a GFM table's delimiter row, ":--"
            return rest.size() < 2 || rest[1] != '-';
        case '*':  // a list item or a thematic break; "*emphasis*" is fine
            return rest.size() > 1 && rest[1] != ' ' && rest[1] != '\t' && rest[1] != '*';
        default: break;
    }
    // An ordered list item: up to nine digits, '.' or ')', then a blank or the end.
    std::size_t digits = 0;
    while (digits < rest.size() && is_ascii_digit(rest[digits])) ++digits;
    if (digits == 0 || digits > 9 || digits == rest.size()) return true;
    if (rest[digits] != '.' && rest[digits] != ')') return true;
    return !(digits + 1 == rest.size() || rest[digits + 1] == ' ' || rest[digits + 1] == '\t');
}

}  // namespace fascicle::markdown
