using System.Text.Json.Serialization;

namespace TypedGrains.Benchmarks.Serialization;

/// <summary>The System.Text.Json source-generated context of the same state (metadata and fast-path serialization).</summary>
[JsonSerializable(typeof(ProfileState))]
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Default)]
public sealed partial class ProfileJsonContext : JsonSerializerContext
{
}
