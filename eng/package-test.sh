#!/usr/bin/env bash
# End-to-end check of the TypedGrains NuGet packages as published. Packs every package (TypedGrains,
# TypedGrains.Persistence.Postgres, TypedGrains.Orleans) into a local folder feed and checks each .nupkg's layout (lib/net10.0: the runtime
# dlls and their xml docs; analyzers/dotnet/cs: generator, analyzers, code fixes; no Roslyn assembly; README; the
# dependencies the nuspec declares). Then, in fresh console apps in a temporary directory (own NuGet.config: the local
# feed and nuget.org; own package cache, so a stale cached TypedGrains is never used):
#   - a counter grain persisted by the SQLite provider of the TypedGrains package to a temporary database file, run
#     twice: the second run continues from the first run's count; Npgsql must not reach this app;
#   - an app that references only TypedGrains.Persistence.Postgres: TypedGrains comes with it (generator included) and
#     a runtime on the PostgreSQL provider starts (no server needed: nothing is read or written);
#   - an app that references only TypedGrains.Orleans runs a one-silo Orleans cluster on loopback and calls a grain;
#   - a grain that is not partial fails to build with TG0001.
# Exits non-zero on any failure, with a message naming what is wrong.
# Run by eng/test.sh as its own step after the tests (counted as one test in the SUMMARY line). Environment:
#   TYPEDGRAINS_PACK_CONFIGURATION  configuration to pack (default Release)
#   TYPEDGRAINS_PACK_NO_BUILD=1     pack what is already built (eng/test.sh sets it: its solution build made everything)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/typedgrains-package.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NUGET_PACKAGES="$work/packages"
version="0.1.0-local.$(date +%s)"
configuration="${TYPEDGRAINS_PACK_CONFIGURATION:-Release}"
pack_args=()
[ "${TYPEDGRAINS_PACK_NO_BUILD:-}" = "1" ] && pack_args+=(--no-build)

fail() { echo "package-test: FAIL: $*" >&2; exit 1; }

# ---- pack ----
# pack PROJECT_DIR PACKAGE_ID: packs src/PROJECT_DIR into the feed and checks that PACKAGE_ID.<version>.nupkg appeared.
pack() {
  echo "package-test: packing $2 $version"
  dotnet pack "$root/src/$1/$1.csproj" -c "$configuration" "${pack_args[@]}" -nologo -v quiet \
    -p:Version="$version" -o "$work/feed" >"$work/pack.log" 2>&1 || { cat "$work/pack.log" >&2; fail "dotnet pack of src/$1 failed"; }
  [ -f "$work/feed/$2.$version.nupkg" ] || fail "$2.$version.nupkg was not produced by src/$1"
}
pack TypedGrains.Package TypedGrains
pack TypedGrains.Persistence.Postgres.Package TypedGrains.Persistence.Postgres
pack TypedGrains.Orleans.Package TypedGrains.Orleans

# ---- layout ----
# central_version ID: the version Directory.Packages.props pins for package ID.
central_version() {
  local v
  v="$(sed -n "s/.*<PackageVersion Include=\"$1\" Version=\"\([^\"]*\)\".*/\1/p" "$root/Directory.Packages.props")"
  [ -n "$v" ] || fail "Directory.Packages.props has no version for $1"
  echo "$v"
}
# package_dependencies CSPROJ: "id version" for each PackageReference of the project, at its central version.
package_dependencies() {
  local id
  for id in $(sed -n 's/.*<PackageReference Include="\([^"]*\)".*/\1/p' "$1"); do
    echo "$id $(central_version "$id")"
  done
}

# listed NAME LIST: NAME is one of the space-separated names of LIST.
listed() { tr ' ' '\n' <<<"$2" | grep -qxF "$1"; }

