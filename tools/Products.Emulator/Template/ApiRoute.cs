namespace Products.Emulator.Template;

/// <summary>
/// One HttpApi or Api event of a function. <see cref="Method"/> is upper case and may be <c>ANY</c>; an HttpApi event
/// without Path and Method is the API's default route: Method <c>ANY</c>, Path <see cref="DefaultRoutePath"/>.
/// </summary>
/// <param name="ApiLogicalId">The API's logical id, <c>ServerlessHttpApi</c> / <c>ServerlessRestApi</c> for the implicit ones.</param>
/// <param name="PayloadFormatVersion">"2.0" or "1.0": the event shape the function receives.</param>
/// <param name="TimeoutInMillis">HttpApi integration timeout when the template sets one (API Gateway's limit is 30 s).</param>
public sealed record ApiRoute(
    string EventName,
    ApiKind Kind,
    string Method,
    string Path,
    string ApiLogicalId,
    string PayloadFormatVersion,
    int? TimeoutInMillis)
{
    public const string DefaultRoutePath = "$default";
}
