using System;
using System.Collections.Generic;

namespace LoyaltyHealth.Cli.Cmt
{
    /// <summary>
    /// One string per distinct short text read from a buffer (the names of a file's columns): a file has few of them and
    /// millions of fields, so only a text not seen before is allocated. Bounded, as a file's names are not. Not thread-safe.
    /// </summary>
    internal sealed class TextPool
    {
        private const int PooledTexts = 4096;
        private const int PooledLength = 128;

        private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _byText;

        public TextPool() => _byText = _texts.GetAlternateLookup<ReadOnlySpan<char>>();

        public string Of(ReadOnlySpan<char> text)
        {
            if (_byText.TryGetValue(text, out var known)) return known;
            var added = text.ToString();
            if (text.Length <= PooledLength && _texts.Count < PooledTexts) _texts.Add(added, added);
            return added;
        }
    }
}
