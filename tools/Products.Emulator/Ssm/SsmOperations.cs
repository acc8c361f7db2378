using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Products.Emulator.Ssm;

/// <summary>
/// GetParameter, GetParameters, GetParametersByPath and PutParameter with the request and response shapes of the AWS
/// Systems Manager API Reference (2014-11-06). Names and paths are counted in the store before they are resolved.
/// </summary>
internal sealed class SsmOperations(LocalParameterStore store, string region)
{
    public const string GetParameter = "GetParameter";
    public const string GetParameters = "GetParameters";
    public const string GetParametersByPath = "GetParametersByPath";
    public const string PutParameter = "PutParameter";

    // PutParameter Value: "Standard parameters have a value limit of 4 KB."
    private const int MaxStandardValueLength = 4096;

    // GetParameters: "Array Members: Minimum number of 1 item. Maximum number of 10 items."
    private const int MaxNamesPerRequest = 10;

    // GetParametersByPath MaxResults: "Valid Range: Minimum value of 1. Maximum value of 10."
    private const int MaxResultsPerPage = 10;

    private readonly SsmParameterResolver _resolver = new(store, region);

    public SsmReply Run(string operation, JsonElement request) => operation switch
    {
        GetParameter => RunGetParameter(request),
        GetParameters => RunGetParameters(request),
        GetParametersByPath => RunGetParametersByPath(request),
        PutParameter => RunPutParameter(request),
        _ => SsmReply.Error(SsmErrorTypes.UnknownOperation, $"Operation {operation} is not served by the local SSM endpoint."),
    };

    private SsmReply RunPutParameter(JsonElement request)
    {
        if (RequiredString(request, "Name") is not { } name)
        {
            return MissingMember("Name");
        }

        if (RequiredString(request, "Value") is not { } value)
        {
            return MissingMember("Value");
        }

        store.CountRequest(PutParameter, name);
        // "Parameter names can't be prefixed with aws or ssm (case-insensitive)."
        var bare = name.TrimStart('/');
        if (bare.StartsWith("aws", StringComparison.OrdinalIgnoreCase) || bare.StartsWith("ssm", StringComparison.OrdinalIgnoreCase))
        {
            return SsmReply.Error(SsmErrorTypes.ValidationException, "Parameter name: can't be prefixed with \"aws\" or \"ssm\" (case-insensitive).");
        }

        if (!LocalParameterNames.IsValidParameterName(name))
        {
            return SsmReply.Error(SsmErrorTypes.ValidationException, $"Parameter name '{name}' is not valid.");
        }

        if (value.Length > MaxStandardValueLength)
        {
            return SsmReply.Error(SsmErrorTypes.ValidationException, $"Standard tier parameters support a maximum parameter value of {MaxStandardValueLength} characters.");
        }

        LocalParameterType? type = null;
        if (RequiredString(request, "Type") is { } typeText)
        {
            if (!Enum.TryParse<LocalParameterType>(typeText, ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed))
            {
                return SsmReply.Error(SsmErrorTypes.ValidationException, $"Type '{typeText}' is not one of String, StringList, SecureString.");
            }

            type = parsed;
        }

        var outcome = store.PutParameter(name, type, value, OptionalBool(request, "Overwrite"));
        if (outcome.Refusal == PutParameterRefusal.AlreadyExists)
        {
            return SsmReply.Error(SsmErrorTypes.ParameterAlreadyExists, "The parameter already exists. To overwrite this value, set the overwrite option in the request to true.");
        }

        if (outcome.Parameter is not { } parameter)
        {
            return SsmReply.Error(SsmErrorTypes.ValidationException, "A parameter type is required when you create a parameter.");
        }

        return SsmReply.Ok(writer =>
        {
            writer.WriteString("Tier", "Standard");
            writer.WriteNumber("Version", parameter.Version);
        });
    }

    private SsmReply RunGetParameter(JsonElement request)
    {
        if (RequiredString(request, "Name") is not { } name)
        {
            return MissingMember("Name");
        }

        store.CountRequest(GetParameter, name);
        var (parameter, error) = _resolver.Resolve(name, OptionalBool(request, "WithDecryption"));
        return error ?? SsmReply.Ok(writer =>
        {
            writer.WritePropertyName("Parameter");
            WriteParameter(writer, parameter!);
        });
    }

