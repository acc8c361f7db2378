namespace Products.Lambda;

internal static class Placeholder;
