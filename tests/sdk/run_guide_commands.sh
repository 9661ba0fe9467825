#!/usr/bin/env bash
# Runs every ```sh block of plugins/README.md, in order and as written, in a scratch copy of the
# source tree with HOME pointing into the scratch folder: the guide's commands must work.
# Not part of CTest: the guide builds the release preset from scratch (minutes, not seconds).
# usage: tests/sdk/run_guide_commands.sh [SCRATCH_DIR]   (default: a new temporary folder, kept)
set -euo pipefail
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
scratch=${1:-$(mktemp -d "${TMPDIR:-/tmp}/fascicle-guide.XXXXXX")}
mkdir -p "$scratch/home"
tar -C "$source_dir" --exclude=./build --exclude=./.git -cf - . | tar -C "$scratch" -xf - --one-top-level=fascicle

# The blocks joined into one script, so that a failing command stops it.
awk '/^```sh$/ { inside = 1; next } /^```$/ { inside = 0 } inside' "$source_dir/plugins/README.md" > "$scratch/guide.sh"
echo "== running $(grep -c . "$scratch/guide.sh") lines of plugins/README.md in $scratch/fascicle"
cd "$scratch/fascicle"
HOME="$scratch/home" bash -euxo pipefail "$scratch/guide.sh"
echo "== the guide's commands all worked (scratch folder: $scratch)"
