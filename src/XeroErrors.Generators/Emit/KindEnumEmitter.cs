using System.Globalization;
using XeroErrors.Generators.Model;

namespace XeroErrors.Generators.Emit;

/// <summary>Emits <c>{Prefix}ResponseKind</c>: Unknown, then one member per entry in spec order.</summary>
internal static class KindEnumEmitter
{
    public static string Emit(EmitContext context)
    {
        var writer = new SourceWriter();
        FileFrame.Open(writer, context, SpecMarker(context));
        DocComment.Xml(
            writer,
            CSharpText.XmlText($"The kinds of response the {context.ApiName} documents, one per entry of {context.SpecFileName}."),
            $"Use {CSharpText.Cref(context.ClassifierType + ".Classify(int, string)")} to tell which kind a response is.");
        writer.WriteLine(FileFrame.GeneratedCodeAttribute);
        writer.BeginBlock($"{context.Access} enum {context.KindType}");
        DocComment.Text(writer, "A status the spec does not list. " + RetryAdvice.Unknown);
        writer.WriteLine("Unknown = 0,");
        var value = 0;
        foreach (var response in context.Spec.Responses)
        {
            value++;
            writer.WriteLine();
            ResponseDocs.Write(writer, context, response);
            writer.WriteLine($"{response.Name} = {value.ToString(CultureInfo.InvariantCulture)},");
        }

        writer.EndBlock();
        FileFrame.Close(writer);
        return writer.Complete();
    }

    /// <summary>
    /// The assembly's mark that it holds this spec's public types, read by projects that reference it
    /// (<see cref="Consumer.ReferencedSpecsReader"/>). Internal types are nobody else's business, so they go unmarked.
    /// </summary>
    private static string? SpecMarker(EmitContext context) =>
        context.Spec.IsPublic && context.Spec.Fingerprint.Length > 0
            ? "// This assembly holds the public types of this spec: a project that references it uses them instead of generating its own.\n"
              + $"[assembly: global::System.Reflection.AssemblyMetadata(\"{GeneratedNames.SpecMarkerKey}\", \"{GeneratedNames.SpecMarkerValue(context.Spec.Namespace, context.Spec.Prefix, context.Spec.Fingerprint)}\")]"
            : null;
}
