#!/bin/sh
# Check that the printed handout fits on one A4 page, for every region.
#
# It writes the HTML handout (all calls, so the longest list of tricks), and the
# --mine handout for a learner with nothing saved and for one who practised every
# call, prints each to PDF with headless Chromium, and counts the pages with pdfinfo.
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

# A learner who has practised every call, caught out by every trick they
# show: the longest "--mine" sheet. Written in the progress file's own format.
full="$work/full"
mkdir -p "$full"
{
    echo 'version = 1'
    $HANGUP list | awk '{print $1}' | while read -r id; do
        printf '[scenarios.%s]\nplays = 3\nfirst_played = "2026-11-02"\nlast_played = "2026-11-20"\nlast_outcome = "defrauded"\n' "$id"
    done
    sed -n 's/^id = "\(.*\)"/\1/p' assets/catalogue/red-flags.toml | while read -r flag; do
        printf '[tricks.%s]\nmissed = 2\nlast_missed = "2026-11-20"\nto_practise = true\n' "$flag"
    done
} > "$full/progress.toml"
mkdir -p "$work/empty"

status=0
check() {
    name=$1
    shift
    html="$work/handout-$name.html"
    pdf="$work/handout-$name.pdf"
    "$@" --format html --out "$html"
    chromium --headless --no-sandbox --disable-gpu --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$(mktemp -d -p "$work")" \
        --no-pdf-header-footer --print-to-pdf="$pdf" "file://$html" >/dev/null 2>&1
    pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
    size=$(pdfinfo "$pdf" | awk -F': *' '/^Page size:/ {print $2}')
    if [ "$pages" = "1" ]; then
        echo "ok: $name handout is 1 page ($size)"
    else
        echo "FAIL: $name handout is $pages pages ($size)" >&2
        status=1
    fi
}
for region in ewni scotland; do
    check "$region" $HANGUP --region "$region" handout
    check "$region-mine-nothing-yet" $HANGUP --region "$region" --data-dir "$work/empty" handout --mine
    check "$region-mine-everything" $HANGUP --region "$region" --data-dir "$full" handout --mine --today 2026-11-30
    # Welsh is longer than English: it must fit too.
    check "$region-cy" $HANGUP --language cy --region "$region" handout
    check "$region-cy-mine-everything" $HANGUP --language cy --region "$region" --data-dir "$full" handout --mine --today 2026-11-30
done
exit $status
