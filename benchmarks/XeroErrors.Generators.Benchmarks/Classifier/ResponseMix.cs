using System.Collections.Generic;

namespace XeroErrors.Generators.Benchmarks.Classifier;

/// <summary>One response as the Xero API sends it.</summary>
internal sealed record SeedResponse(int Status, string? Body, string ContentType, KeyValuePair<string, string>[] Headers);

/// <summary>
/// The mix the classifier benchmarks run over: every entry of the shipped spec with the body the seed's table and
/// Xero's documentation give it (each 503 body, and a 503 that matches none), plus a status the spec does not list.
/// </summary>
internal static class ResponseMix
{
    public const int Count = 15;

    private const string Json = "application/json";
    private const string Text = "text/plain";

    public static readonly SeedResponse[] All =
    {
        new(200, "{\"Id\":\"b0d5e2f1-4c4f-4d5e-9a1b-2f6c3e7d8a90\",\"Name\":\"Website redesign\",\"Status\":\"INPROGRESS\"}", Json, Correlated()),
        new(201, "{\"Id\":\"b0d5e2f1-4c4f-4d5e-9a1b-2f6c3e7d8a90\"}", Json, Correlated()),
        new(204, null, Text, Correlated()),
        new(400, "{\"message\":\"The request is invalid.\",\"modelState\":{\"model.Name\":[\"The Project Name cannot be empty\"],\"model.ContactId\":[\"The ContactId cannot be null or empty\"]}}", Json, Correlated()),
        new(401, "{\"Title\":\"Unauthorized\",\"Status\":401,\"Detail\":\"TokenExpired: token expired at 01/15/2025 10:00:00\"}", Json, Correlated()),
        new(403, "{\"Title\":\"Forbidden\",\"Status\":403,\"Detail\":\"AuthenticationUnsuccessful\"}", Json, Correlated()),
        new(404, "The resource you're looking for cannot be found", Text, Correlated()),
        new(500, "An unhandled error with the Xero API. Contact the Xero API team if problems persist", Text, Correlated()),
        new(429, null, Text, Correlated(("Retry-After", "27"), ("X-Rate-Limit-Problem", "minute"), ("X-MinLimit-Remaining", "0"), ("X-DayLimit-Remaining", "4321"), ("X-AppMinLimit-Remaining", "9876"))),
        new(503, "oauth_problem=rate%20limit%20exceeded&oauth_problem_advice=please%20wait%20before%20retrying%20the%20xero%20api", Text, Correlated()),
        new(503, "The Xero API is currently offline for maintenance", Text, Correlated()),
        new(503, "The Xero API is temporarily unavailable", Text, Correlated()),
        new(503, "The Organisation is offline", Text, Correlated()),
        new(503, "<html><body><h1>503 Service Unavailable</h1>No server is available to handle this request.</body></html>", "text/html", Correlated()),
        new(418, "I'm a teapot", Text, Correlated()),
    };

    private static KeyValuePair<string, string>[] Correlated(params (string Name, string Value)[] more)
    {
        var headers = new List<KeyValuePair<string, string>> { new("Xero-Correlation-Id", "7a4c1f0e-3b2d-4e5f-8a9b-0c1d2e3f4a5b") };
        foreach (var (name, value) in more)
        {
            headers.Add(new(name, value));
        }

        return headers.ToArray();
    }
}
