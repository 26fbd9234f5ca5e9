using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace TypedGrains.Hosting;

/// <summary>
/// Checks the <c>TypedGrains</c> section when the host starts (<c>ValidateOnStart</c>): every provider has a known
/// kind and the connection string its kind needs, and the default provider exists. Each message names the setting.
/// </summary>
internal sealed class TypedGrainsOptionsValidator : IValidateOptions<TypedGrainsOptions>
{
    private readonly TypedGrainsRegistry _registry;

    public TypedGrainsOptionsValidator(TypedGrainsRegistry registry) => _registry = registry;

    public ValidateOptionsResult Validate(string? name, TypedGrainsOptions options)
    {
        var failures = new List<string>();
        var section = TypedGrainsOptions.SectionName;
        foreach (var (provider, settings) in options.Providers)
        {
            var kind = settings.Kind;
            if (string.IsNullOrEmpty(kind))
            {
                failures.Add($"{section}:Providers:{provider}:Kind is missing (known kinds: {string.Join(", ", _registry.KnownKinds)}).");
            }
            else if (kind != ProviderKinds.Memory && !_registry.Kinds.ContainsKey(kind))
            {
                failures.Add($"{section}:Providers:{provider}:Kind '{kind}' is not a known provider kind (known kinds: {string.Join(", ", _registry.KnownKinds)}).");
            }
            else if (kind != ProviderKinds.Memory && string.IsNullOrWhiteSpace(settings.ConnectionString))
            {
                failures.Add($"{section}:Providers:{provider}:ConnectionString is missing; the '{kind}' provider '{provider}' needs one.");
            }
            else if (kind == ProviderKinds.Sqlite && ProviderKinds.SqliteDataSource(settings.ConnectionString!) is null)
            {
                failures.Add($"{section}:Providers:{provider}:ConnectionString '{settings.ConnectionString}' names no Data Source for the SQLite provider '{provider}'.");
            }
        }

        if (options.DefaultProvider is { } fallback && !options.Providers.ContainsKey(fallback) && !_registry.NamedProviders.ContainsKey(fallback))
        {
            failures.Add($"{section}:DefaultProvider '{fallback}' names no provider (add it under {section}:Providers or with the builder).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
