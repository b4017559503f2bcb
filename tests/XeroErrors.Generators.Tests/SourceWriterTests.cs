using XeroErrors.Generators.Emit;

namespace XeroErrors.Generators.Tests;

/// <summary>The writer every emitter uses: tidy indentation, and an unbalanced block is an error, not broken output.</summary>
public class SourceWriterTests
{
    [Fact]
    public void BlocksIndentTheirContentAndCloseWithTheirSuffix()
    {
        var writer = new SourceWriter();
        writer.BeginBlock("public enum Colour");
        writer.WriteLine("Red,");
        writer.WriteLine();
        writer.WriteLines("Green,\r\nBlue,   ");
        writer.EndBlock();
        writer.BeginBlock("var x = new int[]");
        writer.WriteLine("1,");
        writer.EndBlock(";");

        Assert.Equal("public enum Colour\n{\n    Red,\n\n    Green,\n    Blue,\n}\nvar x = new int[]\n{\n    1,\n};\n", writer.Complete());
    }

    [Fact]
    public void ABlockLeftOpenFailsNamingIt()
    {
        var writer = new SourceWriter();
        writer.BeginBlock("namespace Acme");
        writer.BeginBlock("public static class Classifier");
        writer.EndBlock();

        var error = Assert.Throws<InvalidOperationException>(() => writer.Complete());
        Assert.Contains("1 block(s) open", error.Message, StringComparison.Ordinal);
        Assert.Contains("'namespace Acme'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ClosingABlockNeverOpenedFailsAtOnce()
    {
        var writer = new SourceWriter();
        writer.OpenBrace();
        writer.EndBlock();

        Assert.Throws<InvalidOperationException>(() => writer.EndBlock());
    }
}
