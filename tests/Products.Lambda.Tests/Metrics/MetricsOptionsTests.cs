using Products.Lambda.Environment;
using Products.Lambda.Metrics;

namespace Products.Lambda.Tests.Metrics;

public sealed class MetricsOptionsTests
{
    [Fact]
    public void FromEnvironment_BothSet_UsesThem()
    {
        var options = MetricsOptions.FromEnvironment(new DictionaryEnvironment(new Dictionary<string, string>
        {
            [EnvironmentVariableNames.MetricsNamespace] = "Products",
            [EnvironmentVariableNames.ServiceName] = "products-api",
        }));

        Assert.Equal(new MetricsOptions("Products", "products-api"), options);
    }

    [Fact]
    public void FromEnvironment_NothingSet_EmptyNamespaceAndUndefinedService()
    {
        var options = MetricsOptions.FromEnvironment(new DictionaryEnvironment(new Dictionary<string, string>()));

        Assert.Equal(new MetricsOptions(string.Empty, "service_undefined"), options);
    }
}