# check_package ID LIB_DLLS ANALYZER_DLLS DEPENDENCIES: checks ID.<version>.nupkg. LIB_DLLS and ANALYZER_DLLS are
# space-separated assembly names: each must be in lib/net10.0 (with its .xml docs) or analyzers/dotnet/cs, and no
# other dll may be there. DEPENDENCIES is "id version" lines: exactly these must be the nuspec's dependencies.
check_package() {
  local id="$1" lib="$2" analyzers="$3" dependencies="$4"
  local nupkg="$work/feed/$id.$version.nupkg" problems=() name entry
  echo "package-test: checking the layout of $id.$version.nupkg"
  # Entry names from the listing: past the three header lines; the dashes and totals at the end have no 4th column.
  local entries
  entries="$(unzip -l "$nupkg" | awk 'NR > 3 && $4 != "" { print $4 }')"
  has() { grep -qxF "$1" <<<"$entries"; }

  for name in $lib; do
    has "lib/net10.0/$name.dll" || problems+=("missing lib/net10.0/$name.dll")
    has "lib/net10.0/$name.xml" || problems+=("missing lib/net10.0/$name.xml (xml docs)")
  done
  for name in $analyzers; do
    has "analyzers/dotnet/cs/$name.dll" || problems+=("missing analyzers/dotnet/cs/$name.dll")
  done
  while read -r entry; do
    case "$entry" in
      lib/net10.0/*.dll) listed "$(basename "$entry" .dll)" "$lib" || problems+=("unexpected $entry") ;;
      analyzers/dotnet/cs/*.dll) listed "$(basename "$entry" .dll)" "$analyzers" || problems+=("unexpected $entry") ;;
      *.dll) problems+=("unexpected $entry (outside lib/net10.0 and analyzers/dotnet/cs)") ;;
    esac
  done <<<"$entries"
  while read -r entry; do
    if [ -n "$entry" ]; then problems+=("ships a Roslyn assembly, which the compiler provides: $entry"); fi
  done < <(grep -iE '(^|/)Microsoft\.CodeAnalysis[^/]*\.dll$' <<<"$entries" || true)
  has "README.md" || problems+=("missing README.md")

  local nuspec
  nuspec="$(unzip -p "$nupkg" "$id.nuspec" | tr -d '\r')" || fail "$id.$version.nupkg has no $id.nuspec"
  for name in id version authors description tags readme; do
    grep -q "<$name>[^<]" <<<"$nuspec" || problems+=("the nuspec has no <$name>")
  done
  local declared expected
  declared="$(sed -n 's/.*<dependency id="\([^"]*\)" version="\([^"]*\)".*/\1 \2/p' <<<"$nuspec" | LC_ALL=C sort)"
  expected="$(LC_ALL=C sort <<<"$dependencies")"
  while read -r entry; do
    if [ -n "$entry" ]; then problems+=("the nuspec does not declare the dependency $entry"); fi
  done < <(LC_ALL=C comm -13 <(echo "$declared") <(echo "$expected"))
  while read -r entry; do
    if [ -n "$entry" ]; then problems+=("the nuspec declares an unexpected dependency $entry"); fi
  done < <(LC_ALL=C comm -23 <(echo "$declared") <(echo "$expected"))

  if [ "${#problems[@]}" -gt 0 ]; then
    echo "package-test: $id.$version.nupkg contains:" >&2
    unzip -l "$nupkg" >&2
    echo "$nuspec" >&2
    printf 'package-test:   %s\n' "${problems[@]}" >&2
    fail "$id.$version.nupkg: ${#problems[@]} problem(s), listed above"
  fi
}

check_package TypedGrains \
  "TypedGrains.Abstractions TypedGrains.Serialization TypedGrains.Runtime TypedGrains.Persistence.Sqlite TypedGrains.Hosting" \
  "TypedGrains.Generators TypedGrains.Analyzers TypedGrains.CodeFixes" \
  "$(for lib in Runtime Persistence.Sqlite Hosting; do package_dependencies "$root/src/TypedGrains.$lib/TypedGrains.$lib.csproj"; done | LC_ALL=C sort -u)"
check_package TypedGrains.Persistence.Postgres \
  "TypedGrains.Persistence.Postgres" \
  "" \
  "$(printf 'TypedGrains %s\n' "$version"; package_dependencies "$root/src/TypedGrains.Persistence.Postgres/TypedGrains.Persistence.Postgres.csproj")"
# The cluster package: its libraries' package dependencies, except the Orleans SDK (code generation ran at our build).
check_package TypedGrains.Orleans \
  "TypedGrains.Orleans TypedGrains.Orleans.Storage" \
  "" \
  "$(printf 'TypedGrains %s\n' "$version"; for lib in Orleans Orleans.Storage; do package_dependencies "$root/src/TypedGrains.$lib/TypedGrains.$lib.csproj"; done | grep -v '^Microsoft.Orleans.Sdk ' | LC_ALL=C sort -u)"
