#!/bin/sh
# Screenshots an HTML file in headless Chromium (network off) to check that it renders and prints.
# Usage: src/test/browser/screenshot-report.sh PAGE.html OUTPUT.png [WIDTH [HEIGHT]]
# The default width is A4 portrait at 96 dpi (210 mm = 794 px), the width a printed page lays out at.
# The tests write target/report-sample*.html and target/evidence-sample.html; this script starts nothing else.
set -eu
if [ "$#" -lt 2 ] || [ "$#" -gt 4 ]; then
    echo "usage: $0 PAGE.html OUTPUT.png [WIDTH [HEIGHT]]" >&2
    exit 2
fi
html=$(realpath "$1")
png=$(realpath -m "$2")
width=${3:-794}
height=${4:-4000}
browser=$(command -v chromium || command -v chromium-browser)
"$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --hide-scrollbars --window-size="$width,$height" --screenshot="$png" "file://$html"
test -s "$png"
echo "$png"
