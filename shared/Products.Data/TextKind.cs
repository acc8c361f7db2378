namespace Products.Data;

/// <summary>Which control characters a text field tolerates.</summary>
internal enum TextKind
{
    /// <summary>None: names and categories are shown on one line.</summary>
    SingleLine,

    /// <summary>Tab, line feed and carriage return: descriptions may have paragraphs.</summary>
    MultiLine,
}
