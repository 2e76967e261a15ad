namespace Safeguard.Testing;

/// <summary>Where browser tests leave their screenshots: artifacts/screenshots in the repository (never committed).</summary>
public static class Screenshots
{
    public static string PathFor(string name)
    {
        var folder = Path.Combine(RepositoryCommands.Root, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }
}
