// The date stamped in a PDF's metadata, chosen so that the same book gives the same PDF.
#pragma once

#include <cstdint>
#include <string_view>

namespace fascicle::pdf {

// Seconds since 1970 for the PDF's creation date: $SOURCE_DATE_EPOCH when it is a number,
// else the start of the day the book's date names (a W3C date-time), else 0. Never the clock.
std::int64_t print_epoch(const char* source_date_epoch, std::string_view book_date);

}  // namespace fascicle::pdf
