using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Identity.Institutions;

/// <summary>
/// An institution whose people or systems act on the platform: a centre for social work, a police station, a
/// municipality, a prison... Its kind decides which roles its accounts may hold (<see cref="RoleInstitutions"/>).
/// </summary>
public sealed class Institution
{
    /// <summary>The languages the sign-in pages speak: Macedonian, Albanian, Serbian, English.</summary>
    public static readonly IReadOnlyList<string> Languages = ["mk", "sq", "sr", "en"];

    public required string Code { get; init; }
    public required string Kind { get; init; }
    public required string Name { get; set; }

    /// <summary>The language its people's pages and e-mails start in.</summary>
    public required string Language { get; set; }

    public DateTimeOffset RegisteredAt { get; init; }
    public required string RegisteredBy { get; init; }

    /// <summary>Why <paramref name="roles"/> cannot be held at this institution; null when they can.</summary>
    public string? Misfit(IEnumerable<string> roles)
    {
        foreach (var role in roles)
        {
            if (!PlatformRoles.All.Contains(role))
            {
                return $"Unknown role '{role}'. Known: {string.Join(", ", PlatformRoles.All)}.";
            }
        }
        var caller = new Caller("", roles.ToHashSet(StringComparer.Ordinal), Code, Kind, null);
        return RoleInstitutions.Misfit(caller);
    }
}

internal sealed class InstitutionConfiguration : IEntityTypeConfiguration<Institution>
{
    public void Configure(EntityTypeBuilder<Institution> entity)
    {
        entity.ToTable("institutions");
        entity.HasKey(i => i.Code);
        entity.Property(i => i.Code).HasColumnName("code").HasMaxLength(40);
        entity.Property(i => i.Kind).HasColumnName("kind").HasMaxLength(40);
        entity.Property(i => i.Name).HasColumnName("name").HasMaxLength(200);
        entity.Property(i => i.Language).HasColumnName("language").HasMaxLength(2);
        entity.Property(i => i.RegisteredAt).HasColumnName("registered_at");
        entity.Property(i => i.RegisteredBy).HasColumnName("registered_by").HasMaxLength(100);
    }
}
