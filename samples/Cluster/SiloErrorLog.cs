using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;

namespace Samples.Cluster;

/// <summary>
/// What one silo process writes to stderr: all of it in a file of the cluster folder, the first lines in memory for
/// the error of a silo that did not start (the first error is the telling one), and the two facts the launcher acts
/// on: Orleans declared the silo dead, or its port was taken.
/// </summary>
internal sealed class SiloErrorLog : IDisposable
{
    // Orleans' fatal-error text when the membership table says this silo is dead (it then ends the process).
    private const string DeclaredDeadText = "I have been told I am dead";
    private const string AddressInUseText = "AddressInUseException";
    private const int KeptLines = 60;
    private readonly List<string> _head = new();
    private readonly StreamWriter _file;
    private readonly TaskCompletionSource _declaredDead = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _closed;

    public SiloErrorLog(string path)
    {
        Path = path;
        _file = new StreamWriter(path) { AutoFlush = true };
    }

    /// <summary>The file that holds everything the silo wrote to stderr.</summary>
    public string Path { get; }

    /// <summary>Completes when the silo wrote that Orleans declared it dead.</summary>
    public Task DeclaredDead => _declaredDead.Task;

    /// <summary>Completes when the silo's stderr ended (the process closed it, mostly by exiting).</summary>
    public Task Ended => _ended.Task;

    /// <summary>Whether the silo wrote that its silo or gateway port was in use.</summary>
    public bool AddressInUse { get; private set; }

    /// <summary>Takes one line of the silo's stderr; <see langword="null"/> says that it ended.</summary>
    public void Add(string? line)
    {
        if (line is null)
        {
            _ended.TrySetResult();
            return;
        }

        lock (_head)
        {
            if (_closed)
            {
                return;
            }

            _file.WriteLine(line);
            if (_head.Count < KeptLines)
            {
                _head.Add(line);
            }

            AddressInUse |= line.Contains(AddressInUseText, StringComparison.Ordinal);
        }

        if (line.Contains(DeclaredDeadText, StringComparison.Ordinal))
        {
            _declaredDead.TrySetResult();
        }
    }

    /// <summary>The first lines the silo wrote to stderr.</summary>
    public override string ToString()
    {
        lock (_head)
        {
            return _head.Count == 0 ? "(nothing)" : string.Join(Environment.NewLine, _head);
        }
    }

    public void Dispose()
    {
        lock (_head)
        {
            _closed = true;
            _file.Dispose();
        }
    }
}
