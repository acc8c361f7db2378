using Products.Emulator.Template;

namespace Products.Emulator.Tests.Template;

public sealed class ResourceTests
{
    private const string Stores = InlineTemplate.Header + """
        Parameters:
          Stage:
            Type: String
            Default: dev
        Conditions:
          IsProd: !Equals [!Ref Stage, prod]
        Resources:
          Settings:
            Type: AWS::SSM::Parameter
            Properties:
              Name: !Sub "/products/${Stage}/settings"
              Type: String
              Value: '{"pageSize":50}'
              Description: Products settings
          TokenSecret:
            Type: AWS::SecretsManager::Secret
            Properties:
              Name: !Sub "products/${Stage}/page-token-key"
              GenerateSecretString:
                PasswordLength: 64
                ExcludePunctuation: true
          FixedSecret:
            Type: AWS::SecretsManager::Secret
            Properties:
              SecretString: fixed
          ProdAlarm:
            Type: AWS::CloudWatch::Alarm
            Condition: IsProd
            Properties:
              AlarmName: errors
          Logs:
            Type: AWS::Logs::LogGroup
            Properties:
              LogGroupName: !Sub "/aws/lambda/products-${Stage}"
              RetentionInDays: !If [IsProd, 90, 7]
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: fn/
              Handler: Fn
              Runtime: dotnet10
              Environment:
                Variables:
                  SETTINGS: !Ref Settings
                  SECRET: !Ref TokenSecret
                  SECRET_ID: !GetAtt TokenSecret.Id
                  VALUE: !GetAtt Settings.Value
                  LOGS: !GetAtt Logs.Arn
        """;

    [Fact]
    public void Load_SsmParameterAndSecrets_AreDescribedAndReferenced()
    {
        var template = InlineTemplate.Load(Stores);

        var parameter = Assert.Single(template.SsmParameters);
        Assert.Equal(new SsmParameterDefinition("Settings", "/products/dev/settings", "String", """{"pageSize":50}""", "Products settings"), parameter);
        var generated = template.Secrets.Single(secret => secret.LogicalId == "TokenSecret");
        Assert.Equal("products/dev/page-token-key", generated.Name);
        Assert.Equal("arn:aws:secretsmanager:us-east-1:123456789012:secret:products/dev/page-token-key", generated.Arn);
        Assert.True(generated.GeneratesSecretString);
        Assert.Null(generated.SecretString);
        var fixedSecret = template.Secrets.Single(secret => secret.LogicalId == "FixedSecret");
        Assert.Equal(("local-FixedSecret", "fixed", false), (fixedSecret.Name, fixedSecret.SecretString, fixedSecret.GeneratesSecretString));
        var variables = template.Function("Fn").Environment;
        Assert.Equal("/products/dev/settings", variables["SETTINGS"]);
        Assert.Equal(generated.Arn, variables["SECRET"]);
        Assert.Equal(generated.Arn, variables["SECRET_ID"]);
        Assert.Equal("""{"pageSize":50}""", variables["VALUE"]);
        Assert.Equal("arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/products-dev:*", variables["LOGS"]);
    }

    [Fact]
    public void Load_NotEmulatedResources_AreListedWhenCreated()
    {
        var dev = InlineTemplate.Load(Stores);
        var prod = InlineTemplate.Load(Stores, new TemplateLoadOptions { ParameterOverrides = new Dictionary<string, string> { ["Stage"] = "prod" } });

        Assert.Equal([new NotEmulatedResource("Logs", "AWS::Logs::LogGroup")], dev.NotEmulated);
        Assert.Equal(
            [new NotEmulatedResource("ProdAlarm", "AWS::CloudWatch::Alarm"), new NotEmulatedResource("Logs", "AWS::Logs::LogGroup")],
            prod.NotEmulated);
        var logs = prod.Resources.Single(resource => resource.LogicalId == "Logs");
        Assert.Equal("90", ((TemplateScalar)logs.Properties["RetentionInDays"]!).Text);
    }

    [Fact]
    public void NotEmulatedResource_ReadsAsLogicalIdAndType()
    {
        var resource = new NotEmulatedResource("ProdAlarm", "AWS::CloudWatch::Alarm");

        Assert.Equal("ProdAlarm (AWS::CloudWatch::Alarm)", resource.ToString());
    }

    [Fact]
    public void Load_UnknownResourceType_FailsNamingIt()
    {
        var error = InlineTemplate.LoadFails(InlineTemplate.Header + """
            Resources:
              Queue:
                Type: AWS::Kinesis::Stream
                Properties:
                  ShardCount: 1
            """);

        Assert.Equal("Resources.Queue.Type: resource type 'AWS::Kinesis::Stream' is not supported by the local emulator", error.Message);
    }

