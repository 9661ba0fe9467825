// Link addresses as documents can hold them: what browsers and cmark do to an href before use.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace fascicle {

// `text` with every byte a URI reference cannot hold percent-encoded (%XX, upper-case hex): bytes
// outside ASCII (the UTF-8 of an IRI's characters), controls, space and " < > \ ^ ` { | }, a '%'
// that does not start an escape, and any '#' after the first. What a URI may hold is kept as it is.
std::string percent_encoded(std::string_view text);

// A link target as a valid URI reference (RFC 3986), as a browser reads what a document gives:
// spaces and controls around it dropped, tabs and line ends inside it removed, then
// percent_encoded(). nullopt when it cannot be one: blank, or a first segment with a ':' that
// does not follow a scheme ("1a:b", "no such:thing").
std::optional<std::string> normalized_uri(std::string_view text);

// False for a web address (http, https, ws, wss, ftp) whose host URL parsers (WHATWG's, and
// epubcheck's) cannot read although RFC 3986 allows it: "https://../", "https://a.%60b". Such a
// link goes nowhere; a writer whose validator checks hosts (EPUB) keeps its text instead.
bool has_parsable_host(std::string_view uri);

// (API 3.1) The scheme `uri` starts with (RFC 3986: a letter, then letters, digits, '+', '-' or
// '.', up to the first ':'), as written; empty when it has none. A one-letter scheme is a drive
// ("C:\\notes") to readers of paths, which ask for more.
std::string_view uri_scheme(std::string_view uri);

// Whether `scheme` is `lowercase_name` written in any case (schemes are case-insensitive).
bool is_scheme(std::string_view scheme, std::string_view lowercase_name);

}  // namespace fascicle
