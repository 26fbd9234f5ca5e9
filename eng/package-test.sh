#!/usr/bin/env bash
# End-to-end check of the TypedGrains NuGet package as published: packs it into a local folder feed, creates a fresh
# console app in a temporary directory that references it (own NuGet.config: the local feed and nuget.org; own package
# cache, so a stale cached TypedGrains is never used), writes a grain, builds and runs it and checks its output, then
# checks that a grain that is not partial fails to build with TG0001. Exits non-zero on any failure.
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

echo "package-test: packing TypedGrains $version"
dotnet pack "$root/src/TypedGrains.Package/TypedGrains.Package.csproj" -c "$configuration" "${pack_args[@]}" -nologo -v quiet \
  -p:Version="$version" -o "$work/feed" >"$work/pack.log" 2>&1 || { cat "$work/pack.log" >&2; fail "dotnet pack failed"; }
[ -f "$work/feed/TypedGrains.$version.nupkg" ] || fail "TypedGrains.$version.nupkg was not produced"

# new_app NAME: a console project referencing the packed TypedGrains, with its own NuGet.config.
new_app() {
  local dir="$work/$1"
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
  cat >"$dir/$1.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="TypedGrains" Version="$version" />
  </ItemGroup>
</Project>
XML
  echo "$dir"
}

app="$(new_app Greeter)"
cat >"$app/Program.cs" <<'CS'
using TypedGrains;
using TypedGrains.Runtime;

using var grains = new InProcessRuntime();
var greeter = grains.Greeter("world");
greeter.Greet("Ada");
greeter.Greet("Grace");
Console.WriteLine($"greeted {await greeter.Count()}: {await greeter.Last()}");

[Grain]
public sealed partial class Greeter : Grain<GreeterState>
{
    [Cast] public void Greet(string name) => State = State with { Count = State.Count + 1, Last = "hello " + name };
    [Call] public int Count() => State.Count;
    [Call] public string Last() => State.Last;
}

public sealed record GreeterState(int Count = 0, string Last = "");
CS
echo "package-test: building and running a grain app against the package"
output="$(cd "$app" && dotnet run -c Release 2>&1)" || { echo "$output" >&2; fail "the grain app did not build or run"; }
grep -q "greeted 2: hello Grace" <<<"$output" || { echo "$output" >&2; fail "unexpected output from the grain app"; }

broken="$(new_app Broken)"
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
