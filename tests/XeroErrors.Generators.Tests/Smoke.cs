using XeroErrors;
namespace XeroErrors.Generators.Tests;
public class Smoke
{
    [Fact]
    public void Classifies() => Assert.Equal(XeroResponseKind.OrganisationOffline, XeroResponseClassifier.Classify(503, "The Organisation is offline").Kind);
}
