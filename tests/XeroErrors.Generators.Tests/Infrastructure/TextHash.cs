using System.Security.Cryptography;
using System.Text;

namespace XeroErrors.Generators.Tests.Infrastructure;

/// <summary>
/// A text as 128 bits of its SHA-256: what a long property run remembers of a spec or of its generated files, so that
/// its memory does not grow with the texts. Two different texts share a hash with a chance no run will meet.
/// </summary>
internal readonly record struct TextHash(ulong High, ulong Low)
{
    public static TextHash Of(string text) => Of([text]);

    /// <summary>The hash of the parts written one after another, without joining them into one string first.</summary>
    public static TextHash Of(IEnumerable<string> parts)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in parts)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(part));
        }

        var hash = sha.GetHashAndReset();
        return new TextHash(BitConverter.ToUInt64(hash, 0), BitConverter.ToUInt64(hash, 8));
    }
}
