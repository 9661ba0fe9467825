#!/usr/bin/env bash
# package.deb_install: the Debian packages as a user meets them, installed into this machine and removed.
#   1. cpack makes fascicle_*.deb and libfascicle-dev_*.deb from this build folder; their contents and
#      control fields are checked (files, shlibs dependencies, Recommends, the -dev's exact version);
#   2. apt-get installs both (no network: every dependency is installed already; nothing else may come);
#   3. the installed /usr/bin/fascicle: --version, its core library and plugins from /usr, samples/corpus
#      to EPUB and DocBook (the same bytes as the build tree's fascicle), man fascicle, bash completion;
#   4. samples/plugins/html is built against the installed SDK alone and loaded with --plugin-dir;
#   5. both packages are purged, also when a step fails (trap), and the machine's package list is checked
#      to be what it was before.
# Needs root (it installs packages); CI runs as root. Registered only in unsanitized builds (FASCICLE_TEST_PACKAGE).
# usage: deb_install.sh BUILD_DIR SOURCE_DIR FASCICLE GENERATOR CXX VERSION
#   FASCICLE: the build tree's fascicle, whose output the installed one must match
set -euo pipefail
build=$1 source=$2 built_fascicle=$3 generator=$4 cxx=$5 version=$6
corpus=$source/samples/corpus
unset FASCICLE_PLUGIN_PATH  # only the folders this test names
export DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8

