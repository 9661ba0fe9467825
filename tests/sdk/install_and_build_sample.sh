#!/usr/bin/env bash
# sdk.install_and_build_sample: what a plugin author does, end to end, as plugins/README.md says it.
#   1. install fascicle from the build tree into a temporary prefix;
#   2. configure and build samples/plugins/html against that prefix only, in a build folder of its own;
#   3. through the installed fascicle: find the plugin with --plugin-dir and with FASCICLE_PLUGIN_PATH,
#      convert samples/corpus (one book, and --split), check the HTML (check_html.py);
#   4. install the plugin into the same prefix, where fascicle finds it without being told.
# usage: install_and_build_sample.sh CMAKE BUILD_DIR SOURCE_DIR GENERATOR CXX PYTHON CHECK_HTML LIBDIR PLUGIN_SUBDIR
#   LIBDIR, PLUGIN_SUBDIR: the build's CMAKE_INSTALL_LIBDIR and FASCICLE_PLUGIN_SUBDIR (relative to the prefix)
set -euo pipefail
cmake=$1 build=$2 source=$3 generator=$4 cxx=$5 python=$6 check_html=$7 libdir=$8 plugin_subdir=$9

work=$(mktemp -d "${TMPDIR:-/tmp}/fascicle-sdk-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
sample_build=$work/html-build
fascicle=$prefix/bin/fascicle
corpus=$source/samples/corpus
unset FASCICLE_PLUGIN_PATH  # only the folders this test names

step() { printf '\n== %s\n' "$*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
# Runs a command, keeping its output in $work/out; on failure prints it and stops.
run() {
  local status=0
  "$@" > "$work/out" 2>&1 || status=$?
  ((status == 0)) || { cat "$work/out"; fail "exit status $status: $*"; }
}
expect_in_output() { grep -qF -- "$1" "$work/out" || { cat "$work/out"; fail "expected '$1' in the output of the last command"; }; }

step "cmake --install $build --prefix $prefix"
run "$cmake" --install "$build" --prefix "$prefix"
for f in bin/fascicle include/fascicle/plugin.hpp include/fascicle/ir.hpp "$libdir/cmake/Fascicle/FascicleConfig.cmake"; do
  [[ -e $prefix/$f ]] || fail "not installed: $f"
done
run ldd "$fascicle"
expect_in_output "libfascicle-core.so.0 => $prefix/"   # the installed library, not the build tree's
run "$fascicle" --list-plugins
expect_in_output "$prefix/$plugin_subdir/fascicle-article-text.so"

step "configure and build samples/plugins/html against $prefix"
run "$cmake" -S "$source/samples/plugins/html" -B "$sample_build" -G "$generator" \
  -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS=-Werror \
  -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_INSTALL_PREFIX="$prefix" \
  -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON
grep -qx "Fascicle_DIR:PATH=$prefix/$libdir/cmake/Fascicle" "$sample_build/CMakeCache.txt" ||
  fail "the sample did not use the installed package: $(grep Fascicle_DIR "$sample_build/CMakeCache.txt")"
run "$cmake" --build "$sample_build" -j2
[[ -f $sample_build/fascicle-html.so ]] || fail "no $sample_build/fascicle-html.so"

step "the installed fascicle finds the plugin"
run "$fascicle" --plugin-dir "$sample_build" --list-plugins
expect_in_output "$sample_build/fascicle-html.so"
expect_in_output "html (write) .html .htm"
run env FASCICLE_PLUGIN_PATH="/nonexistent:$sample_build" "$fascicle" --list-plugins
expect_in_output "$sample_build/fascicle-html.so"
run "$fascicle" --list-plugins
grep -q fascicle-html "$work/out" && fail "fascicle found the plugin without being told where"

step "convert samples/corpus to HTML"
run "$fascicle" --plugin-dir "$sample_build" "$corpus" -o "$work/corpus.html"
run env FASCICLE_PLUGIN_PATH="$sample_build" "$fascicle" "$corpus" -t html --split "$work/split"
run "$python" "$check_html" "$corpus" --book "$work/corpus.html" --split "$work/split"
cat "$work/out"
# Deterministic: the same input gives the same bytes.
run "$fascicle" --plugin-dir "$sample_build" "$corpus" -o "$work/again.html"
cmp "$work/corpus.html" "$work/again.html" || fail "two conversions differ"

step "--html-css"
printf 'body { color: teal; }\n' > "$work/good.css"
run "$fascicle" --plugin-dir "$sample_build" "$corpus" --html-css "$work/good.css" -o "$work/teal.html"
grep -qF 'body { color: teal; }' "$work/teal.html" || fail "--html-css stylesheet not embedded"
grep -qF 'max-width' "$work/teal.html" && fail "--html-css: the built-in stylesheet is still there"
printf 'body { color: teal; }\na::after { content: "&"; }\n' > "$work/bad.css"
status=0
"$fascicle" --plugin-dir "$sample_build" "$corpus" --html-css "$work/bad.css" -o "$work/bad.html" 2> "$work/out" || status=$?
((status == 73)) || { cat "$work/out"; fail "a stylesheet holding '&': exit status $status, expected 73 (output not written)"; }
expect_in_output "$work/bad.css:2:22: error:"
[[ ! -e $work/bad.html ]] || fail "a failed conversion left $work/bad.html"

step "install the plugin into the same prefix: fascicle finds it without --plugin-dir"
run "$cmake" --install "$sample_build"
run "$fascicle" --list-plugins
expect_in_output "$prefix/$plugin_subdir/fascicle-html.so"
run readelf -d "$prefix/$plugin_subdir/fascicle-html.so"
expect_in_output "[$prefix/$libdir]"
run "$fascicle" "$corpus/000_f53ed46ec5733f67.txt" -t html -o -
expect_in_output "<h2>Unraveling Emotions: The Role of Kratom for Depression Relief</h2>"

echo "sdk.install_and_build_sample: all steps passed"
