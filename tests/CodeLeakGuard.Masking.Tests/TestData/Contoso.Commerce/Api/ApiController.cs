using System;
using System.Net;

namespace Contoso.Commerce.Api;

/// <summary>The shop's thin HTTP layer: routes are attributes, results are values the host serialises.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RouteAttribute : Attribute
{
    public RouteAttribute(string template) => Template = template;

    public string Template { get; }
}

[AttributeUsage(AttributeTargets.Method)]
public sealed class HttpGetAttribute : Attribute
{
    public HttpGetAttribute(string template = "") => Template = template;

    public string Template { get; }
}

[AttributeUsage(AttributeTargets.Method)]
public sealed class HttpPostAttribute : Attribute
{
    public HttpPostAttribute(string template = "") => Template = template;

    public string Template { get; }
}

public sealed record ApiResult(HttpStatusCode Status, object? Body = null, string? Location = null)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;
}

public abstract class ApiController
{
    protected static ApiResult Ok(object? body = null) => new(HttpStatusCode.OK, body);

    protected static ApiResult Created(string location, object body) => new(HttpStatusCode.Created, body, location);

    protected static ApiResult NotFound(string what) => new(HttpStatusCode.NotFound, new { error = $"{what} was not found" });

    protected static ApiResult BadRequest(string problem) => new(HttpStatusCode.BadRequest, new { error = problem });
}