    [Fact]
    public void Load_ServerlessResourceWithoutTransform_Fails()
    {
        var error = InlineTemplate.LoadFails("""
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties: {CodeUri: fn/, Handler: Fn, Runtime: dotnet10}
            """);

        Assert.Contains("needs 'Transform: AWS::Serverless-2016-10-31'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TableWithIndexesTtlAndStream_IsDescribed()
    {
        var template = InlineTemplate.Load(InlineTemplate.Header + """
            Resources:
              Orders:
                Type: AWS::DynamoDB::Table
                Properties:
                  AttributeDefinitions:
                    - {AttributeName: pk, AttributeType: S}
                    - {AttributeName: sk, AttributeType: S}
                    - {AttributeName: status, AttributeType: S}
                  KeySchema:
                    - {AttributeName: pk, KeyType: HASH}
                    - {AttributeName: sk, KeyType: RANGE}
                  ProvisionedThroughput: {ReadCapacityUnits: 5, WriteCapacityUnits: 2}
                  GlobalSecondaryIndexes:
                    - IndexName: byStatus
                      KeySchema: [{AttributeName: status, KeyType: HASH}]
                      Projection: {ProjectionType: INCLUDE, NonKeyAttributes: [total]}
                      ProvisionedThroughput: {ReadCapacityUnits: 1, WriteCapacityUnits: 1}
                  TimeToLiveSpecification: {AttributeName: expiresAt, Enabled: true}
                  StreamSpecification: {StreamViewType: NEW_IMAGE}
            """);

        var orders = template.Table("Orders");
        Assert.Equal("local-Orders", orders.TableName);
        Assert.Equal("PROVISIONED", orders.BillingMode);
        Assert.Equal(new ProvisionedThroughputDefinition(5, 2), orders.ProvisionedThroughput);
        Assert.Equal([new KeySchemaElement("pk", "HASH"), new KeySchemaElement("sk", "RANGE")], orders.KeySchema);
        var index = Assert.Single(orders.GlobalSecondaryIndexes);
        Assert.Equal(("byStatus", "INCLUDE", "total"), (index.IndexName, index.ProjectionType, index.NonKeyAttributes.Single()));
        Assert.Equal(new TimeToLiveDefinition("expiresAt", true), orders.TimeToLive);
        Assert.Equal("NEW_IMAGE", orders.StreamViewType);
    }

    [Theory]
    [InlineData("[{AttributeName: id, AttributeType: S}]", "[{AttributeName: other, KeyType: HASH}]", "key attribute(s) other are not defined")]
    [InlineData("[{AttributeName: id, AttributeType: S}, {AttributeName: x, AttributeType: S}]", "[{AttributeName: id, KeyType: HASH}]", "attribute(s) x are defined but no key")]
    [InlineData("[{AttributeName: id, AttributeType: S}]", "[{AttributeName: id, KeyType: RANGE}]", "must be one HASH key")]
    public void Load_InvalidTableKeys_Fail(string attributes, string keys, string expected)
    {
        var error = InlineTemplate.LoadFails(InlineTemplate.Header + $"""
            Resources:
              T:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: {attributes}
                  KeySchema: {keys}
            """);

        Assert.StartsWith("Resources.T.Properties", error.Path, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ProvisionedTableWithoutThroughput_Fails()
    {
        var error = InlineTemplate.LoadFails(InlineTemplate.Header + """
            Resources:
              T:
                Type: AWS::DynamoDB::Table
                Properties:
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
            """);

        Assert.Contains("needs ProvisionedThroughput", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_IntrinsicDeletionPolicyWithoutLanguageExtensions_Warns()
    {
        var yaml = InlineTemplate.Header + """
            Conditions:
              Always: !Equals [a, a]
            Resources:
              T:
                Type: AWS::DynamoDB::Table
                DeletionPolicy: !If [Always, Retain, Delete]
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
            """;

        var plain = InlineTemplate.Load(yaml);
        var extended = InlineTemplate.Load(yaml.Replace("Transform: AWS::Serverless-2016-10-31", "Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]", StringComparison.Ordinal));

        Assert.Contains(plain.Warnings, warning => warning.StartsWith("Resources.T.DeletionPolicy", StringComparison.Ordinal));
        Assert.Empty(extended.Warnings);
    }

    [Fact]
    public void Load_FunctionUsingExternalLayer_Fails()
    {
        var error = InlineTemplate.LoadFails(InlineTemplate.Header + """
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: fn/
                  Handler: Fn
                  Runtime: dotnet10
                  Layers: ["arn:aws:lambda:us-east-1:017000801446:layer:AWSLambdaPowertools:1"]
            """);

        Assert.Equal("Resources.Fn.Properties.Layers[0]", error.Path);
    }

    [Theory]
    [InlineData("PackageType: Image", "container image functions")]
    [InlineData("CodeUri: s3://bucket/key.zip", "code in S3")]
    [InlineData("Timeout: 901", "outside Lambda's range 1..900")]
    [InlineData("Architectures: [arm64, x86_64]", "exactly one of x86_64 or arm64")]
    public void Load_FunctionTheEmulatorCannotRun_Fails(string property, string expected)
    {
        var properties = property.StartsWith("CodeUri", StringComparison.Ordinal) ? property : "CodeUri: fn/\n      " + property;
        var error = InlineTemplate.LoadFails(InlineTemplate.Header + $"""
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Fn
                  Runtime: dotnet10
                  {properties}
            """);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AWS_REGION: eu-west-1", "'AWS_REGION' is reserved")]
    [InlineData("1BAD: x", "is not a valid variable name")]
    [InlineData("NESTED: {a: b}", "must be a string, not a mapping")]
    public void Load_InvalidEnvironmentVariable_Fails(string variable, string expected)
    {
        var error = InlineTemplate.LoadFails(InlineTemplate.WithVariables(string.Empty, "          " + variable));

        Assert.StartsWith("Resources.Fn.Properties.Environment.Variables", error.Path, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DependsOnUnknownResource_Fails()
    {
        var error = InlineTemplate.LoadFails(InlineTemplate.Header + """
            Resources:
              Logs:
                Type: AWS::Logs::LogGroup
                DependsOn: Nothing
            """);

        Assert.Equal("Resources.Logs.DependsOn: 'Nothing' is not a resource of this template", error.Message);
    }
}
