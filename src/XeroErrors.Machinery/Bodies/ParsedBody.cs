namespace XeroErrors.Machinery
{
    using System.CodeDom.Compiler;
    using System.ComponentModel;

    /// <summary>One body, parsed at most once per format, and only when a shape asks for that format.</summary>
    [GeneratedCode("XeroErrors.Generators", GeneratorVersion.Value)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class ParsedBody
    {
        private readonly string _text;
        private BodyNode _json;
        private BodyNode _xml;
        private BodyNode _form;
        private bool _jsonDone;
        private bool _xmlDone;
        private bool _formDone;

        /// <summary>A body's text, parsed as each format on first use.</summary>
        public ParsedBody(string text)
        {
            _text = text;
        }

        /// <summary>The body as JSON; null when it is not a JSON object or array.</summary>
        public BodyNode Json
        {
            get
            {
                if (!_jsonDone)
                {
                    _jsonDone = true;
                    _json = JsonBodyParser.Parse(_text);
                }

                return _json;
            }
        }

        /// <summary>The body's root XML element; null when it is not an XML document.</summary>
        public BodyNode Xml
        {
            get
            {
                if (!_xmlDone)
                {
                    _xmlDone = true;
                    _xml = XmlBodyParser.Parse(_text);
                }

                return _xml;
            }
        }

        /// <summary>The body's form pairs; null when it is not <c>key=value&amp;key=value</c> on one line.</summary>
        public BodyNode Form
        {
            get
            {
                if (!_formDone)
                {
                    _formDone = true;
                    _form = FormBodyParser.Parse(_text);
                }

                return _form;
            }
        }

        /// <summary>The body as one line of text; null for several lines, markup, (broken) JSON or nothing.</summary>
        public BodyNode PlainText
        {
            get
            {
                var text = _text.Trim();
                return text.Length == 0 || text[0] == '<' || text[0] == '{' || text[0] == '[' || text.IndexOf('\n') >= 0 || text.IndexOf('\r') >= 0 ? null : new BodyNode(null, BodyNodeKind.Scalar, text);
            }
        }
    }
}
