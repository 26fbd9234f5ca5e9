#!/usr/bin/env bash
# Runs the persistence benchmark against SQLite and a throwaway PostgreSQL 15 (eng/postgres.sh), then stops the server.
# Usage: benchmarks/TypedGrains.Persistence.Bench/run.sh [seconds per measurement]
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$root/eng/postgres.sh"
trap postgres_stop EXIT
postgres_start || exit 1
dotnet run -c Release --project "$root/benchmarks/TypedGrains.Persistence.Bench" -- "$@"
