using System;
using System.Buffers;
using System.Collections.Generic;
using LoyaltyHealth.Cli.Cmt;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Cli.Staging
{
    /// <summary>
    /// What <see cref="ExportStaging"/> reads of a record to stage it: its dates, its links to other records and its
    /// staged form. A record comes as an <see cref="Entity"/> (<see cref="EntityRecord"/>) or straight from data.xml
    /// (<see cref="StagedRecord"/>), which builds no entity.
    /// </summary>
    internal interface IStagingRecord
    {
        string Table { get; }
        Guid Id { get; }
        DateTime? Date(string column);
        string? Text(string column);
        RecordLink? Lookup(string column);

        /// <summary>Whether the record holds a value of the column (an export leaves out a column the schema does not list).</summary>
        bool Has(string column);

        /// <summary>The contacts taking part, in the order of the party lists and their parties.</summary>
        void PartyContacts(List<RecordLink> contacts);

        /// <summary>Writes the record's form, its names numbered in <paramref name="names"/>, as <see cref="RecordCodec.Encode"/> writes its entity.</summary>
        void Encode(ArrayBufferWriter<byte> buffer, NamePool names);
    }

    /// <summary>
    /// A lookup as staging follows it, a value rather than an <see cref="EntityReference"/>: staging follows every
    /// record's links, and a reference made per link was a third of what staging an export allocated.
    /// </summary>
    internal readonly record struct RecordLink(string? Table, Guid Id)
    {
        public static RecordLink? Of(EntityReference? reference) => reference is null ? null : new RecordLink(reference.LogicalName, reference.Id);
    }

    /// <summary>A record given as an entity.</summary>
    internal sealed class EntityRecord : IStagingRecord
    {
        public Entity Entity { get; set; } = null!;
        public string Table => Entity.LogicalName;
        public Guid Id => Entity.Id;
        public DateTime? Date(string column) => Entity.GetAttributeValue<DateTime?>(column);
        public string? Text(string column) => Entity.GetAttributeValue<string>(column);
        public RecordLink? Lookup(string column) => RecordLink.Of(Entity.GetAttributeValue<EntityReference>(column));
        public bool Has(string column) => Entity.Contains(column);

        public void PartyContacts(List<RecordLink> contacts)
        {
            foreach (var value in Entity.Attributes.Values)
                if (value is EntityCollection parties)
                    foreach (var party in parties.Entities)
                        if (party.GetAttributeValue<EntityReference>(ActivityPartySchema.PartyId) is { LogicalName: ContactSchema.EntityName } contact)
                            contacts.Add(new RecordLink(contact.LogicalName, contact.Id));
        }

        public void Encode(ArrayBufferWriter<byte> buffer, NamePool names) => RecordCodec.Encode(Entity, buffer, names);
    }

    /// <summary>
    /// A record read from data.xml, its values kept unboxed as the reader gives them (<see cref="IRecordValues"/>);
    /// one instance is reused for every record, so staging an export allocates no entity, attribute collection or
    /// boxed value per record. Its columns keep the order and the last values an entity built from the same values
    /// would hold, so its form is the same bytes.
    /// </summary>
    internal sealed class StagedRecord : IStagingRecord, IRecordValues
    {
        private string[] _columns = new string[32];
        private RecordValue[] _values = new RecordValue[32];
        private int _count;

        public string Table { get; private set; } = "";
        public Guid Id { get; private set; }

        public void Begin(string table, Guid id)
        {
            Table = table;
            Id = id;
            // The values are not cleared: every one read is written first, and what the last record left (a few texts and
            // party lists per pooled record, overwritten by the next) is little to keep alive. Clearing them took about 8 % of
            // the values thread (20,000 x 100 by creation, perf), since a value is as large as its largest kind.
            _count = 0;
        }

        public void Add(string column, in RecordValue value)
        {
            var at = Find(column);
            if (at < 0)
            {
                if (_count == _columns.Length)
                {
                    Array.Resize(ref _columns, 2 * _count);
                    Array.Resize(ref _values, 2 * _count);
                }
                at = _count++;
                _columns[at] = column;
            }
            _values[at] = value;
        }

        public DateTime? Date(string column) => Column(column) is var at and >= 0 && _values[at].Type == RecordValueType.DateTime ? _values[at].Date : null;

        public string? Text(string column) => Column(column) is var at and >= 0 && _values[at].Type == RecordValueType.Text ? _values[at].Text : null;

        public RecordLink? Lookup(string column) =>
            Column(column) is var at and >= 0 && _values[at].Type == RecordValueType.Lookup ? new RecordLink(_values[at].Text, _values[at].Id) : null;

        public bool Has(string column) => Column(column) >= 0;

        public void PartyContacts(List<RecordLink> contacts)
        {
            for (var i = 0; i < _count; i++)
                if (_values[i].Type == RecordValueType.Parties)
                    foreach (var party in _values[i].Parties!)
                        if (party.Table == ContactSchema.EntityName)
                            contacts.Add(new RecordLink(party.Table, party.Id));
        }

        public void Encode(ArrayBufferWriter<byte> buffer, NamePool names)
        {
            RecordCodec.Header(buffer, names, Table, Id, _count);
            for (var i = 0; i < _count; i++) RecordCodec.Column(buffer, names, _columns[i], _values[i]);
        }

        private int Find(string column)
        {
            for (var i = 0; i < _count; i++)
                if (string.Equals(_columns[i], column, StringComparison.Ordinal)) return i;
            return -1;
        }

        /// <summary>
        /// As <see cref="Find"/>, for a column staging asks for by name: compared first by reference, since the record's columns
        /// are the schema's names and the callers' are the same literals (one string per text in the process), and by text only
        /// when no column is that string.
        /// </summary>
        private int Column(string column)
        {
            for (var i = 0; i < _count; i++)
                if (ReferenceEquals(_columns[i], column)) return i;
            return Find(column);
        }
    }
}
