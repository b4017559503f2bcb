namespace XeroErrors.Generators.Tests;

/// <summary>The responses the seed document describes, word for word.</summary>
internal static class SeedResponses
{
    public const string ValidationBody = """
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

    public const string Maintenance = "The Xero API is currently offline for maintenance";
    public const string TemporarilyUnavailable = "The Xero API is temporarily unavailable";
    public const string OrganisationOffline = "The Organisation is offline";
    public const string LegacyRateLimit = "oauth_problem=rate%20limit%20exceeded&oauth_problem_advice=please%20wait%20before%20retrying%20the%20xero%20api";

    public const string TokenExpired = """{"Type":null,"Title":"Unauthorized","Status":401,"Detail":"TokenExpired: token expired at 11/28/2026 10:00:00","Instance":"d7c5d0a6-7d4b-4a6c-9d0c-2f5e0a8c1b11","Extensions":{}}""";
    public const string AuthenticationUnsuccessful = """{"Type":null,"Title":"Forbidden","Status":403,"Detail":"AuthenticationUnsuccessful","Instance":"5b8f3c1e-0d5a-4a57-9a57-1b0b8f6b2e4c","Extensions":{}}""";
}
