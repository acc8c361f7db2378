namespace Products.Emulator.Template.Internal;

/// <summary>Turns the created resources into the emulator's definitions, then adds SAM's implicit APIs and checks routes.</summary>
internal sealed class TemplateBuilder
{
    private static readonly string[] Policies = ["Retain", "Delete", "Snapshot", "RetainExceptOnCreate"];

    private readonly LoadContext _context;
    private readonly GlobalsSection _globals;
    private readonly List<string> _warnings;

    public TemplateBuilder(LoadContext context, GlobalsSection globals, List<string> warnings)
    {
        _context = context;
        _globals = globals;
        _warnings = warnings;
    }

    public List<FunctionDefinition> Functions { get; } = [];

    public List<TableDefinition> Tables { get; } = [];

    public List<HttpApiDefinition> HttpApis { get; } = [];

    public List<RestApiDefinition> RestApis { get; } = [];

    public List<SsmParameterDefinition> SsmParameters { get; } = [];

    public List<SecretDefinition> Secrets { get; } = [];

    public List<LayerDefinition> Layers { get; } = [];

    public List<ResolvedResource> Resources { get; } = [];

    public List<NotEmulatedResource> NotEmulated { get; } = [];

    public void AddResources(IEnumerable<TemplateResource> created)
    {
        var resources = created.ToArray();
        foreach (var layer in resources.Where(resource => resource.Type == ResourceTypes.Layer))
        {
            Layers.Add(LayerReader.Read(layer, _context));
        }

        var layerIdsByArn = Layers.ToDictionary(layer => layer.Arn, layer => layer.LogicalId, StringComparer.Ordinal);
        foreach (var resource in resources)
        {
            CheckPolicies(resource);
            switch (resource.Type)
            {
                case ResourceTypes.Function:
                    Functions.Add(FunctionReader.Read(resource, _context, layerIdsByArn));
                    break;
                case ResourceTypes.Table:
                    Tables.Add(TableReader.Read(resource, _context));
                    break;
                case ResourceTypes.HttpApi:
                    HttpApis.Add(ApiReader.ReadHttpApi(resource.LogicalId, resource.Properties, isImplicit: false, _context));
                    break;
                case ResourceTypes.RestApi:
                    RestApis.Add(ApiReader.ReadRestApi(resource.LogicalId, resource.Properties, isImplicit: false, _context));
                    break;
                case ResourceTypes.SsmParameter:
                    SsmParameters.Add(SsmParameterReader.Read(resource, _context));
                    break;
                case ResourceTypes.Secret:
                    Secrets.Add(SecretReader.Read(resource, _context));
                    break;
                case ResourceTypes.Layer:
                    break;
                default:
                    NotEmulated.Add(new NotEmulatedResource(resource.LogicalId, resource.Type));
                    break;
            }

            if (ResolveProperties(resource) is { } properties)
            {
                Resources.Add(new ResolvedResource(resource.LogicalId, resource.Type, properties));
            }
        }

        AddImplicitApis();
        CheckRoutes();
        WarnAboutAwsOnlyBehaviour();
    }

    // What changes how AWS answers but has no local counterpart: listed at start so a local run is never mistaken for it.
    private void WarnAboutAwsOnlyBehaviour()
    {
        foreach (var function in Functions)
        {
            var path = $"Resources.{function.LogicalId}.Properties";
            if (function.SnapStart)
            {
                _warnings.Add($"{path}.SnapStart: AWS resumes {function.LogicalId} from a snapshot taken after init; locally every environment runs init.");
            }

            if (function.ProvisionedConcurrency is { } provisioned)
            {
                _warnings.Add($"{path}.ProvisionedConcurrencyConfig: AWS keeps {provisioned} environment(s) of {function.LogicalId} initialized; locally environments start on demand.");
            }
        }

        foreach (var api in HttpApis.Where(api => api.DefaultThrottling is not null))
        {
            _warnings.Add($"Resources.{api.LogicalId}.Properties.DefaultRouteSettings: stage throttling (burst {api.DefaultThrottling!.BurstLimit}, rate {api.DefaultThrottling.RateLimit}/s) is not enforced locally; only a function without a free environment answers 429.");
        }

        foreach (var api in _context.Resources.Values.Where(resource => resource.Type == ResourceTypes.HttpApi && resource.Properties.ContainsKey("RouteSettings")))
        {
            _warnings.Add($"{api.Path}.Properties.RouteSettings: per-route throttling is not enforced locally.");
        }
    }

