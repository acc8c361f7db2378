using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Products.Data.Idempotency;
using Products.Data.Tests.Properties;

namespace Products.Data.Tests.Idempotency;

/// <summary>What makes two requests "the same" for an idempotency key: the caller, the key and the draft.</summary>
public sealed class IdempotencyKeyProperties
{
    private static Gen<string> Keys => Gen.Choose(1, 255).SelectMany(length => Gen.ArrayOf(Gen.Choose(0x21, 0x7E).Select(c => (char)c), length)).Select(chars => new string(chars));

    private static Gen<string?> Subjects => Gen.Elements<string?>(null, "anonymous", "sub:x", "user-1", "user-2", "ä");

    [Property(MaxTest = 300)]
    public Property RecordId_IsTheSameForTheSameCallerAndKey_AndDiffersOtherwise() =>
        Prop.ForAll(
            (from key in Keys
             from otherKey in Keys
             from subject in Subjects
             from otherSubject in Subjects
             select (key, otherKey, subject, otherSubject)).ToArbitrary(),
            sample =>
            {
                var id = IdempotencyRecordId.For("CreateProduct", sample.subject, sample.key);
                var same = IdempotencyRecordId.For("CreateProduct", sample.subject, sample.key);
                var other = IdempotencyRecordId.For("CreateProduct", sample.otherSubject, sample.otherKey);
                var sameInputs = sample.key == sample.otherKey && sample.subject == sample.otherSubject;

                return id == same
                    && (id == other) == sameInputs
                    && id.StartsWith("CreateProduct#", StringComparison.Ordinal)
                    && id.Length == "CreateProduct#".Length + 43;
            });

    [Property(MaxTest = 300)]
    public Property Fingerprint_IsEqualForEqualDrafts_AndDiffersWhenAnyFieldDiffers() =>
        Prop.ForAll(
            DraftGenerators.ValidDraft.Zip(DraftGenerators.ValidDraft).ToArbitrary(),
            pair =>
            {
                var (draft, other) = pair;
                var copy = draft with { };
                var mixed = draft with { Description = other.Description };

                return PayloadFingerprint.Of(draft) == PayloadFingerprint.Of(copy)
                    && (PayloadFingerprint.Of(draft) == PayloadFingerprint.Of(other)) == (draft == other)
                    && (PayloadFingerprint.Of(draft) == PayloadFingerprint.Of(mixed)) == (draft.Description == other.Description);
            });

    [Fact]
    public void Fingerprint_AbsentAndEmptyDescription_Differ() =>
        Assert.NotEqual(
            PayloadFingerprint.Of(new ProductDraft("Lamp", 1m, null, "x")),
            PayloadFingerprint.Of(new ProductDraft("Lamp", 1m, "x", null)));

    [Fact]
    public void RecordId_AnonymousCaller_DiffersFromASubjectNamedAnonymous() =>
        Assert.NotEqual(
            IdempotencyRecordId.For("CreateProduct", null, "k"),
            IdempotencyRecordId.For("CreateProduct", "anonymous", "k"));
}
