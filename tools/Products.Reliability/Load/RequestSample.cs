namespace Products.Reliability.Load;

/// <summary>One request of the load: which operation, its status (0: no answer) and its latency.</summary>
public readonly record struct RequestSample(string Operation, int Status, double Milliseconds);
