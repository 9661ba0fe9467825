// Golden files: reviewed expected output kept in tests/golden/; FASCICLE_REGENERATE_GOLDEN=1
// rewrites them from the actual output (review the diff before committing).
#pragma once

#include <filesystem>
#include <string>

namespace fascicle::markdown::test {

std::filesystem::path golden_dir();

// Fails the current test when `actual` differs from golden file `name`.
void expect_golden(const std::string& name, const std::string& actual);

}  // namespace fascicle::markdown::test
