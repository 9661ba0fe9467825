#include <fascicle/dates.hpp>

#include <cstdio>

namespace fascicle {

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct CivilDate {
    std::int64_t year;
    unsigned month;
    unsigned day;
};

CivilDate civil_from_days(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {y + (m <= 2), m, d};
}

bool is_leap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned days_in_month(std::int64_t y, unsigned m) {
    static constexpr unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

// Reads exactly `count` digits at `pos` as a number.
std::optional<unsigned> digits(std::string_view s, std::size_t pos, std::size_t count) {
    if (s.size() < pos + count) return std::nullopt;
    unsigned value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (s[i] < '0' || s[i] > '9') return std::nullopt;
        value = value * 10 + unsigned(s[i] - '0');
    }
    return value;
}

// The date a W3C date-time names (the time, when given, is checked but not kept).
std::optional<CivilDate> parse_w3c(std::string_view s) {
    const auto year = digits(s, 0, 4);
    if (!year) return std::nullopt;
    CivilDate parsed{*year, 1, 1};
    if (s.size() == 4) return parsed;

    if (s[4] != '-') return std::nullopt;
    const auto month = digits(s, 5, 2);
    if (!month || *month < 1 || *month > 12) return std::nullopt;
    parsed.month = *month;
    if (s.size() == 7) return parsed;

    if (s[7] != '-') return std::nullopt;
    const auto day = digits(s, 8, 2);
    if (!day || *day < 1 || *day > days_in_month(*year, *month)) return std::nullopt;
    parsed.day = *day;
    if (s.size() == 10) return parsed;

    // Time: Thh:mm[:ss[.s+]] then Z or +hh:mm / -hh:mm.
    if (s[10] != 'T') return std::nullopt;
    const auto hour = digits(s, 11, 2);
    const auto minute = digits(s, 14, 2);
    if (!hour || !minute || s[13] != ':' || *hour > 23 || *minute > 59) return std::nullopt;
    std::size_t pos = 16;
    if (pos < s.size() && s[pos] == ':') {
        const auto second = digits(s, pos + 1, 2);
        if (!second || *second > 59) return std::nullopt;
        pos += 3;
        if (pos < s.size() && s[pos] == '.') {
            const std::size_t first_fraction_digit = ++pos;
            while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
            if (pos == first_fraction_digit) return std::nullopt;
        }
    }
    if (pos < s.size() && s[pos] == 'Z') return pos + 1 == s.size() ? std::optional(parsed) : std::nullopt;
    if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
        const auto zone_hour = digits(s, pos + 1, 2);
        const auto zone_minute = digits(s, pos + 4, 2);
        if (!zone_hour || !zone_minute || s[pos + 3] != ':' || *zone_hour > 23 || *zone_minute > 59)
            return std::nullopt;
        return pos + 6 == s.size() ? std::optional(parsed) : std::nullopt;
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::int64_t> parse_epoch_seconds(std::string_view text) {
    if (text.empty() || text.size() > 18) return std::nullopt;
    std::int64_t value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

bool is_w3c_datetime(std::string_view text) { return parse_w3c(text).has_value(); }

std::optional<std::int64_t> start_of_day(std::string_view w3c_datetime) {
    const auto parsed = parse_w3c(w3c_datetime);
    if (!parsed) return std::nullopt;
    return days_from_civil(parsed->year, parsed->month, parsed->day) * 86400;
}

std::string format_utc(std::int64_t seconds) {
    std::int64_t days = seconds / 86400;
    std::int64_t rest = seconds % 86400;
    if (rest < 0) {
        rest += 86400;
        --days;
    }
    const CivilDate date = civil_from_days(days);
    char text[96];
    std::snprintf(text, sizeof text, "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ",
                  static_cast<long long>(date.year), date.month, date.day,
                  static_cast<long long>(rest / 3600), static_cast<long long>(rest / 60 % 60),
                  static_cast<long long>(rest % 60));
    return text;
}

}  // namespace fascicle
