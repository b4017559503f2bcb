namespace XeroErrors.Generators.Model;

/// <summary>One entry of <c>headers:</c>.</summary>
/// <param name="Name">The header's name on the wire, e.g. <c>Retry-After</c>.</param>
/// <param name="Property">The C# property that carries its value.</param>
/// <param name="Type">How its value is parsed.</param>
/// <param name="Description">The spec's words for it, for the property's docs.</param>
/// <param name="Values">The named values of an enum header, in spec order; empty for other types.</param>
/// <param name="InMessage">Quote the header's value in exception messages (<c>message: true</c>), as for a correlation id.</param>
internal sealed record HeaderModel(
    string Name,
    string Property,
    HeaderType Type,
    string? Description,
    EquatableArray<HeaderValueModel> Values,
    bool InMessage = false);
