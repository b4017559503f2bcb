namespace XeroErrors.Machinery
{
    using System.CodeDom.Compiler;
    using System.Collections.Generic;
    using System.Text;

    /// <summary>A form-encoded body as an object of texts.</summary>
    [GeneratedCode("XeroErrors.Generators", GeneratorVersion.Value)]
    internal static class FormBodyParser
    {
        /// <summary>A form-encoded body (<c>key=value&amp;key=value</c> on one line) as an object of texts; null for anything else.</summary>
        public static BodyNode Parse(string text)
        {
            var trimmed = text.Trim();
            if (trimmed.Length == 0 || trimmed.IndexOf('=') <= 0 || trimmed.IndexOfAny(new[] { '\n', '\r', ' ', '<', '{', '[' }) >= 0)
            {
                return null;
            }

            var root = new BodyNode(null, BodyNodeKind.Object, null);
            foreach (var pair in trimmed.Split('&'))
            {
                var equals = pair.IndexOf('=');
                if (equals <= 0 || root.Children.Count >= BodyLimits.MaxItems)
                {
                    continue;
                }

                root.Children.Add(new BodyNode(Unescape(pair.Substring(0, equals)), BodyNodeKind.Scalar, Unescape(pair.Substring(equals + 1))));
            }

            return root;
        }

        /// <summary>Percent-decoding as UTF-8, '+' as a space; a broken escape is kept as it is.</summary>
        private static string Unescape(string text)
        {
            var bytes = new List<byte>(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                int high, low;
                if (c == '%' && i + 2 < text.Length && (high = Hex(text[i + 1])) >= 0 && (low = Hex(text[i + 2])) >= 0)
                {
                    bytes.Add((byte)((high << 4) | low));
                    i += 2;
                }
                else
                {
                    bytes.AddRange(Encoding.UTF8.GetBytes(c == '+' ? " " : c.ToString()));
                }
            }

            return Encoding.UTF8.GetString(bytes.ToArray());
        }

        private static int Hex(char c)
        {
            return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        }
    }
}
