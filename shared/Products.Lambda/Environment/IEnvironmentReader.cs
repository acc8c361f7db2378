namespace Products.Lambda.Environment;

/// <summary>
/// Reads environment variables. Code takes this seam instead of calling <see cref="System.Environment"/> so tests can
/// supply their own values without mutating the process environment (which would force tests to run serially).
/// </summary>
public interface IEnvironmentReader
{
    /// <summary>The variable's value, or null when it is unset or empty.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "C#-only library; Get reads best at call sites.")]
    string? Get(string name);
}
