using Products.Lambda.Runtime;

namespace Products.Lambda.Tests.Runtime;

public sealed class LambdaErrorTests
{
    [Fact]
    public void FromException_ThrownException_TakesTypeNameMessageAndFrames()
    {
        Exception caught;
        try
        {
            throw new ArgumentOutOfRangeException("limit", "limit must be 1..100");
        }
        catch (ArgumentOutOfRangeException exception)
        {
            caught = exception;
        }

        var error = LambdaError.FromException(caught);

        Assert.Equal("ArgumentOutOfRangeException", error.ErrorType);
        Assert.Equal(caught.Message, error.ErrorMessage);
        Assert.NotEmpty(error.StackTrace);
        Assert.All(error.StackTrace, frame => Assert.StartsWith("at ", frame, StringComparison.Ordinal));
    }

    [Fact]
    public void FromException_NeverThrown_HasNoFrames()
    {
        var error = LambdaError.FromException(new InvalidOperationException("not thrown"));

        Assert.Empty(error.StackTrace);
    }
}
