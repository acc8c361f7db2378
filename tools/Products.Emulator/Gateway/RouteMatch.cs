namespace Products.Emulator.Gateway;

/// <summary>The route chosen for a request and its percent-decoded path parameters (greedy <c>{proxy+}</c> as <c>proxy</c>).</summary>
internal sealed record RouteMatch(RouteDefinition Route, IReadOnlyDictionary<string, string> PathParameters);
