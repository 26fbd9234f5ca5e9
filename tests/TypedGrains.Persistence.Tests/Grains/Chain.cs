namespace TypedGrains.Persistence.Tests.Grains;

/// <summary>One link of a chain: each nests one level deeper in the serialized state.</summary>
public sealed record Link(int Index, Link? Inner);

public sealed record ChainState(int Length = 0, Link? Head = null);

/// <summary>A grain whose saved state nests as deep as the chain is long.</summary>
[Grain]
public sealed partial class Chain : Grain<ChainState>
{
    [Call] public int Length() => State.Length;

    [Call]
    public int Grow(int links)
    {
        Link? head = State.Head;
        for (int i = 0; i < links; i++)
        {
            head = new Link(i, head);
        }

        State = new ChainState(State.Length + links, head);
        SaveState();
        return State.Length;
    }
}
