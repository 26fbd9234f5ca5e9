#!/usr/bin/env bash
# Compile time of the grain generator (issue 14 item 3). Writes a project of 1,000 grains (BenchmarkGrains.cs: four
# shapes with state records, calls, casts, deferred replies, references between grains) that references the
# repository's generator and analyzers as analyzers, and measures:
#   1. a full build: `dotnet build -p:ReportAnalyzer=true -v:d` (plus a binary log), from which the compiler's analyzer
#      report gives the generator's and the analyzers' total time. Three compilations: one in a csc of its own
#      (UseSharedCompilation=false: a cold compiler that loads and jits the generator, as the first build after a
#      compiler-server start), then two rebuilds on the compiler server (warm: repeated builds).
#   2. incremental runs in Roslyn's GeneratorDriver (the IDE's and the compiler server's path): one handler body edited
#      at a time, every other grain's steps Cached/Unchanged, median time of the edits (TypedGrains.CompileTime incremental).
# Targets: full-build generator time < 1 s; an edited handler body regenerates in < 50 ms.
# Usage: benchmarks/TypedGrains.CompileTime/run.sh [GRAINS]   (KEEP=1 keeps the work directory and its logs)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
grains="${1:-1000}"
work="$(mktemp -d "${TMPDIR:-/tmp}/typedgrains-compile-time.XXXXXX")"
[ "${KEEP:-}" = "1" ] || trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

tool="$root/benchmarks/TypedGrains.CompileTime/TypedGrains.CompileTime.csproj"
echo "compile-time: building the benchmark tool (and the generator, analyzers and runtime it references)"
dotnet build -c Release -nologo -v quiet "$tool" >"$work/tool.log" 2>&1 || { cat "$work/tool.log" >&2; exit 1; }
dotnet build -c Release -nologo -v quiet "$root/analyzers/TypedGrains.Analyzers/TypedGrains.Analyzers.csproj" >>"$work/tool.log" 2>&1 \
  || { cat "$work/tool.log" >&2; exit 1; }
run_tool() { dotnet "$root/benchmarks/TypedGrains.CompileTime/bin/Release/net10.0/TypedGrains.CompileTime.dll" "$@"; }

project="$work/BenchGrains"
run_tool generate "$project" --repo "$root" --grains "$grains"
dotnet restore -nologo -v quiet "$project/BenchGrains.csproj" >"$work/restore.log" 2>&1 || { cat "$work/restore.log" >&2; exit 1; }

# report LOG LABEL: the generator's and the analyzers' totals from the compiler's analyzer report of the grain
# project in LOG: the last report there (a referenced project that was compiled too reports before it).
report() {
  local section generator analyzer
  section="$(awk '/Total analyzer execution time/ { start = NR } { line[NR] = $0 } END { for (i = start; i <= NR; i++) print line[i] }' "$1")"
  generator="$(grep -m1 -E 'Total generator execution time' <<<"$section" | sed -E 's/.*: *([0-9.]+) *seconds.*/\1/')"
  analyzer="$(grep -m1 -E 'Total analyzer execution time' <<<"$section" | sed -E 's/.*: *([0-9.]+) *seconds.*/\1/')"
  [ -n "$generator" ] || { echo "compile-time: no generator report in $1" >&2; exit 1; }
  echo "compile-time: $2: generator $generator s, analyzers (all, the SDK's included) ${analyzer:-?} s"
  # The lines of TypedGrains' generator and analyzers in that report.
  grep -E '^\s+[0-9.<]+\s+[0-9<]+\s+TypedGrains\.' <<<"$section" | sed -E 's/^\s+/    /' || true
}

build() {
  local log="$work/build-$1.log"
  shift
  # A full compilation of the grain project only (its references are built and stay up to date: no report of theirs).
  rm -rf "$project/obj/Release" "$project/bin"
  ( cd "$project" && dotnet build -c Release -nologo --no-restore -p:ReportAnalyzer=true -v:d "$@" ) >"$log" 2>&1 \
    || { grep -E 'error|FAIL' "$log" | head -20 >&2; echo "compile-time: the grain project did not build ($log)" >&2; exit 1; }
  grep -q "warning TG\|error TG" "$log" && { grep -E "warning TG|error TG" "$log" | sort -u | head >&2; echo "compile-time: TG diagnostics in the grain project" >&2; exit 1; }
  echo "$log"
}

echo "compile-time: full build of $grains grains, cold compiler (UseSharedCompilation=false)"
report "$(build cold -p:UseSharedCompilation=false -bl:"$work/cold.binlog")" "full build, cold csc"
# Asked for explicitly: a machine may set UseSharedCompilation=false in its environment (this one does), which would
# make these runs cold too. The server the first run starts is shut down again at the end.
for run in 1 2; do
  echo "compile-time: full rebuild $run of $grains grains on the compiler server"
  report "$(build "warm$run" -p:UseSharedCompilation=true -bl:"$work/warm$run.binlog")" "full build, compiler server, run $run"
done
dotnet build-server shutdown --vbcscompiler >/dev/null 2>&1 || true

echo "compile-time: incremental generator runs (Roslyn GeneratorDriver, step tracking on)"
run_tool incremental --grains "$grains" --edits 20
[ "${KEEP:-}" = "1" ] && echo "compile-time: logs and binary logs kept in $work"
