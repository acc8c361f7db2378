namespace Products.Emulator.Template;

/// <summary>A resource the template declares that does not change local behaviour (IAM, logs, alarms...).</summary>
public sealed record NotEmulatedResource(string LogicalId, string Type)
{
    /// <summary>"LogicalId (Type)", as the emulator lists it at start.</summary>
    public override string ToString() => $"{LogicalId} ({Type})";
}
