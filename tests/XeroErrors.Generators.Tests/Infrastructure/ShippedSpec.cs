namespace XeroErrors.Generators.Tests.Infrastructure;

/// <summary>The repository's spec/errors.yaml, found from the test's own source location.</summary>
internal static class ShippedSpec
{
    public static string Path { get; } = Find();

    public static string Text => File.ReadAllText(Path);

    private static string Find([System.Runtime.CompilerServices.CallerFilePath] string here = "")
    {
        for (var directory = new DirectoryInfo(System.IO.Path.GetDirectoryName(here)!); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, "spec", "errors.yaml");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("spec/errors.yaml not found above the test sources.");
    }
}
