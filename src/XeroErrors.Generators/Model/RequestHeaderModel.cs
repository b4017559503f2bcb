namespace XeroErrors.Generators.Model;

/// <summary>One entry of <c>request_headers:</c>: a header of the request that the exception records.</summary>
/// <param name="Name">The header's name on the wire, e.g. <c>xero-tenant-id</c>.</param>
/// <param name="Property">The exception's property that carries its value.</param>
/// <param name="Description">The spec's words for it, for the property's docs.</param>
internal sealed record RequestHeaderModel(string Name, string Property, string? Description);
