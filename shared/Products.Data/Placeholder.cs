namespace Products.Data;

internal static class Placeholder;
