using System.Globalization;

namespace Safeguard.LoadBenchmark;

/// <summary>
/// Resident memory and CPU time of the platform's processes, read from /proc: RSS as `ps` shows it, and PSS
/// (shared pages divided among the processes that share them), whose sum is the real footprint — PostgreSQL's
/// backends share most of their RSS, so adding RSS would count the shared buffers many times. CPU time
/// (user + system) taken before and after the load shows where the machine's two cores went.
/// </summary>
public static class ProcessUsage
{
    /// <summary>Aspire's development orchestration (AppHost, DCP, dashboard, the `dotnet run` launchers): not deployed.</summary>
    public static readonly string[] Orchestration = ["apphost", "dashboard", "dcp", "launchers"];

    /// <summary>The servers the services use (run as local processes here, managed services in production).</summary>
    public static readonly string[] Servers = ["postgresql", "rabbitmq", "smtp4dev"];

    public sealed record Usage(string Group, int Processes, long RssBytes, long PssBytes, double CpuSeconds);

    /// <summary>The platform's own processes, what is deployed: the services and the gateway.</summary>
    public static bool IsDeployed(Usage usage) => !Orchestration.Contains(usage.Group) && !Servers.Contains(usage.Group);

    /// <summary>Which part of the platform a command line belongs to; null for other processes of the machine.</summary>
    private static string? GroupOf(string commandLine) => commandLine switch
    {
        _ when commandLine.Contains("Safeguard.LoadBenchmark") => null,
        _ when commandLine.StartsWith("dotnet run ", StringComparison.Ordinal) => "launchers",
        _ when commandLine.Contains("Safeguard.RiskAssessment") => "risk-assessment",
        _ when commandLine.Contains("Safeguard.SafetyPlan") => "safety-plan",
        _ when commandLine.Contains("Safeguard.Reintegration") => "reintegration",
        _ when commandLine.Contains("Safeguard.TrainingRegistry") => "training-registry",
        _ when commandLine.Contains("Safeguard.Notification") => "notification",
        _ when commandLine.Contains("Safeguard.Identity") => "identity",
        _ when commandLine.Contains("Safeguard.Workspace") => "workspace",
        _ when commandLine.Contains("Safeguard.Gateway") => "gateway",
        _ when commandLine.Contains("Safeguard.AppHost") => "apphost",
        _ when commandLine.Contains("Aspire.Dashboard") => "dashboard",
        _ when commandLine.Contains("/dcp") || commandLine.StartsWith("dcp", StringComparison.Ordinal) => "dcp",
        _ when commandLine.StartsWith("postgres", StringComparison.Ordinal) || commandLine.Contains("/postgres ") || commandLine.Contains("/bin/postgres") => "postgresql",
        _ when commandLine.Contains("beam.smp") || commandLine.Contains("epmd") || commandLine.Contains("erl_child_setup") || commandLine.Contains("inet_gethost") => "rabbitmq",
        _ when commandLine.Contains("smtp4dev", StringComparison.OrdinalIgnoreCase) => "smtp4dev",
        _ => null,
    };

    public static IReadOnlyList<Usage> Measure()
    {
        var usage = new Dictionary<string, (int Count, long Rss, long Pss, double Cpu)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ').Trim();
                if (GroupOf(commandLine) is not { } group)
                {
                    continue;
                }
                var (rss, pss) = ReadMemory(dir);
                var cpu = CpuSeconds(Path.Combine(dir, "stat"));
                var current = usage.GetValueOrDefault(group);
                usage[group] = (current.Count + 1, current.Rss + rss, current.Pss + pss, current.Cpu + cpu);
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
                // Neither smaps_rollup nor status could be read: the process is not counted.
            }
        }
        return [.. usage.Select(u => new Usage(u.Key, u.Value.Count, u.Value.Rss, u.Value.Pss, u.Value.Cpu)).OrderBy(u => u.Group, StringComparer.Ordinal)];
    }

    /// <summary>
    /// RSS and PSS from smaps_rollup. Another user's process (the driver not run as root, the servers run as
    /// 'postgres') hides it: RSS then comes from status, and stands in for PSS too, which over-counts.
    /// </summary>
    private static (long Rss, long Pss) ReadMemory(string dir)
    {
        try
        {
            return ReadRollup(Path.Combine(dir, "smaps_rollup"));
        }
        catch (UnauthorizedAccessException)
        {
            var rss = File.ReadLines(Path.Combine(dir, "status")).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)) is { } line
                ? Kilobytes(line) * 1024 : 0;
            return (rss, rss);
        }
    }

    private static (long Rss, long Pss) ReadRollup(string path)
    {
        long rss = 0, pss = 0;
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("Rss:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line) * 1024;
            }
            else if (line.StartsWith("Pss:", StringComparison.Ordinal))
            {
                pss = Kilobytes(line) * 1024;
            }
        }
        return (rss, pss);
    }

    /// <summary>utime + stime (fields 14 and 15 of /proc/pid/stat, after the parenthesised name), in clock ticks of 1/100 s.</summary>
    private static double CpuSeconds(string path)
    {
        var stat = File.ReadAllText(path);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
