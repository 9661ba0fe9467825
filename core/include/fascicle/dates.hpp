// Dates the writers stamp into what they make (dc:date, dcterms:modified, a PDF's creation date):
// read from SOURCE_DATE_EPOCH or the book's metadata, written in UTC, never invented.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace fascicle {

// SOURCE_DATE_EPOCH's value: decimal seconds since 1970-01-01T00:00:00Z; nullopt when malformed.
std::optional<std::int64_t> parse_epoch_seconds(std::string_view text);

// True for a W3C date-time (what dc:date must be, and ISO 8601's common forms): YYYY, YYYY-MM, YYYY-MM-DD, or a date with
// hh:mm[:ss[.s]] and a zone (Z or +hh:mm).
bool is_w3c_datetime(std::string_view text);

// Seconds since the epoch at the start (UTC) of the day a W3C date-time names; nullopt when it
// is not one. A year alone means its first of January, a month its first day.
std::optional<std::int64_t> start_of_day(std::string_view w3c_datetime);

// "CCYY-MM-DDThh:mm:ssZ": the form dcterms:modified requires, and an XMP date.
std::string format_utc(std::int64_t seconds_since_epoch);

}  // namespace fascicle
