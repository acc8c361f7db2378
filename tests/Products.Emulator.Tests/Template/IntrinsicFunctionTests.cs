using Products.Emulator.Template;

namespace Products.Emulator.Tests.Template;

public sealed class IntrinsicFunctionTests
{
    private const string Parameters = """
        Parameters:
          Stage:
            Type: String
            Default: dev
          Origins:
            Type: CommaDelimitedList
            Default: "a.example, b.example ,c.example"
        Conditions:
          IsProd: !Equals [!Ref Stage, prod]
          IsDev: !Equals [dev, !Ref Stage]
          NotProd: !Not [!Condition IsProd]
          LongForm:
            Fn::Equals:
              - Ref: Stage
              - dev
        Mappings:
          Sizes:
            dev:
              Memory: "256"
            prod:
              Memory: "1024"
        """;

    private static IReadOnlyDictionary<string, string> Variables(string variables, TemplateLoadOptions? options = null) =>
        InlineTemplate.Load(InlineTemplate.WithVariables(Parameters, variables), options).Function("Fn").Environment;

    [Fact]
    public void Ref_ParameterAndPseudoParameters_ResolveToLocalValues()
    {
        var variables = Variables("""
                      STAGE: !Ref Stage
                      REGION: !Ref AWS::Region
                      ACCOUNT: !Ref AWS::AccountId
                      STACK: !Ref AWS::StackName
                      PARTITION: !Ref AWS::Partition
                      SUFFIX: !Ref AWS::URLSuffix
                      LONG:
                        Ref: Stage
            """);

        Assert.Equal("dev", variables["STAGE"]);
        Assert.Equal("us-east-1", variables["REGION"]);
        Assert.Equal("123456789012", variables["ACCOUNT"]);
        Assert.Equal("local", variables["STACK"]);
        Assert.Equal("aws", variables["PARTITION"]);
        Assert.Equal("amazonaws.com", variables["SUFFIX"]);
        Assert.Equal("dev", variables["LONG"]);
    }

    [Fact]
    public void Ref_RegionOption_ChangesRegionAndPartition()
    {
        var variables = Variables(
            """
                      REGION: !Ref AWS::Region
                      PARTITION: !Ref AWS::Partition
                      SUFFIX: !Ref AWS::URLSuffix
            """,
            new TemplateLoadOptions { Region = "cn-north-1" });

        Assert.Equal("cn-north-1", variables["REGION"]);
        Assert.Equal("aws-cn", variables["PARTITION"]);
        Assert.Equal("amazonaws.com.cn", variables["SUFFIX"]);
    }

    [Fact]
    public void Ref_NoValue_RemovesTheProperty()
    {
        var variables = Variables("""
                      KEPT: kept
                      GONE: !Ref AWS::NoValue
                      GONE_IF: !If [IsProd, prod-only, !Ref AWS::NoValue]
            """);

        Assert.Equal(["KEPT"], variables.Keys);
    }

    [Fact]
    public void Sub_StringForm_ReplacesParametersPseudoParametersAndAttributes()
    {
        var yaml = InlineTemplate.WithVariables(Parameters, """
                      NAME: !Sub "products-${Stage}-${AWS::Region}"
                      ARN: !Sub "${Table.Arn}"
                      TABLE: !Sub "${Table}"
                      LITERAL: !Sub "${!NotAVariable}-${Stage}"
                      LONG:
                        Fn::Sub: "${AWS::AccountId}"
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: !Sub "t-${Stage}"
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
            """);

        var variables = InlineTemplate.Load(yaml).Function("Fn").Environment;

        Assert.Equal("products-dev-us-east-1", variables["NAME"]);
        Assert.Equal("arn:aws:dynamodb:us-east-1:123456789012:table/t-dev", variables["ARN"]);
        Assert.Equal("t-dev", variables["TABLE"]);
        Assert.Equal("${NotAVariable}-dev", variables["LITERAL"]);
        Assert.Equal("123456789012", variables["LONG"]);
    }

    [Fact]
    public void Sub_ListForm_UsesTheVariableMapFirst()
    {
        var variables = Variables("""
                      URL: !Sub
                        - "https://${Host}/${Stage}/${Path}"
                        - Host: !Join [".", [api, !Ref Stage, example]]
                          Path: items
            """);

        Assert.Equal("https://api.dev.example/dev/items", variables["URL"]);
    }

    [Fact]
    public void GetAtt_DottedAndListForms_GiveTheSameArn()
    {
        var yaml = InlineTemplate.WithVariables(Parameters, """
                      DOTTED: !GetAtt Other.Arn
                      LISTED: !GetAtt [Other, Arn]
                      LONG:
                        Fn::GetAtt: [Other, Arn]
                      ROLE: !GetAtt FnRole.Arn
              Other:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: other-fn
                  CodeUri: other/
                  Handler: Other
                  Runtime: dotnet10
            """);

        var variables = InlineTemplate.Load(yaml).Function("Fn").Environment;

        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:other-fn", variables["DOTTED"]);
        Assert.Equal(variables["DOTTED"], variables["LISTED"]);
        Assert.Equal(variables["DOTTED"], variables["LONG"]);
        Assert.Equal("arn:aws:iam::123456789012:role/local-FnRole", variables["ROLE"]);
    }

