using System.Diagnostics;
using System.Text;
using Xunit;

namespace Safeguard.Testing;

/// <summary>A platform binary started on its own, configured as a deployment configures it, to see what it does at start.</summary>
public static class ServiceProcess
{
    /// <summary>The build of a project next to the test's own (same configuration and framework), e.g. ("services/notification", "Safeguard.Notification").</summary>
    public static string Binary(string projectFolder, string assembly)
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = here.Parent!.Name; // bin/<configuration>/<framework>
        var binary = Path.Combine(RepositoryCommands.Root, projectFolder, "bin", configuration, here.Name, assembly + ".dll");
        Assert.True(File.Exists(binary), $"No build of {assembly} at {binary}");
        return binary;
    }

    /// <summary>Runs <paramref name="binary"/> until it exits on its own (or the timeout) and returns its exit code and everything it wrote.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(string binary, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout)
    {
        // From its own folder, as a deployment starts it: its appsettings.json is read from there.
        var info = new ProcessStartInfo("dotnet", [binary])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(binary)!,
        };
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }
        var output = new StringBuilder();
        using var process = Process.Start(info)!;
        process.OutputDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        process.ErrorDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(binary)} did not exit within {timeout}: {output}");
        }
        process.WaitForExit(); // drains the output
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }
}
