namespace TypedGrains;

/// <summary>Where the runtime places a grain's activation.</summary>
public enum Placement
{
    /// <summary>On the silo of the caller when it can host the grain.</summary>
    PreferLocal = 0,

    /// <summary>On a randomly chosen compatible silo.</summary>
    Random = 1,

    /// <summary>On the silo chosen by a stable hash of the grain id.</summary>
    Hash = 2,

    /// <summary>Stateless: any silo, and several activations of one id may run at once.</summary>
    StatelessWorker = 3,
}
