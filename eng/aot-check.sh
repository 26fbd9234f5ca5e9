#!/usr/bin/env bash
# NativeAOT check of samples/Counter: publishes it with PublishAot=true, fails on any trim/AOT warning (IL2xxx, IL3xxx),
# then runs the native binary twice on one SQLite file and expects the second run to continue from the first.
# Installs the native toolchain NativeAOT needs (clang, zlib1g-dev) from Debian's packages when it is missing.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fail() { echo "aot-check: FAIL: $*" >&2; exit 1; }

if ! command -v clang >/dev/null 2>&1 || ! dpkg -s zlib1g-dev >/dev/null 2>&1; then
  echo "aot-check: installing clang and zlib1g-dev (apt-get)"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq >/dev/null || fail "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq clang zlib1g-dev >/dev/null || fail "could not install clang and zlib1g-dev"
fi

out="$(mktemp -d "${TMPDIR:-/tmp}/typedgrains-aot.XXXXXX")"
trap 'rm -rf "$out"' EXIT
rid="linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')"

echo "aot-check: publishing samples/Counter with PublishAot=true for $rid"
log="$out/publish.log"
if ! dotnet publish "$root/samples/Counter/Counter.csproj" -c Release -r "$rid" -p:TypedGrainsAot=true -o "$out/bin" -nologo >"$log" 2>&1; then
  cat "$log" >&2
  fail "the NativeAOT publish failed"
fi
warnings="$(grep -E 'warning IL[0-9]{4}' "$log" | sort -u || true)"
if [ -n "$warnings" ]; then
  echo "$warnings" >&2
  fail "the NativeAOT publish reported $(wc -l <<<"$warnings") trim/AOT warning(s), listed above"
fi

binary="$out/bin/Counter"
[ -x "$binary" ] || fail "no native binary at $binary"
[ "$(head -c 4 "$binary" | tail -c 3)" = "ELF" ] || fail "$binary is not a native executable"

for expected in "= 5" "= 10"; do
  output="$("$binary" 2>&1)" || { echo "$output" >&2; fail "the native binary failed"; }
  grep -q "Counter .* $expected\$" <<<"$output" || { echo "$output" >&2; fail "the native binary printed the above, expected a count '$expected' (the second run continues from the first)"; }
  echo "aot-check: native run printed: $(head -n 1 <<<"$output")"
done

echo "aot-check: PASS"
