using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Microsoft.Data.Sqlite;

namespace TypedGrains.Persistence.Tests.Support;

/// <summary>
/// Makes a SQLite database refuse writes mid-run, and accept them again on dispose, in one of two ways.
/// <para>
/// <see cref="UnwritableMethod.Immutable"/> (first choice): the ext4 immutable attribute (<c>chattr +i</c>) on the file
/// and its <c>-wal</c>. It stops root too, and even descriptors already open for writing then fail with EPERM, as a
/// failing disk does. It needs root (CI runs as root) and a filesystem with the attribute (ext2/3/4, XFS, Btrfs).
/// </para>
/// <para>
/// <see cref="UnwritableMethod.Permissions"/> (when <c>chattr</c> is missing, refused or has no effect): the file, its
/// <c>-wal</c> and its folder lose their write permission bits. Those stop only descriptors opened afterwards, and the
/// provider's writer keeps its connection open, so a second connection also holds the database's write lock: the
/// writer's next transaction fails with <c>SQLITE_BUSY</c> after the provider's busy timeout, the writer drops its
/// connection, and the connection it reopens is read-only (<c>SQLITE_READONLY</c> on every later save). Root ignores
/// permission bits, so as root this way does not work.
/// </para>
/// When neither way makes a probe file in the same folder unwritable, the constructor throws, so the failure tests
/// fail rather than pass without a failure. The <c>-shm</c> index is left alone (see docs/persistence.md).
/// </summary>
internal sealed class UnwritableDatabase : IDisposable
{
    private const UnixFileMode WriteBits = UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    private readonly string _folder;
    private readonly string[] _files;
    private readonly List<string> _immutable = new();
    private readonly List<(string Path, UnixFileMode Mode)> _modes = new();
    private readonly List<string> _probes = new();
    private SqliteConnection? _lockHolder;
    private SqliteTransaction? _writeLock;

    public UnwritableDatabase(string databasePath)
    {
        _folder = Path.GetDirectoryName(Path.GetFullPath(databasePath))!;
        _files = new[] { databasePath, databasePath + "-wal" }.Where(File.Exists).ToArray();

        var immutable = TryImmutable();
        if (immutable is null)
        {
            Method = UnwritableMethod.Immutable;
            return;
        }

        var permissions = TryPermissions(databasePath);
        if (permissions is null)
        {
            Method = UnwritableMethod.Permissions;
            return;
        }

        throw new InvalidOperationException(
            $"Cannot make {databasePath} unwritable for the SQLite failure tests. chattr +i: {immutable}. " +
            $"Permission bits: {permissions} (user '{Environment.UserName}'; root ignores them). Run the tests as root on a " +
            "filesystem with the immutable attribute (ext2/3/4, XFS, Btrfs), as CI does, or as a non-root user.");
    }

    /// <summary>How the database was made unwritable.</summary>
    public UnwritableMethod Method { get; }

    public void Dispose()
    {
        foreach (var file in _immutable)
        {
            if (Chattr("-i", file) is { } error)
            {
                throw new InvalidOperationException(error);
            }
        }

        _immutable.Clear();

        // Restore the folder last-in-first-out, then delete the probes it now lets us delete, then release the lock:
        // closing the last connection checkpoints the log into a writable file again.
        foreach (var (path, mode) in Enumerable.Reverse(_modes))
        {
            File.SetUnixFileMode(path, mode);
        }

        _modes.Clear();
        foreach (var probe in _probes)
        {
            File.Delete(probe);
        }

        _probes.Clear();
        _writeLock?.Dispose();
        _lockHolder?.Dispose();
        _writeLock = null;
        _lockHolder = null;
    }

    /// <summary>Sets the immutable attribute on the files; returns why it cannot be used, or <c>null</c> once it is set.</summary>
    private string? TryImmutable()
    {
        var probe = CreateProbe();
        if (Chattr("+i", probe) is { } refused)
        {
            return refused;
        }

        var effective = !CanOpenForWriting(probe);
        if (Chattr("-i", probe) is { } stuck)
        {
            throw new InvalidOperationException(stuck);
        }

        if (!effective)
        {
            return "the command succeeded but the file stayed writable";
        }

        foreach (var file in _files)
        {
            if (Chattr("+i", file) is { } error)
            {
                Dispose();
                throw new InvalidOperationException(error);
            }

            _immutable.Add(file);
        }

        return null;
    }

    /// <summary>Holds the write lock and clears the write bits; returns why it cannot be used, or <c>null</c> once done.</summary>
    private string? TryPermissions(string databasePath)
    {
        var probe = CreateProbe();
        _lockHolder = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        _lockHolder.Open();
        _writeLock = _lockHolder.BeginTransaction(deferred: false);
        foreach (var path in _files.Append(probe).Append(_folder))
        {
            var mode = File.GetUnixFileMode(path);
            _modes.Add((path, mode));
            File.SetUnixFileMode(path, mode & ~WriteBits);
        }

        var stillWritable = CanOpenForWriting(probe) ? "a file without write bits still opened for writing"
            : CanCreateIn(_folder) ? "a folder without write bits still took a new file"
            : null;
        if (stillWritable is not null)
        {
            Dispose();
        }

        return stillWritable;
    }

    private string CreateProbe()
    {
        var probe = Path.Combine(_folder, "unwritable-probe-" + Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(probe, new byte[] { 1 });
        _probes.Add(probe);
        return probe;
    }

    private static bool CanOpenForWriting(string file)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Write);
            return true;
        }
        catch (Exception error) when (error is UnauthorizedAccessException or IOException)
        {
            return false;
        }
    }

    private static bool CanCreateIn(string folder)
    {
        var file = Path.Combine(folder, "unwritable-probe-" + Guid.NewGuid().ToString("N"));
        try
        {
            File.WriteAllBytes(file, new byte[] { 1 });
        }
        catch (Exception error) when (error is UnauthorizedAccessException or IOException)
        {
            return false;
        }

        File.Delete(file);
        return true;
    }

    /// <summary>Runs chattr; returns what went wrong, or <c>null</c>.</summary>
    private static string? Chattr(string flag, string file)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("chattr", new[] { flag, file }) { RedirectStandardError = true })!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? null : $"chattr {flag} {file} failed ({process.ExitCode}): {error.Trim()}";
        }
        catch (Win32Exception error)
        {
            return $"chattr could not be started: {error.Message}";
        }
    }
}

/// <summary>How <see cref="UnwritableDatabase"/> stopped the writes.</summary>
internal enum UnwritableMethod
{
    /// <summary><c>chattr +i</c> on the file and its log: every write fails with an I/O error.</summary>
    Immutable,

    /// <summary>No write permission bits, and the write lock held by another connection.</summary>
    Permissions,
}
