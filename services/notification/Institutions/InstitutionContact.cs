using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Notification.Templates;

namespace Safeguard.Notification.Institutions;

/// <summary>
/// The official mailbox of an institution (e.g. a centre for social work's intake desk) that receives
/// notices addressed to the institution rather than to a team member (Annex 4: office e-mail).
/// </summary>
public sealed class InstitutionContact
{
    private InstitutionContact() { }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string Email { get; private set; } = "";

    public Language Language { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static InstitutionContact Create(string code, string name, string email, Language language, DateTimeOffset now) =>
        new() { Code = code, Name = name, Email = email, Language = language, UpdatedAt = now };

    public void Update(string name, string email, Language language, DateTimeOffset now)
    {
        Name = name;
        Email = email;
        Language = language;
        UpdatedAt = now;
    }
}

internal sealed class InstitutionContactConfiguration : IEntityTypeConfiguration<InstitutionContact>
{
    public void Configure(EntityTypeBuilder<InstitutionContact> b)
    {
        b.ToTable("institution_contacts");
        b.HasKey(i => i.Code);
        b.Property(i => i.Code).HasColumnName("code").HasMaxLength(10);
        b.Property(i => i.Name).HasColumnName("name").HasMaxLength(200);
        b.Property(i => i.Email).HasColumnName("email").HasMaxLength(254);
        b.Property(i => i.Language).HasColumnName("language").HasConversion<string>().HasMaxLength(2);
        b.Property(i => i.UpdatedAt).HasColumnName("updated_at");
    }
}
