// The URI schemes an EPUB may link to without a checker's warning.
#pragma once

#include <string_view>

namespace fascicle::epub {

// True for the schemes IANA registered that epubcheck (and so the stores that run it) accepts in
// an href: http, https, mailto, tel, ftp, urn, irc, ... Compared without regard to case.
bool known_uri_scheme(std::string_view scheme);

}  // namespace fascicle::epub
