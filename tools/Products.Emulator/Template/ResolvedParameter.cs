using Products.Emulator.Template.Internal;

namespace Products.Emulator.Template;

/// <summary>
/// A template parameter's value after defaults, samconfig and overrides. <see cref="Value"/> is the text as given;
/// <see cref="Items"/> is the list a <c>Ref</c> yields for list types (CommaDelimitedList, <c>List&lt;...&gt;</c>),
/// or the single value otherwise.
/// </summary>
public sealed record ResolvedParameter(
    string Name,
    string Type,
    string Value,
    IReadOnlyList<string> Items,
    ParameterSource Source)
{
    public bool IsList => ParameterTypes.IsList(Type);
}
