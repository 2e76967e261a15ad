using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Safeguard.Platform.Tests.Api;

/// <summary>
/// What an institution's developer does with our documents: generates a C# client with Kiota (a standard
/// generator, the manifest's dotnet tool) from the document the gateway serves, and compiles it.
/// </summary>
internal static class GeneratedClients
{
    /// <summary>Generates a client for one document (saved to <paramref name="documentFile"/>) into its own folder; returns its source files.</summary>
    public static async Task<string[]> GenerateAsync(string documentFile, string clientName, string clientNamespace)
    {
        var output = Directory.CreateTempSubdirectory("safeguard-client-").FullName;
        var kiota = await RepositoryCommands.RunAsync("dotnet",
            ["kiota", "generate", "--language", "CSharp", "--openapi", documentFile, "--class-name", clientName,
             "--namespace-name", clientNamespace, "--output", output, "--exclude-backward-compatible", "--log-level", "Warning"],
            // Kiota looks for a newer version of itself online unless told it is offline.
            new Dictionary<string, string> { ["KIOTA_OFFLINE_ENABLED"] = "true" });
        Assert.True(kiota.ExitCode == 0, $"kiota generate exited with {kiota.ExitCode}: {kiota.Output}{kiota.Errors}");
        Assert.DoesNotContain("error", kiota.Output + kiota.Errors, StringComparison.OrdinalIgnoreCase);
        return Directory.GetFiles(output, "*.cs", SearchOption.AllDirectories);
    }

    /// <summary>Compiles the generated sources, as a .NET 10 project of the institution would, and loads the assembly.</summary>
    public static Assembly Compile(IEnumerable<string> sourceFiles)
    {
        // Kiota writes nullable-annotated members for these targets and plain ones for older frameworks.
        var parse = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: ["NET", "NETCOREAPP", "NETCOREAPP3_1_OR_GREATER", "NET5_0_OR_GREATER", "NET8_0_OR_GREATER"]);
        var trees = sourceFiles.Select(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file), parse, file)).ToList();
        // The framework, and the Kiota packages a generated client needs (the test project references them).
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(Directory.GetFiles(AppContext.BaseDirectory, "Microsoft.Kiota.*.dll"))
            .Concat(Directory.GetFiles(AppContext.BaseDirectory, "Std.UriTemplate.dll"))
            .DistinctBy(Path.GetFileName)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create($"GeneratedClient{Guid.NewGuid():N}", trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10).Select(d => d.ToString()).ToList();
        Assert.True(result.Success, "The generated client does not compile:\n" + string.Join('\n', errors));
        image.Position = 0;
        return AssemblyLoadContext.Default.LoadFromStream(image);
    }

    /// <summary>A model of the generated client, its properties set by name (enumerations given as their C# names).</summary>
    public static object New(Assembly client, string typeName, IReadOnlyDictionary<string, object?> values)
    {
        var type = client.GetType(typeName, throwOnError: true)!;
        var model = Activator.CreateInstance(type)!;
        foreach (var (name, value) in values)
        {
            var property = type.GetProperty(name) ?? throw new InvalidOperationException($"{typeName} has no property {name}.");
            var target = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            property.SetValue(model, value is string text && target.IsEnum ? Enum.Parse(target, text, ignoreCase: true) : value);
        }
        return model;
    }
}
