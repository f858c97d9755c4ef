#!/usr/bin/env bash
# Prints every NAME.html in DIR to NAME.pdf in OUT with headless Chromium, as a reader's "print to PDF" of a
# government page does (navigation, sidebar and all), and copies NAME.expected.json beside it: PDFs from a second
# maker (Skia's text runs and ToUnicode maps, not LibreOffice's). Needs Debian's chromium package.
#   bash scripts/generate/chromium.sh DIR OUT [PREFIX]   (PREFIX renames g53-000 to PREFIX53-000, e.g. c)
set -euo pipefail
dir=$1 out=$2 prefix=${3:-}
mkdir -p "$out"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
for html in "$dir"/*.html; do
  name=$(basename "$html" .html)
  target=${prefix:+$prefix${name#g}}
  target=${target:-$name}
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --user-data-dir="$profile" --no-pdf-header-footer \
    --print-to-pdf="$out/$target.pdf" "file://$(realpath "$html")" >/dev/null 2>&1
  cp "$dir/$name.expected.json" "$out/$target.expected.json"
done
