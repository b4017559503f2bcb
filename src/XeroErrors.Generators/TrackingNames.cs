namespace XeroErrors.Generators;

/// <summary>Names of the pipeline steps, so tests can find them in the driver's tracked steps.</summary>
internal static class TrackingNames
{
    public const string SpecFiles = nameof(SpecFiles);
    public const string ParsedSpecs = nameof(ParsedSpecs);
    public const string Options = nameof(Options);
    public const string ResolvedSpecs = nameof(ResolvedSpecs);
    public const string Capabilities = nameof(Capabilities);
    public const string ReferencedSpecs = nameof(ReferencedSpecs);
    public const string Models = nameof(Models);
    public const string Diagnostics = nameof(Diagnostics);
    public const string SpecIdentities = nameof(SpecIdentities);
    public const string SpecConflicts = nameof(SpecConflicts);
}
