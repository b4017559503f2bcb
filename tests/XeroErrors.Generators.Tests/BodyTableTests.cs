using XeroErrors.Machinery;

namespace XeroErrors.Generators.Tests;

/// <summary>
/// The runtime library's side of the body shapes, as ordinary code: a shape declared as data (format, what a body must
/// have, a read per field into its slot), the values it reads, and how the exception message quotes them.
/// </summary>
public sealed class BodyTableTests
{
    private static readonly PathStep[] Detail = [PathStep.Named("detail")];
    private static readonly PathStep[] Title = [PathStep.Named("title")];
    private static readonly PathStep[] Errors = [PathStep.Named("errors"), PathStep.Items];
    private static readonly PathStep[] Reason = [PathStep.Named("reason")];
    private static readonly PathStep[] Field = [PathStep.Named("field")];

    private static readonly BodyShape Problem = new(BodyFormat.Json, null, [Detail], BodyRead.Text(0, null, Detail), BodyRead.Text(1, null, Title));

    private static readonly BodyShape WithErrors = new(
        BodyFormat.Json,
        null,
        [Errors],
        BodyRead.Records(2, members => (Message: members[0], Field: members[1]), new RecordSource(Errors, RecordMember.At(Reason, true), RecordMember.At(Field, false))),
        BodyRead.Int(3, [PathStep.Named("code")]));

    private static readonly BodyShape Xml = new(BodyFormat.Xml, "ApiException", null, BodyRead.Text(0, null, [PathStep.Named("Message")]));

    private static readonly BodyShape Text = new(BodyFormat.Text, null, null, BodyRead.Text(4, null, Array.Empty<PathStep>()));

    [Fact]
    public void TheFirstShapeABodyFitsReadsItsFieldsIntoTheirSlotsAndTheRestReadEmpty()
    {
        var values = BodyValues.Read("{\"detail\":\"Invoice not found\",\"title\":\"Not Found\"}", [WithErrors, Problem, Text]);

        Assert.Equal("Invoice not found", values.Text(0));
        Assert.Equal("Not Found", values.Text(1));
        Assert.Empty(values.Records<(string, string)>(2));
        Assert.Null(values.Int(3));
        Assert.Null(values.Text(4));
        Assert.False(values.Flag(5));
        Assert.Empty(values.Texts(6));
        Assert.Empty(values.Map(7));
    }

    [Theory]
    [InlineData("{\"title\":\"no detail\"}", null, null)]
    [InlineData("<ApiException><Message>bad</Message></ApiException>", "bad", null)]
    [InlineData("<Other><Message>bad</Message></Other>", null, null)]
    [InlineData("Service Unavailable", null, "Service Unavailable")]
    public void ABodyThatLacksWhatAShapeRequiresGoesToTheNextShape(string body, string? message, string? text)
    {
        var values = BodyValues.Read(body, [Problem, Xml, Text]);

        Assert.Equal(message, values.Text(0));
        Assert.Equal(text, values.Text(4));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n ")]
    [InlineData("{\"unrelated\":true}")]
    public void AMissingBlankOrUnfittingBodyReadsAsNothing(string? body)
    {
        var values = BodyValues.Read(body!, [Problem, WithErrors]);

        Assert.Same(BodyValues.Empty, values);
        Assert.False(values.Has(0));
        Assert.Null(values.Quote(0));
    }

    [Fact]
    public void AnItemWithoutARequiredMemberIsLeftOutAndAnOptionalOneMayBeMissing()
    {
        var values = BodyValues.Read("{\"errors\":[{\"reason\":\"required\",\"field\":\"Name\"},{\"field\":\"Email\"},{\"reason\":\"too long\"}],\"code\":\" 42 \"}", [WithErrors]);

        Assert.Equal([("required", "Name"), ("too long", null)], values.Records<(string, string?)>(2));
        Assert.Equal(42, values.Int(3));
    }

    [Fact]
    public void ARecordListStopsAtTheItemLimit()
    {
        var body = "{\"errors\":[" + string.Join(",", Enumerable.Repeat("{\"reason\":\"r\"}", BodyLimits.MaxItems + 5)) + "]}";

        Assert.Equal(BodyLimits.MaxItems, BodyValues.Read(body, [WithErrors]).Records<(string, string?)>(2).Count);
    }

    [Fact]
    public void TheMessageQuotesTextNumbersListsAndMapsAndSaysHowManyMoreThereAre()
    {
        var shape = new BodyShape(
            BodyFormat.Json,
            null,
            null,
            BodyRead.Texts(0, [PathStep.Named("list"), PathStep.Items]),
            BodyRead.Map(1, [PathStep.Named("map")]),
            BodyRead.Int(2, [PathStep.Named("n")]),
            BodyRead.Flag(3, null, [PathStep.Named("flag")]),
            BodyRead.Text(4, null, [PathStep.Named("empty")]));

        var values = BodyValues.Read("{\"list\":[\"a\",\"b\",\"c\",\"d\",\"e\"],\"map\":{\"Name\":[\"required\",\"too long\"]},\"n\":1000,\"flag\":\"true\",\"empty\":\"\"}", [shape]);

        Assert.Equal("a; b; c (and 2 more)", values.Quote(0));
        Assert.Equal("Name: required, too long", values.Quote(1));
        Assert.Equal("1000", values.Quote(2));
        Assert.True(values.Flag(3));
        Assert.True(values.Has(3));
        Assert.False(values.Has(4));
        Assert.Null(values.Quote(4));
        Assert.Equal("a; b; c (and 2 more): 1000", BodyValues.Join(values.Quote(0), values.Quote(4), values.Quote(2)));
        Assert.Null(BodyValues.Join(null, string.Empty));
    }
}
