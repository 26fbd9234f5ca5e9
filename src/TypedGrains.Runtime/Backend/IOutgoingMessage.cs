namespace TypedGrains.Backend;

/// <summary>A one-way message a turn sent to another grain, held by its <see cref="TurnScope"/> until the turn ends.</summary>
public interface IOutgoingMessage
{
    /// <summary>Sends the message (the turn committed). Never throws: a message that cannot be sent reports its own failure.</summary>
    void Send();

    /// <summary>Forgets the message (the turn rolled back); it is never sent.</summary>
    void Drop();
}
