#include "identifier.hpp"

#include <cctype>

namespace fascicle::epub {

namespace {
constexpr std::string_view urn_prefix = "urn:uuid:";

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}
}  // namespace

bool is_uuid(std::string_view text) {
    if (text.size() != 36) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool dash_position = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash_position ? text[i] != '-' : !std::isxdigit(static_cast<unsigned char>(text[i])))
            return false;
    }
    return true;
}

std::string publication_identifier(std::string_view given) {
    if (is_uuid(given)) return std::string(urn_prefix) + lower(given);
    if (given.size() > urn_prefix.size() && lower(given.substr(0, urn_prefix.size())) == urn_prefix &&
        is_uuid(given.substr(urn_prefix.size())))
        return lower(given);
    return std::string(given);
}

}  // namespace fascicle::epub
