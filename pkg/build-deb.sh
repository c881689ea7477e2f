#!/usr/bin/env bash
# Builds the Debian package: the release binary, then the manual page and the bash, zsh
# and fish completions written by that binary (so they match it), then `cargo deb`.
# Prints the path of the .deb it made. Needs cargo-deb (cargo install cargo-deb --locked).
set -euo pipefail
cd "$(dirname "$0")/.."

target=$(cargo metadata --format-version 1 --no-deps \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')

cargo build --release --locked >&2
bin="$target/release/claimtrail"

# Generated beside the binary, under target/release/, where cargo-deb looks for what a
# build made, whatever CARGO_TARGET_DIR says.
assets="$target/release/deb-assets"
rm -rf "$assets"
mkdir -p "$assets"
"$bin" man | gzip -9n > "$assets/claimtrail.1.gz"
"$bin" completions bash > "$assets/claimtrail.bash"
"$bin" completions zsh > "$assets/_claimtrail"
"$bin" completions fish > "$assets/claimtrail.fish"

cargo deb --no-build --locked "$@" >&2
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
arch=$(dpkg --print-architecture)
ls "$target/debian/claimtrail_${version}-1_${arch}.deb"
