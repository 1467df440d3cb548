#!/usr/bin/env bash
# Build the Debian package: target/debian/hangup_VERSION_ARCH.deb
#
#   scripts/build-deb.sh
#
# Builds the release binary, makes the man page and the bash, zsh and fish
# completions from the command-line definition (`hangup man`,
# `hangup completions SHELL`), puts the kiosk unit beside them (pointing at
# /usr/bin/hangup), then packs it all with cargo-deb (installed from
# crates.io if missing). The unit is installed, not enabled: see docs/kiosk.md.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! cargo deb --version >/dev/null 2>&1; then
  cargo install cargo-deb --locked
fi

cargo build --release --locked
bin=target/release/hangup
mkdir -p target/assets
"$bin" man | gzip -9n > target/assets/hangup.1.gz
"$bin" completions bash > target/assets/hangup.bash
"$bin" completions zsh > target/assets/_hangup
"$bin" completions fish > target/assets/hangup.fish
sed 's#/usr/local/bin/hangup#/usr/bin/hangup#g' assets/hangup-kiosk.service \
  > target/assets/hangup-kiosk.service
cargo deb --no-build --no-strip
