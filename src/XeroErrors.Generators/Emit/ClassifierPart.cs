using System;

namespace XeroErrors.Generators.Emit;

/// <summary>
/// A file that adds members to the classifier (<c>{Classifier}.Http</c>, <c>.Refit</c> and the like): the file frame
/// and the <c>static partial class</c> around the members, written in one place for every part.
/// </summary>
internal static class ClassifierPart
{
    /// <summary>A part whose members are one block of C#.</summary>
    public static string Write(EmitContext context, string members) => Write(context, writer => writer.WriteLines(members));

    /// <summary>A part whose members the callback writes.</summary>
    public static string Write(EmitContext context, Action<SourceWriter> writeMembers)
    {
        var writer = new SourceWriter();
        FileFrame.Open(writer, context);
        writer.BeginBlock($"{context.Access} static partial class {context.ClassifierType}");
        writeMembers(writer);
        writer.EndBlock();
        FileFrame.Close(writer);
        return writer.Complete();
    }
}
