using System.Threading;
using System.Threading.Tasks;

namespace TypedGrains.Orleans.Storage.Stores;

/// <summary>
/// Creates a table's schema once per instance, on the first call that needs it; a failed attempt is forgotten so the
/// next call tries again (the database may have been down).
/// </summary>
internal sealed class SchemaGate(ISqlStore store, string ddl)
{
    private readonly object _lock = new();
    private Task? _creation;

    public Task EnsureAsync()
    {
        lock (_lock)
        {
            if (_creation is null || _creation.IsFaulted || _creation.IsCanceled)
            {
                _creation = store.CreateSchemaAsync(ddl, CancellationToken.None);
            }

            return _creation;
        }
    }
}
