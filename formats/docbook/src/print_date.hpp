// The date stamped in a PDF's metadata, chosen so that the same book gives the same PDF.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace fascicle::docbook {

// Seconds since 1970 for the PDF's creation date: $SOURCE_DATE_EPOCH when it is a number,
// else the book's date (ISO 8601 "YYYY", "YYYY-MM" or "YYYY-MM-DD..." at midnight UTC),
// else 0. Never the clock.
std::int64_t print_epoch(const char* source_date_epoch, std::string_view book_date);

// `epoch` as an XMP date, "YYYY-MM-DDTHH:MM:SSZ".
std::string xmp_date(std::int64_t epoch);

}  // namespace fascicle::docbook
