#!/usr/bin/env bash
# The README's test command: restores, builds and runs every test project, then prints one summary line.
# Works on a fresh clone; everything the tests need is set up here.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "==> installing the MessagePack interop npm packages (eng/interop)"
if ! npm ci --prefix eng/interop --no-audit --no-fund --loglevel=error >/dev/null; then
  echo "error: 'npm ci --prefix eng/interop' failed; the MessagePack interop tests need its packages (see the npm output above)" >&2
  echo "SUMMARY: npm ci failed (passed 0, failed 0)"
  exit 1
fi

echo "==> building"
if ! dotnet build TypedGrains.sln -c Release -nologo -v minimal; then
  echo "SUMMARY: build failed (passed 0, failed 0)"
  exit 1
fi

echo "==> starting a throwaway PostgreSQL 15 for the persistence tests (eng/postgres.sh)"
source "$root/eng/postgres.sh"
# Stopped and deleted on every exit, test failures included.
trap postgres_stop EXIT
if ! postgres_start; then
  echo "SUMMARY: PostgreSQL failed to start (passed 0, failed 0)"
  exit 1
fi

echo "==> testing"
# The kill -9 failover test runs on its own afterwards: its silo processes probe each other with 1 s timeouts, and
# beside the other test projects (the analyzer tests keep both cores busy) Orleans declared live silos dead.
failover="TypedGrains.Orleans.Tests.FailoverTests"
dotnet test TypedGrains.sln -c Release --no-build -nologo --blame-hang-timeout 5m --blame-hang-dump-type none \
  --filter "FullyQualifiedName!~$failover" \
  --logger "trx" --results-directory "$results" 2>&1 | tee "$results/console.log"
status=${PIPESTATUS[0]}

echo "==> testing the kill -9 failover on its own"
dotnet test tests/TypedGrains.Orleans.Tests/TypedGrains.Orleans.Tests.csproj -c Release --no-build -nologo \
  --blame-hang-timeout 10m --blame-hang-dump-type none --filter "FullyQualifiedName~$failover" \
  --logger "trx;LogFileName=failover.trx" --results-directory "$results" 2>&1 | tee -a "$results/console.log"
failover_status=${PIPESTATUS[0]}
[ "$status" -ne 0 ] || status=$failover_status

# Sum the per-assembly outcome counters of the .trx files into one line.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done

# The kill -9 failover test's recovery times: xUnit keeps a passing test's output in the .trx files only.
recoveries=$(cat "$results"/*.trx 2>/dev/null | grep -oE 'kill [0-9]+: silo pid .*|silo pid [0-9]+ did not join: .*|recovery after kill -9: .*' | sed 's#</StdOut>.*##')
if [ -n "$recoveries" ]; then
  echo "==> kill -9 failover (TypedGrains.Orleans.Tests.FailoverTests)"
  sed 's/^/  /' <<<"$recoveries"
fi

# ---- package check: the packed TypedGrains package in a fresh console app (eng/package-test.sh), counted as one test ----
echo "==> checking the TypedGrains package end to end (eng/package-test.sh)"
if TYPEDGRAINS_PACK_NO_BUILD=1 bash "$root/eng/package-test.sh"; then
  passed=$((passed + 1))
else
  failed=$((failed + 1)); [ "$status" -ne 0 ] || status=1
fi

# ---- NativeAOT check: samples/Counter published with PublishAot=true, zero trim/AOT warnings, the binary persists ----
echo "==> checking the NativeAOT publish of samples/Counter (eng/aot-check.sh)"
if bash "$root/eng/aot-check.sh"; then
  passed=$((passed + 1))
else
  failed=$((failed + 1)); [ "$status" -ne 0 ] || status=1
fi

# The summary is the last line printed.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test exited with $status although no test failed (see $results/console.log)"
fi
echo "SUMMARY: passed $passed, failed $failed, skipped $skipped"
exit "$status"
