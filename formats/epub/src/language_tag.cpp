#include "language_tag.hpp"

#include <algorithm>

namespace fascicle::epub {

namespace {
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

bool is_well_formed_language_tag(std::string_view tag) {
    if (tag.empty()) return false;
    bool first = true;
    while (true) {
        const std::size_t end = std::min(tag.find('-'), tag.size());
        const std::string_view subtag = tag.substr(0, end);
        if (subtag.empty() || subtag.size() > 8) return false;
        for (char c : subtag)
            if (!is_letter(c) && !(is_digit(c) && !first)) return false;
        if (first && subtag.size() == 1 && subtag != "x" && subtag != "X" && subtag != "i" && subtag != "I")
            return false;
        if (end == tag.size()) return true;
        tag.remove_prefix(end + 1);
        first = false;
    }
}

}  // namespace fascicle::epub
