using Products.Emulator.Template;
using Products.Emulator.Template.Internal;

namespace Products.Emulator.Tests.Template;

public sealed class YamlTemplateReaderTests
{
    [Fact]
    public void Read_ShortForms_BecomeLongForms()
    {
        var root = YamlTemplateReader.Read(
            """
            a: !Ref Stage
            b: !GetAtt Table.StreamArn
            c: !GetAtt Db.Endpoint.Address
            d: !Sub "x-${Stage}"
            e: !If [IsProd, !Ref A, !Ref AWS::NoValue]
            f: !Not [!Condition IsProd]
            """,
            "t.yaml");

        Assert.Equal(
            """{"a":{"Ref":"Stage"},"b":{"Fn::GetAtt":["Table","StreamArn"]},"c":{"Fn::GetAtt":["Db","Endpoint.Address"]},"d":{"Fn::Sub":"x-${Stage}"},"e":{"Fn::If":["IsProd",{"Ref":"A"},{"Ref":"AWS::NoValue"}]},"f":{"Fn::Not":[{"Condition":"IsProd"}]}}""",
            root.ToJson());
    }

    [Fact]
    public void Read_Scalars_FollowTheCoreSchemaAndQuotes()
    {
        var root = YamlTemplateReader.Read(
            """
            number: 10
            text: "10"
            flag: true
            quotedFlag: 'true'
            nothing:
            forced: !!str 42
            account: 012345678901
            """,
            "t.yaml");

        Assert.Equal(new TemplateScalar("10", ScalarKind.Number), root["number"]);
        Assert.Equal(TemplateScalar.String("10"), root["text"]);
        Assert.Equal(new TemplateScalar("true", ScalarKind.Boolean), root["flag"]);
        Assert.Equal(TemplateScalar.String("true"), root["quotedFlag"]);
        Assert.Equal(ScalarKind.Null, ((TemplateScalar)root["nothing"]!).Kind);
        Assert.Equal(TemplateScalar.String("42"), root["forced"]);
        Assert.Equal(TemplateScalar.String("012345678901"), root["account"]);
    }

    [Fact]
    public void Read_AnchorsAndAliases_AreShared()
    {
        var root = YamlTemplateReader.Read("base: &b {x: 1}\ncopy: *b\n", "t.yaml");

        Assert.Same(root["base"], root["copy"]);
    }

    [Fact]
    public void Read_DuplicateKey_FailsWithLine()
    {
        var error = Assert.Throws<TemplateException>(() => YamlTemplateReader.Read("a: 1\nb: 2\na: 3\n", "t.yaml"));

        Assert.Equal("t.yaml:3:1: duplicate key 'a'", error.Message);
    }

    [Theory]
    [InlineData("a: [1, 2", "invalid YAML")]
    [InlineData("", "the template is empty")]
    [InlineData("- a\n- b\n", "must be a mapping")]
    [InlineData("a: !GetAtt NoDot", "must be 'LogicalId.Attribute'")]
    [InlineData("a: !Ref [x]", "!Ref takes a single name")]
    [InlineData("a: !!binary aGk=", "is not supported")]
    public void Read_Invalid_Fails(string yaml, string expected)
    {
        var error = Assert.Throws<TemplateException>(() => YamlTemplateReader.Read(yaml, "t.yaml"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownTopLevelSection_Fails()
    {
        var error = InlineTemplate.LoadFails(InlineTemplate.Header + "Resource:\n  X: {}\n");

        Assert.Equal("Resource", error.Path);
    }
}
