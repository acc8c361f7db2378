using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using SdkParameterNotFoundException = Amazon.SimpleSystemsManagement.Model.ParameterNotFoundException;

namespace Products.Lambda.Parameters.Internal;

/// <summary>
/// The SSM call behind <see cref="SsmParameterProvider"/> (GetParameter; AWS Systems Manager
/// API Reference) and the translation of their failures into our exceptions, which never carry values.
/// </summary>
internal sealed class SsmParameterReader(IAmazonSimpleSystemsManagement client)
{
    public async Task<string> GetAsync(string name, bool decrypt)
    {
        try
        {
            var response = await client.GetParameterAsync(
                new GetParameterRequest { Name = name, WithDecryption = decrypt }).ConfigureAwait(false);
            return response.Parameter?.Value
                ?? throw new ParameterProviderException(name, $"SSM returned no value for parameter '{name}'.", "EmptyResponse");
        }
        catch (Exception exception) when (exception is not ParameterProviderException)
        {
            throw Translate(name, exception);
        }
    }

    private static ParameterProviderException Translate(string name, Exception exception) => exception switch
    {
        SdkParameterNotFoundException => new ParameterNotFoundException(name),
        AmazonServiceException service => new ParameterProviderException(
            name,
            $"Could not read parameter '{name}': {service.GetType().Name} ({service.ErrorCode ?? "no error code"}, HTTP {(int)service.StatusCode}).",
            service.ErrorCode ?? service.GetType().Name),
        _ => new ParameterProviderException(
            name,
            $"Could not read parameter '{name}': {exception.GetType().Name}.",
            exception.GetType().Name),
    };
}
