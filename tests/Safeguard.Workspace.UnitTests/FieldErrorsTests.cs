using Safeguard.Workspace.Api;

namespace Safeguard.Workspace.UnitTests;

/// <summary>Issue 23: a problem's messages go beside the fields they name; the rest above the form, none dropped.</summary>
public sealed class FieldErrorsTests
{
    [Fact]
    public void Each_message_goes_beside_its_field_and_the_others_are_listed()
    {
        var errors = FieldErrors.From(new Dictionary<string, string[]>
        {
            ["victim.fullName"] = ["The full name is required."],
            ["household[0].relation"] = ["Too short.", "Letters only."],
        });

        Assert.True(errors.Has("Victim.FullName"));
        Assert.Equal("The full name is required.", errors.Text("victim.fullName"));
        Assert.Null(errors.Text("learnedAt"));
        Assert.Equal(["household[0].relation: Too short.", "household[0].relation: Letters only."], errors.Unplaced(["victim.fullName"]));
        Assert.False(FieldErrors.None.Any);
    }
}
