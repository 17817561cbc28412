using System;
using System.Collections.Generic;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Cli.Cmt
{
    /// <summary>The types a value of data.xml is read into: one per SDK type the reader gives (<see cref="RecordValue.ToObject"/>).</summary>
    internal enum RecordValueType : byte { Text, WholeNumber, Decimal, Money, Boolean, DateTime, Choice, Id, Lookup, Parties }

    /// <summary>A party of a party list, read: the table and id of its partyid.</summary>
    internal readonly record struct PartyValue(string Table, Guid Id);

    /// <summary>
    /// A value of data.xml read into its type, not yet boxed into the SDK's object: staging writes it straight into
    /// its staged form, with no entity per record (<c>StagedRecord</c>), and <see cref="ToObject"/> gives what an
    /// <see cref="Entity"/> holds.
    /// </summary>
    internal readonly struct RecordValue
    {
        private RecordValue(RecordValueType type, string? text = null, int number = 0, decimal amount = 0, DateTime date = default, Guid id = default, PartyValue[]? parties = null)
        {
            Type = type;
            Text = text;
            Number = number;
            Amount = amount;
            Date = date;
            Id = id;
            Parties = parties;
        }

        public RecordValueType Type { get; }

        /// <summary>The text, or the table a lookup points at.</summary>
        public string? Text { get; }

        /// <summary>A whole number or a choice; 1 or 0 for a boolean.</summary>
        public int Number { get; }

        /// <summary>A decimal number or an amount of money.</summary>
        public decimal Amount { get; }

        public DateTime Date { get; }

        /// <summary>An id, or the record a lookup points at.</summary>
        public Guid Id { get; }

        /// <remarks>An array, not a list's interface: staging walks every party list twice, and an interface's enumerator is an allocation each time.</remarks>
        public PartyValue[]? Parties { get; }

        public static RecordValue OfText(string text) => new(RecordValueType.Text, text: text);
        public static RecordValue OfWholeNumber(int number) => new(RecordValueType.WholeNumber, number: number);
        public static RecordValue OfDecimal(decimal amount) => new(RecordValueType.Decimal, amount: amount);
        public static RecordValue OfMoney(decimal amount) => new(RecordValueType.Money, amount: amount);
        public static RecordValue OfBoolean(bool value) => new(RecordValueType.Boolean, number: value ? 1 : 0);
        public static RecordValue OfDate(DateTime date) => new(RecordValueType.DateTime, date: date);
        public static RecordValue OfChoice(int value) => new(RecordValueType.Choice, number: value);
        public static RecordValue OfId(Guid id) => new(RecordValueType.Id, id: id);
        public static RecordValue OfLookup(string table, Guid id) => new(RecordValueType.Lookup, text: table, id: id);
        public static RecordValue OfParties(PartyValue[] parties) => new(RecordValueType.Parties, parties: parties);

        /// <summary>The value as an <see cref="Entity"/> holds it.</summary>
        public object ToObject() => Type switch
        {
            RecordValueType.Text => Text!,
            RecordValueType.WholeNumber => Number,
            RecordValueType.Decimal => Amount,
            RecordValueType.Money => new Money(Amount),
            RecordValueType.Boolean => Number != 0,
            RecordValueType.DateTime => Date,
            RecordValueType.Choice => new OptionSetValue(Number),
            RecordValueType.Id => Id,
            RecordValueType.Lookup => new EntityReference(Text, Id),
            _ => PartyCollection(Parties!),
        };

        private static EntityCollection PartyCollection(IReadOnlyList<PartyValue> parties)
        {
            var collection = new EntityCollection();
            foreach (var (table, id) in parties)
                collection.Entities.Add(new Entity(ActivityPartySchema.EntityName)
                {
                    [ActivityPartySchema.PartyId] = new EntityReference(table, id),
                });
            return collection;
        }
    }

    /// <summary>Receives a record as the reader reads it: its table and id, then each value it keeps, in file order.</summary>
    internal interface IRecordValues
    {
        void Begin(string table, Guid id);

        /// <summary>A column's value; a column read twice holds its last value, in the place of its first.</summary>
        void Add(string column, in RecordValue value);
    }

    /// <summary>Builds the <see cref="Entity"/> of a record from its values.</summary>
    internal sealed class EntityValues : IRecordValues
    {
        public Entity Entity { get; private set; } = null!;

        public void Begin(string table, Guid id) => Entity = new Entity(table, id);

        public void Add(string column, in RecordValue value) => Entity[column] = value.ToObject();
    }
}
