using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.BuildingBlocks.Privacy;

namespace Safeguard.Reintegration.Cases;

/// <summary>
/// A person of the household (004 §2.2: every person is profiled). Schooling, housing and benefits are
/// per household, but consent to share data and many services are per person.
/// </summary>
public sealed class HouseholdMember : INameIndexed
{
    /// <summary>Age of majority: below it a parent or guardian consents on the child's behalf.</summary>
    public const int AdultAge = 18;

    private HouseholdMember() { }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    /// <summary>The member's place in the household list: the main person is 1.</summary>
    public int Position { get; private set; }

    public string FullName { get; private set; } = "";

    /// <summary>Keyed hashes of the words of the name: the name itself is stored encrypted (<see cref="NameSearch"/>).</summary>
    public List<string> NameTokens { get; private set; } = [];

    public DateOnly DateOfBirth { get; private set; }

    public Sex Sex { get; private set; }

    public Relationship Relationship { get; private set; }

    public PersonCategory Category { get; private set; }

    /// <summary>Languages the person speaks, e.g. "sq", "de": drives language classes for children (004 objective 5).</summary>
    public IReadOnlyList<string> Languages { get; private set; } = [];

    public DateTimeOffset AddedAt { get; private set; }

    public static HouseholdMember Add(Guid caseId, int position, string fullName, DateOnly dateOfBirth, Sex sex, Relationship relationship, PersonCategory category,
        IReadOnlyList<string> languages, NameSearch nameSearch, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), CaseId = caseId, Position = position, FullName = fullName, NameTokens = nameSearch.TokensOf([fullName]), DateOfBirth = dateOfBirth,
        Sex = sex, Relationship = relationship, Category = category, Languages = languages, AddedAt = now,
    };

    public void IndexNames(NameSearch nameSearch) => NameTokens = nameSearch.TokensOf([FullName]);

    /// <summary>
    /// Issue 24 §10, with the case: the name and its hashes go, and the date of birth keeps only its year, so the
    /// household's ages stay countable without naming the day.
    /// </summary>
    public void Erase()
    {
        FullName = ReintegrationCase.Erased;
        NameTokens = [];
        DateOfBirth = new DateOnly(DateOfBirth.Year, 1, 1);
    }

    public int AgeOn(DateOnly day)
    {
        var age = day.Year - DateOfBirth.Year;
        return DateOfBirth.AddYears(age) > day ? age - 1 : age;
    }

    public bool IsChildOn(DateOnly day) => AgeOn(day) < AdultAge;
}

internal sealed class HouseholdMemberConfiguration(PersonalDataProtector personalData) : IEntityTypeConfiguration<HouseholdMember>
{
    public void Configure(EntityTypeBuilder<HouseholdMember> b)
    {
        b.ToTable("household_members");
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(m => m.CaseId).HasColumnName("case_id");
        b.HasOne<ReintegrationCase>().WithMany().HasForeignKey(m => m.CaseId);
        b.Property(m => m.Position).HasColumnName("position");
        b.HasIndex(m => new { m.CaseId, m.Position }).IsUnique();
        b.Property(m => m.FullName).HasColumnName("full_name").IsPersonalData(personalData);
        b.Property(m => m.NameTokens).HasColumnName("name_tokens").HasDefaultValueSql("'{}'");
        b.Property(m => m.DateOfBirth).HasColumnName("date_of_birth");
        b.Property(m => m.Sex).HasColumnName("sex").HasConversion<string>().HasMaxLength(10);
        b.Property(m => m.Relationship).HasColumnName("relationship").HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.Category).HasColumnName("category").HasConversion<string>().HasMaxLength(30);
        b.Property(m => m.Languages).HasColumnName("languages").HasJsonConversion();
        b.Property(m => m.AddedAt).HasColumnName("added_at");
    }
}
