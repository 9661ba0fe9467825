#include "golden_file.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

namespace fascicle::test {

void expect_golden_file(const std::filesystem::path& golden, const std::string& actual) {
    if (std::getenv("FASCICLE_REGENERATE_GOLDEN")) write_file(golden, actual);
    ASSERT_TRUE(std::filesystem::exists(golden)) << golden << " is missing: run with FASCICLE_REGENERATE_GOLDEN=1";
    EXPECT_TRUE(actual == read_file(golden))
        << golden << " differs from the output; actual output:\n" << actual.substr(0, 4000);
}

}  // namespace fascicle::test
