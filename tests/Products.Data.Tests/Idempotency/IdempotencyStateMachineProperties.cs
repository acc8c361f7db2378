using Amazon.DynamoDBv2;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Products.Data.Idempotency;
using Products.Testing;

namespace Products.Data.Tests.Idempotency;

/// <summary>
/// The store against a model of one record, over random sequences of requests (two payloads), completions and releases
/// (by current or stale owners) and clock moves that reach in-progress expiries and the retention: fresh, in progress,
/// completed, expired, crashed and mismatched states all occur. Every outcome dynalite gives must be the model's.
/// </summary>
public sealed class IdempotencyStateMachineProperties(DynaliteFixture dynalite) : IClassFixture<DynaliteFixture>, IDisposable
{
    private static readonly string[] Payloads = [Attempts.Hash("Lamp"), Attempts.Hash("Desk")];

    private readonly IAmazonDynamoDB client = dynalite.CreateClient();
    private readonly Lazy<string> tableName = new(() => dynalite.CreateIdempotencyTableAsync().GetAwaiter().GetResult());

    public void Dispose() => client.Dispose();

    [Property(MaxTest = 60)]
    public Property AnySequenceOfOperationsOnOneKey_AnswersAsTheModel() =>
        Prop.ForAll(
            Gen.Choose(2, 25).SelectMany(length => Gen.ArrayOf(Operation, length)).ToArbitrary(),
            // Off the test's synchronization context: the scenario is async all the way down.
            operations => Task.Run(() => RunAsync(operations)).GetAwaiter().GetResult());

    private static Gen<Op> Operation => Gen.Frequency(
        (5, from payload in Gen.Choose(0, 1)
            from inProgressMs in Gen.Choose(1, 15_000)
            select (Op)new Op.Begin(payload, inProgressMs)),
        (3, Gen.Choose(0, 9).Select(owner => (Op)new Op.Complete(owner))),
        (2, Gen.Choose(0, 9).Select(owner => (Op)new Op.Release(owner))),
        (4, Gen.Elements(
            TimeSpan.FromMilliseconds(1),
            TimeSpan.FromSeconds(5),
            TimeSpan.FromSeconds(16),
            TimeSpan.FromHours(23),
            Attempts.Retention + TimeSpan.FromSeconds(1)).Select(by => (Op)new Op.Advance(by))));

    private async Task<bool> RunAsync(Op[] operations)
    {
        var clock = new ManualClock(Attempts.Start);
        var store = new IdempotencyStore(client, tableName.Value, clock);
        var recordId = Attempts.NewRecordId();
        var claims = new List<IdempotencyClaim>();
        ModelRecord? model = null;

        foreach (var operation in operations)
        {
            var now = clock.GetUtcNow();
            switch (operation)
            {
                case Op.Advance advance:
                    clock.Advance(advance.By);
                    break;

                case Op.Begin begin:
                {
                    var attempt = new IdempotencyAttempt(
                        recordId, Payloads[begin.Payload], Attempts.Retention,
                        now + TimeSpan.FromMilliseconds(begin.InProgressMs), ProductReservation.New(clock));
                    var outcome = await store.BeginAsync(attempt, CancellationToken.None);
                    switch (Expect(model, attempt, now))
                    {
                        case Expected.Fresh when outcome is BeginOutcome.Claimed { Claim: { TookOver: false } claim }
                                                 && claim.Reservation == attempt.Reservation:
                            claims.Add(claim);
                            model = new ModelRecord(claim.PayloadHash, claim.Attempt, claim.Reservation, attempt.InProgressUntil, Completed: null, Expires(now));
                            break;
                        case Expected.TakeOver when outcome is BeginOutcome.Claimed { Claim: { TookOver: true } claim }
                                                    && claim.Reservation == model!.Reservation:
                            claims.Add(claim);
                            model = model with { Owner = claim.Attempt, InProgressUntil = attempt.InProgressUntil, Expiration = Expires(now) };
                            break;
                        case Expected.Mismatch when outcome is BeginOutcome.PayloadMismatch:
                            break;
                        case Expected.Replay when outcome is BeginOutcome.Replay replay
                                                  && replay.Response.Body.Span.SequenceEqual(model!.Completed!.Body.Span)
                                                  && replay.Response.Location == model.Completed.Location:
                            break;
                        case Expected.InProgress when outcome is BeginOutcome.InProgress inProgress
                                                      && inProgress.Until.ToUnixTimeMilliseconds() == model!.InProgressUntil.ToUnixTimeMilliseconds():
                            break;
                        case var expected:
                            throw new Xunit.Sdk.XunitException($"{operation} at +{now - Attempts.Start}: expected {expected}, got {outcome} (model {model})");
                    }

                    break;
                }

                case Op.Complete or Op.Release when claims.Count == 0:
                    break;

                case Op.Complete complete:
                {
                    var claim = claims[complete.Owner % claims.Count];
                    var response = Attempts.Response(claim.Reservation);
                    var outcome = await store.CompleteAsync(claim, response, CancellationToken.None);
                    var owns = model is { Completed: null } && model.Owner == claim.Attempt;
                    Check(operation, owns, outcome);
                    if (owns)
                    {
                        model = model! with { Completed = response, Expiration = Expires(now) };
                    }

                    break;
                }

                case Op.Release release:
                {
                    var claim = claims[release.Owner % claims.Count];
                    var outcome = await store.ReleaseAsync(claim, CancellationToken.None);
                    var owns = model is { Completed: null } && model.Owner == claim.Attempt;
                    Check(operation, owns, outcome);
                    if (owns)
                    {
                        model = model! with { InProgressUntil = DateTimeOffset.UnixEpoch, Expiration = Expires(now) };
                    }

                    break;
                }
            }
        }

        return true;
    }

    // The rules, stated once: absent or past its retention is fresh; then payload, then completion, then in-progress expiry.
    private static Expected Expect(ModelRecord? model, IdempotencyAttempt attempt, DateTimeOffset now) =>
        model is null || model.Expiration.ToUnixTimeSeconds() < now.ToUnixTimeSeconds() ? Expected.Fresh
        : model.PayloadHash != attempt.PayloadHash ? Expected.Mismatch
        : model.Completed is not null ? Expected.Replay
        : model.InProgressUntil.ToUnixTimeMilliseconds() >= now.ToUnixTimeMilliseconds() ? Expected.InProgress
        : Expected.TakeOver;

    private static DateTimeOffset Expires(DateTimeOffset now) => now + Attempts.Retention;

    private static void Check(Op operation, bool owns, FinishOutcome outcome)
    {
        if (owns ? outcome is not FinishOutcome.Written : outcome is not FinishOutcome.NotOwned)
        {
            throw new Xunit.Sdk.XunitException($"{operation}: expected {(owns ? "Written" : "NotOwned")}, got {outcome}");
        }
    }

    private enum Expected
    {
        Fresh,
        TakeOver,
        Mismatch,
        Replay,
        InProgress,
    }

    private sealed record ModelRecord(
        string PayloadHash,
        string Owner,
        ProductReservation Reservation,
        DateTimeOffset InProgressUntil,
        StoredResponse? Completed,
        DateTimeOffset Expiration);

    // Public: FsCheck prints failing sequences with these.
#pragma warning disable CA1034 // Nested types: the operations belong to this property alone.
    public abstract record Op
    {
        public sealed record Begin(int Payload, int InProgressMs) : Op;

        public sealed record Complete(int Owner) : Op;

        public sealed record Release(int Owner) : Op;

        public sealed record Advance(TimeSpan By) : Op;
    }
#pragma warning restore CA1034
}
