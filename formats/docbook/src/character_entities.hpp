// The standard character entities of DocBook 4 (ISO 8879: &mdash;, &eacute;, &nbsp;...), known
// without reading any DTD.
#pragma once

#include <optional>
#include <string_view>

namespace fascicle::docbook {

// The UTF-8 text of a named character entity (name without '&' and ';'); nullopt when unknown.
std::optional<std::string_view> character_entity(std::string_view name);

}  // namespace fascicle::docbook