    [Fact]
    public void GetAtt_UnknownAttribute_NamesResourceAndAttribute()
    {
        var yaml = InlineTemplate.WithVariables(Parameters, """
                      BAD: !GetAtt Other.Colour
              Other:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: other/
                  Handler: Other
                  Runtime: dotnet10
            """);

        var error = InlineTemplate.LoadFails(yaml);

        Assert.Equal("Resources.Fn.Properties.Environment.Variables.BAD.Fn::GetAtt", error.Path);
        Assert.Contains("attribute 'Colour' of AWS::Serverless::Function 'Other'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void If_AndConditionFunctions_FollowTheConditions()
    {
        var variables = Variables("""
                      IF: !If [IsProd, big, small]
                      NOT: !If [NotProd, yes, no]
                      LONG:
                        Fn::If: [LongForm, long, short]
            """);

        Assert.Equal("small", variables["IF"]);
        Assert.Equal("yes", variables["NOT"]);
        Assert.Equal("long", variables["LONG"]);
    }

    [Fact]
    public void If_StageOverride_FlipsTheBranch()
    {
        var variables = Variables(
            "          IF: !If [IsProd, big, small]",
            new TemplateLoadOptions { ParameterOverrides = new Dictionary<string, string> { ["Stage"] = "prod" } });

        Assert.Equal("big", variables["IF"]);
    }

    [Fact]
    public void Join_WorksOnListsAndListParameters()
    {
        var variables = Variables("""
                      JOINED: !Join [";", !Ref Origins]
                      INLINE: !Join ["", [a, !Ref Stage, b]]
            """);

        Assert.Equal("a.example;b.example;c.example", variables["JOINED"]);
        Assert.Equal("adevb", variables["INLINE"]);
    }

    [Fact]
    public void FindInMap_Resolves()
    {
        var variables = Variables("          MEMORY: !FindInMap [Sizes, !Ref Stage, Memory]");

        Assert.Equal("256", variables["MEMORY"]);
    }

    [Fact]
    public void FindInMap_MissingKey_Fails()
    {
        var error = InlineTemplate.LoadFails(InlineTemplate.WithVariables(Parameters, "          BAD: !FindInMap [Sizes, staging, Memory]"));

        Assert.Contains("mapping 'Sizes' has no key 'staging'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ref_UnknownName_FailsWithPath()
    {
        var error = InlineTemplate.LoadFails(InlineTemplate.WithVariables(Parameters, "          BAD: !Ref Nowhere"));

        Assert.Equal(
            "Resources.Fn.Properties.Environment.Variables.BAD.Ref: 'Nowhere' is not a parameter, a pseudo parameter or a resource of this template",
            error.Message);
    }

    [Fact]
    public void Sub_UnknownVariable_Fails()
    {
        var error = InlineTemplate.LoadFails(InlineTemplate.WithVariables(Parameters, "          BAD: !Sub \"x-${Nowhere}\""));

        Assert.Contains("'Nowhere' is not a parameter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownIntrinsic_Fails()
    {
        var error = InlineTemplate.LoadFails(InlineTemplate.WithVariables(Parameters, """
                      BAD:
                        Fn::Reverse: abc
            """));

        Assert.Equal("Resources.Fn.Properties.Environment.Variables.BAD.Fn::Reverse", error.Path);
        Assert.Contains("intrinsic function 'Fn::Reverse' is not supported by the local emulator", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownShortFormTag_Fails()
    {
        var error = InlineTemplate.LoadFails(InlineTemplate.WithVariables(Parameters, "          BAD: !Reverse abc"));

        Assert.Contains("unknown tag '!Reverse'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportValue_IsRefusedLocally()
    {
        var error = InlineTemplate.LoadFails(InlineTemplate.WithVariables(Parameters, "          BAD: !ImportValue shared-vpc"));

        Assert.Contains("Fn::ImportValue cannot be resolved by the local emulator", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IntrinsicTemplateYamlDoesNotUse_IsRefusedByName()
    {
        var error = InlineTemplate.LoadFails(InlineTemplate.WithVariables(Parameters, """
                      BAD:
                        Fn::Select: [0, !Ref Origins]
            """));

        Assert.Contains("intrinsic function 'Fn::Select' is not supported by the local emulator", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ref_ResourceWhoseConditionIsFalse_FailsUnlessGuardedByIf()
    {
        const string Resources = """
              ProdTable:
                Type: AWS::DynamoDB::Table
                Condition: IsProd
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
            """;

        var guarded = InlineTemplate.Load(InlineTemplate.WithVariables(Parameters, "          T: !If [IsProd, !Ref ProdTable, none]\n" + Resources));
        var error = InlineTemplate.LoadFails(InlineTemplate.WithVariables(Parameters, "          T: !Ref ProdTable\n" + Resources));

        Assert.Equal("none", guarded.Function("Fn").Environment["T"]);
        Assert.Empty(guarded.Tables);
        Assert.Contains("'ProdTable' is not created because its Condition 'IsProd' is false", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Condition_Undeclared_Fails()
    {
        var error = InlineTemplate.LoadFails(InlineTemplate.WithVariables(Parameters, "          X: !If [IsStaging, a, b]"));

        Assert.Contains("condition 'IsStaging' is not declared in Conditions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Condition_Circular_Fails()
    {
        var yaml = InlineTemplate.WithVariables(
            """
            Conditions:
              A: !Not [!Condition B]
              B: !Not [!Condition A]
            """,
            "          X: x");

        var error = InlineTemplate.LoadFails(yaml);

        Assert.Contains("depends on itself", error.Message, StringComparison.Ordinal);
    }
}
