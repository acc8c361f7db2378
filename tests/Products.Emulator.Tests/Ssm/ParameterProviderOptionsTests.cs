using Products.Lambda.Environment;
using Products.Lambda.Parameters;

namespace Products.Emulator.Tests.Ssm;

public sealed class ParameterProviderOptionsTests
{
    [Fact]
    public void FromEnvironment_Unset_UsesPowertoolsDefaultOfFiveSeconds()
    {
        var options = ParameterProviderOptions.FromEnvironment(Environment());

        Assert.Equal(TimeSpan.FromSeconds(5), options.DefaultMaxAge);
        Assert.Same(TimeProvider.System, options.TimeProvider);
    }

    [Fact]
    public void FromEnvironment_MaxAgeSet_UsesIt()
    {
        var clock = new ManualTimeProvider();

        var options = ParameterProviderOptions.FromEnvironment(
            Environment((EnvironmentVariableNames.ParametersMaxAge, "300")), clock);

        Assert.Equal(TimeSpan.FromMinutes(5), options.DefaultMaxAge);
        Assert.Same(clock, options.TimeProvider);
    }

    [Theory]
    [InlineData("five")]
    [InlineData("-1")]
    [InlineData("1.5")]
    public void FromEnvironment_MaxAgeInvalid_ThrowsNamingVariable(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            ParameterProviderOptions.FromEnvironment(Environment((EnvironmentVariableNames.ParametersMaxAge, value))));

        Assert.Contains(EnvironmentVariableNames.ParametersMaxAge, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NegativeMaxAge_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParameterProviderOptions { DefaultMaxAge = TimeSpan.FromSeconds(-1) });

    private static DictionaryEnvironment Environment(params (string Name, string Value)[] values) =>
        new(values.ToDictionary(pair => pair.Name, pair => pair.Value));
}
