namespace Products.Data;

/// <summary>
/// The server-assigned part of a product, chosen before it is stored: its id and creation time. Keeping it apart from
/// the draft lets a retried create store exactly the product an earlier attempt chose, so the retry converges on that
/// product instead of making a second one.
/// </summary>
/// <param name="Id">A <see cref="ProductId"/>.</param>
/// <param name="CreatedAt">Creation time, UTC; stored with millisecond precision.</param>
public sealed record ProductReservation(string Id, DateTimeOffset CreatedAt)
{
    /// <summary>A new random id and the current time (truncated to what is stored).</summary>
    public static ProductReservation New(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return new ProductReservation(ProductId.NewId(), ProductTimestamp.Truncate(time.GetUtcNow()));
    }
}
