using System.Text.Json;

namespace Safeguard.LoadBenchmark;

/// <summary>
/// From a high-risk assessment to the last team e-mail accepted by the SMTP server, read from notification's
/// delivery log (its sentAt is taken when the server accepted the message). Also counts e-mails not sent.
/// </summary>
public static class EmailTimes
{
    public sealed record Result(int Cases, int Expected, int Sent, int Failed, int Pending, double[] SortedMilliseconds);

    public static async Task<Result> MeasureAsync(World world, IReadOnlyCollection<HighRiskSubmission> submissions, TimeSpan patience)
    {
        var deadline = DateTimeOffset.UtcNow + patience;
        var times = new List<double>();
        int sent = 0, failed = 0, pending = 0;
        foreach (var submission in submissions)
        {
            while (true)
            {
                // The delivery log is read through the same overloaded platform: a failed read is tried again until the deadline.
                JsonElement log;
                try
                {
                    log = await PlatformClient.EnsureAsync(
                        await world.Admin.GetAsync($"/api/notifications/?caseReference={Uri.EscapeDataString(submission.CaseReference)}"), "the delivery log");
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException && DateTimeOffset.UtcNow <= deadline)
                {
                    await Task.Delay(500);
                    continue;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
                {
                    pending += World.TeamRecipients;
                    break;
                }
                var team = log.EnumerateArray().Where(n => n.GetProperty("cause").GetString() == "TeamConvened").ToList();
                var done = team.Where(n => n.GetProperty("status").GetString() == "sent").ToList();
                if (done.Count >= World.TeamRecipients || DateTimeOffset.UtcNow > deadline)
                {
                    var gaveUp = team.Count(n => n.GetProperty("status").GetString() == "failed");
                    sent += done.Count;
                    failed += gaveUp;
                    pending += World.TeamRecipients - done.Count - gaveUp;
                    if (done.Count == World.TeamRecipients)
                    {
                        var last = done.Max(n => n.GetProperty("sentAt").GetDateTimeOffset());
                        times.Add((last - submission.SubmittedAt).TotalMilliseconds);
                    }
                    break;
                }
                await Task.Delay(500);
            }
        }
        return new Result(submissions.Count, submissions.Count * World.TeamRecipients, sent, failed, pending, [.. times.Order()]);
    }
}
