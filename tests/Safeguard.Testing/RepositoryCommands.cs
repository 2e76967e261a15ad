using System.Diagnostics;

namespace Safeguard.Testing;

/// <summary>The repository's own scripts and tools (eng/, the dotnet tool manifest, eng/npm-tools), run as a developer or an operator would.</summary>
public static class RepositoryCommands
{
    public sealed record Outcome(int ExitCode, string Output, string Errors);

    /// <summary>The folder that holds Platform.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Runs <paramref name="fileName"/> in the repository's root and waits for it (at most <paramref name="timeout"/>, default 2 minutes).</summary>
    public static async Task<Outcome> RunAsync(string fileName, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        using var stop = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(stop.Token);
        var errors = process.StandardError.ReadToEndAsync(stop.Token);
        try
        {
            await process.WaitForExitAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish in time.");
        }
        return new Outcome(process.ExitCode, await output, await errors);
    }

    private static string FindRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Platform.sln")))
        {
            root = root.Parent ?? throw new InvalidOperationException("The repository root was not found.");
        }
        return root.FullName;
    }
}
