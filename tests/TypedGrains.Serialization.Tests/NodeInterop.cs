using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;

namespace TypedGrains.Serialization.Tests;

/// <summary>Drives eng/interop/msgpack-interop.js: the msgpack-test-suite cases and decoding with @msgpack/msgpack.</summary>
internal static class NodeInterop
{
    private const string Script = "msgpack-interop.js";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>eng/interop, found by walking up from the test binaries to the folder holding TypedGrains.sln.</summary>
    public static string InteropDirectory()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TypedGrains.sln")))
            {
                return Path.Combine(dir.FullName, "eng", "interop");
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds TypedGrains.sln.");
    }

    /// <summary>Fails with the fix when the npm packages are not installed.</summary>
    public static void EnsureInstalled(string interopDirectory)
    {
        foreach (string package in new[] { "@msgpack/msgpack", "msgpack-test-suite" })
        {
            string manifest = Path.Combine(interopDirectory, "node_modules", package, "package.json");
            if (!File.Exists(manifest))
            {
                throw new InvalidOperationException(
                    $"The npm package {package} is not installed in {interopDirectory}/node_modules. " +
                    "Run eng/test.sh (it runs `npm ci --prefix eng/interop`), or run that npm command yourself.");
            }
        }
    }

    /// <summary>Every test-suite case, with its expected value and all its encodings.</summary>
    public static SuiteDump LoadSuite()
    {
        string directory = InteropDirectory();
        EnsureInstalled(directory);
        string file = Path.Combine(Path.GetTempPath(), $"msgpack-test-suite-{Environment.ProcessId}-{Guid.NewGuid():N}.json");
        try
        {
            Run(directory, ["suite", file], stdin: null);
            using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(file));
            JsonElement root = document.RootElement;
            List<SuiteCase> cases = [];
            foreach (JsonElement item in root.GetProperty("cases").EnumerateArray())
            {
                List<byte[]> encodings = [];
                foreach (JsonElement hex in item.GetProperty("encodings").EnumerateArray())
                {
                    encodings.Add(Convert.FromHexString(hex.GetString()!));
                }

                cases.Add(new SuiteCase(
                    item.GetProperty("group").GetString()!,
                    item.GetProperty("name").GetString()!,
                    TypedJson.ToNode(item.GetProperty("value")),
                    encodings));
            }

            List<string> groups = [];
            foreach (JsonElement group in root.GetProperty("groups").EnumerateArray())
            {
                groups.Add(group.GetString()!);
            }

            JsonElement versions = root.GetProperty("versions");
            return new SuiteDump(
                versions.GetProperty("@msgpack/msgpack").GetString()!,
                versions.GetProperty("msgpack-test-suite").GetString()!,
                groups,
                cases);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Decodes each payload with @msgpack/msgpack: the value it read, or its error message.</summary>
    public static IReadOnlyList<(MsgNode? Value, string? Error)> DecodeWithMsgpackJavascript(IReadOnlyList<byte[]> payloads)
    {
        string directory = InteropDirectory();
        EnsureInstalled(directory);
        List<string> hex = [];
        foreach (byte[] payload in payloads)
        {
            hex.Add(Convert.ToHexString(payload).ToLowerInvariant());
        }

        string output = Run(directory, ["decode"], JsonSerializer.Serialize(hex));
        using JsonDocument document = JsonDocument.Parse(output);
        List<(MsgNode?, string?)> results = [];
        foreach (JsonElement item in document.RootElement.EnumerateArray())
        {
            results.Add(item.TryGetProperty("error", out JsonElement error)
                ? (null, error.GetString())
                : (TypedJson.ToNode(item.GetProperty("value")), null));
        }

        if (results.Count != payloads.Count)
        {
            throw new InvalidOperationException($"Sent {payloads.Count} payloads to node, got {results.Count} results.");
        }

        return results;
    }

    /// <summary>Encodes each value with @msgpack/msgpack and returns its bytes.</summary>
    public static IReadOnlyList<byte[]> EncodeWithMsgpackJavascript(IReadOnlyList<MsgNode> values)
    {
        string directory = InteropDirectory();
        EnsureInstalled(directory);
        string input = "[" + string.Join(",", System.Linq.Enumerable.Select(values, TypedJson.FromNode)) + "]";
        string output = Run(directory, ["encode"], input);
        using JsonDocument document = JsonDocument.Parse(output);
        List<byte[]> results = [];
        foreach (JsonElement item in document.RootElement.EnumerateArray())
        {
            results.Add(Convert.FromHexString(item.GetString()!));
        }

        return results.Count == values.Count
            ? results
            : throw new InvalidOperationException($"Sent {values.Count} values to node, got {results.Count} payloads.");
    }

    private static string Run(string directory, string[] arguments, string? stdin)
    {
        ProcessStartInfo start = new("node")
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(directory, Script));
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException("The interop tests need Node.js: `node` was not found on PATH.", e);
        }

        using (process)
        {
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            if (stdin is not null)
            {
                process.StandardInput.Write(stdin);
            }

            process.StandardInput.Close();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"node {string.Join(' ', arguments)} did not finish within {Timeout}.");
            }

            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"node {string.Join(' ', arguments)} exited with {process.ExitCode}: {stderr.Result}");
            }

            return stdout.Result;
        }
    }
}

/// <summary>One case of msgpack-test-suite.</summary>
internal sealed record SuiteCase(string Group, string Name, MsgNode Value, IReadOnlyList<byte[]> Encodings);

/// <summary>All the suite's cases and the versions of the npm packages that produced them.</summary>
internal sealed record SuiteDump(string MsgpackJavascriptVersion, string TestSuiteVersion, IReadOnlyList<string> Groups, IReadOnlyList<SuiteCase> Cases);
