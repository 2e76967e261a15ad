namespace Safeguard.Gateway.Shield;

/// <summary>
/// CORS closed by default: no browser origin may call the APIs unless listed in Gateway:Cors:AllowedOrigins
/// (e.g. an institution's case-management front end).
/// </summary>
public static class ClosedCors
{
    public static WebApplicationBuilder AddClosedCors(this WebApplicationBuilder builder)
    {
        var origins = builder.Configuration.GetSection("Gateway:Cors:AllowedOrigins").Get<string[]>() ?? [];
        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy =>
        {
            if (origins.Length > 0)
            {
                policy.WithOrigins(origins).WithHeaders("Authorization", "Content-Type", "If-Match").WithExposedHeaders("ETag", "Location")
                    .WithMethods("GET", "POST", "PUT", "DELETE");
            }
        }));
        return builder;
    }
}
