using System.Collections.Generic;
using System.IO;
using System.Linq;
using XeroErrors.Generators.Model;

namespace XeroErrors.Generators.Emit;

/// <summary>One generated file: its hint name and text.</summary>
internal readonly record struct GeneratedFile(string HintName, string Text);

/// <summary>Decides which files a spec gives, given what the consumer's compilation has.</summary>
internal static class Emitter
{
    public static IReadOnlyList<GeneratedFile> Emit(SpecModel spec, ConsumerCapabilities capabilities, string specPath)
    {
        var context = new EmitContext(spec, capabilities, Path.GetFileName(specPath));
        var files = new List<GeneratedFile>();
        void Add(string typeName, string text) => files.Add(new GeneratedFile($"{spec.Namespace}.{typeName}.g.cs", text));

        Add(context.KindType, KindEnumEmitter.Emit(context));
        foreach (var header in spec.Headers.Where(h => h.Type == HeaderType.Enum))
        {
            Add(context.EnumType(header), HeadersEmitter.EmitHeaderEnum(context, header));
        }

        Add(context.HeadersType, HeadersEmitter.EmitHeadersStruct(context));
        Add(context.ClassificationType, ClassificationEmitter.Emit(context));
        Add(context.ClassifierType, ClassifierEmitter.Emit(context));
        Add(context.ExceptionType, ExceptionsEmitter.EmitBase(context));
        foreach (var entry in context.ErrorResponses)
        {
            Add(context.ExceptionTypeOf(entry), ExceptionsEmitter.EmitSubclass(context, entry));
        }

        if (spec.Responses.Any(r => r.Body != BodyFormat.None))
        {
            Add(context.BodiesType, BodiesEmitter.Emit(context));
        }

        if (capabilities.HasHttp)
        {
            Add(context.ClassifierType + ".Http", HttpEmitter.EmitClassifierHttp(context));
            Add(context.HandlerType, HttpEmitter.EmitHandler(context));
            if (capabilities.HasPolly)
            {
                Add(context.RetryType, PollyEmitter.Emit(context));
            }
        }

        return files;
    }
}
