using System.Diagnostics;
using k8s;

namespace Safeguard.Deployment.UnitTests;

/// <summary>The example overlay, rendered once per run with the cluster's own tool (`kubectl kustomize`, offline).</summary>
public static class RenderedManifests
{
    public const string Overlay = "deploy/kubernetes/overlays/example";

    private static readonly Lazy<string> Yaml = new(Render);

    private static readonly Lazy<IReadOnlyList<object>> Objects = new(() => Read(Yaml.Value));

    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Every object, each in the Kubernetes API's model of its kind.</summary>
    public static IReadOnlyList<object> All => Objects.Value;

    public static IEnumerable<T> OfKind<T>() => All.OfType<T>();

    /// <summary>
    /// Reads YAML documents into the API's models, strictly: a field the Kubernetes schema does not have, or a value of
    /// the wrong type, fails, as the API server would refuse it.
    /// </summary>
    public static IReadOnlyList<object> Read(string yaml) => KubernetesYaml.LoadAllFromString(yaml, typeMap: null, strict: true);

    private static string Render()
    {
        var kubectl = new ProcessStartInfo("kubectl", ["kustomize", Path.Combine(RepositoryRoot, Overlay)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(kubectl) ?? throw new InvalidOperationException("kubectl did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"kubectl kustomize {Overlay} failed: {errors}");
        }
        return output.Result;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Platform.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Platform.sln not found above the test's folder.");
    }
}
