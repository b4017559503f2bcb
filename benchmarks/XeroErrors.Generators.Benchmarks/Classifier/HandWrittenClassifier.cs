using System;

namespace XeroErrors.Generators.Benchmarks.Classifier;

/// <summary>
/// The baseline: the classifier a developer would write by hand for the shipped spec, returning the same
/// classification as the generated one (the spec's order of matches, its transient flags and the 300-second
/// retry of OrganisationOffline). Written once, for spec/errors.yaml as it is; it is not kept in step with it.
/// </summary>
internal static class HandWrittenClassifier
{
    private static readonly TimeSpan OrganisationOfflineRetry = TimeSpan.FromSeconds(300);

    public static XeroResponseClassification Classify(int statusCode, string? body)
    {
        switch (statusCode)
        {
            case 200: return Result(XeroResponseKind.Ok, statusCode, false);
            case 201: return Result(XeroResponseKind.Created, statusCode, false);
            case 204: return Result(XeroResponseKind.NoContent, statusCode, false);
            case 400: return Result(XeroResponseKind.BadRequest, statusCode, false);
            case 401: return Result(XeroResponseKind.Unauthorized, statusCode, false);
            case 403: return Result(XeroResponseKind.Forbidden, statusCode, false);
            case 404: return Result(XeroResponseKind.NotFound, statusCode, false);
            case 429: return Result(XeroResponseKind.RateLimitExceeded, statusCode, true);
            case 500: return Result(XeroResponseKind.InternalError, statusCode, true);
            case 503:
                if (Has(body, "oauth_problem=rate%20limit%20exceeded"))
                {
                    return Result(XeroResponseKind.RateLimitExceeded, statusCode, true);
                }

                if (Has(body, "The Xero API is currently offline for maintenance") || Has(body, "The Xero API is temporarily unavailable"))
                {
                    return Result(XeroResponseKind.NotAvailable, statusCode, true);
                }

                if (Has(body, "The Organisation is offline"))
                {
                    return new XeroResponseClassification(XeroResponseKind.OrganisationOffline, statusCode, true, OrganisationOfflineRetry, default);
                }

                return Result(XeroResponseKind.NotAvailable, statusCode, true);
            default:
                var transient = statusCode == 408 || statusCode == 429 || (statusCode >= 500 && statusCode <= 599);
                return Result(XeroResponseKind.Unknown, statusCode, transient);
        }
    }

    private static XeroResponseClassification Result(XeroResponseKind kind, int statusCode, bool transient) =>
        new(kind, statusCode, transient, null, default);

    private static bool Has(string? body, string marker) => body is not null && body.Contains(marker, StringComparison.OrdinalIgnoreCase);
}
