using System;
using System.Collections.Generic;

namespace LoyaltyHealth.Cli.Cmt
{
    /// <summary>
    /// A record of data.xml as its XML says it, every value still text, not yet read into an entity
    /// (<see cref="CmtPackageReader.Read"/>); <see cref="Seen"/> holds the ids read so far in this reading of the
    /// file, to refuse a record that appears twice.
    /// </summary>
    internal sealed class ParsedRecord
    {
        public ParsedRecord(string file, string table, string? id, HashSet<Guid>? seen)
        {
            File = file;
            Table = table;
            Id = id;
            Seen = seen;
        }

        public string File { get; }
        public string Table { get; }

        /// <summary>The record's id attribute, as written.</summary>
        public string? Id { get; }

        /// <remarks>Null when repeats are found elsewhere: staging checks ids on disk (UniqueRecordIds).</remarks>
        public HashSet<Guid>? Seen { get; }

        /// <summary>The record's <c>&lt;field&gt;</c> elements, in file order.</summary>
        /// <remarks>Sized for a whole record of a real export (about 10 fields) at once, instead of growing from 4 through 8 to 16.</remarks>
        public List<ParsedField> Fields { get; } = new(12);
    }

    /// <summary>
    /// One <c>&lt;field&gt;</c> of a record: its name, value and lookupentity attributes as written (null when
    /// absent), and, when it holds <c>&lt;activitypointerrecords&gt;</c>, the parties they name, in file order.
    /// </summary>
    internal readonly record struct ParsedField(string? Name, string? Value, string? LookupEntity, List<ParsedParty>? Parties);

    /// <summary>A party of a party list: the value and lookupentity of its partyid field; both null when it has none.</summary>
    internal readonly record struct ParsedParty(string? Id, string? Table);
}
