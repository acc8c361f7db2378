namespace Products.Testing;

internal static class Placeholder;
