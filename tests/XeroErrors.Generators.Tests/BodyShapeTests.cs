using System.Diagnostics;
using System.Text;

namespace XeroErrors.Generators.Tests;

/// <summary>
/// Every Xero error body shape, as Xero's documents and captured responses give it, through the API generated from
/// the shipped spec: the typed exception, its validation errors, problem fields and message.
/// </summary>
public class BodyShapeTests
{
    private static XeroApiException Exception(int status, string? body) =>
        XeroResponseClassifier.CreateException(XeroResponseClassifier.Classify(status, body), body);

    // Accounting, Xero-OpenAPI issue 461 (a captured response).
    private const string AccountingValidation = """
        {
          "ErrorNumber": 10,
          "Type": "ValidationException",
          "Message": "A validation exception occurred",
          "Elements": [{
            "ValidationErrors": [{
              "Message": "Email address must be valid"
            }]
          }]
        }
        """;

    [Fact]
    public void AnAccountingValidationErrorGivesItsMessagesNumberAndType()
    {
        var ex = Assert.IsType<XeroBadRequestException>(Exception(400, AccountingValidation));

        Assert.Equal(["Email address must be valid"], ex.ValidationErrors.Select(e => e.Message));
        Assert.Null(ex.ValidationErrors[0].Field);
        Assert.Equal(10, ex.ErrorNumber);
        Assert.Equal("ValidationException", ex.ErrorType);
        Assert.Null(ex.ProblemType);
        Assert.Equal("A validation exception occurred", ex.ValidationMessage);
        Assert.Equal("Xero API responded 400 Bad Request. Email address must be valid.", ex.Message);
    }

    [Fact]
    public void AccountingMessagesNestedInsideTheSubmittedObjectsAreReadInBodyOrder()
    {
        // The OpenAPI example of PUT /Accounts, and an element whose own objects carry ValidationErrors too.
        const string body = """
            {"ErrorNumber":10,"Type":"ValidationException","Message":"A validation exception occurred","Elements":[
              {"AccountID":"00000000-0000-0000-0000-000000000000","Code":"123456","Name":"Foobar","Type":"EXPENSE","ValidationErrors":[{"Message":"Please enter a unique Name."}]},
              {"ContactID":"c1","Addresses":[{"AddressType":"POBOX","ValidationErrors":[{"Message":"The address is too long."}]}],
               "LineItems":[{"ValidationErrors":[{"Message":"Line 1 needs an account."},{"Message":"Line 1 needs a quantity."}]}]}]}
            """;

        var ex = Exception(400, body);

        Assert.Equal(
            ["Please enter a unique Name.", "The address is too long.", "Line 1 needs an account.", "Line 1 needs a quantity."],
            ex.ValidationErrors.Select(e => e.Message));
        Assert.Equal("Xero API responded 400 Bad Request. Please enter a unique Name.; The address is too long.; Line 1 needs an account. (and 1 more).", ex.Message);
    }

    [Fact]
    public void TheXmlFormOfTheAccountingErrorIsReadToo()
    {
        // developer.xero.com's older response-code page, verbatim: note the undeclared xsi prefix.
        const string body = """
            <ApiException>
              <ErrorNumber>10</ErrorNumber>
              <Type>ValidationException</Type>
              <Message>A validation exception occurred</Message>
              <Elements>
                <DataContractBase xsi:type="Invoice">
                  <ValidationErrors>
                    <ValidationError>
                      <Message>Email address must be valid.</Message>
                    </ValidationError>
                  </ValidationErrors>
               </DataContractBase>
              </Elements>
            </ApiException>
            """;

        var ex = Assert.IsType<XeroBadRequestException>(Exception(400, body));

        Assert.Equal(["Email address must be valid."], ex.ValidationErrors.Select(e => e.Message));
        Assert.Equal(10, ex.ErrorNumber);
        Assert.Equal("ValidationException", ex.ErrorType);
        Assert.Equal("A validation exception occurred", ex.ValidationMessage);
    }

    [Fact]
    public void APayrollAu1ExceptionWithoutElementsQuotesItsOwnMessage()
    {
        const string body = """{"ErrorNumber":16,"Type":"QueryParseException","Message":"No property or field 'hi' exists in type 'Employee' (at index 0)"}""";

        var ex = Exception(400, body);

        Assert.Empty(ex.ValidationErrors);
        Assert.Equal(16, ex.ErrorNumber);
        Assert.Equal("QueryParseException", ex.ErrorType);
        Assert.Equal("Xero API responded 400 Bad Request. No property or field 'hi' exists in type 'Employee' (at index 0).", ex.Message);
    }

