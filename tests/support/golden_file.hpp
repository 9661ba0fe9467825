// Golden files: reviewed expected output kept beside a format's tests. FASCICLE_REGENERATE_GOLDEN=1
// rewrites them from the actual output (review the diff before committing).
#pragma once

#include <filesystem>
#include <string>

namespace fascicle::test {

// Fails the current test when `actual` differs from the file at `golden` (or it is missing).
void expect_golden_file(const std::filesystem::path& golden, const std::string& actual);

}  // namespace fascicle::test
