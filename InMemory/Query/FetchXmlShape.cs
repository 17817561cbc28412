using System;
using System.Collections.Generic;

namespace LoyaltyHealth.InMemory.Query
{
    // FetchXML split into its condition values (a condition's value attribute, the text of its <value> elements) and
    // the text around them, its shape. Two queries of one shape parse into the same tree but for those values, so the
    // shape's tree can be copied with the other values instead of parsed (FetchXmlCache): a plugin sends the same query
    // for every record it runs on, with another id or date in it.
    //
    // Only the plain form is split: a value written exactly as the parser reads it (no entity or character reference,
    // no character XML would normalise or refuse), names without prefixes, no DTD or CDATA, a <value> holding text
    // alone. Anything else gives no shape and is parsed as it always was. The split never decides what a query means:
    // a shape is used only once a full parse of a query of that shape read the same values at the same places.
    internal sealed class FetchXmlShape
    {
        private FetchXmlShape(string text, List<Range> values, int hash)
        {
            Text = text;
            Values = values;
            Hash = hash;
        }

        // The query this shape was split from.
        public string Text { get; }

        // Where the condition values are in Text, in document order, as the parser meets them.
        public IReadOnlyList<Range> Values { get; }

        // Of the text around the values: equal shapes have equal hashes.
        public int Hash { get; }

        public ReadOnlySpan<char> ValueSpan(int index) => Text.AsSpan(Values[index].Start, Values[index].Length);

        // The text around the values is the same, character for character, as the other shape's.
        public bool SameAs(FetchXmlShape other)
        {
            if (Hash != other.Hash || Values.Count != other.Values.Count)
            {
                return false;
            }

            for (int segment = 0; segment <= Values.Count; segment++)
            {
                if (!Segment(segment).SequenceEqual(other.Segment(segment)))
                {
                    return false;
                }
            }

            return true;
        }

        // The text before value n (n = Values.Count: after the last one).
        private ReadOnlySpan<char> Segment(int n)
        {
            int start = n == 0 ? 0 : Values[n - 1].Start + Values[n - 1].Length;
            int end = n == Values.Count ? Text.Length : Values[n].Start;
            return Text.AsSpan(start, end - start);
        }

        // The shape of a query in the plain form; null when the query is not (or not well-formed: its parse will say how).
        public static FetchXmlShape? Of(string text)
        {
            var values = new List<Range>();
            bool inValue = false;
            int at = 0;
            while (true)
            {
                int tag = text.IndexOf('<', at);
                if (tag < 0)
                {
                    break;
                }

                if (inValue)
                {
                    // A <value>'s whole content must be one text, directly closed.
                    if (!At(text, tag, "</value>") || !PlainText(text.AsSpan(at, tag - at)))
                    {
                        return null;
                    }

                    values.Add(new Range(at, tag - at));
                }

                inValue = false;
                if (At(text, tag, "<!--"))
                {
                    int end = text.IndexOf("-->", tag + 4, StringComparison.Ordinal);
                    if (end < 0)
                    {
                        return null;
                    }

                    at = end + 3;
                }
                else if (At(text, tag, "<?"))
                {
                    int end = text.IndexOf("?>", tag + 2, StringComparison.Ordinal);
                    if (end < 0)
                    {
                        return null;
                    }

                    at = end + 2;
                }
                else if (At(text, tag, "<!"))
                {
                    // A DTD can give attributes defaults or define entities; CDATA is text in another form.
                    return null;
                }
                else if (At(text, tag, "</"))
                {
                    int end = text.IndexOf('>', tag);
                    if (end < 0)
                    {
                        return null;
                    }

                    at = end + 1;
                }
                else
                {
                    at = StartTag(text, tag, values, out inValue);
                    if (at < 0)
                    {
                        return null;
                    }
                }
            }

            var hash = new HashCode();
            int from = 0;
            foreach (var value in values)
            {
                hash.Add(string.GetHashCode(text.AsSpan(from, value.Start - from)));
                from = value.Start + value.Length;
            }

            hash.Add(string.GetHashCode(text.AsSpan(from)));
            return new FetchXmlShape(text, values, hash.ToHashCode());
        }

        // Reads a start tag from its '<': the element's name, and a condition's value attribute as a value. Gives the
        // place after the tag, or -1 when the tag is not in the plain form; whether it opens a <value>.
        private static int StartTag(string text, int tag, List<Range> values, out bool opensValue)
        {
            opensValue = false;
            int at = tag + 1;
            var element = Name(text, ref at);
            if (element.IsEmpty)
            {
                return -1;
            }

            bool condition = element.SequenceEqual("condition");
            while (true)
            {
                at = SkipSpace(text, at);
                if (at >= text.Length)
                {
                    return -1;
                }

                if (text[at] == '>')
                {
                    opensValue = element.SequenceEqual("value");
                    return at + 1;
                }

                if (text[at] == '/')
                {
                    return at + 1 < text.Length && text[at + 1] == '>' ? at + 2 : -1;
                }

                var attribute = Name(text, ref at);
                if (attribute.IsEmpty || attribute.StartsWith("xmlns", StringComparison.Ordinal))
                {
                    return -1;
                }

                at = SkipSpace(text, at);
                if (at >= text.Length || text[at] != '=')
                {
                    return -1;
                }

                at = SkipSpace(text, at + 1);
                if (at >= text.Length || (text[at] != '"' && text[at] != '\''))
                {
                    return -1;
                }

                int start = at + 1;
                int end = text.IndexOf(text[at], start);
                if (end < 0)
                {
                    return -1;
                }

                if (condition && attribute.SequenceEqual("value"))
                {
                    if (!PlainValue(text.AsSpan(start, end - start)))
                    {
                        return -1;
                    }

                    values.Add(new Range(start, end - start));
                }

                at = end + 1;
            }
        }

        // A name without a prefix; empty when there is none or it has a prefix.
        private static ReadOnlySpan<char> Name(string text, ref int at)
        {
            int start = at;
            while (at < text.Length && !char.IsWhiteSpace(text[at]) && text[at] != '=' && text[at] != '>' && text[at] != '/')
            {
                if (text[at] == ':' || text[at] == '<' || text[at] == '"' || text[at] == '\'')
                {
                    return default;
                }

                at++;
            }

            return text.AsSpan(start, at - start);
        }

        private static int SkipSpace(string text, int at)
        {
            while (at < text.Length && (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' || text[at] == '\r'))
            {
                at++;
            }

            return at;
        }

        private static bool At(string text, int at, string prefix) => string.CompareOrdinal(text, at, prefix, 0, prefix.Length) == 0;

        // A value the parser reads exactly as written: nothing XML decodes (references), normalises (line breaks,
        // tabs) or refuses (control characters, surrogates and the two non-characters above them), no markup.
        public static bool PlainValue(ReadOnlySpan<char> value)
        {
            foreach (char c in value)
            {
                if (c < ' ' || c >= '\uD800' || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' || c == ']')
                {
                    return false;
                }
            }

            return true;
        }

        // As a value, and not spaces alone: a text of spaces only is whitespace, which the parser does not read as text.
        public static bool PlainText(ReadOnlySpan<char> text) =>
            PlainValue(text) && (text.IsEmpty || text.IndexOfAnyExcept(' ') >= 0);

        internal readonly record struct Range(int Start, int Length);
    }
}
