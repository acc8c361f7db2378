using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using SdkParameterNotFoundException = Amazon.SimpleSystemsManagement.Model.ParameterNotFoundException;

namespace Products.Lambda.Parameters.Internal;

/// <summary>
/// The SSM calls behind <see cref="SsmParameterProvider"/> (GetParameter, GetParametersByPath; AWS Systems Manager
/// API Reference) and the translation of their failures into our exceptions, which never carry values.
/// </summary>
internal sealed class SsmParameterReader(IAmazonSimpleSystemsManagement client)
{
    // GetParametersByPath: "MaxResults ... Valid Range: Minimum value of 1. Maximum value of 10."
    private const int MaxResultsPerPage = 10;

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

    /// <summary>Every parameter under <paramref name="path"/>, keyed by full name, following NextToken.</summary>
    public async Task<IReadOnlyList<KeyValuePair<string, string>>> GetByPathAsync(string path, bool recursive, bool decrypt)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        string? nextToken = null;
        try
        {
            do
            {
                var response = await client.GetParametersByPathAsync(new GetParametersByPathRequest
                {
                    Path = path,
                    Recursive = recursive,
                    WithDecryption = decrypt,
                    MaxResults = MaxResultsPerPage,
                    NextToken = nextToken,
                }).ConfigureAwait(false);

                // SDK v4 leaves absent lists null.
                foreach (var parameter in response.Parameters ?? [])
                {
                    parameters.Add(KeyValuePair.Create(parameter.Name, parameter.Value ?? string.Empty));
                }

                nextToken = response.NextToken;
            }
            while (!string.IsNullOrEmpty(nextToken));
        }
        catch (Exception exception) when (exception is not ParameterProviderException)
        {
            throw Translate(path, exception);
        }

        return parameters;
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
