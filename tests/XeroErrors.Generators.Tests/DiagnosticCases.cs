namespace XeroErrors.Generators.Tests;

/// <summary>For each diagnostic id, a spec that triggers it and where (1-based line and column, as the build prints them).</summary>
internal static class DiagnosticCases
{
    private const string Valid = """
        namespace: Contoso.Errors
        prefix: Contoso
        responses:
          - name: NotFound
            status: 404
            summary: Not Found

        """;

    /// <summary>
    /// The headers a <c>rate_limits:</c> section names, in lines 1 to 15: an enum problem header, an int header of calls
    /// left, and two request headers.
    /// </summary>
    private const string RateLimitSpec =
        "headers:\n  - name: X-Rate-Limit-Problem\n    property: RateLimitProblem\n    type: enum\n    values:\n      - { value: minute, member: Minute }\n      - { value: day, member: Day }\n"
        + "  - name: X-MinLimit-Remaining\n    property: MinLimitRemaining\n    type: int\n"
        + "request_headers:\n  - name: xero-tenant-id\n    property: TenantId\n  - name: x-user\n    property: UserId\n";

    private const string Responses = "responses:\n  - name: A\n    status: 404\n    summary: S\n";

    /// <summary>(id, spec, line, column).</summary>
    public static readonly (string Id, string Spec, int Line, int Column)[] All =
    [
        ("XERR001", "responses:\n  - name: \"unterminated\n    status: 404\n", 2, 11),
        ("XERR001", "responses:\n  - name: A\n    status: 404\n    name: B\n    summary: S\n", 4, 5),
        ("XERR001", "responses: " + new string('[', 70) + new string(']', 70) + "\n", 1, 75),
        ("XERR001", "responses:\n  - name: A\n    summary: \"x\\uD83C\\uD83C\"\n", 3, 12),
        ("XERR001", "responses:\n  - name: A\n    summary: \"S\"*`XX\"\n", 3, 17),
        ("XERR002", "- name: A\n  status: 404\n", 1, 1),
        ("XERR003", "namespace: A\n", 1, 1),
        ("XERR003", "responses: []\n", 1, 12),
        ("XERR003", "responses: oops\n", 1, 12),
        ("XERR004", "responses:\n  - just a string\n", 2, 5),
        ("XERR005", "responses:\n  - status: 404\n    summary: Not Found\n", 2, 5),
        ("XERR005", "responses:\n  - name: NotFound\n    summary: Not Found\n", 2, 11),
        ("XERR005", "responses:\n  - name: NotFound\n    status: 404\n", 2, 11),
        ("XERR005", "responses:\n  - name: NotFound\n    status: 404\n    summary: \"  \"\n", 4, 14),
        ("XERR006", "responses:\n  - name: Not-Found\n    status: 404\n    summary: S\n", 2, 11),
        ("XERR007", "responses:\n  - name: class\n    status: 404\n    summary: S\n", 2, 11),
        ("XERR008", "responses:\n  - name: Unknown\n    status: 404\n    summary: S\n", 2, 11),
        ("XERR008", "responses:\n  - name: NotFound\n    status: 404\n    summary: S\n  - name: notfound\n    status: 410\n    summary: Gone\n", 5, 11),
        ("XERR008", "responses:\n  - name: value__\n    status: 404\n    summary: S\n", 2, 11),
        ("XERR008", "responses:\n  - name: Api\n    status: 404\n    summary: S\n", 2, 11),
        ("XERR009", "responses:\n  - name: NotFound\n    status: 404\n    summary: S\n  - name: NotFound\n    status: 410\n    summary: Gone\n", 5, 11),
        ("XERR010", "responses:\n  - name: NotFound\n    status: 4040\n    summary: S\n", 3, 13),
        ("XERR010", "responses:\n  - name: NotFound\n    status: [404, abc]\n    summary: S\n", 3, 19),
        ("XERR010", "responses:\n  - name: NotFound\n    status: \"404\"\n    summary: S\n", 3, 13),
        ("XERR011", "responses:\n  - name: A\n    status: 503\n    summary: S\n    match: { body: [a] }\n  - name: B\n    status: 503\n    summary: S\n    match: { body: [b] }\n", 7, 13),
        ("XERR012", "responses:\n  - name: A\n    status: 503\n    summary: S\n    default: true\n  - name: B\n    status: 503\n    summary: S\n    default: true\n", 9, 5),
        ("XERR013", "responses:\n  - name: A\n    status: 503\n    summary: S\n    default: true\n  - name: B\n    status: 503\n    summary: S\n", 6, 11),
        ("XERR014", "responses:\n  - name: A\n    status: 503\n    summary: S\n    default: true\n    match: { body: [offline] }\n  - name: B\n    status: 503\n    summary: S\n    match: { body: [OFFLINE] }\n", 10, 21),
        ("XERR014", "responses:\n  - name: A\n    status: 503\n    summary: S\n    default: true\n    match: { headers: [X-Busy] }\n  - name: B\n    status: 503\n    summary: S\n    match: { headers: [x-busy] }\n", 10, 24),
        ("XERR015", "responses:\n  - name: A\n    status: 503\n    summary: S\n    retry: { transient: true, after: -5 }\n", 5, 38),
        ("XERR015", "responses:\n  - name: A\n    status: 503\n    summary: S\n    retry:\n      after: soon\n", 6, 14),
        ("XERR016", "namespace: 1Bad.Name\nresponses:\n  - name: A\n    status: 404\n    summary: S\n", 1, 12),
        ("XERR017", "prefix: my-prefix\nresponses:\n  - name: A\n    status: 404\n    summary: S\n", 1, 9),
        ("XERR018", "responses:\n  - name: A\n    status: 404\n    summary: S\n    default: maybe\n", 5, 14),
        ("XERR018", "responses:\n  - name: A\n    status: 400\n    summary: S\n    body: { a: 1 }\n", 5, 11),
        ("XERR022", "bodies:\n  - name: a\n    format: json\n    fields:\n      - { property: Code, path: code, scope: base, on: base }\nresponses:\n  - name: A\n    status: 400\n    summary: S\n    body: a\n", 5, 52),
        ("XERR022", "bodies:\n  - name: a\n    format: yaml\nresponses:\n  - name: A\n    status: 400\n    summary: S\n    body: a\n", 3, 13),
        ("XERR022", "bodies:\n  - name: a\n    format: json\n    fields:\n      - { property: X, path: \"a..\" }\nresponses:\n  - name: A\n    status: 400\n    summary: S\n    body: a\n", 5, 30),
        ("XERR022", "bodies:\n  - name: a\n    format: json\n    fields:\n      - { property: X, type: records, record: Missing, from: [{ path: \"[]\", members: { Message: m } }] }\nresponses:\n  - name: A\n    status: 400\n    summary: S\n    body: a\n", 5, 9),
        ("XERR023", "responses:\n  - name: A\n    status: 400\n    summary: S\n    body: nope\n", 5, 11),
        ("XERR024", "bodies:\n  - name: a\n    format: json\n    fields:\n      - { property: X, path: x }\n  - name: b\n    format: json\n    when: { fields: [y] }\n    fields:\n      - { property: X, type: int, path: y }\nresponses:\n  - name: A\n    status: 400\n    summary: S\n    body: [b, a]\n", 10, 9),
        ("XERR105", "bodies:\n  - name: a\n    format: text\nresponses:\n  - name: A\n    status: 400\n    summary: S\n", 2, 5),
        ("XERR106", "bodies:\n  - name: a\n    format: json\n  - name: b\n    format: json\n    when: { fields: [x] }\nresponses:\n  - name: A\n    status: 400\n    summary: S\n    body: [a, b]\n", 11, 15),
        ("XERR019", "headers:\n  - name: Retry After\n    property: RetryAfter\n    type: delay\nresponses:\n  - name: A\n    status: 404\n    summary: S\n", 2, 11),
        ("XERR019", "headers:\n  - name: X-Count\n    property: Count\n    type: float\nresponses:\n  - name: A\n    status: 404\n    summary: S\n", 4, 11),
        ("XERR019", "headers:\n  - name: X-Kind\n    property: Kind\n    type: string\nresponses:\n  - name: A\n    status: 404\n    summary: S\n", 3, 15),
        ("XERR019", "headers:\n  - name: X-Kind\n    property: XeroResponseHeaders\n    type: string\nresponses:\n  - name: A\n    status: 404\n    summary: S\n", 3, 15),
        ("XERR019", "headers:\n  - name: X-Kind\n    property: Kind\n    type: enum\n    values:\n      - { value: a, member: value__ }\nresponses:\n  - name: A\n    status: 404\n    summary: S\n", 6, 29),
        ("XERR019", "headers:\n  - name: X-Level\n    property: Level\n    type: enum\n    values:\n      - { value: a, member: A, message: \" \" }\nresponses:\n  - name: A\n    status: 404\n    summary: S\n", 6, 41),
        ("XERR025", "request_headers:\n  - name: xero-tenant-id\n    property: Tenant Id\nresponses:\n  - name: A\n    status: 404\n    summary: S\n", 3, 15),
        ("XERR025", "request_headers:\n  - name: xero tenant id\n    property: TenantId\nresponses:\n  - name: A\n    status: 404\n    summary: S\n", 2, 11),
        ("XERR025", "request_headers:\n  - name: xero-tenant-id\n    property: TenantId\n  - name: Xero-Tenant-Id\n    property: Tenant\nresponses:\n  - name: A\n    status: 404\n    summary: S\n", 4, 11),
        ("XERR025", "request_headers:\n  - name: xero-tenant-id\n    property: StatusCode\nresponses:\n  - name: A\n    status: 404\n    summary: S\n", 3, 15),
        ("XERR025", "request_headers:\n  - name: xero-tenant-id\n    property: RequestPath\nresponses:\n  - name: A\n    status: 404\n    summary: S\n", 3, 15),
        ("XERR025", "headers:\n  - name: Xero-Correlation-Id\n    property: CorrelationId\n    type: string\nrequest_headers:\n  - name: xero-correlation-id\n    property: CorrelationId\nresponses:\n  - name: A\n    status: 404\n    summary: S\n", 7, 15),
        ("XERR025", "request_headers:\n  - name: Authorization\n    property: Token\nresponses:\n  - name: A\n    status: 404\n    summary: S\n", 2, 11),
        ("XERR025", "request_headers:\n  - xero-tenant-id\nresponses:\n  - name: A\n    status: 404\n    summary: S\n", 2, 5),
        ("XERR026", RateLimitSpec + "rate_limits: none\n" + Responses, 16, 14),
        ("XERR026", RateLimitSpec + "rate_limits:\n  problem_header: X-Rate-Limit-Problem\n  limits:\n    - { name: A, scope: app, in_progress: 5 }\n" + Responses, 16, 1),
        ("XERR026", RateLimitSpec + "rate_limits:\n  status: \"429\"\n  problem_header: X-Rate-Limit-Problem\n  limits:\n    - { name: A, scope: app, in_progress: 5 }\n" + Responses, 17, 11),
        ("XERR026", RateLimitSpec + "rate_limits:\n  status: 429\n  problem_header: X-MinLimit-Remaining\n  limits:\n    - { name: A, scope: app, in_progress: 5 }\n" + Responses, 18, 19),
        ("XERR026", RateLimitSpec + "rate_limits:\n  status: 429\n  problem_header: X-Problem\n  limits:\n    - { name: A, scope: app, in_progress: 5 }\n" + Responses, 18, 19),
        ("XERR026", RateLimitSpec + "rate_limits:\n  status: 429\n  problem_header: X-Rate-Limit-Problem\n  limits: []\n" + Responses, 19, 11),
        ("XERR026", Limits("    - { name: A, scope: xero-tenant-id, in_progress: 5 }\n    - { name: B, scope: x-user, in_progress: 5 }\n"), 21, 25),
        ("XERR027", Limits("    - just a name\n"), 20, 7),
        ("XERR027", Limits("    - { name: class, scope: app, in_progress: 5 }\n"), 20, 15),
        ("XERR027", Limits("    - { name: MaxWait, scope: app, in_progress: 5 }\n"), 20, 15),
        ("XERR027", Limits("    - { name: A, scope: app, in_progress: 5 }\n    - { name: a, scope: app, calls: 5, window: 1 }\n"), 21, 15),
        ("XERR027", Limits("    - { name: A, in_progress: 5 }\n"), 20, 15),
        ("XERR027", Limits("    - { name: A, scope: tenant, in_progress: 5 }\n"), 20, 25),
        ("XERR027", Limits("    - { name: A, scope: app, in_progress: 5, calls: 60, window: 60 }\n"), 20, 53),
        ("XERR027", Limits("    - { name: A, scope: app, calls: 60 }\n"), 20, 37),
        ("XERR027", Limits("    - { name: A, scope: app, window: 60 }\n"), 20, 38),
        ("XERR027", Limits("    - { name: A, scope: app, calls: 60, window: 0 }\n"), 20, 49),
        ("XERR027", Limits("    - { name: A, scope: app, in_progress: 0 }\n"), 20, 43),
        ("XERR027", Limits("    - { name: A, scope: app, calls: 60, window: 60, remaining_header: X-Rate-Limit-Problem }\n"), 20, 71),
        ("XERR027", Limits("    - { name: A, scope: app, in_progress: 5, remaining_header: X-MinLimit-Remaining }\n"), 20, 64),
        ("XERR027", Limits("    - { name: A, scope: app, calls: 60, window: 60, problem: hour }\n"), 20, 62),
        ("XERR027", Limits("    - { name: A, scope: app, calls: 60, window: 60, problem: minute }\n    - { name: B, scope: app, calls: 5, window: 1, problem: Minute }\n"), 21, 60),
        ("XERR027", Limits("    - { name: A, scope: app, calls: 60, window: 60, when_reached: fail }\n"), 20, 67),
        ("XERR027", Limits("    - { name: A, scope: app, in_progress: 5, when_reached: refuse }\n"), 20, 60),
        ("XERR100", Valid + "colour: blue\n", 7, 1),
        ("XERR100", "responses:\n  - name: A\n    status: 404\n    summary: S\n    sumary: typo\n", 5, 5),
        ("XERR101", "responses:\n  - name: Ok\n    status: 200\n    summary: OK\n    retry: { transient: true }\n", 5, 5),
        ("XERR101", "responses:\n  - name: Ok\n    status: 200\n    summary: OK\n    match: { body: [ok] }\n", 5, 14),
        ("XERR101", "responses:\n  - name: Ok\n    status: 200\n    summary: OK\n    body: validation\n", 5, 5),
        ("XERR102", "", 1, 1),
        ("XERR102", "# only a comment\n", 1, 1),
        ("XERR104", "responses:\n  - name: A\n    status: 404\n    summary: S\n    match: { body: [gone] }\n", 5, 12),
        ("XERR108", "responses:\n  - name: A\n    status: 400\n    summary: S\n    body: validation\n", 5, 11),
        ("XERR111", "bodies:\n  - name: a\n    format: json\n    fields:\n      - { property: Code, path: code, on: base }\nresponses:\n  - name: A\n    status: 400\n    summary: S\n    body: a\n", 5, 39),
    ];

    /// <summary>A spec with <see cref="RateLimitSpec"/> and a valid <c>rate_limits:</c> whose limits (from line 20) are <paramref name="items"/>.</summary>
    private static string Limits(string items) =>
        RateLimitSpec + "rate_limits:\n  status: 429\n  problem_header: X-Rate-Limit-Problem\n  limits:\n" + items + Responses;
}
