using Products.Lambda.ApiGateway;
using Products.Lambda.Http;
using Products.Lambda.Runtime;

namespace Products.Lambda.Hosting;

/// <summary>
/// A function's business logic: one API Gateway request in, one result out. Expected failures are results; an exception
/// is a defect and becomes a 500 without its text.
/// </summary>
public delegate Task<ApiResult> ApiHandler(ApiRequest request, LambdaContext context);
