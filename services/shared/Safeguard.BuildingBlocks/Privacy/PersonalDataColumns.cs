using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Safeguard.BuildingBlocks.Persistence;

namespace Safeguard.BuildingBlocks.Privacy;

/// <summary>
/// Maps a property to an encrypted text column. The value is encrypted on write and decrypted on read, so
/// endpoints see plain values while the table holds only ciphertext. Encrypted columns cannot be filtered or
/// sorted in SQL; names are searched through <see cref="NameSearch"/> tokens instead.
/// </summary>
public static class PersonalDataColumns
{
    /// <summary>Marks the columns the start-up backfill encrypts (<see cref="PersonalDataBackfill"/>).</summary>
    public const string Annotation = "Safeguard:PersonalData";

    /// <summary>A text (nullable or not; EF never converts a null).</summary>
    public static PropertyBuilder IsPersonalData(this PropertyBuilder property, PersonalDataProtector protector) =>
        property.HasConversion(new ValueConverter<string, string>(value => protector.Protect(value), stored => protector.Unprotect(stored)))
            .HasColumnType("text")
            .HasAnnotation(Annotation, true);

    /// <summary>A value object or list (a form, a party) serialized as JSON, then encrypted as one value.</summary>
    public static PropertyBuilder<T> IsPersonalJson<T>(this PropertyBuilder<T> property, PersonalDataProtector protector)
    {
        property
            .HasConversion(
                value => protector.Protect(JsonSerializer.Serialize(value, JsonColumn.Options)),
                stored => JsonSerializer.Deserialize<T>(protector.Unprotect(stored), JsonColumn.Options)!,
                JsonColumn.Comparer<T>())
            .HasColumnType("text")
            .HasAnnotation(Annotation, true);
        return property;
    }

    public static bool IsPersonalData(this IReadOnlyProperty property) => property.FindAnnotation(Annotation) is not null;
}