step() { printf '\n== %s\n' "$*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
run() {  # runs a command, its output kept in $work/out; on failure prints it and stops
  local status=0
  "$@" > "$work/out" 2>&1 || status=$?
  ((status == 0)) || { cat "$work/out"; fail "exit status $status: $*"; }
}
expect_in_output() { grep -qF -- "$1" "$work/out" || { cat "$work/out"; fail "expected '$1' in the output of the last command"; }; }
installed() { [[ $(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null) == installed ]]; }
package_list() { dpkg-query -W -f='${Package}:${Architecture} ${Version} ${db:Status-Abbrev}\n' | sort; }

(($(id -u) == 0)) || fail "this test installs packages: run it as root (CI does)"
for tool in cpack apt-get dpkg dpkg-deb readelf man; do command -v "$tool" >/dev/null || fail "$tool is not installed"; done
# A fascicle installed before would be replaced, then removed: refuse instead of changing the machine.
for p in fascicle libfascicle-dev; do installed "$p" && fail "$p is already installed: remove it first (dpkg -r $p)"; done

work=$(mktemp -d "${TMPDIR:-/tmp}/fascicle-deb-test.XXXXXX")
before=$work/packages.before
package_list > "$before"
cleanup() {
  local status=$?
  for p in libfascicle-dev fascicle; do
    if dpkg-query -W "$p" >/dev/null 2>&1; then
      echo "cleanup: purging $p"
      dpkg --purge "$p" >/dev/null || status=1
    fi
  done
  if ! package_list | diff -u "$before" - >&2; then
    echo "FAIL: the installed packages differ from before the test" >&2
    status=1
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT

step "cpack -G DEB in $build"
run cpack -G DEB -B "$work/deb" --config "$build/CPackConfig.cmake"
runtime_deb=$work/deb/fascicle_${version}_$(dpkg --print-architecture).deb
dev_deb=$work/deb/libfascicle-dev_${version}_$(dpkg --print-architecture).deb
[[ -f $runtime_deb && -f $dev_deb ]] || fail "expected $runtime_deb and $dev_deb; made: $(ls "$work/deb")"

step "contents and control fields"
dpkg-deb -c "$runtime_deb" | awk '{print $6}' > "$work/runtime.files"
for f in ./usr/bin/fascicle ./usr/bin/fascicle-shelf ./usr/lib/libfascicle-core.so.0 ./usr/share/man/man1/fascicle.1.gz \
         ./usr/share/bash-completion/completions/fascicle; do
  grep -qx -- "$f" "$work/runtime.files" || fail "fascicle package: no $f"
done
for plugin in article-text docbook epub markdown pdf plain; do
  grep -qxE -- "\./usr/lib/fascicle/plugins-[0-9]+/fascicle-$plugin\.so" "$work/runtime.files" || fail "fascicle package: no plugin $plugin"
done
grep -E '/include/|/cmake/|\.so$' "$work/runtime.files" | grep -vE '/plugins-[0-9]+/' && fail "fascicle package: SDK files (above) belong in libfascicle-dev"
dpkg-deb -c "$dev_deb" | awk '{print $6}' > "$work/dev.files"
for f in ./usr/include/fascicle/plugin.hpp ./usr/include/fascicle/ir.hpp ./usr/lib/libfascicle-core.so \
         ./usr/lib/cmake/Fascicle/FascicleConfig.cmake ./usr/lib/cmake/Fascicle/FasciclePlugin.cmake; do
  grep -qx -- "$f" "$work/dev.files" || fail "libfascicle-dev package: no $f"
done
grep -E '^\./usr/(bin|share/man)/' "$work/dev.files" && fail "libfascicle-dev package: runtime files (above)"
# Dependencies computed by dpkg-shlibdeps from the binaries: the C++ runtime, Boost, libzip, pugixml, ...
depends=$(dpkg-deb -f "$runtime_deb" Depends)
echo "fascicle Depends: $depends"
for lib in libc6 libstdc++6 libboost-program-options libzip4 libpugixml libcmark-gfm; do
  grep -q "$lib" <<<"$depends" || fail "fascicle Depends lacks $lib: $depends"
done
grep -q "fascicle" <<<"$depends" && fail "fascicle depends on itself (its core library was not found in the package): $depends"
recommends=$(dpkg-deb -f "$runtime_deb" Recommends)
for tool in xsltproc docbook-xsl-ns fop; do
  grep -qw "$tool" <<<"$recommends" || fail "fascicle Recommends lacks $tool: $recommends"
done
[[ $(dpkg-deb -f "$dev_deb" Depends) == *"fascicle (= $version)"* ]] ||
  fail "libfascicle-dev does not depend on fascicle (= $version): $(dpkg-deb -f "$dev_deb" Depends)"

step "apt-get install both packages"
run apt-get install -y --no-install-recommends -o DPkg::Lock::Timeout=120 "$runtime_deb" "$dev_deb"
installed fascicle && installed libfascicle-dev || fail "not installed after apt-get install"
# Everything they need was there: exactly these two packages came.
package_list > "$work/packages.installed"
added=$(comm -13 "$before" "$work/packages.installed" | cut -d: -f1 | sort | paste -sd' ')
changed=$(comm -23 "$before" "$work/packages.installed" | paste -sd' ')
[[ -z $changed ]] || fail "apt-get changed packages that were installed: $changed"
[[ $added == "fascicle libfascicle-dev" ]] || fail "apt-get installed more than the two packages: $added"

step "the installed fascicle"
fascicle=/usr/bin/fascicle
run "$fascicle" --version
expect_in_output "fascicle $version"
run readelf -d "$fascicle"
expect_in_output 'RUNPATH'
expect_in_output '[$ORIGIN/../lib]'
run ldd "$fascicle"
expect_in_output "libfascicle-core.so.0 => /usr/bin/../lib/libfascicle-core.so.0"  # through the RUNPATH
run "$fascicle" --list-plugins
api_major=$(sed -n 's/^#define FASCICLE_API_VERSION_MAJOR \([0-9]*\)$/\1/p' /usr/include/fascicle/plugin.hpp)
for plugin in article-text docbook epub markdown pdf plain; do expect_in_output "/usr/lib/fascicle/plugins-$api_major/fascicle-$plugin.so"; done
# Stripped, as Debian installs binaries (no full symbol table): found all the same, through .dynsym.
run readelf -S "/usr/lib/fascicle/plugins-$api_major/fascicle-epub.so"
grep -q '\.symtab' "$work/out" && fail "fascicle-epub.so is not stripped"

step "samples/corpus to EPUB and DocBook with the installed fascicle"
for out in corpus.epub corpus.xml; do
  run "$fascicle" "$corpus" -o "$work/installed-$out"
  run "$built_fascicle" "$corpus" -o "$work/built-$out"
  [[ -s $work/installed-$out ]] || fail "empty $out"
  cmp "$work/installed-$out" "$work/built-$out" || fail "$out: the installed fascicle and the build tree's differ"
done
[[ $(unzip -p "$work/installed-corpus.epub" mimetype) == application/epub+zip ]] || fail "corpus.epub: no EPUB mimetype"
grep -q '<book xmlns="http://docbook.org/ns/docbook"' "$work/installed-corpus.xml" || fail "corpus.xml: not a DocBook 5 book"

step "fascicle-shelf: a shelf of two books with the installed commands"
mkdir -p "$work/shelf"
cp -r "$corpus" "$work/shelf/one"
cp -r "$corpus" "$work/shelf/two"
run /usr/bin/fascicle-shelf -o "$work/shelf-out" "$work/shelf"
[[ -s $work/shelf-out/one.epub && -s $work/shelf-out/two.epub ]] || fail "fascicle-shelf made no one.epub and two.epub"
cmp "$work/shelf-out/one.epub" "$work/installed-corpus.epub" || fail "fascicle-shelf's EPUB differs from fascicle's"

step "man fascicle, bash completion"
run man -w fascicle
expect_in_output /usr/share/man/man1/fascicle.1.gz
run env MANWIDTH=80 man fascicle
expect_in_output "EXIT STATUS"
expect_in_output "FASCICLE_PLUGIN_PATH"
run bash -c 'source /usr/share/bash-completion/completions/fascicle
  COMP_WORDS=(fascicle -t ""); COMP_CWORD=2; _fascicle; echo "to: ${COMPREPLY[*]}"
  COMP_WORDS=(fascicle --ou); COMP_CWORD=1; _fascicle; echo "options: ${COMPREPLY[*]}"'
expect_in_output "to: article-text commonmark docbook epub gfm markdown pdf plain"
expect_in_output "options: --output"

step "samples/plugins/html against the installed SDK"
sample_build=$work/html-build
run cmake -S "$source/samples/plugins/html" -B "$sample_build" -G "$generator" \
  -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS=-Werror \
  -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON
grep -qx "Fascicle_DIR:PATH=/usr/lib/cmake/Fascicle" "$sample_build/CMakeCache.txt" ||
  fail "the sample did not use the installed package: $(grep Fascicle_DIR "$sample_build/CMakeCache.txt")"
run cmake --build "$sample_build" -j2
run "$fascicle" --plugin-dir "$sample_build" --list-plugins
expect_in_output "$sample_build/fascicle-html.so"
run "$fascicle" --plugin-dir "$sample_build" "$corpus" -o "$work/corpus.html"
grep -qF "<h2>Unraveling Emotions: The Role of Kratom for Depression Relief</h2>" "$work/corpus.html" ||
  fail "corpus.html lacks the first article's title"

step "remove both packages"
run dpkg --purge libfascicle-dev fascicle
installed fascicle && fail "fascicle still installed after dpkg --purge"
[[ ! -e /usr/bin/fascicle && ! -e /usr/lib/fascicle ]] || fail "files left after dpkg --purge"
echo "package.deb_install: all steps passed"
