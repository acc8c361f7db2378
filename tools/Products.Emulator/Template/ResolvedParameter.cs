using Products.Local.Template.Internal;

namespace Products.Local.Template;

/// <summary>
/// A template parameter's value after defaults, samconfig and overrides. <see cref="Value"/> is the text as given;
/// <see cref="Items"/> is the list a <c>Ref</c> yields for list types (CommaDelimitedList, <c>List&lt;...&gt;</c>),
/// or the single value otherwise.
/// </summary>
internal sealed record ResolvedParameter(
    string Name,
    string Type,
    string Value,
    IReadOnlyList<string> Items,
    ParameterSource Source)
{
    public bool IsList => ParameterTypes.IsList(Type);
}
