using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;

namespace TypedGrains.Persistence.Tests.Support;

/// <summary>
/// Makes files unwritable for everyone, root included, with the ext4 immutable attribute (<c>chattr +i</c>): even
/// descriptors already open for writing then fail with EPERM. Permission bits would not stop the root test user.
/// </summary>
public sealed class ImmutableFiles : IDisposable
{
    private readonly List<string> _files = new();

    public ImmutableFiles(params string[] files)
    {
        foreach (var file in files)
        {
            if (File.Exists(file))
            {
                Chattr("+i", file);
                _files.Add(file);
            }
        }
    }

    public void Dispose()
    {
        foreach (var file in _files)
        {
            Chattr("-i", file);
        }

        _files.Clear();
    }

    private static void Chattr(string flag, string file)
    {
        using var process = Process.Start(new ProcessStartInfo("chattr", new[] { flag, file }) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"chattr {flag} {file} failed: {error}");
        }
    }
}