# The generator must reach an app that references only the Postgres package: TypedGrains's analyzers are not excluded.
unzip -p "$work/feed/TypedGrains.Persistence.Postgres.$version.nupkg" TypedGrains.Persistence.Postgres.nuspec \
  | grep '<dependency id="TypedGrains"' | grep -qi 'exclude="[^"]*analyzers' \
  && fail "TypedGrains.Persistence.Postgres excludes the analyzers of its TypedGrains dependency (the generator would not run)"

# ---- apps ----
# new_app NAME PACKAGE...: a console project referencing the packed PACKAGEs, with its own NuGet.config.
new_app() {
  local name="$1" dir="$work/$1" package references=""
  shift
  for package in "$@"; do
    references+="    <PackageReference Include=\"$package\" Version=\"$version\" />"$'\n'
  done
  mkdir -p "$dir"
  cat >"$dir/NuGet.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML
  cat >"$dir/$name.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup>
$references  </ItemGroup>
</Project>
XML
  echo "$dir"
}

app="$(new_app Counter TypedGrains)"
cat >"$app/Program.cs" <<'CS'
using TypedGrains;
using TypedGrains.Persistence.Sqlite;
using TypedGrains.Runtime;

await using var storage = new SqliteGrainStateProvider(args[0]);
using var grains = new InProcessRuntime(new InProcessRuntimeOptions { DefaultProvider = storage }.AddGrain<Counter>());
var counter = grains.Counter("c-1");
counter.Increment();
counter.Increment();
counter.Increment();
Console.WriteLine($"count {await counter.Get()}");

[Grain]
public sealed partial class Counter : Grain<CounterState>
{
    [Call] public int Get() => State.Count;

    [Cast] public void Increment()
    {
        State = State with { Count = State.Count + 1 };
        SaveState();
    }
}

public sealed record CounterState(int Count = 0);
CS
echo "package-test: building a grain app that persists to SQLite through the TypedGrains package"
output="$(cd "$app" && dotnet build -c Release -nologo 2>&1)" || { echo "$output" >&2; fail "the SQLite grain app did not build"; }
grep -qi '"Npgsql/' "$app/obj/project.assets.json" && fail "Npgsql reached an app that references only TypedGrains"
grep -qi '"Microsoft.Data.Sqlite/' "$app/obj/project.assets.json" || fail "Microsoft.Data.Sqlite did not come with TypedGrains"
database="$work/counter.db"
for expected in "count 3" "count 6"; do
  echo "package-test: running it on $database, expecting '$expected'"
  output="$(cd "$app" && dotnet "bin/Release/net10.0/Counter.dll" "$database" 2>&1)" || { echo "$output" >&2; fail "the SQLite grain app failed"; }
  grep -qx "$expected" <<<"$output" || { echo "$output" >&2; fail "the SQLite grain app printed the above, expected '$expected' (the second run continues from the first)"; }
done
[ -s "$database" ] || fail "the SQLite grain app left no database at $database"

hosted="$(new_app HostedCounter TypedGrains)"
# The hosting integration ships inside TypedGrains; the app brings the generic host itself.
sed -i "s|</ItemGroup>|  <PackageReference Include=\"Microsoft.Extensions.Hosting\" Version=\"$(central_version Microsoft.Extensions.Hosting)\" />\n  </ItemGroup>|" "$hosted/HostedCounter.csproj"
cat >"$hosted/Program.cs" <<'CS'
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TypedGrains;

var builder = Host.CreateApplicationBuilder();
builder.Services.AddTypedGrains(b => b.AddGrain<Counter>().UseSqlite($"Data Source={args[0]}"));
using var host = builder.Build();
await host.StartAsync();
var counter = host.Services.GetRequiredService<IGrainFactory>().Counter("c-1");
counter.Increment();
Console.WriteLine($"hosted count {await counter.Get()}");
await host.StopAsync();

[Grain]
public sealed partial class Counter : Grain<CounterState>
{
    [Call] public int Get() => State.Count;

    [Cast] public void Increment()
    {
        State = State with { Count = State.Count + 1 };
        SaveState();
    }
}

