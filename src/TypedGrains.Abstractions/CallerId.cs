using System;

namespace TypedGrains;

/// <summary>Identifies one waiting caller of a deferred call within a runtime.</summary>
/// <param name="Value">The runtime-assigned number of the waiting call.</param>
public readonly record struct CallerId(long Value);
