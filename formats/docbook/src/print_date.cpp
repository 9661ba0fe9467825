#include "print_date.hpp"

#include <charconv>
#include <cstdio>
#include <optional>

namespace fascicle::docbook {

namespace {

// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct Civil {
    std::int64_t year;
    unsigned month;
    unsigned day;
};

Civil civil_from_days(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2), m, d};
}

std::optional<unsigned> digits(std::string_view s, std::size_t at, std::size_t count) {
    if (s.size() < at + count) return std::nullopt;
    unsigned value = 0;
    const auto* first = s.data() + at;
    const auto [end, error] = std::from_chars(first, first + count, value);
    if (error != std::errc() || end != first + count) return std::nullopt;
    return value;
}

std::optional<std::int64_t> epoch_of_iso_date(std::string_view date) {
    const auto year = digits(date, 0, 4);
    if (!year) return std::nullopt;
    unsigned month = 1;
    unsigned day = 1;
    if (date.size() > 4) {
        const auto m = date[4] == '-' ? digits(date, 5, 2) : std::nullopt;
        if (!m || *m < 1 || *m > 12) return std::nullopt;
        month = *m;
        if (date.size() > 7) {
            const auto d = date[7] == '-' ? digits(date, 8, 2) : std::nullopt;
            if (!d || *d < 1 || *d > 31) return std::nullopt;
            day = *d;
        }
    }
    return days_from_civil(*year, month, day) * 86400;
}

}  // namespace

std::int64_t print_epoch(const char* source_date_epoch, std::string_view book_date) {
    if (source_date_epoch) {
        const std::string_view s(source_date_epoch);
        std::int64_t value = 0;
        const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
        if (error == std::errc() && end == s.data() + s.size() && !s.empty()) return value;
    }
    return epoch_of_iso_date(book_date).value_or(0);
}

std::string xmp_date(std::int64_t epoch) {
    std::int64_t days = epoch / 86400;
    std::int64_t seconds = epoch % 86400;
    if (seconds < 0) {
        seconds += 86400;
        --days;
    }
    const Civil c = civil_from_days(days);
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02uT%02d:%02d:%02dZ", static_cast<long long>(c.year), c.month,
                  c.day, static_cast<int>(seconds / 3600), static_cast<int>(seconds / 60 % 60),
                  static_cast<int>(seconds % 60));
    return buffer;
}

}  // namespace fascicle::docbook