    [Fact]
    public void TheProjectsValidationBodyFillsValidationErrorsWithTheirFields()
    {
        var ex = Assert.IsType<XeroBadRequestException>(Exception(400, SeedResponses.ValidationBody));

        Assert.Equal(
            [("model.Name", "The Project Name cannot be empty"), ("model.ContactId", "The ContactId cannot be null or empty")],
            ex.ValidationErrors.Select(e => (e.Field, e.Message)));
        Assert.Equal("The request is invalid.", ex.ValidationMessage);
        Assert.Equal(2, ex.ModelState.Count);
    }

    [Fact]
    public void APayrollV2ProblemGivesItsInvalidFields()
    {
        const string body = """{"type":"application/problem+json","title":"BadRequest","status":400,"detail":"Validation error occurred.","instance":null,"invalidFields":[{"name":"DateOfBirth","reason":"The Date of Birth is required."}]}""";

        var ex = Exception(400, body);

        Assert.Equal([("DateOfBirth", "The Date of Birth is required.")], ex.ValidationErrors.Select(e => (e.Field, e.Message)));
        Assert.Equal("application/problem+json", ex.ProblemType);
        Assert.Null(ex.ErrorType);
        Assert.Equal("BadRequest", ex.Title);
        Assert.Equal("Validation error occurred.", ex.Detail);
        Assert.Equal("Xero API responded 400 Bad Request. DateOfBirth: The Date of Birth is required.", ex.Message);
    }

