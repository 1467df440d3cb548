#!/bin/sh
# Check that the printed handout fits on one A4 page, for every region.
#
# It writes the HTML handout (all calls, so the longest list of tricks), prints
# it to PDF with headless Chromium, and counts the pages with pdfinfo.
#
# Needs: chromium and poppler-utils (Debian/Ubuntu:
#   sudo apt-get install chromium poppler-utils)
# Run from the project folder:  sh scripts/check-handout.sh
# Uses target/debug/hangup if built, else `cargo run`.
set -eu

for tool in chromium pdfinfo; do
    command -v "$tool" >/dev/null 2>&1 || {
        echo "check-handout: $tool is not installed (apt-get install chromium poppler-utils)" >&2
        exit 2
    }
done

if [ -x target/debug/hangup ]; then
    HANGUP="target/debug/hangup"
else
    HANGUP="cargo run -q --"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for region in ewni scotland; do
    html="$work/handout-$region.html"
    pdf="$work/handout-$region.pdf"
    $HANGUP --region "$region" handout --format html --out "$html"
    chromium --headless --no-sandbox --disable-gpu --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$(mktemp -d -p "$work")" \
        --no-pdf-header-footer --print-to-pdf="$pdf" "file://$html" >/dev/null 2>&1
    pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
    size=$(pdfinfo "$pdf" | awk -F': *' '/^Page size:/ {print $2}')
    if [ "$pages" = "1" ]; then
        echo "ok: $region handout is 1 page ($size)"
    else
        echo "FAIL: $region handout is $pages pages ($size)" >&2
        status=1
    fi
done
exit $status
