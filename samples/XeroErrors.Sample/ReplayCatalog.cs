using System.Collections.Generic;
using System.Globalization;

namespace XeroErrors.Sample;

/// <summary>
/// The responses the sample replays, in the order the client asks for them: every response of the
/// "HTTP Response Codes &amp; Errors" table of Xero's documentation for the Projects API, the OAuth 2.0
/// forms that spec/errors.yaml adds, and one status the spec does not list.
/// </summary>
internal static class ReplayCatalog
{
    /// <summary>Every replayed response; the one place to add or change one.</summary>
    public static IReadOnlyList<ReplayResponse> All { get; } =
    [
        // The table of Xero's HTTP response codes page for the Projects API.
        new("/projects", 200, XeroResponseKind.Ok) { Body = ProjectsPage, Headers = CallsLeft(59, 4999, 9999) },
        new("/projects/created", 201, XeroResponseKind.Created) { Body = CreatedProject, Headers = CallsLeft(58, 4998, 9998) },
        new("/projects/no-content", 204, XeroResponseKind.NoContent) { Headers = CallsLeft(57, 4997, 9997) },
        new("/projects/bad-request", 400, XeroResponseKind.BadRequest) { Body = ModelStateExample, Headers = CallsLeft(56, 4996, 9996) },
        new("/projects/unauthorized", 401, XeroResponseKind.Unauthorized) { Body = Problem("Unauthorized", 401, "AuthenticationUnsuccessful") },
        new("/projects/not-found", 404, XeroResponseKind.NotFound) { Body = """{"message":"The resource you have specified cannot be found"}""", Headers = CallsLeft(55, 4995, 9995) },
        new("/projects/internal-error", 500, XeroResponseKind.InternalError) { Body = """{"message":"An error has occurred."}""", Headers = CallsLeft(54, 4994, 9994) },
        new("/legacy/rate-limit", 503, XeroResponseKind.RateLimitExceeded) { Body = LegacyRateLimitBody, ContentType = ReplayResponse.PlainText },
        new("/maintenance", 503, XeroResponseKind.NotAvailable) { Body = "The Xero API is currently offline for maintenance", ContentType = ReplayResponse.PlainText },
        new("/unavailable", 503, XeroResponseKind.NotAvailable) { Body = "The Xero API is temporarily unavailable", ContentType = ReplayResponse.PlainText },
        new("/organisation-offline", 503, XeroResponseKind.OrganisationOffline) { Body = "The Organisation is offline", ContentType = ReplayResponse.PlainText },

        // The OAuth 2.0 API's forms, which the spec adds to that table.
        new("/rate-limit/minute", 429, XeroResponseKind.RateLimitExceeded) { Headers = [.. CallsLeft(0, 4940, 9940), Header("X-Rate-Limit-Problem", "minute"), Header("Retry-After", "30")] },
        new("/rate-limit/day", 429, XeroResponseKind.RateLimitExceeded) { Headers = [.. CallsLeft(60, 0, 9939), Header("X-Rate-Limit-Problem", "day"), Header("Retry-After", "86400")] },
        new("/forbidden", 403, XeroResponseKind.Forbidden) { Body = Problem("Forbidden", 403, "AuthenticationUnsuccessful") },
        new("/token-expired", 401, XeroResponseKind.Unauthorized) { Body = Problem("Unauthorized", 401, "TokenExpired: token expired at 11/28/2026 10:00:00") },

        // A status no entry lists: classified Unknown, thrown as the base XeroApiException.
        new("/teapot", 418, XeroResponseKind.Unknown) { Body = "I'm a teapot", ContentType = ReplayResponse.PlainText },
    ];

    private const string ProjectsPage =
        """{"pagination":{"page":1,"pageSize":50,"pageCount":1,"itemCount":1},"items":[{"projectId":"254553f4-ea2d-4a3c-8b14-d5ee4cd9b8f1","name":"New Kitchen","status":"INPROGRESS"}]}""";

    private const string CreatedProject =
        """{"projectId":"b021e7b2-4bd2-4d2b-9a6c-3a9c2e5f7d10","name":"New Bathroom","currencyCode":"AUD","status":"INPROGRESS"}""";

    /// <summary>The 400 example of Xero's HTTP response codes page for the Projects API, verbatim.</summary>
    private const string ModelStateExample = """
        {
          "message": "The request is invalid.",
          "modelState": {
            "model.Name": [
              "The Project Name cannot be empty"
            ],
            "model.ContactId": [
              "The ContactId cannot be null or empty"
            ]
          }
        }
        """;

    /// <summary>How the OAuth 1.0a API reported a rate limit: a form-encoded body on a 503, and no headers.</summary>
    private const string LegacyRateLimitBody =
        "oauth_problem=rate%20limit%20exceeded&oauth_problem_advice=please%20wait%20before%20retrying%20the%20xero%20api";

    /// <summary>The JSON problem body the OAuth 2.0 API sends with authentication errors.</summary>
    private static string Problem(string title, int status, string detail) =>
        $$"""{"Type":null,"Title":"{{title}}","Status":{{status}},"Detail":"{{detail}}","Instance":"8f0d4b2e-6c1a-4f3b-9d7e-2a5c8b1e0f43"}""";

    /// <summary>
    /// The remaining-calls headers. Only responses that reached the API for an organisation carry them:
    /// authentication failures and the gateway's 503s are answered before any limit is counted.
    /// </summary>
    private static KeyValuePair<string, string>[] CallsLeft(int minute, int day, int appMinute) =>
    [
        Header("X-MinLimit-Remaining", minute.ToString(CultureInfo.InvariantCulture)),
        Header("X-DayLimit-Remaining", day.ToString(CultureInfo.InvariantCulture)),
        Header("X-AppMinLimit-Remaining", appMinute.ToString(CultureInfo.InvariantCulture)),
    ];

    private static KeyValuePair<string, string> Header(string name, string value) => new(name, value);
}
