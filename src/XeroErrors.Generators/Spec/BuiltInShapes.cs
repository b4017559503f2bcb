namespace XeroErrors.Generators.Spec;

/// <summary>
/// The shapes behind the shorthands <c>body: validation</c> and <c>body: problem</c>, which specs written before
/// body shapes existed use. They are spec text, read by the same parser as any spec's <c>bodies:</c>: nothing about
/// them is special in the generator, and a spec that declares a shape of the same name uses its own instead.
/// </summary>
internal static class BuiltInShapes
{
    public const string Yaml = """
        records:
          - name: ValidationError
            description: One validation message from an error body, and the field of the request it is about.
            members:
              - name: Message
                required: true
                description: The message, such as "The Project Name cannot be empty".
              - name: Field
                description: The field of the request the message is about, such as "model.Name"; null when the body names none.

        bodies:
          - name: validation
            format: json
            description: 'A validation body: {"message": "...", "modelState": {"field": ["message", ...]}}.'
            fields:
              - property: ValidationErrors
                type: records
                record: ValidationError
                scope: base
                description: Every validation message in the body, in body order, each with the field it is about. Never null.
                from:
                  - path: "modelState{}[]"
                    members: { Field: $key, Message: . }
              - property: ValidationMessage
                path: message
                description: The body's message, such as "The request is invalid."; null when there is none.
              - property: ModelState
                type: map
                path: modelState
                description: The body's modelState, each element of the request that caused the error with its messages. Never null; empty when the body has none.

          - name: problem
            format: json
            description: 'A problem body (RFC 9457), in either key casing: {"type", "title", "status", "detail", "instance"}.'
            fields:
              - property: Detail
                path: detail
                scope: base
                description: 'The problem body''s detail, such as "TokenExpired: token expired at ..."; null when absent.'
              - property: Title
                path: title
                scope: base
                description: The problem body's title, such as "Unauthorized"; null when absent.
              - property: ProblemType
                path: type
                scope: base
                description: The problem body's type, such as "invalid-request"; null when absent.
              - property: DetailCode
                path: detail
                pattern: '^\s*([A-Za-z0-9_]+)\s*(?::|$)'
                description: The code that starts the detail, such as "TokenExpired" or "AuthenticationUnsuccessful"; null when there is none.
              - property: IsTokenExpired
                type: bool
                path: detail
                pattern: '^\s*TokenExpired\s*(?::|$)'
                description: True when the access token has expired (the detail starts with "TokenExpired"). Refresh the token and retry.
        """;
}
