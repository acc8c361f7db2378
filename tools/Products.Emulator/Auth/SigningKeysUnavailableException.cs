namespace Products.Emulator.Auth;

/// <summary>The issuer's discovery document or JWKS could not be fetched or read.</summary>
internal sealed class SigningKeysUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
