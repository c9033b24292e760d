#!/usr/bin/env bash
# Writes docs/report.png, the README's picture of the quickstart's report: the top of
# runs/quickstart/report/index.html (or the report directory given) in headless Chromium at 1400 px.
# Needs Debian's chromium. Usage: tools/report-screenshot.sh [REPORT_DIR]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPORT="${1:-$ROOT/runs/quickstart/report}"
profile="$(mktemp -d)"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$profile" \
  --window-size=1400,2000 --screenshot="$ROOT/docs/report.png" "file://$(cd "$REPORT" && pwd)/index.html" 2> /dev/null
rm -rf "$profile"
echo "wrote $ROOT/docs/report.png"