    private TemplateMapping? ResolveProperties(TemplateResource resource)
    {
        var path = $"{resource.Path}.Properties";
        if (ResourceTypes.Emulated.Contains(resource.Type))
        {
            return _context.Resolver.ResolveMapping(resource.Properties, path);
        }

        try
        {
            return _context.Resolver.ResolveMapping(resource.Properties, path);
        }
        catch (TemplateException exception)
        {
            // Not emulated: an unresolvable property (say an Fn::ImportValue in an alarm) cannot change a local run.
            _warnings.Add($"{exception.Message} (the resource is not emulated; its properties are left unresolved)");
            return null;
        }
    }

    private void CheckPolicies(TemplateResource resource)
    {
        foreach (var attribute in new[] { "DeletionPolicy", "UpdateReplacePolicy" })
        {
            if (resource.Definition[attribute] is not { } value)
            {
                continue;
            }

            var path = $"{resource.Path}.{attribute}";
            var policy = _context.Resolver.ResolveString(value, path);
            if (!Policies.Contains(policy, StringComparer.Ordinal))
            {
                throw new TemplateException(path, $"'{policy}' is not one of {string.Join(", ", Policies)}");
            }
        }
    }

    private void AddImplicitApis()
    {
        var routes = Functions.SelectMany(function => function.Events).ToArray();
        if (routes.Any(route => route.ApiLogicalId == ResourceTypes.ImplicitHttpApi))
        {
            var properties = _globals.Merge(ResourceTypes.HttpApi, TemplateMapping.Empty, null, $"Resources.{ResourceTypes.ImplicitHttpApi}");
            HttpApis.Add(ApiReader.ReadHttpApi(ResourceTypes.ImplicitHttpApi, properties, isImplicit: true, _context));
        }

        if (routes.Any(route => route.ApiLogicalId == ResourceTypes.ImplicitRestApi))
        {
            var properties = _globals.Merge(ResourceTypes.RestApi, TemplateMapping.Empty, null, $"Resources.{ResourceTypes.ImplicitRestApi}");
            RestApis.Add(ApiReader.ReadRestApi(ResourceTypes.ImplicitRestApi, properties, isImplicit: true, _context));
        }
    }

    private void CheckRoutes()
    {
        var apis = HttpApis.Select(api => api.LogicalId).Concat(RestApis.Select(api => api.LogicalId)).ToHashSet(StringComparer.Ordinal);
        var owners = new Dictionary<(string Api, string Method, string Path), string>();
        foreach (var function in Functions)
        {
            foreach (var route in function.Events)
            {
                var path = $"Resources.{function.LogicalId}.Properties.Events.{route.EventName}";
                if (!apis.Contains(route.ApiLogicalId))
                {
                    throw new TemplateException(path, $"API '{route.ApiLogicalId}' is not created (check its Condition)");
                }

                if (route.Authorizer is { } authorizer and not ApiRoute.NoAuthorizer
                    && HttpApis.FirstOrDefault(api => api.LogicalId == route.ApiLogicalId) is { } httpApi
                    && !httpApi.Authorizers.ContainsKey(authorizer))
                {
                    throw new TemplateException($"{path}.Properties.Auth.Authorizer", $"'{authorizer}' is not one of {route.ApiLogicalId}'s Auth.Authorizers");
                }

                // API Gateway refuses two integrations for one route; the local router would silently pick one.
                if (!owners.TryAdd((route.ApiLogicalId, route.Method, route.Path), $"{function.LogicalId}.{route.EventName}"))
                {
                    throw new TemplateException(path, $"route '{route.Method} {route.Path}' on {route.ApiLogicalId} is also declared by {owners[(route.ApiLogicalId, route.Method, route.Path)]}");
                }
            }
        }
    }
}
