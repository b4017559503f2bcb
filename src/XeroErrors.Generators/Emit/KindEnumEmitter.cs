using System.Globalization;

namespace XeroErrors.Generators.Emit;

/// <summary>Emits <c>{Prefix}ResponseKind</c>: Unknown, then one member per entry in spec order.</summary>
internal static class KindEnumEmitter
{
    public static string Emit(EmitContext context)
    {
        var writer = new SourceWriter();
        FileFrame.Open(writer, context);
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
}
