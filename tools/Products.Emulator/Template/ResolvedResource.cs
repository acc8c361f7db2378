namespace Products.Emulator.Template;

/// <summary>Any created resource with its resolved properties (after Globals, conditions and intrinsics).</summary>
public sealed record ResolvedResource(string LogicalId, string Type, TemplateMapping Properties);
