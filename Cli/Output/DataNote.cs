using System;
using System.Collections.Generic;
using System.Linq;

namespace LoyaltyHealth.Cli.Output
{
    /// <summary>
    /// Something a run noticed about its data, kept as what it is (a kind, a count, the names it concerns) until it is shown:
    /// the console, the report and accounts.csv put it in their language (<see cref="UiText.Note"/>, texts in <see cref="NoteTexts"/>).
    /// </summary>
    /// <param name="Kind">One of <see cref="NoteTexts"/>' kinds.</param>
    /// <param name="Count">How many records, accounts or columns; it picks the singular or plural text.</param>
    /// <param name="Values">The table, moment, ids or columns the text names, in its order.</param>
    public sealed record DataNote(string Kind, long Count, IReadOnlyList<string> Values)
    {
        public static DataNote Of(string kind, long count, params string[] values) => new(kind, count, values);

        /// <summary>Two notes are the same when they say the same: kind, count and values in order.</summary>
        public bool Equals(DataNote? other) => other is not null && Kind == other.Kind && Count == other.Count && Values.SequenceEqual(other.Values);

        public override int GetHashCode() => HashCode.Combine(Kind, Count, Values.Count);
    }
}
