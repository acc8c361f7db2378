namespace Products.Emulator.Template;

/// <summary>
/// An HTTP API stage's route throttling (DefaultRouteSettings / RouteSettings, "Protect your HTTP APIs by throttling
/// requests", API Gateway Developer Guide): a token bucket of <see cref="BurstLimit"/> requests refilled at
/// <see cref="RateLimit"/> per second; beyond it API Gateway answers 429.
/// </summary>
public sealed record ThrottleSettings(int? BurstLimit, double? RateLimit);
