// UTF-8 and XML text helpers shared by the core and the format plugins.
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace fascicle {

// Byte offset of the first byte that does not start a valid UTF-8 sequence
// (overlong forms, surrogates and code points above U+10FFFF are invalid), or nullopt.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// Appends `code_point` to `out` as UTF-8; one that is not a Unicode scalar value (a surrogate,
// above U+10FFFF) is appended as U+FFFD, so `out` stays valid UTF-8.
void append_utf8(std::string& out, char32_t code_point);

// Escapes &, <, > (and " in attributes) for XML character data.
std::string xml_escape(std::string_view text, bool in_attribute = false);

// True when the code point may appear in an XML 1.0 document.
bool is_xml_char(char32_t code_point);

// A lower-case ASCII slug of a title: letters and digits kept, every other run becomes one '-'.
// Non-ASCII letters are dropped; an all-dropped title gives "section".
std::string slugify(std::string_view title);

// `text` made a valid XML NCName (and so a valid xml:id / HTML id): invalid characters become '-',
// and a prefix is added when it does not start with a letter or '_'.
std::string to_ncname(std::string_view text, std::string_view prefix = "id-");

// Hands out ids unique within one scope: a base already taken gets "-2", "-3", ...
class UniqueIds {
public:
    std::string take(const std::string& base);
    bool contains(const std::string& id) const { return taken_.count(id) != 0; }

private:
    std::set<std::string> taken_;
};

}  // namespace fascicle
