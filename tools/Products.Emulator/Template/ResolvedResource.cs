namespace Products.Local.Template;

/// <summary>Any created resource with its resolved properties (after Globals, conditions and intrinsics).</summary>
internal sealed record ResolvedResource(string LogicalId, string Type, TemplateMapping Properties);
