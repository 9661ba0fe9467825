// An article's own metadata (its author, its date ...) in its chapter: <meta name="author"
// content="Ada Lovelace"/> in the head, one per value, as HTML names a page's author. The writer
// writes these keys of the IR's metadata and the reader reads them back; other names (pandoc's
// "generator", "viewport") are not the article's.
#pragma once

#include <algorithm>
#include <array>
#include <string_view>

namespace fascicle::epub {

// Metadata::set() keys. Not the language (the document's xml:lang says it), the cover (a book's),
// nor the conclusion's title (its heading says it).
inline constexpr std::array<std::string_view, 16> chapter_metadata_keys = {
    "title",      "subtitle",  "author",      "editor", "translator", "illustrator", "contributor",     "identifier",
    "identifier-scheme", "date", "publisher", "description", "rights", "subject", "series", "series-position"};

inline bool is_chapter_metadata_key(std::string_view key) {
    return std::find(chapter_metadata_keys.begin(), chapter_metadata_keys.end(), key) != chapter_metadata_keys.end();
}

}  // namespace fascicle::epub