public sealed record CounterState(int Count = 0);
CS
echo "package-test: building and running a generic-host app on AddTypedGrains from the TypedGrains package"
output="$(cd "$hosted" && dotnet run -c Release -- "$work/hosted.db" 2>&1)" || { echo "$output" >&2; fail "the hosted grain app did not build or run"; }
grep -q "hosted count 1" <<<"$output" || { echo "$output" >&2; fail "unexpected output from the hosted grain app"; }

postgres="$(new_app PostgresApp TypedGrains.Persistence.Postgres)"
cat >"$postgres/Program.cs" <<'CS'
using TypedGrains;
using TypedGrains.Persistence.Postgres;
using TypedGrains.Runtime;

// No server: building the provider and the runtime reads and writes nothing.
await using var shared = new PostgresGrainStateProvider("Host=127.0.0.1;Port=1;Username=none;Database=none");
using var grains = new InProcessRuntime(new InProcessRuntimeOptions { DefaultProvider = shared }.AddGrain<Account>());
var account = grains.Account("a-1");
Console.WriteLine($"postgres app ready: {account.Id}");

[Grain]
public sealed partial class Account : Grain<AccountState>
{
    [Call] public long Balance() => State.Balance;
}

public sealed record AccountState(long Balance = 0);
CS
echo "package-test: building and running an app that references only TypedGrains.Persistence.Postgres"
output="$(cd "$postgres" && dotnet run -c Release 2>&1)" || { echo "$output" >&2; fail "the PostgreSQL app did not build or run"; }
grep -q "postgres app ready: .*a-1" <<<"$output" || { echo "$output" >&2; fail "unexpected output from the PostgreSQL app"; }

orleans="$(new_app OrleansApp TypedGrains.Orleans)"
# The generic host comes from the app (as it would in a real one), at the version the repository pins.
sed -i "s|</ItemGroup>|    <PackageReference Include=\"Microsoft.Extensions.Hosting\" Version=\"$(central_version Microsoft.Extensions.Hosting)\" />\n  </ItemGroup>|" "$orleans/OrleansApp.csproj"
cat >"$orleans/Program.cs" <<'CS'
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Hosting;
using TypedGrains;
using TypedGrains.Orleans.Hosting;

// One silo in this process on loopback (ports from the command line), a TypedGrains grain called through Orleans.
var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
builder.UseOrleans(silo => silo.UseLocalhostClustering(int.Parse(args[0]), int.Parse(args[1])).AddTypedGrains());
using var host = builder.Build();
await host.StartAsync();
// Orleans adds a global "using Orleans;", whose IGrainFactory is another type: name ours in full.
var grains = host.Services.GetRequiredService<TypedGrains.IGrainFactory>();
await grains.Tally("t-1").Add(2);
Console.WriteLine($"orleans tally {await grains.Tally("t-1").Add(3)}");
await host.StopAsync();

[Grain]
public sealed partial class Tally : TypedGrains.Grain<TallyState>
{
    [Call]
    public int Add(int amount)
    {
        State = State with { Total = State.Total + amount };
        SaveState();
        return State.Total;
    }
}

public sealed record TallyState(int Total = 0);
CS
echo "package-test: building and running a one-silo Orleans app that references only TypedGrains.Orleans"
ports="$(python3 -c 'import socket
s=[socket.socket() for _ in range(2)]
[x.bind(("127.0.0.1",0)) for x in s]
print(" ".join(str(x.getsockname()[1]) for x in s))')"
# shellcheck disable=SC2086
output="$(cd "$orleans" && timeout 300 dotnet run -c Release -- $ports 2>&1)" || { echo "$output" >&2; fail "the Orleans app did not build or run"; }
grep -q "orleans tally 5" <<<"$output" || { echo "$output" >&2; fail "unexpected output from the Orleans app"; }

broken="$(new_app Broken TypedGrains)"
cat >"$broken/Program.cs" <<'CS'
using TypedGrains;

Console.WriteLine("unreachable");

[Grain]
public sealed class Counter : Grain<CounterState>
{
    [Call] public int Get() => State.Count;
}

public sealed record CounterState(int Count = 0);
CS
echo "package-test: checking that a grain that is not partial fails with TG0001"
if output="$(cd "$broken" && dotnet build -c Release 2>&1)"; then
  echo "$output" >&2
  fail "the broken grain built"
fi
grep -q "error TG0001" <<<"$output" || { echo "$output" >&2; fail "the broken grain failed without TG0001"; }

echo "package-test: PASS"
