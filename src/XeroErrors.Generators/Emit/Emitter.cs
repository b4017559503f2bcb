using System.Collections.Generic;
using System.IO;
using System.Linq;
using XeroErrors.Generators.Model;

namespace XeroErrors.Generators.Emit;

/// <summary>Decides which files a spec gives, given what the consumer's compilation has.</summary>
internal static class Emitter
{
    /// <summary>Every type a spec can generate, as full names, whatever the consumer's compilation has.</summary>
    public static IEnumerable<string> TypeNames(SpecModel spec)
    {
        var context = new EmitContext(spec, ConsumerCapabilities.Modern, string.Empty);
        var names = new List<string>
        {
            context.KindType, context.ClassificationType, context.HeadersType, context.ClassifierType,
            context.ExceptionType, context.BodiesType, context.HandlerType, context.RetryType, context.ExceptionsFile,
            context.RateLimitsType, context.RateLimitOptionsType, context.RateLimitEventArgsType, context.RateLimitHandlerType,
        };
        names.AddRange(GeneratedNames.ClassifierParts.All.Select(part => context.ClassifierType + "." + part));
        names.AddRange(spec.Headers.Where(h => h.Type == HeaderType.Enum).Select(context.EnumType));
        names.AddRange(context.ErrorResponses.Select(context.ExceptionTypeOf));
        names.AddRange(spec.Records.Select(r => context.RecordType(r.Name)));
        return names.Select(name => spec.Namespace + "." + name);
    }

    /// <summary>Whether the spec's code reads bodies, so the compilation needs the machinery (<see cref="MachineryEmitter"/>).</summary>
    public static bool ReadsBodies(SpecModel spec) => !spec.Shapes.IsEmpty || spec.Responses.Any(r => !r.Match.Fields.IsEmpty);

    /// <summary>Whether the spec's rate limits become a governor: it declares some, and the compilation can compile the machinery's (<see cref="MachineryEmitter.RateLimits"/>).</summary>
    public static bool GovernsRateLimits(SpecModel spec, ConsumerCapabilities capabilities) => spec.RateLimits is not null && capabilities.HasRateLimiting;

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
        if (context.ErrorResponses.Any())
        {
            Add(context.ExceptionsFile, ExceptionsEmitter.EmitSubclasses(context));
        }

        if (ReadsBodies(spec))
        {
            Add(context.BodiesType, BodiesEmitter.Emit(context));
        }

        foreach (var record in spec.Records)
        {
            Add(context.RecordType(record.Name), RecordEmitter.Emit(context, record));
        }

        if (capabilities.HasHttp)
        {
            Add(context.ClassifierType + "." + GeneratedNames.ClassifierParts.Http, HttpEmitter.EmitClassifierHttp(context));
            Add(context.HandlerType, HttpEmitter.EmitHandler(context));

            // Each client's glue only where the client is referenced, so nobody compiles code for clients they do not use.
            if (capabilities.HasRefit)
            {
                Add(context.ClassifierType + "." + GeneratedNames.ClassifierParts.Refit, RefitEmitter.Emit(context));
            }

            if (capabilities.HasFlurl)
            {
                Add(context.ClassifierType + "." + GeneratedNames.ClassifierParts.Flurl, FlurlEmitter.Emit(context));
            }

            if (capabilities.HasRestSharp)
            {
                Add(context.ClassifierType + "." + GeneratedNames.ClassifierParts.RestSharp, RestSharpEmitter.Emit(context));
            }
        }

        if (GovernsRateLimits(spec, capabilities))
        {
            var limits = spec.RateLimits!;
            Add(context.RateLimitOptionsType, RateLimitsEmitter.EmitOptions(context, limits));
            Add(context.RateLimitEventArgsType, RateLimitsEmitter.EmitEventArgs(context));
            Add(context.RateLimitsType, RateLimitsEmitter.EmitRateLimits(context, limits));
            if (capabilities.HasHttp)
            {
                Add(context.RateLimitHandlerType, RateLimitsEmitter.EmitHandler(context, limits));
            }
        }

        // Neither needs System.Net.Http: the SDK makes its own HttpClient, and a retry around its calls decides by exception.
        if (capabilities.HasPolly)
        {
            Add(context.RetryType, PollyEmitter.Emit(context));
        }

        if (capabilities.HasXeroSdk)
        {
            Add(context.ClassifierType + "." + GeneratedNames.ClassifierParts.XeroSdk, XeroSdkEmitter.Emit(context));
        }

        return files;
    }
}
