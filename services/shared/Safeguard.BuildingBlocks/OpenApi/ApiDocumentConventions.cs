using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Safeguard.BuildingBlocks.OpenApi;

/// <summary>
/// What every service's OpenAPI document says the same way, so that institutions' systems can generate
/// their clients from it: the bearer scheme and which operations need it, the roles an operation admits, and
/// every problem answer an operation can give on the way through the gateway and the service.
/// </summary>
public static class ApiDocumentConventions
{
    public const string BearerScheme = "bearer";
    private const string ProblemSchema = "ProblemDetails";
    private const string ProblemJson = "application/problem+json";

    public static OpenApiOptions UseSafeguardConventions(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "An access token of the platform's identity provider (locally: eng/token.sh). " +
                              "Its roles and institution decide what the operation may reach.",
            };
            // A server URL ending in "/" doubles the slash when a client joins it to "/api/...".
            foreach (var server in document.Servers ?? [])
            {
                server.Url = server.Url?.TrimEnd('/');
            }
            return Task.CompletedTask;
        });
        options.AddSchemaTransformer((schema, context, _) =>
        {
            // Strings pass through PlainTextStringConverter, and a custom converter leaves the schema exporter
            // nothing to describe: without this, every text field and query parameter would be typeless ({}) and
            // a generated client would see an untyped node where a string belongs.
            if (context.JsonTypeInfo.Type == typeof(string) && schema.Type is null)
            {
                schema.Type = IsNullable(context.JsonPropertyInfo) ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
            }
            return Task.CompletedTask;
        });
        options.AddOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<IAllowAnonymous>().Any())
            {
                return;
            }
            var document = context.Document!;
            if (document.Components?.Schemas?.ContainsKey(ProblemSchema) != true)
            {
                document.AddComponent(ProblemSchema, await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken));
            }
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];

            var roles = metadata.OfType<AuthorizationPolicy>()
                .SelectMany(policy => policy.Requirements.OfType<RolesAuthorizationRequirement>())
                .SelectMany(requirement => requirement.AllowedRoles)
                .Distinct().Order(StringComparer.Ordinal).ToArray();
            if (roles.Length > 0)
            {
                var admits = $"Roles: {string.Join(", ", roles)}.";
                operation.Description = operation.Description is { Length: > 0 } text ? $"{text}\n\n{admits}" : admits;
            }

            var hasInput = operation.RequestBody is not null || operation.Parameters is { Count: > 0 };
            var hasRouteValues = operation.Parameters?.Any(p => p.In == ParameterLocation.Path) == true;
            operation.Responses ??= new OpenApiResponses();
            var problem = new OpenApiSchemaReference(ProblemSchema, document);
            if (hasInput)
            {
                Declare(operation, StatusCodes.Status400BadRequest, "The request is malformed or a field is invalid; the problem names the field.", problem);
            }
            Declare(operation, StatusCodes.Status401Unauthorized, "No valid bearer token.", problem);
            if (roles.Length > 0)
            {
                Declare(operation, StatusCodes.Status403Forbidden, "The token's role or institution may not do this.", problem);
            }
            if (hasRouteValues)
            {
                Declare(operation, StatusCodes.Status404NotFound, "No such record, or one the caller's institution may not reach.", problem);
            }
            if (operation.RequestBody is not null)
            {
                Declare(operation, StatusCodes.Status413PayloadTooLarge, "The body is over the gateway's limit.", problem);
            }
            Declare(operation, StatusCodes.Status429TooManyRequests, "Too many requests from the caller or the institution; see Retry-After.", problem);
            Declare(operation, StatusCodes.Status503ServiceUnavailable, "The service or its database is unavailable; see Retry-After.", problem);
        });
        return options;
    }

    /// <summary>A string property declared <c>string?</c> may be null; one declared <c>string</c> may not.</summary>
    private static bool IsNullable(System.Text.Json.Serialization.Metadata.JsonPropertyInfo? property)
    {
        var nullability = new System.Reflection.NullabilityInfoContext();
        return property?.AttributeProvider switch
        {
            System.Reflection.PropertyInfo member => nullability.Create(member).ReadState != System.Reflection.NullabilityState.NotNull,
            System.Reflection.FieldInfo member => nullability.Create(member).ReadState != System.Reflection.NullabilityState.NotNull,
            _ => false,
        };
    }

    /// <summary>Adds the answer unless the endpoint declared it itself (with its own, more precise schema).</summary>
    private static void Declare(OpenApiOperation operation, int status, string description, IOpenApiSchema problem)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.TryGetValue(key, out var declared))
        {
            if (declared is OpenApiResponse own && string.IsNullOrEmpty(own.Description))
            {
                own.Description = description;
            }
            return;
        }
        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new() { Schema = problem } },
        };
    }
}
