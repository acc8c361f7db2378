namespace Products.Emulator.Template;

/// <summary>
/// The template (or its samconfig / overrides) says something the local emulator cannot honour faithfully. The message
/// names the place, e.g. <c>Resources.ListProductsFunction.Properties.Events.List.Type: event type 'SQS' is not supported
/// by the local emulator</c>, so a user can fix the template without reading our code.
/// </summary>
public sealed class TemplateException : Exception
{
    public TemplateException(string path, string problem)
        : base(string.IsNullOrEmpty(path) ? problem : $"{path}: {problem}")
    {
        Path = path;
        Problem = problem;
    }

    public TemplateException(string path, string problem, Exception innerException)
        : base(string.IsNullOrEmpty(path) ? problem : $"{path}: {problem}", innerException)
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>Where in the document: <c>Resources.X.Properties.Y[0]</c>, or <c>samconfig.toml:12</c>.</summary>
    public string Path { get; }

    /// <summary>What is wrong, without the place.</summary>
    public string Problem { get; }
}
