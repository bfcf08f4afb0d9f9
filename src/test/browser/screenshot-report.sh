#!/bin/sh
# Screenshots a report HTML file in headless Chromium (network off) to check that it renders and prints.
# Usage: src/test/browser/screenshot-report.sh target/report-sample.html target/report-sample.png
# The tests write target/report-sample.html; this script starts nothing else.
set -eu
if [ "$#" -ne 2 ]; then
    echo "usage: $0 REPORT.html OUTPUT.png" >&2
    exit 2
fi
html=$(realpath "$1")
png=$(realpath -m "$2")
browser=$(command -v chromium || command -v chromium-browser)
"$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --hide-scrollbars --window-size=1200,2400 --screenshot="$png" "file://$html"
test -s "$png"
echo "$png"
