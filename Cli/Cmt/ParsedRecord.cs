using System;
using System.Collections.Generic;
using System.Xml;

namespace LoyaltyHealth.Cli.Cmt
{
    /// <summary>
    /// A record of data.xml as its XML says it, every value still text, not yet read into an entity
    /// (<see cref="CmtPackageReader.Read"/>); <see cref="Seen"/> holds the ids read so far in this reading of the
    /// file, to refuse a record that appears twice.
    /// </summary>
    /// <remarks>
    /// The values' text is kept in one buffer of the record's own rather than a string per value, and a record read
    /// can be handed back (<see cref="CmtPackageReader.Recycle"/>) to be filled again: records cross from the parsing
    /// thread to the staging thread and outlived the youngest collections, so a string and lists per record cost
    /// collections as well as allocations (20,000 accounts × 100 activities allocated 5 GB to stage).
    /// </remarks>
    internal sealed class ParsedRecord
    {
        /// <summary>A buffer grown beyond this by a long value is not kept for the next record.</summary>
        private const int KeptTextLength = 1 << 16;

        private char[] _text = new char[1024];
        private int _textLength;

        public string File { get; private set; } = "";
        public string Table { get; private set; } = "";

        private ParsedText _id;

        /// <summary>The record's id attribute, as written; empty when it has none.</summary>
        public ReadOnlySpan<char> IdText => Text(_id);

        /// <summary>The record's id attribute, as written, made a string (for a message); null when it has none.</summary>
        public string? Id => _id.IsAbsent ? null : IdText.ToString();

        /// <remarks>Null when repeats are found elsewhere: staging checks ids on disk (UniqueRecordIds).</remarks>
        public HashSet<Guid>? Seen { get; private set; }

        /// <summary>The record's <c>&lt;field&gt;</c> elements, in file order.</summary>
        /// <remarks>Sized for a whole record of a real export (about 10 fields) at once, instead of growing from 4 through 8 to 16.</remarks>
        public List<ParsedField> Fields { get; } = new(12);

        /// <summary>The parties of every party list of the record, each field's in a range of its own (<see cref="ParsedField.Parties"/>).</summary>
        public List<ParsedParty> Parties { get; } = new();

        /// <summary>Empties the record for the one the reader stands on.</summary>
        public void Begin(string file, string table, HashSet<Guid>? seen)
        {
            File = file;
            Table = table;
            _id = ParsedText.Absent;
            Seen = seen;
            Fields.Clear();
            Parties.Clear();
            if (_text.Length > KeptTextLength) _text = new char[1024];
            _textLength = 0;
        }

        /// <summary>The text of a value read, empty when absent.</summary>
        public ReadOnlySpan<char> Text(ParsedText text) => text.IsAbsent ? default : _text.AsSpan(text.Start, text.Length);

        /// <summary>Keeps the record's id attribute, as written.</summary>
        public void WriteId(ReadOnlySpan<char> id)
        {
            var start = _textLength;
            if (_text.Length < start + id.Length) Array.Resize(ref _text, Math.Max(2 * _text.Length, start + id.Length));
            id.CopyTo(_text.AsSpan(start));
            _textLength += id.Length;
            _id = new ParsedText(start, id.Length);
        }

        /// <summary>Reads the value of the attribute the reader stands on into the record's text.</summary>
        public ParsedText Append(XmlReader xml)
        {
            var start = _textLength;
            _textLength = RecordXml.ReadValue(xml, ref _text, start);
            return new ParsedText(start, _textLength - start);
        }
    }

    /// <summary>Where a value's text is in its record (<see cref="ParsedRecord.Text"/>); <see cref="Absent"/> when the attribute is not written.</summary>
    internal readonly record struct ParsedText(int Start, int Length)
    {
        public static readonly ParsedText Absent = new(0, -1);

        public bool IsAbsent => Length < 0;
    }

    /// <summary>A range of <see cref="ParsedRecord.Parties"/>.</summary>
    internal readonly record struct PartyRange(int Start, int Count);

    /// <summary>
    /// One <c>&lt;field&gt;</c> of a record: its name, value and lookupentity attributes as written
    /// (<see cref="ParsedText.Absent"/> when absent), and, when it holds <c>&lt;activitypointerrecords&gt;</c>, the
    /// parties they name, in file order.
    /// </summary>
    internal readonly record struct ParsedField(ParsedText Name, ParsedText Value, ParsedText LookupEntity, PartyRange Parties);

    /// <summary>A party of a party list: the value and lookupentity of its partyid field; absent when it has none.</summary>
    internal readonly record struct ParsedParty(ParsedText Id, ParsedText Table)
    {
        public static readonly ParsedParty None = new(ParsedText.Absent, ParsedText.Absent);
    }
}
