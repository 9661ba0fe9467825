#!/usr/bin/env bash
# The whole test suite: install what is needed, build with the dev preset (warnings as errors),
# run every test through CTest; then the same under AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
for preset in dev asan-ubsan; do
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset"
  ctest --preset "$preset"
done

# The fuzz targets (clang, libFuzzer): built alone, each run for a short bounded time (tests/fuzz).
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target fascicle_fuzz_targets
ctest --preset fuzz
