#!/usr/bin/env bash
# Installs every Debian package that Fascicle's build, tests and validators need.
# Then the validators that come from npm (tests/validators/package-lock.json).
# Idempotent: packages already present are left alone, and apt-get update runs only when something is missing;
# npm ci runs only when tests/validators/node_modules is missing or older than its lock file.
# --no-npm: the Debian packages only (the main command, which runs no validator, passes it).
set -euo pipefail
with_npm=1
[[ ${1:-} == --no-npm ]] && with_npm=0

packages=(
  # build
  build-essential cmake ninja-build pkg-config clang libclang-rt-14-dev
  libboost-dev libboost-program-options-dev libboost-filesystem-dev
  libpugixml-dev libzip-dev libcmark-dev libicu-dev libutf8proc-dev unicode-data
  libgtest-dev libgmock-dev googletest libbenchmark-dev
  dpkg-dev file  # the Debian package: CPack's DEB generator computes dependencies with dpkg-shlibdeps
  groff-base man-db bsdextrautils  # the man page's tests render it (groff, man -l, col)
  uuid-dev  # name-based UUIDs of EPUB content (formats/epub)
  libdeflate-dev  # the EPUB chapters' deflate, faster than zlib's (formats/epub)
  # validators and peers used by the tests
  default-jre-headless epubcheck jing docbook5-xml docbook-xsl-ns xsltproc fop
  poppler-utils cmark pandoc zip unzip time
  parallel  # core/cli/fascicle-shelf: one fascicle per book (tests/cli/shelf_test.sh)
  cmark-gfm  # the real-world fidelity test counts what GFM sources hold (tests/realworld)
  libcmark-gfm-dev libcmark-gfm-extensions-dev  # the Markdown reader, and the writer's GFM round trip (formats/markdown)
  libyaml-dev  # the Markdown reader's metadata block (formats/markdown)
  python3-html5lib
  # headless rendering of an EPUB chapter for its screenshot (formats/epub/screenshot.sh)
  chromium
  # fonts the PDF output embeds (formats/pdf): Liberation for the text, then the fallback chain for
  # what it lacks: Arabic, Hebrew, symbols (Noto), Chinese and Japanese (Droid Sans Fallback), Korean
  # (Nanum), monochrome emoji (Symbola). FOP 2.8 cannot read fonts-noto-cjk's CFF collections.
  fonts-liberation2 fonts-noto-core fonts-droid-fallback fonts-nanum fonts-symbola
  libgs-common  # Ghostscript's CMYK ICC profile: the PDF/X output intent (formats/pdf --pdf-x)
  qpdf  # the PDF/X test checks the PDF's structure (formats/pdf)
  # JEuclid's FOP plugin: the PDF output typesets MathML formulas with it, else prints their TeX (formats/pdf)
  libjeuclid-fop-java
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# Node.js and npm run the validators that come from npm (tests/validators). A machine may already
# have a Node.js of its own that carries npm: only what is missing comes from Debian.
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages present"
else
  echo "install-deps: installing ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The validators from npm (DAISY Ace), at the versions package-lock.json pins. npm ci runs when
# node_modules is missing, or older than the lock file (npm ci writes node_modules/.package-lock.json
# last, so an install cut short runs again). --ignore-scripts: no install script runs, so none
# downloads a browser; Ace drives Debian's chromium.
validators=$(cd "$(dirname "$0")/../tests/validators" && pwd)
stamp=$validators/node_modules/.package-lock.json
if ((!with_npm)); then
  echo "install-deps: --no-npm: tests/validators left as it is"
elif [[ ! -f $stamp || $validators/package-lock.json -nt $stamp ]]; then
  echo "install-deps: npm ci in tests/validators"
  (cd "$validators" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
else
  echo "install-deps: tests/validators/node_modules up to date"
fi
