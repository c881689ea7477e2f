#!/usr/bin/env bash
# Builds the Debian package, installs it on this machine with dpkg -i, and checks what a
# new user relies on: the command, its manual page where man looks, and bash completing
# `claimtrail li` to `list` through bash-completion's own loader. Installs cargo-deb,
# man-db and bash-completion first when they are missing. The package stays installed.
set -euo pipefail
cd "$(dirname "$0")/.."

sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
apt_install() {
  echo "installing $* for the package check..." >&2
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}
command -v cargo-deb >/dev/null 2>&1 || cargo install cargo-deb --locked
command -v man >/dev/null 2>&1 || apt_install man-db
[ -f /usr/share/bash-completion/bash_completion ] || apt_install bash-completion

fail() { echo "check-deb: $*" >&2; exit 1; }

deb=$(pkg/build-deb.sh)
echo "built $deb" >&2

# What the package holds, wherever this machine's dpkg lets it go.
contents=$(dpkg-deb --contents "$deb")
for path in ./usr/bin/claimtrail \
            ./usr/share/man/man1/claimtrail.1.gz \
            ./usr/share/bash-completion/completions/claimtrail \
            ./usr/share/zsh/vendor-completions/_claimtrail \
            ./usr/share/fish/vendor_completions.d/claimtrail.fish; do
  grep -q " $path\$" <<<"$contents" || fail "the package has no $path"
done

# Slim container images tell dpkg to leave manual pages out; then `man -w` cannot pass
# here, and saying so is better than skipping the check.
excluded=$(grep -rsH '^path-exclude.*/usr/share/man' /etc/dpkg/dpkg.cfg.d/ || true)
if [ -n "$excluded" ]; then
  fail "this machine's dpkg is set to leave out manual pages ($excluded), so the package's
man page (in it, as checked above) cannot be installed here; remove that path-exclude line
and run again"
fi

$sudo dpkg -i "$deb" >/dev/null

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
said=$(/usr/bin/claimtrail --version)
[ "$said" = "claimtrail $version" ] || fail "claimtrail --version said \"$said\", not \"claimtrail $version\""
echo "ok: /usr/bin/claimtrail --version: $said"

page=$(man -w claimtrail) || fail "man -w claimtrail found no manual page"
[ "$page" = /usr/share/man/man1/claimtrail.1.gz ] || fail "man -w claimtrail found $page"
man claimtrail 2>/dev/null | grep -q "claimtrail" || fail "man claimtrail shows nothing"
echo "ok: man -w claimtrail: $page"

# bash-completion loads a command's completion from its completions folder on first use:
# load it that way, then complete `claimtrail li`.
completed=$(PATH="/usr/bin:/bin" bash --norc --noprofile -c '
  source /usr/share/bash-completion/bash_completion
  _completion_loader claimtrail 2>/dev/null || __load_completion claimtrail
  function=$(complete -p claimtrail | sed -n "s/.*-F \([^ ]*\).*/\1/p")
  [ -n "$function" ] || { echo "no completion registered for claimtrail" >&2; exit 1; }
  COMP_WORDS=(claimtrail li); COMP_CWORD=1; COMP_LINE="claimtrail li"; COMP_POINT=${#COMP_LINE}
  "$function" claimtrail li claimtrail
  printf "%s\n" "${COMPREPLY[@]}"
') || fail "bash completion failed"
grep -qx list <<<"$completed" || fail "bash completed \"claimtrail li\" to: $(echo $completed)"
echo "ok: bash completes \"claimtrail li\" to: $(echo $completed)"

echo "ok: zsh and fish completions at /usr/share/zsh/vendor-completions/_claimtrail and /usr/share/fish/vendor_completions.d/claimtrail.fish"
