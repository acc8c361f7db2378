using Products.Lambda.Environment;
using Products.Lambda.Logging;

namespace Products.Lambda.Tests.Logging;

public sealed class LoggerOptionsTests
{
    private static LoggerOptions Read(params (string Name, string Value)[] variables) =>
        LoggerOptions.FromEnvironment(new DictionaryEnvironment(variables.ToDictionary(v => v.Name, v => v.Value)));

    [Fact]
    public void FromEnvironment_NothingSet_UsesPowertoolsDefaults()
    {
        var options = Read();

        Assert.Equal(new LoggerOptions("service_undefined", LogLevel.Information, 0, false), options);
    }

    [Fact]
    public void FromEnvironment_ServiceSet_UsesIt()
    {
        Assert.Equal("products-api", Read((EnvironmentVariableNames.ServiceName, "products-api")).Service);
    }

    [Theory]
    [InlineData("DEBUG", LogLevel.Debug)]
    [InlineData("debug", LogLevel.Debug)]
    [InlineData("TRACE", LogLevel.Debug)]
    [InlineData("INFO", LogLevel.Information)]
    [InlineData("Information", LogLevel.Information)]
    [InlineData("WARN", LogLevel.Warning)]
    [InlineData("warning", LogLevel.Warning)]
    [InlineData("ERROR", LogLevel.Error)]
    [InlineData("CRITICAL", LogLevel.Critical)]
    [InlineData("FATAL", LogLevel.Critical)]
    [InlineData(" error ", LogLevel.Error)]
    [InlineData("verbose", LogLevel.Information)]
    public void FromEnvironment_PowertoolsLogLevel_IsParsed(string value, LogLevel expected)
    {
        Assert.Equal(expected, Read((EnvironmentVariableNames.PowertoolsLogLevel, value)).MinimumLevel);
    }

    [Fact]
    public void FromEnvironment_LambdaLogLevelSet_TakesPrecedenceOverPowertoolsLogLevel()
    {
        var options = Read(
            (EnvironmentVariableNames.LambdaLogLevel, "ERROR"),
            (EnvironmentVariableNames.PowertoolsLogLevel, "DEBUG"));

        Assert.Equal(LogLevel.Error, options.MinimumLevel);
    }

    [Fact]
    public void FromEnvironment_LambdaLogLevelLower_StillTakesPrecedence()
    {
        var options = Read(
            (EnvironmentVariableNames.LambdaLogLevel, "DEBUG"),
            (EnvironmentVariableNames.PowertoolsLogLevel, "WARN"));

        Assert.Equal(LogLevel.Debug, options.MinimumLevel);
    }

    [Fact]
    public void FromEnvironment_LambdaLogLevelInvalid_FallsBackToPowertoolsLogLevel()
    {
        var options = Read(
            (EnvironmentVariableNames.LambdaLogLevel, "LOUD"),
            (EnvironmentVariableNames.PowertoolsLogLevel, "WARN"));

        Assert.Equal(LogLevel.Warning, options.MinimumLevel);
    }

    [Theory]
    [InlineData("0.25", 0.25)]
    [InlineData("1", 1.0)]
    [InlineData("0", 0.0)]
    [InlineData("1.5", 0.0)]
    [InlineData("-0.1", 0.0)]
    [InlineData("NaN", 0.0)]
    [InlineData("half", 0.0)]
    [InlineData("0,5", 0.0)]
    public void FromEnvironment_SampleRate_OutsideZeroToOneBecomesZero(string value, double expected)
    {
        Assert.Equal(expected, Read((EnvironmentVariableNames.LoggerSampleRate, value)).SampleRate);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("false", false)]
    [InlineData("yes", false)]
    public void FromEnvironment_LogEvent_IsParsedAsBoolean(string value, bool expected)
    {
        Assert.Equal(expected, Read((EnvironmentVariableNames.LoggerLogEvent, value)).LogEvent);
    }
}
