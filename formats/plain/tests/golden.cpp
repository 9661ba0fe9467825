#include "golden.hpp"

#include <golden_file.hpp>

namespace fascicle::plain::test {

std::filesystem::path golden_dir() { return std::filesystem::path(FASCICLE_PLAIN_TEST_DIR) / "golden"; }

void expect_golden(const std::string& name, const std::string& actual) {
    fascicle::test::expect_golden_file(golden_dir() / name, actual);
}

}  // namespace fascicle::plain::test
