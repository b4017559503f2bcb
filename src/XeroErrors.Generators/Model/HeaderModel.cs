namespace XeroErrors.Generators.Model;

/// <summary>One entry of <c>headers:</c>.</summary>
/// <param name="InMessage">Quote the header's value in exception messages (<c>message: true</c>), as for a correlation id.</param>
internal sealed record HeaderModel(
    string Name,
    string Property,
    HeaderType Type,
    string? Description,
    EquatableArray<HeaderValueModel> Values,
    bool InMessage = false);