    private SsmReply RunGetParameters(JsonElement request)
    {
        if (!request.TryGetProperty("Names", out var namesElement) || namesElement.ValueKind != JsonValueKind.Array)
        {
            return MissingMember("Names");
        }

        var names = namesElement.EnumerateArray()
            .Select(name => name.ValueKind == JsonValueKind.String ? name.GetString() : null)
            .ToList();
        if (names.Count is 0 or > MaxNamesPerRequest || names.Any(string.IsNullOrEmpty))
        {
            return SsmReply.Error(
                SsmErrorTypes.ValidationException, $"Names must hold 1 to {MaxNamesPerRequest} non-empty names.");
        }

        var decrypt = OptionalBool(request, "WithDecryption");
        var found = new List<ResolvedParameter>();
        var invalid = new List<string>();
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            store.CountRequest(GetParameters, name!);
            var (parameter, error) = _resolver.Resolve(name!, decrypt);
            if (parameter is not null)
            {
                found.Add(parameter);
            }
            else if (error!.ErrorType is SsmErrorTypes.ParameterNotFound or SsmErrorTypes.ParameterVersionNotFound)
            {
                invalid.Add(name!);
            }
            else
            {
                return error;
            }
        }

        return SsmReply.Ok(writer =>
        {
            writer.WriteStartArray("InvalidParameters");
            foreach (var name in invalid)
            {
                writer.WriteStringValue(name);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("Parameters");
            // "The results for GetParameters requests are listed in alphabetical order."
            foreach (var parameter in found.OrderBy(parameter => parameter.Name, StringComparer.Ordinal))
            {
                WriteParameter(writer, parameter);
            }

            writer.WriteEndArray();
        });
    }

    private SsmReply RunGetParametersByPath(JsonElement request)
    {
        if (RequiredString(request, "Path") is not { } path)
        {
            return MissingMember("Path");
        }

        store.CountRequest(GetParametersByPath, path);
        if (!path.StartsWith('/'))
        {
            return SsmReply.Error(SsmErrorTypes.ValidationException, "The parameter path must begin with a forward slash (/).");
        }

        if (request.TryGetProperty("ParameterFilters", out var filters) && filters.ValueKind == JsonValueKind.Array
            && filters.GetArrayLength() > 0)
        {
            return SsmReply.Error(SsmErrorTypes.ValidationException, "ParameterFilters are not supported by the local SSM endpoint.");
        }

        var maxResults = MaxResultsPerPage;
        if (request.TryGetProperty("MaxResults", out var maxElement)
            && (!maxElement.TryGetInt32(out maxResults) || maxResults is < 1 or > MaxResultsPerPage))
        {
            return SsmReply.Error(
                SsmErrorTypes.ValidationException, $"MaxResults must be between 1 and {MaxResultsPerPage}.");
        }

        string? after = null;
        if (RequiredString(request, "NextToken") is { } token && (after = DecodeToken(token)) is null)
        {
            return SsmReply.Error(SsmErrorTypes.InvalidNextToken, "The specified token isn't valid.");
        }

        var decrypt = OptionalBool(request, "WithDecryption");
        var candidates = store.ParametersUnder(path, OptionalBool(request, "Recursive"))
            .Where(parameter => after is null || string.CompareOrdinal(parameter.Name, after) > 0)
            .Take(maxResults + 1)
            .ToList();
        var page = candidates.Take(maxResults).ToList();
        var nextToken = candidates.Count > maxResults ? EncodeToken(page[^1].Name) : null;

        return SsmReply.Ok(writer =>
        {
            if (nextToken is not null)
            {
                writer.WriteString("NextToken", nextToken);
            }

            writer.WriteStartArray("Parameters");
            foreach (var parameter in page)
            {
                WriteParameter(writer, _resolver.Show(parameter, decrypt, selector: null));
            }

            writer.WriteEndArray();
        });
    }

    private static void WriteParameter(Utf8JsonWriter writer, ResolvedParameter parameter)
    {
        writer.WriteStartObject();
        writer.WriteString("ARN", parameter.Arn);
        writer.WriteString("DataType", "text");
        // awsJson1_1 timestamps are epoch seconds, as a number.
        writer.WriteNumber("LastModifiedDate", parameter.LastModified.ToUnixTimeMilliseconds() / 1000m);
        writer.WriteString("Name", parameter.Name);
        if (parameter.Selector is not null)
        {
            writer.WriteString("Selector", parameter.Selector);
        }

        if (parameter.SourceResult is not null)
        {
            writer.WriteString("SourceResult", parameter.SourceResult);
        }

        writer.WriteString("Type", parameter.Type);
        writer.WriteString("Value", parameter.Value);
        if (parameter.Version is { } version)
        {
            writer.WriteNumber("Version", version);
        }

        writer.WriteEndObject();
    }

    // Tokens are opaque to clients; here, the last name of the previous page (base64url), so paging survives changes.
    private static string EncodeToken(string lastName) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(lastName));

    private static string? DecodeToken(string token)
    {
        try
        {
            var name = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            return name.StartsWith('/') ? name : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string? RequiredString(JsonElement request, string member) =>
        request.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text
            ? text
            : null;

    private static bool OptionalBool(JsonElement request, string member) =>
        request.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.True;

    private static SsmReply MissingMember(string member) => SsmReply.Error(
        SsmErrorTypes.ValidationException,
        $"1 validation error detected: Value null at '{char.ToLowerInvariant(member[0])}{member[1..]}' failed to satisfy constraint: Member must not be null");
}
