using Products.Emulator.Auth;

namespace Products.Emulator.Gateway;

/// <summary>The authorizer a route runs before its integration, and the scopes the route requires (empty: none).</summary>
internal sealed record RouteAuthorizer(JwtAuthorizer Authorizer, IReadOnlyList<string> Scopes);
