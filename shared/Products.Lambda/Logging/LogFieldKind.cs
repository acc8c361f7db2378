namespace Products.Lambda.Logging;

/// <summary>Which value a <see cref="LogField"/> carries.</summary>
internal enum LogFieldKind
{
    String,
    Integer,
    Real,
    Decimal,
    Boolean,
}
