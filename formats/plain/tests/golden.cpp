#include "golden.hpp"

#include <test_support.hpp>

#include <gtest/gtest.h>

#include <cstdlib>

namespace fascicle::plain::test {

std::filesystem::path golden_dir() { return std::filesystem::path(FASCICLE_PLAIN_TEST_DIR) / "golden"; }

void expect_golden(const std::string& name, const std::string& actual) {
    const auto path = golden_dir() / name;
    if (std::getenv("FASCICLE_REGENERATE_GOLDEN")) fascicle::test::write_file(path, actual);
    ASSERT_TRUE(std::filesystem::exists(path)) << path << " is missing: run with FASCICLE_REGENERATE_GOLDEN=1";
    EXPECT_TRUE(actual == fascicle::test::read_file(path))
        << name << " differs from its golden file " << path << "; actual output:\n" << actual.substr(0, 4000);
}

}  // namespace fascicle::plain::test
