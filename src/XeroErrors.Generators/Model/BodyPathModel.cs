namespace XeroErrors.Generators.Model;

/// <summary>What one step of a body path does (the spec's path syntax is in <c>Spec/BodyPath.cs</c>).</summary>
internal enum PathStepKind
{
    /// <summary><c>name</c>: the property, or every child element, of the name.</summary>
    Name,

    /// <summary><c>[]</c>: each item of an array, or each child element.</summary>
    Items,

    /// <summary><c>{}</c>: each property of an object, remembering its key.</summary>
    Properties,

    /// <summary><c>..name</c>: every node of the name at any depth below.</summary>
    Descendants,
}

/// <summary>One step of a body path; <see cref="Name"/> is null for <see cref="PathStepKind.Items"/> and <see cref="PathStepKind.Properties"/>.</summary>
internal readonly record struct PathStepModel(PathStepKind Kind, string? Name);

/// <summary>A checked body path: the spec's text (for messages and the generated code's comments) and its steps, parsed once.</summary>
/// <remarks>The text <c>.</c> (the value itself) has no steps; a record member's <c>$key</c> is one name step that the emitter reads as the key.</remarks>
internal sealed record BodyPathModel(string Text, EquatableArray<PathStepModel> Steps)
{
    /// <summary>A record member's path for the key that <c>{}</c> went through.</summary>
    public const string KeyText = "$key";

    /// <summary>The last name the path looks for, or null when it has none (<c>.</c>, <c>[]</c>).</summary>
    public string? LastName
    {
        get
        {
            for (var i = Steps.Count - 1; i >= 0; i--)
            {
                if (Steps[i].Name is { } name)
                {
                    return name;
                }
            }

            return null;
        }
    }
}
