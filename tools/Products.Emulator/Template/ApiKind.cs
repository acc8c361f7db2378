namespace Products.Emulator.Template;

/// <summary>Which API Gateway flavour routes to a function: HTTP API (payload 2.0 by default) or REST API (payload 1.0).</summary>
public enum ApiKind
{
    HttpApi,
    Api,
}
