using System.Runtime.CompilerServices;

// The group-commit tests count the writer's transactions and hold a batch open (SqliteGroupCommitWriter).
[assembly: InternalsVisibleTo("TypedGrains.Persistence.Tests")]
