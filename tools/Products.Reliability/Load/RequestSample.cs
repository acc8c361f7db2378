namespace Products.Reliability.Load;

/// <summary>
/// One request of the load: which operation, its status (0: no answer), its latency, and when it was sent (seconds
/// after the load began; what the report's timeline groups by).
/// </summary>
public readonly record struct RequestSample(string Operation, int Status, double Milliseconds, double SentAtSecond = 0);
