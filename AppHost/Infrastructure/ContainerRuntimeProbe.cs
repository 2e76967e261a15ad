using System.Diagnostics;

namespace Safeguard.AppHost.Infrastructure;

/// <summary>
/// Asks whether a Docker engine answers. The Docker CLI alone is not enough: with no engine behind it,
/// Aspire's container resources wait forever instead of failing, so the choice is made up front.
/// </summary>
public static class ContainerRuntimeProbe
{
    public static bool IsAvailable()
    {
        try
        {
            using var docker = Process.Start(new ProcessStartInfo("docker", ["info", "--format", "{{.ServerVersion}}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (docker is null)
            {
                return false;
            }
            if (!docker.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                docker.Kill(entireProcessTree: true);
                return false;
            }
            return docker.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no docker CLI at all
        }
    }
}
