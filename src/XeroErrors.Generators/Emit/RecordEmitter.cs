using System.Linq;
using XeroErrors.Generators.Model;

namespace XeroErrors.Generators.Emit;

/// <summary>Emits one <c>records:</c> class, such as <c>{Prefix}ValidationError</c>: a few texts read from an error body.</summary>
internal static class RecordEmitter
{
    public static string Emit(EmitContext context, RecordModel record)
    {
        var type = context.RecordType(record.Name);
        var writer = new SourceWriter();
        FileFrame.Open(writer, context);
        DocComment.Text(writer, record.Description ?? $"An item read from an error body of the {context.ApiName}.");
        writer.WriteLine(FileFrame.GeneratedCodeAttribute);
        writer.BeginBlock($"{context.Access} sealed class {type}");
        DocComment.Summary(writer, "Creates the item.");
        foreach (var member in record.Members)
        {
            DocComment.Param(writer, Parameter(member), CSharpText.XmlText(member.Description ?? member.Name));
        }

        writer.BeginBlock($"public {type}({string.Join(", ", record.Members.Select(m => MemberType(context, m) + " " + Parameter(m)))})");
        foreach (var member in record.Members)
        {
            writer.WriteLine($"this.{member.Name} = {Parameter(member)};");
        }

        writer.EndBlock();
        foreach (var member in record.Members)
        {
            writer.WriteLine();
            DocComment.Text(writer, member.Description ?? member.Name);
            writer.WriteLine($"public {MemberType(context, member)} {member.Name} {{ get; }}");
        }

        // Optional members (such as the field) lead, so a validation error reads "model.Name: The Project Name cannot be empty".
        var ordered = record.Members.Where(m => !m.Required).Concat(record.Members.Where(m => m.Required)).ToList();
        writer.WriteLine();
        DocComment.Summary(writer, $"The members that have a value, joined with \": \" ({string.Join(", then ", ordered.Select(m => m.Name))}).");
        DocComment.Returns(writer, "The text.");
        writer.BeginBlock("public override string ToString()");
        writer.WriteLine("var builder = new global::System.Text.StringBuilder();");
        foreach (var member in ordered)
        {
            writer.BeginBlock($"if (!string.IsNullOrEmpty(this.{member.Name}))");
            writer.WriteLine($"builder.Append(builder.Length == 0 ? string.Empty : \": \").Append(this.{member.Name});");
            writer.EndBlock();
            writer.WriteLine();
        }

        writer.WriteLine("return builder.ToString();");
        writer.EndBlock();
        writer.EndBlock();
        FileFrame.Close(writer);
        return writer.Complete();
    }

    private static string MemberType(EmitContext context, RecordMemberModel member) => member.Required ? "string" : context.Nullable("string");

    private static string Parameter(RecordMemberModel member)
    {
        var camel = char.ToLowerInvariant(member.Name[0]) + member.Name.Substring(1);
        return Spec.Identifiers.IsKeyword(camel) ? "@" + camel : camel;
    }
}
