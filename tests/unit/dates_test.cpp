#include <fascicle/dates.hpp>

#include <gtest/gtest.h>

namespace fascicle {
namespace {

TEST(Dates, EpochSecondsAreDecimalDigitsOnly) {
    EXPECT_EQ(parse_epoch_seconds("1700000000"), 1700000000);
    EXPECT_EQ(parse_epoch_seconds("0"), 0);
    EXPECT_FALSE(parse_epoch_seconds(""));
    EXPECT_FALSE(parse_epoch_seconds("-1"));
    EXPECT_FALSE(parse_epoch_seconds("17e8"));
    EXPECT_FALSE(parse_epoch_seconds("1700000000 "));
    EXPECT_FALSE(parse_epoch_seconds("9999999999999999999"));  // would overflow
}

TEST(Dates, W3cDateTimesAreTheSixFormsOfTheNote) {
    for (const char* valid : {"1999", "2024-02", "2024-02-29", "2024-02-29T10:00Z", "2024-02-29T10:00:30+01:00",
                              "2024-02-29T10:00:30.25-05:30"})
        EXPECT_TRUE(is_w3c_datetime(valid)) << valid;
    for (const char* invalid : {"", "99", "March 2024", "2024-13", "2023-02-29", "2024-02-30", "2024-02-29T10:00",
                                "2024-02-29T24:00Z", "2024-02-29 10:00Z", "2024-02-29T10:00:30.Z"})
        EXPECT_FALSE(is_w3c_datetime(invalid)) << invalid;
}

TEST(Dates, StartOfDayIsMidnightUtcOfTheDayNamed) {
    EXPECT_EQ(start_of_day("2024-03-01"), 1709251200);
    EXPECT_EQ(start_of_day("2024-03-01T23:59:59Z"), 1709251200);
    EXPECT_EQ(start_of_day("2024-03"), 1709251200);
    EXPECT_EQ(start_of_day("1999"), 915148800);
    EXPECT_FALSE(start_of_day("2024-13-01"));
}

TEST(Dates, FormatUtcIsIsoWithZ) {
    EXPECT_EQ(format_utc(0), "1970-01-01T00:00:00Z");
    EXPECT_EQ(format_utc(1700000000), "2023-11-14T22:13:20Z");
    EXPECT_EQ(format_utc(951782400), "2000-02-29T00:00:00Z");
    EXPECT_EQ(format_utc(-1), "1969-12-31T23:59:59Z");
}

}  // namespace
}  // namespace fascicle
