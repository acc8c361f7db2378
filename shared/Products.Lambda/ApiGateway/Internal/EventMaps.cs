namespace Products.Lambda.ApiGateway.Internal;

/// <summary>Turns the event's nullable JSON maps into clean pairs: null values and empty names are dropped.</summary>
internal static class EventMaps
{
    public static IEnumerable<KeyValuePair<string, string>> Pairs(Dictionary<string, string?>? map) =>
        map is null
            ? []
            : map.Where(pair => pair.Key.Length > 0 && pair.Value is not null)
                .Select(pair => new KeyValuePair<string, string>(pair.Key, pair.Value!));

    public static IEnumerable<KeyValuePair<string, string>> Pairs(Dictionary<string, string?[]?>? map) =>
        map is null
            ? []
            : map.Where(pair => pair.Key.Length > 0 && pair.Value is not null)
                .SelectMany(pair => pair.Value!
                    .Where(value => value is not null)
                    .Select(value => new KeyValuePair<string, string>(pair.Key, value!)));

    public static IReadOnlyDictionary<string, string> PathParameters(Dictionary<string, string?>? map) =>
        map is null || map.Count == 0
            ? System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty
            : Pairs(map).ToDictionary(StringComparer.Ordinal).AsReadOnly();
}
