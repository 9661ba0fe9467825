#!/usr/bin/env bash
# The main job: install what is needed, build the fascicle CLI and its plugins, and convert the sample corpus into out/
# in every output format whose plugin was built.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh --no-npm  # no validator runs here
cmake --preset release >/dev/null
# Only what this script runs: the CLI and the built-in plugins (no test, fuzz target or benchmark).
cmake --build --preset release --target fascicle_runtime

fascicle=build/release/bin/fascicle
mkdir -p out
declare -A outputs=([epub]=corpus.epub [docbook]=corpus.xml [pdf]=corpus.pdf [markdown]=corpus.md [plain]=corpus.txt)
available=$("$fascicle" --list-formats | sed -n '/^Output formats:/,$p')
for format in epub docbook pdf markdown plain; do
  if grep -q "^  $format " <<<"$available"; then
    "$fascicle" samples/corpus -t "$format" -o "out/${outputs[$format]}"
    echo "out/${outputs[$format]}"
  fi
done
