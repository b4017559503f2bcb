using System.Collections.Generic;
using System.Text;
using XeroErrors.Generators.Model;

namespace XeroErrors.Generators.Spec;

/// <summary>
/// The path syntax of body shapes, checked when the spec is read (the generated reader walks the same syntax):
/// <c>name</c> a property (JSON) or the child elements of that name (XML); <c>[]</c> each item of an array, or each
/// child element; <c>{}</c> each property of an object, remembering its key; <c>..name</c> every <c>name</c> at any
/// depth below; <c>.</c> alone the value itself. Segments are joined with dots: <c>Elements[]..ValidationErrors[]</c>.
/// </summary>
internal static class BodyPath
{
    /// <summary>A valid path parsed, or null with the reason it is not valid.</summary>
    public static BodyPathModel? Parse(string path, out string? error) =>
        Steps(path, out error) is { } steps ? new BodyPathModel(path, steps.ToEquatableArray()) : null;

    /// <summary>A path the spec reading has checked already.</summary>
    public static BodyPathModel Checked(string path) =>
        Parse(path, out var error) ?? throw new System.ArgumentException($"'{path}' is not a valid path: {error}", nameof(path));

    public static bool IsValid(string path, out string? error) => Steps(path, out error) is not null;

    /// <summary>A path of one name, such as <c>oauth_problem</c>: what a form-encoded body can be asked for.</summary>
    public static bool IsSingleName(string path) => Steps(path, out _) is { Count: 1 } steps && steps[0].Kind == PathStepKind.Name;

    private static List<PathStepModel>? Steps(string path, out string? error)
    {
        error = null;
        var steps = new List<PathStepModel>();
        if (path == ".")
        {
            return steps;
        }

        if (path.Trim().Length == 0)
        {
            error = "it is empty";
            return null;
        }

        var i = 0;
        var afterSegment = false;
        while (i < path.Length)
        {
            var descendant = false;
            if (Starts(path, i, ".."))
            {
                descendant = true;
                i += 2;
            }
            else if (path[i] == '.')
            {
                if (!afterSegment)
                {
                    error = $"a '.' at character {i + 1} has nothing before it";
                    return null;
                }

                i++;
            }
            else if (afterSegment && path[i] != '[' && path[i] != '{')
            {
                error = $"'{path[i]}' at character {i + 1} should follow a '.'";
                return null;
            }

            var name = new StringBuilder();
            while (i < path.Length && IsNameChar(path[i]))
            {
                name.Append(path[i]);
                i++;
            }

            if (name.Length > 0)
            {
                steps.Add(new PathStepModel(descendant ? PathStepKind.Descendants : PathStepKind.Name, name.ToString()));
            }
            else if (descendant)
            {
                error = "'..' must be followed by a name";
                return null;
            }

            var suffixes = 0;
            while (i < path.Length && (Starts(path, i, "[]") || Starts(path, i, "{}")))
            {
                steps.Add(new PathStepModel(path[i] == '[' ? PathStepKind.Items : PathStepKind.Properties, null));
                i += 2;
                suffixes++;
            }

            if (name.Length == 0 && suffixes == 0 && i >= path.Length)
            {
                error = "it ends with '.'";
                return null;
            }

            if (name.Length == 0 && suffixes == 0)
            {
                error = $"'{path[i]}' at character {i + 1} is not allowed (names use letters, digits, '_', '-', '@' and ':'; '[]' and '{{}}' follow a name)";
                return null;
            }

            afterSegment = true;
        }

        if (path.EndsWith(".", System.StringComparison.Ordinal))
        {
            error = "it ends with '.'";
            return null;
        }

        return steps;
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '-' || c == '@' || c == ':' || c == '$';

    private static bool Starts(string text, int at, string value) => string.CompareOrdinal(text, at, value, 0, value.Length) == 0;
}
