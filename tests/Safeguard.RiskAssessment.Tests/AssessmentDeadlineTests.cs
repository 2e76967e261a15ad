using Safeguard.Contracts.RiskAssessment;

namespace Safeguard.RiskAssessment.Tests;

/// <summary>Rulebook Art. 5: the assessment is due 12 hours after the centre learns of the violence; overdue is raised once.</summary>
public sealed class AssessmentDeadlineTests(PlatformFixture platform)
{
    /// <summary>This test's centre (a new one per test) and its supervisor, who works its cases.</summary>
    private readonly string _centre = Names.CentreCode();

    private HttpClient Csr => platform.As(Personas.Supervisor(_centre));

    private const string Service = "/api/risk-assessment";

    [Fact]
    public async Task The_12_hour_clock_goes_overdue_exactly_once()
    {
        await using var overdue = await TestBus.ListenAsync<AssessmentOverdue>(await platform.ConnectionStringAsync("messaging"));
        var centre = _centre;
        // Times are taken from the service's clock: other tests of this class move it forward.
        var serviceNow = await platform.Gateway.AdvanceClockAsync(Service, TimeSpan.Zero);
        var c = await Csr.OpenCaseAsync(centre, serviceNow.AddHours(-11).AddMinutes(-55));
        Assert.False(c.Body.GetProperty("assessmentOverdue").GetBoolean());
        Assert.Empty(await Csr.ListAsync($"{RiskAssessmentApi.Cases}?centre={centre}&overdue=true"));

        // Ten minutes later the 12 hours have passed.
        await platform.Gateway.AdvanceClockAsync(Service, TimeSpan.FromMinutes(10));
        var raised = Assert.Single(await overdue.WaitForAsync(e => e.CaseId == c.Id));
        Assert.Equal(c.Reference, raised.CaseReference);
        Assert.True((await Csr.ReadCaseAsync(c.Id)).Body.GetProperty("assessmentOverdue").GetBoolean());
        Assert.Single(await Csr.ListAsync($"{RiskAssessmentApi.Cases}?centre={centre}&overdue=true"));

        // Later scans see the case again but do not raise it again: a newer overdue case is the witness
        // that a full scan ran after the clock moved on.
        await platform.Gateway.AdvanceClockAsync(Service, TimeSpan.FromHours(1));
        var witness = await Csr.OpenCaseAsync(centre, serviceNow.AddHours(-13));
        await platform.Gateway.AdvanceClockAsync(Service, TimeSpan.FromMinutes(1));
        await overdue.WaitForAsync(e => e.CaseId == witness.Id);
        Assert.Single(overdue.Received, e => e.CaseId == c.Id);
    }

    [Fact]
    public async Task An_assessment_in_time_stops_the_clock()
    {
        var centre = _centre;
        var serviceNow = await platform.Gateway.AdvanceClockAsync(Service, TimeSpan.Zero);
        var c = await Csr.OpenCaseAsync(centre, serviceNow.AddHours(-1));

        var assessed = await Csr.SubmitAssessmentAsync(c,
            RiskAssessmentApi.Assessment((await Answers.AllClearAsync(Csr)).Build(), assessedAt: serviceNow));
        Assert.Equal(System.Net.HttpStatusCode.Created, assessed.StatusCode);
        await platform.Gateway.AdvanceClockAsync(Service, TimeSpan.FromHours(12));

        Assert.False((await Csr.ReadCaseAsync(c.Id)).Body.GetProperty("assessmentOverdue").GetBoolean());
        Assert.Empty(await Csr.ListAsync($"{RiskAssessmentApi.Cases}?centre={centre}&overdue=true"));
    }
}
