using System;
using System.Collections.Generic;
using System.Text;

namespace LoyaltyHealth.Plugins.Framework
{
    /// <summary>
    /// A query whose text depends on one record id and one date only, built once by the <see cref="FetchXml"/> builders
    /// with stand-in values and filled in per call. The text is the builders' own: the values are formatted by
    /// <see cref="FetchXml.Format"/> as the builders format them, and neither a formatted id nor a formatted date holds a
    /// character XML escapes. A query read for every account need not build and print its element tree each time.
    /// </summary>
    internal sealed class FetchTemplate
    {
        // Values no query of the product ever holds, so each occurrence in the text is a place to fill.
        private static readonly Guid IdStandIn = new("5e7f1a2b-0c4d-4e6f-8a9b-1c2d3e4f5a6b");
        private static readonly DateTime DateStandIn = new(1111, 11, 11, 11, 11, 11, DateTimeKind.Utc);

        private readonly string[] _texts;
        private readonly bool[] _idFollows;
        private readonly int _fixedLength;

        public FetchTemplate(Func<Guid, DateTime, string> build)
        {
            var text = build(IdStandIn, DateStandIn);
            var id = FetchXml.Format(IdStandIn);
            var date = FetchXml.Format(DateStandIn);
            var texts = new List<string>();
            var idFollows = new List<bool>();
            var start = 0;
            while (true)
            {
                var atId = text.IndexOf(id, start, StringComparison.Ordinal);
                var atDate = text.IndexOf(date, start, StringComparison.Ordinal);
                if (atId < 0 && atDate < 0) break;
                var isId = atDate < 0 || (atId >= 0 && atId < atDate);
                var at = isId ? atId : atDate;
                texts.Add(text.Substring(start, at - start));
                idFollows.Add(isId);
                start = at + (isId ? id.Length : date.Length);
            }
            texts.Add(text.Substring(start));
            _texts = texts.ToArray();
            _idFollows = idFollows.ToArray();
            foreach (var part in _texts) _fixedLength += part.Length;
        }

        /// <summary>The query's text for <paramref name="id"/> and <paramref name="date"/>, as the builders would print it.</summary>
        public string Fill(Guid id, DateTime date)
        {
            var idText = FetchXml.Format(id);
            var dateText = FetchXml.Format(date);
            var text = new StringBuilder(_fixedLength + _idFollows.Length * Math.Max(idText.Length, dateText.Length));
            for (var i = 0; i < _idFollows.Length; i++)
            {
                text.Append(_texts[i]);
                text.Append(_idFollows[i] ? idText : dateText);
            }
            return text.Append(_texts[_texts.Length - 1]).ToString();
        }
    }
}
