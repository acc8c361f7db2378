namespace Products.Emulator.Ssm;

/// <summary>How a PutParameter ended: the stored <see cref="Parameter"/>, or the <see cref="Refusal"/> that stored nothing.</summary>
public sealed record PutParameterOutcome(LocalParameter? Parameter, PutParameterRefusal? Refusal = null)
{
    public static PutParameterOutcome Refused(PutParameterRefusal refusal) => new(null, refusal);
}

/// <summary>Why a PutParameter stored nothing.</summary>
public enum PutParameterRefusal
{
    /// <summary>The name exists and Overwrite was not set (SSM's ParameterAlreadyExists).</summary>
    AlreadyExists,

    /// <summary>A new parameter without a Type.</summary>
    TypeRequired,
}
