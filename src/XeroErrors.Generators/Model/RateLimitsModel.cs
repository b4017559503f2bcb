namespace XeroErrors.Generators.Model;

/// <summary>
/// The spec's <c>rate_limits:</c>: what the server allows, how its responses say what is left and how it refuses a call
/// over a limit. The generated <c>{Prefix}RateLimits</c> keeps a client under these before the server has to refuse.
/// </summary>
/// <param name="RefusedStatus">The status of a refusal (<c>status:</c>, 429 for Xero).</param>
/// <param name="ProblemHeader">The <c>enum</c> header of <c>headers:</c> that names the limit a refusal hit (<c>problem_header:</c>).</param>
/// <param name="ScopeHeader">
/// The request header whose value a scoped limit is kept per (<c>xero-tenant-id</c>); one of <c>request_headers:</c>.
/// Null when every limit is the whole application's.
/// </param>
/// <param name="Limits">The limits in spec order.</param>
internal sealed record RateLimitsModel(
    int RefusedStatus,
    HeaderModel ProblemHeader,
    RequestHeaderModel? ScopeHeader,
    EquatableArray<RateLimitModel> Limits);

/// <summary>One item of <c>rate_limits.limits:</c>.</summary>
/// <param name="Name">A C# identifier: the option that overrides <see cref="Limit"/>, and the limit's name in events.</param>
/// <param name="PerScope">Kept per value of the scope header (a tenant); false for the whole application (<c>scope: app</c>).</param>
/// <param name="Kind">Calls in progress, or calls per window.</param>
/// <param name="Limit">How many calls (<c>in_progress:</c> or <c>calls:</c>).</param>
/// <param name="WindowSeconds">The window of a <see cref="RateLimitKind.Window"/> limit in seconds (<c>window:</c>); 0 for calls in progress.</param>
/// <param name="RemainingHeader">The <c>int</c> header that says how many calls the window has left (<c>remaining_header:</c>), if any.</param>
/// <param name="Problem">The value of the problem header that names this limit in a refusal (<c>problem:</c>), if any.</param>
/// <param name="Refuses">
/// What a call that does not fit does (<c>when_reached:</c>): wait for the window (false, the default), or fail at
/// once without reaching the server (true), for a window too long to wait, such as a day.
/// </param>
/// <param name="Description">The spec's words for the limit, for the option's docs.</param>
internal sealed record RateLimitModel(
    string Name,
    bool PerScope,
    RateLimitKind Kind,
    int Limit,
    int WindowSeconds,
    HeaderModel? RemainingHeader,
    string? Problem,
    bool Refuses,
    string? Description);

/// <summary>What a rate limit counts.</summary>
internal enum RateLimitKind
{
    /// <summary>Calls sent and not yet answered (<c>in_progress:</c>).</summary>
    InProgress,

    /// <summary>Calls within a sliding window (<c>calls:</c> and <c>window:</c>).</summary>
    Window,
}