    [Theory]
    [InlineData(400, """{"type":"invalid-request","title":"InvalidRequest","status":400,"detail":"Invalid BalanceDate: '2020-01'"}""", "invalid-request", "Invalid BalanceDate: '2020-01'")]
    [InlineData(503, """{"type":"service-unavailable","title":"Service Unavailable","status":503,"detail":"Cannot process org xxx at this time. Apologies for inconvenience."}""", "service-unavailable", "Cannot process org xxx at this time. Apologies for inconvenience.")]
    [InlineData(403, """{"type":"invalid-application","title":"Invalid Application","status":403,"detail":"The application has not been configured to use these API endpoints."}""", "invalid-application", "The application has not been configured to use these API endpoints.")]
    [InlineData(413, """{"type":"invalid-request","title":"Statement Too Large","status":413,"detail":"Statement exceeds size limit"}""", "invalid-request", "Statement exceeds size limit")]
    [InlineData(422, """{"type":"invalid-end-balance","title":"Invalid End Balance","status":422,"detail":"End balance does not match."}""", "invalid-end-balance", "End balance does not match.")]
    [InlineData(404, """{"type":"not-found","title":"Not Found","status":404,"detail":"No subscription","instance":"i-1","extensions":{}}""", "not-found", "No subscription")]
    public void FinanceBankFeedsAndAppStoreProblemsGiveTypeTitleAndDetail(int status, string body, string type, string detail)
    {
        var ex = Exception(status, body);

        Assert.Equal(type, ex.ProblemType);
        Assert.Equal(detail, ex.Detail);
        Assert.NotNull(ex.Title);
        Assert.EndsWith(detail.TrimEnd('.') + ".", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BankFeedsRejectedItemsGiveTheirErrors()
    {
        // Xero-OpenAPI xero_bankfeeds.yaml, the 409 example (items[].errors[]) and a 400 (items[].error).
        const string conflict = """{"items":[{"id":"29fefeb6-f449-470d-9179-f1d8900930d6","feedConnectionId":"6a4b9ff5-3a5f-4321-936b-4796163550f6","status":"REJECTED","errors":[{"type":"duplicate-statement","title":"Duplicate Statement Received","status":409,"detail":"The received statement was marked as a duplicate."}]}]}""";
        const string rejected = """{"items":[{"accountToken":"10000123","status":"REJECTED","error":{"type":"invalid-organisation-bank-feeds","title":"Invalid Organisation","status":400,"detail":"The organisation does not support bank feeds."}}]}""";

        var duplicate = Assert.IsType<XeroConflictException>(Exception(409, conflict));
        var invalid = Assert.IsType<XeroBadRequestException>(Exception(400, rejected));

        Assert.Equal(["The received statement was marked as a duplicate."], duplicate.ValidationErrors.Select(e => e.Message));
        Assert.Equal("duplicate-statement", duplicate.ProblemType);
        Assert.Equal(["The organisation does not support bank feeds."], invalid.ValidationErrors.Select(e => e.Message));
        Assert.Equal("Invalid Organisation", invalid.Title);
    }

    [Fact]
    public void AssetsFieldAndResourceErrorsGiveTheirLocalisedMessages()
    {
        // Xero-OpenAPI xero_assets.yaml, the 400 example of POST /Assets, with a resource error added.
        const string body = """{"resourceValidationErrors":[{"resourceName":"Asset","localisedMessage":"The asset is locked.","type":"t","title":"Locked","detail":"d"}],"fieldValidationErrors":[{"fieldName":"BookDepreciationSetting.DepreciationRate","valueProvided":"","localisedMessage":"Can't have both Depreciation Rate and Effective Life","type":"http://common.service.xero.com/errors/validation/field","title":"Validation Error","detail":"Can't have both Depreciation Rate and Effective Life"}],"type":"http://common.service.xero.com/errors/validation","title":"The resource update failed validation.","detail":"Validation Errors"}""";

        var ex = Exception(400, body);

        Assert.Equal(
            [("BookDepreciationSetting.DepreciationRate", "Can't have both Depreciation Rate and Effective Life"), ("Asset", "The asset is locked.")],
            ex.ValidationErrors.Select(e => (e.Field, e.Message)));
        Assert.Equal("The resource update failed validation.", ex.Title);
        Assert.Equal("http://common.service.xero.com/errors/validation", ex.ProblemType);
    }

    [Fact]
    public void FilesTopLevelArraysAreRead()
    {
        const string body = """[ { "type":"Validation", "title":"Validation failure", "detail":"Extension: boo is not a valid File extension." } ]""";

        var ex = Exception(400, body);

        Assert.Equal(["Extension: boo is not a valid File extension."], ex.ValidationErrors.Select(e => e.Message));
        Assert.Equal("Validation", ex.ProblemType);
        Assert.Equal("Validation failure", ex.Title);
    }

    [Theory]
    [InlineData(401, """{"Type":null,"Title":"Unauthorized","Status":401,"Detail":"TokenExpired: token expired at 04/09/2023 05:16:59","Instance":"6489df60-8891-470e-9268-a9a43f5da71e","Extensions":{}}""", "TokenExpired", true)]
    [InlineData(401, """{"title":"Unauthorized","status":401,"detail":"AuthenticationUnsuccessful","instance":"e3ec736b-3932-4630-a701-89098e09d5c9"}""", "AuthenticationUnsuccessful", false)]
    [InlineData(403, """{"Type":null,"Title":"Forbidden","Status":403,"Detail":"AuthenticationUnsuccessful","Instance":"79f299a4-f3a6-4c0d-a4a0-d4c48d1f3be4","Extensions":{}}""", "AuthenticationUnsuccessful", false)]
    [InlineData(403, """{"title": "Forbidden", "status": 403, "detail": "AuthenticationUnsuccessful", "instance": "65e420cd-796c-493b-8f52-5eae2ee667ce"}""", "AuthenticationUnsuccessful", false)]
    public void TheGatewaysProblemIsReadInBothKeyCasings(int status, string body, string code, bool expired)
    {
        var ex = Exception(status, body);

        var (detailCode, isTokenExpired) = ex switch
        {
            XeroUnauthorizedException u => (u.DetailCode, u.IsTokenExpired),
            XeroForbiddenException f => (f.DetailCode, f.IsTokenExpired),
            _ => throw new Xunit.Sdk.XunitException($"{ex.GetType().Name} is neither 401 nor 403."),
        };
        Assert.Equal(code, detailCode);
        Assert.Equal(expired, isTokenExpired);
        Assert.Equal(status == 401 ? "Unauthorized" : "Forbidden", ex.Title);
        Assert.StartsWith(code, ex.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400, """{"error": "invalid_grant"}""", "invalid_grant", null)]
    [InlineData(400, """{"error": "invalid_grant", "error_description": "Token has been expired or revoked."}""", "invalid_grant", "Token has been expired or revoked.")]
    [InlineData(401, """{"error":"invalid_client"}""", "invalid_client", null)]
    [InlineData(400, """{"error":"unsupported_grant_type"}""", "unsupported_grant_type", null)]
    public void ATokenEndpointRefusalIsItsOwnKind(int status, string body, string error, string? description)
    {
        var classification = XeroResponseClassifier.Classify(status, body);
        var ex = Assert.IsType<XeroTokenRequestRejectedException>(XeroResponseClassifier.CreateException(classification, body));

        Assert.Equal(XeroResponseKind.TokenRequestRejected, classification.Kind);
        Assert.False(classification.IsTransient);
        Assert.Equal(error, ex.Error);
        Assert.Equal(description, ex.ErrorDescription);
        Assert.Equal(description is null ? $"Xero API responded {status} Token Request Rejected. {error}." : $"Xero API responded {status} Token Request Rejected. {error}: {description}", ex.Message);
    }

    [Fact]
    public void AnErrorFieldThatIsNotTextLeavesTheEntryAsItWas()
    {
        Assert.Equal(XeroResponseKind.BadRequest, XeroResponseClassifier.Classify(400, """{"error": {"code": 1}}""").Kind);
        Assert.Equal(XeroResponseKind.Unauthorized, XeroResponseClassifier.Classify(401, SeedResponses.TokenExpired).Kind);
    }

    [Fact]
    public void PlainTextAndFormBodiesAreQuoted()
    {
        var notFound = Exception(404, "The resource you're looking for cannot be found");
        var legacy = Exception(401, "oauth_problem=consumer_key_unknown&oauth_problem_advice=Consumer%20key%20was%20not%20recognised");

        Assert.Equal("Xero API responded 404 Not Found. The resource you're looking for cannot be found.", notFound.Message);
        Assert.Equal("Xero API responded 401 Unauthorized. consumer_key_unknown: Consumer key was not recognised.", legacy.Message);
    }

    [Theory]
    [InlineData(412, "Precondition Failed")]
    [InlineData(501, "Not Implemented")]
    [InlineData(409, "Conflict")]
    [InlineData(413, "Payload Too Large")]
    [InlineData(422, "Unprocessable Entity")]
    public void TheStatusesXeroDocumentsBesidesTheSeedHaveKinds(int status, string summary)
    {
        var classification = XeroResponseClassifier.Classify(status, null);

        Assert.NotEqual(XeroResponseKind.Unknown, classification.Kind);
        Assert.Equal(summary, classification.Summary);
        Assert.False(classification.IsTransient);
    }

    [Fact]
    public void AStatusXeroDoesNotDocumentStaysUnknownButItsBodyIsStillRead()
    {
        const string body = """{"title":"Bad Gateway","status":502,"detail":"Upstream failed."}""";

        var ex = Exception(502, body);

        Assert.Equal(XeroResponseKind.Unknown, ex.Kind);
        Assert.Equal("Upstream failed.", ex.Detail);
    }

    [Theory]
    [InlineData("""{"ErrorNumber": 10, "Elements": 5}""")]
    [InlineData("""{"ErrorNumber": "ten", "Elements": [{"ValidationErrors": "not a list"}]}""")]
    [InlineData("""{"ErrorNumber": 10, "Elements": [{"ValidationErrors": [{"Message": 42}, {"Message": null}, {}]}]}""")]
    [InlineData("""{"ErrorNumber": 10, "Elements": [{"ValidationErrors": [{"Message": "cut""")]
    [InlineData("""<ApiException><ErrorNumber>10</ErrorNumber><Elements><DataContractBase>""")]
    [InlineData("""{"invalidFields": {"name": "x"}}""")]
    [InlineData("""[1, "two", null]""")]
    public void ABodyThatIsNotTheShapeItClaimsReadsAsNothingAndNeverThrows(string body)
    {
        var ex = Exception(400, body);

        Assert.Empty(ex.ValidationErrors);
        Assert.StartsWith("Xero API responded 400 Bad Request.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TenThousandValidationErrorsAreCappedAtMaxItems()
    {
        var items = string.Join(",", Enumerable.Range(0, 10_000).Select(i => $"{{\"Message\":\"m{i}\"}}"));
        var body = $"{{\"ErrorNumber\":10,\"Elements\":[{{\"ValidationErrors\":[{items}]}}]}}";

        var ex = Exception(400, body);

        Assert.Equal(1000, ex.ValidationErrors.Count);
        Assert.Equal("m0", ex.ValidationErrors[0].Message);
        Assert.Contains("(and 997 more)", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public void DeeplyNestedBodiesReadAsNothing(string format)
    {
        var body = format == "json"
            ? "{\"ErrorNumber\":10,\"Elements\":" + new string('[', 100_000) + new string(']', 100_000) + "}"
            : "<ApiException>" + string.Concat(Enumerable.Repeat("<a>", 100_000)) + string.Concat(Enumerable.Repeat("</a>", 100_000)) + "</ApiException>";

        var ex = Exception(400, body);

        Assert.Empty(ex.ValidationErrors);
        Assert.Null(ex.ErrorNumber);
    }

    [Fact]
    public void AnXmlEntityBombIsRefusedQuickly()
    {
        var body = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (var i = 1; i < 10; i++)
        {
            body.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? string.Empty : (i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture))};", 10))}\">");
        }

        body.Append("]><ApiException><Message>&lol9;</Message></ApiException>");
        var watch = Stopwatch.StartNew();

        var ex = Assert.IsType<XeroBadRequestException>(Exception(400, body.ToString()));

        Assert.Null(ex.ValidationMessage);
        Assert.Empty(ex.ValidationErrors);
        // Not a timing assertion: a bomb that expanded would take seconds and gigabytes, so this only catches that.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void AnXmlExternalEntityIsNotResolved()
    {
        const string body = """<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><ApiException><Message>&x;</Message></ApiException>""";

        var ex = Assert.IsType<XeroBadRequestException>(Exception(400, body));

        Assert.Null(ex.ValidationMessage);
        Assert.DoesNotContain("root:", ex.Message, StringComparison.Ordinal);
    }
}
