namespace Products.Emulator.Tests.EndToEnd;

/// <summary>What the emulator prints while it starts the real template.</summary>
[Collection(SharedApi.Name)]
public sealed class StartupTests(SharedApi.Fixture api)
{
    [Fact]
    public void Start_ListsEachNotEmulatedResourceAsLogicalIdAndType()
    {
        var listed = api.Output.Where(line => line.EndsWith(" is not emulated locally", StringComparison.Ordinal)).ToList();

        // template.yaml declares a log group per function: accepted, not emulated.
        Assert.NotEmpty(listed);
        Assert.All(listed, line => Assert.Matches(@"^template: [A-Za-z0-9]+ \(AWS::[A-Za-z0-9]+::[A-Za-z0-9]+\) is not emulated locally$", line));
    }
}
