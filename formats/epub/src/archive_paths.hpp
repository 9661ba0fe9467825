// Names inside a zip archive, and the hrefs of the package that point at them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace fascicle::epub::reader {

// True when an entry name could land outside the folder an archive is unpacked into: an
// absolute path ("/x", "\x", "C:x"), a ".." segment (with '/' or '\' between segments), or no
// name at all.
bool escapes_archive(std::string_view name);

// The entry an href names, from the document at `base` (an entry name): relative to its folder,
// percent-decoded, without fragment or query, dot segments removed. nullopt when it is not an
// entry of the archive: a URL with a scheme, an absolute path, or a path that climbs out.
// An empty href (or a bare fragment) is the document itself.
std::optional<std::string> resolve_href(std::string_view base, std::string_view href);

// The href that names `target` ("<entry>" or "<entry>#<fragment>", decoded as resolve_href gives
// it) from the document at `base`: relative to its folder, each segment percent-encoded again.
std::string relative_href(std::string_view base, std::string_view target);

// `text` with its %XX escapes decoded (a fragment of an href).
std::string percent_decoded(std::string_view text);

// The file name of an entry without its folder and extension ("text/ch001.xhtml" -> "ch001").
std::string entry_stem(std::string_view name);

}  // namespace fascicle::epub::reader
