namespace Products.Emulator.Ssm;

/// <summary>A secret's AWSCURRENT value and, after a rotation, its AWSPREVIOUS value.</summary>
public sealed record LocalSecret(string Current, string? Previous, DateTimeOffset CreatedDate)
{
    public const string CurrentStage = "AWSCURRENT";
    public const string PreviousStage = "AWSPREVIOUS";

    /// <summary>The value labelled with a Secrets Manager version stage, or null when no version has that label.</summary>
    public string? ForStage(string stage) => stage switch
    {
        CurrentStage => Current,
        PreviousStage => Previous,
        _ => null,
    };
}
