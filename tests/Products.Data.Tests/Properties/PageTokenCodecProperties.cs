using System.Buffers.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Products.Data.Tests.Properties;

public sealed class PageTokenCodecProperties
{
    private const string Scope = "products-dev";

    private static Gen<string> Ids => Gen.Fresh(ProductId.NewId);

    private static Gen<byte[]> Keys => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), PageTokenCodec.MinKeyBytes);

    [Property(MaxTest = 300)]
    public Property AnyId_EncodedThenDecoded_IsTheSameId() =>
        Prop.ForAll(
            Ids.Zip(Keys).ToArbitrary(),
            sample =>
            {
                var codec = new PageTokenCodec(new PageTokenKeys(sample.Item2, null), Scope);
                return codec.TryDecode(codec.Encode(sample.Item1), out var id) && id == sample.Item1;
            });

    [Property(MaxTest = 300)]
    public Property AnyBitFlippedInAToken_IsRefused() =>
        Prop.ForAll(
            (from id in Ids
             from key in Keys
             from position in Gen.Choose(0, 1000)
             from bit in Gen.Choose(0, 7)
             select (id, key, position, bit)).ToArbitrary(),
            sample =>
            {
                var codec = new PageTokenCodec(new PageTokenKeys(sample.key, null), Scope);
                var bytes = Base64Url.DecodeFromChars(codec.Encode(sample.id));
                bytes[sample.position % bytes.Length] ^= (byte)(1 << sample.bit);
                return !codec.TryDecode(Base64Url.EncodeToString(bytes), out _);
            });

    [Property(MaxTest = 300)]
    public Property AnyEditOfTheTokenText_IsRefused() =>
        Prop.ForAll(
            (from id in Ids
             from position in Gen.Choose(0, 1000)
             from replacement in Gen.Elements('A', 'z', '0', '-', '_', '=', '+', '/', ' ', '.', '%')
             select (id, position, replacement)).ToArbitrary(),
            sample =>
            {
                var codec = new PageTokenCodec(new PageTokenKeys(TestKeys.Current, null), Scope);
                var token = codec.Encode(sample.id).ToCharArray();
                var at = sample.position % token.Length;
                if (token[at] == sample.replacement)
                {
                    return true; // Not an edit.
                }

                token[at] = sample.replacement;
                return !codec.TryDecode(new string(token), out _);
            });

    [Property(MaxTest = 500)]
    public Property AnyForgedString_IsRefused(string forged) =>
        Prop.ForAll(
            Gen.OneOf(
                Gen.Constant(forged ?? string.Empty),
                Gen.Elements("A", "-", "_", "=", "%2F", "..", "\0").ArrayOf().Select(string.Concat),
                Ids.Select(id => Base64Url.EncodeToString("\u0001"u8.ToArray().Concat(System.Text.Encoding.ASCII.GetBytes(id)).Concat(new byte[32]).ToArray()))).ToArbitrary(),
            candidate => !new PageTokenCodec(new PageTokenKeys(TestKeys.Current, null), Scope).TryDecode(candidate, out _));

    [Property(MaxTest = 200)]
    public Property ATokenOfAnotherKeyOrScope_IsRefused_AndThePreviousKeyStillReadsIt() =>
        Prop.ForAll(
            (from id in Ids
             from a in Keys
             from b in Keys
             where !a.AsSpan().SequenceEqual(b)
             select (id, a, b)).ToArbitrary(),
            sample =>
            {
                var token = new PageTokenCodec(new PageTokenKeys(sample.a, null), Scope).Encode(sample.id);
                var otherKey = new PageTokenCodec(new PageTokenKeys(sample.b, null), Scope);
                var otherScope = new PageTokenCodec(new PageTokenKeys(sample.a, null), "products-prod");
                var rotated = new PageTokenCodec(new PageTokenKeys(sample.b, sample.a), Scope);
                return !otherKey.TryDecode(token, out _)
                    && !otherScope.TryDecode(token, out _)
                    && rotated.TryDecode(token, out var id) && id == sample.id;
            });
}
