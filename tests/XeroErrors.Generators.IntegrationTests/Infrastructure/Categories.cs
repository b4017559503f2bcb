namespace XeroErrors.Generators.IntegrationTests.Infrastructure;

/// <summary>
/// Trait values. Tests that run a real <c>dotnet build</c> carry <c>[Trait("Category", "Integration")]</c>;
/// the fast suite is <c>dotnet test --filter "Category!=Integration"</c>.
/// </summary>
public static class Categories
{
    public const string Name = "Category";
    public const string Integration = "Integration";
}
