using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using LoyaltyHealth.InMemory.Activities;
using LoyaltyHealth.InMemory.Schema;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.InMemory.Storage
{
    // All tables, the activity registry and the global row-version counter. Writes here are the
    // semantics of Create/Update/Delete; the service adds locking, counting and fault translation.
    internal sealed class DataStore
    {
        public const string CreatedOn = "createdon";
        public const string ModifiedOn = "modifiedon";
        public const string OverriddenCreatedOn = "overriddencreatedon";
        public const string StateCode = "statecode";

        private readonly Dictionary<string, Table> _tables = new Dictionary<string, Table>(StringComparer.Ordinal);
        private readonly HashSet<string> _activityTables = new HashSet<string>(ActivityNames.DefaultActivityTables, StringComparer.Ordinal);
        private readonly Dictionary<Guid, Table> _activityTableById = new Dictionary<Guid, Table>();
        private readonly Dictionary<string, int> _expectedRows = new Dictionary<string, int>(StringComparer.Ordinal);
        // Scratch space of one write at a time (the service serialises writes), reused so that storing a row
        // allocates only what the row keeps. Lists, not dictionaries: an entity's columns are already distinct,
        // so preparing a row hashes no column name.
        private readonly List<KeyValuePair<string, object?>> _preparedValues = new List<KeyValuePair<string, object?>>();
        private readonly List<PartyListValue> _preparedParties = new List<PartyListValue>();
        private readonly List<KeyValuePair<string, object?>> _partyValues = new List<KeyValuePair<string, object?>>();
        // A row's and a party's columns, copied out of their entity to be read without an enumerator each time.
        private KeyValuePair<string, object>[] _columns = new KeyValuePair<string, object>[16];
        private KeyValuePair<string, object>[] _partyColumns = new KeyValuePair<string, object>[4];
        // One participation type mask value per mask for every party row: stored values are never changed in place.
        private readonly Dictionary<int, OptionSetValue> _masks = new Dictionary<int, OptionSetValue>();
        // activityparty, found once rather than for each of the many party rows an activity adds.
        private Table? _partyTable;
        private readonly Func<DateTime> _utcNow;
        private readonly Func<Guid> _newId;
        private long _version;

        public DataStore(Func<DateTime> utcNow, Func<Guid> newId, OrganisationSchema? schema)
        {
            _utcNow = utcNow;
            _newId = newId;
            Check = new SchemaCheck(schema);
            if (schema != null)
            {
                _activityTables.UnionWith(schema.ActivityTables);
            }
        }

        public SchemaCheck Check { get; }

        public UndoJournal Journal { get; } = new UndoJournal();

        public IReadOnlyCollection<string> ActivityTables => _activityTables;

        public DateTime UtcNow
        {
            get
            {
                var now = _utcNow();
                return now.Kind == DateTimeKind.Local ? now.ToUniversalTime() : DateTime.SpecifyKind(now, DateTimeKind.Utc);
            }
        }

        public void RegisterActivityTable(string name)
        {
            if (_tables.TryGetValue(name, out var existing) && !existing.IsActivity)
            {
                throw new InvalidOperationException(
                    $"Table '{name}' already holds rows keyed by '{existing.PrimaryIdColumn}'; register activity tables before creating rows in them.");
            }

            _activityTables.Add(name);
        }

        public bool IsActivityTable(string name) => _activityTables.Contains(name);

        // Sizes the tables for rows about to be created (and an activity's party rows: its regarding and owner
        // rows, and its party lists), so that they grow once rather than step by step. A hint: nothing else changes.
        public void ExpectRows(IReadOnlyList<SeedRow> rows)
        {
            // Rows come grouped by table as a rule, so each run of one table's rows is counted before it is added up.
            var expected = new Dictionary<string, int>(StringComparer.Ordinal);
            string? table = null;
            bool isActivity = false;
            int run = 0;
            int activities = 0;
            int parties = 0;
            foreach (var row in rows)
            {
                string? name = row.Table;
                if (string.IsNullOrEmpty(name))
                {
                    continue;
                }

                if (!string.Equals(name, table, StringComparison.Ordinal))
                {
                    Add(expected, table, run);
                    table = name;
                    isActivity = IsActivityTable(name!);
                    run = 0;
                }

                run++;
                if (isActivity)
                {
                    activities++;
                    parties += 2;
                    foreach (var column in row.Columns ?? Array.Empty<KeyValuePair<string, object>>())
                    {
                        parties += column.Value is EntityCollection partyList ? partyList.Entities.Count : 0;
                    }
                }
            }

            Add(expected, table, run);
            Add(expected, ActivityNames.Party, parties);
            foreach (var count in expected)
            {
                if (_tables.TryGetValue(count.Key, out var existing))
                {
                    existing.ExpectMore(count.Value);
                }
                else
                {
                    Add(_expectedRows, count.Key, count.Value);
                }
            }

            _activityTableById.EnsureCapacity(_activityTableById.Count + activities);
        }

        private static void Add(Dictionary<string, int> counts, string? table, int rows)
        {
            if (table != null && rows > 0)
            {
                counts[table] = (counts.TryGetValue(table, out int count) ? count : 0) + rows;
            }
        }

        public Table? FindTable(string name) => _tables.TryGetValue(name, out var table) ? table : null;

        // The tables behind a query on a logical name: every activity table for activitypointer.
        public IEnumerable<Table> SourceTables(string name)
        {
            if (name == ActivityNames.Pointer)
            {
                return _activityTables.Select(FindTable).Where(t => t != null).Select(t => t!).ToList();
            }

            var table = FindTable(name);
            return table == null ? Array.Empty<Table>() : new[] { table };
        }

        public string PrimaryIdColumnOf(string name) =>
            name == ActivityNames.Pointer || IsActivityTable(name) ? ActivityNames.ActivityId : name + "id";

        public (Table Table, Row Row) Require(string name, Guid id)
        {
            if (name == ActivityNames.Pointer)
            {
                if (_activityTableById.TryGetValue(id, out var activityTable))
                {
                    return (activityTable, activityTable.Find(id)!);
                }

                throw DataverseFault.DoesNotExist(name, id);
            }

            var table = FindTable(name);
            var row = table?.Find(id);
            if (table == null || row == null)
            {
                throw DataverseFault.DoesNotExist(name, id);
            }

            return (table, row);
        }

        // With takeValues the entity's values are stored as they are, not copied: the caller hands them over
        // and never touches them again (rows decoded only to be seeded).
        public Guid Create(Entity entity, bool keepAuditDates, bool takeValues = false) =>
            Create(entity.LogicalName, entity.Id, EntityColumns.Of(entity, ref _columns), keepAuditDates, takeValues);

        /// <summary>Creates a row from its table, id (empty: the primary-id column's, else a new one) and columns, as <see cref="Create(Entity, bool, bool)"/>.</summary>
        public Guid Create(string? logicalName, Guid rowId, ReadOnlySpan<KeyValuePair<string, object>> columns, bool keepAuditDates, bool takeValues)
        {
            string name = RequireWritableName(logicalName, "Create");
            Check.Row(name, columns);
            var table = GetOrCreateTable(name);
            var id = rowId != Guid.Empty ? rowId
                : ValueOf(columns, table.PrimaryIdColumn) is Guid givenId && givenId != Guid.Empty ? givenId
                : _newId();
            if (table.Find(id) != null || (table.IsActivity && _activityTableById.ContainsKey(id)))
            {
                throw new DataverseFault(ErrorCodes.DuplicateRecord, $"Cannot insert duplicate key: a '{name}' row with id {id} already exists.");
            }

            var (values, parties) = Prepare(table, columns, isCreate: true, takeValues);
            var now = UtcNow;
            var createdOn = ValueOf(values, OverriddenCreatedOn) is DateTime overriddenTime ? overriddenTime
                : keepAuditDates && ValueOf(values, CreatedOn) is DateTime seededTime ? seededTime
                : now;
            var modifiedOn = keepAuditDates && ValueOf(values, ModifiedOn) is DateTime seededModifiedTime
                ? seededModifiedTime
                : createdOn > now ? createdOn : now;
            object createdOnValue = createdOn;
            SetValue(values, CreatedOn, createdOnValue);
            // A new row's createdon and modifiedon are the same time as a rule: one boxed value serves both.
            SetValue(values, ModifiedOn, modifiedOn == createdOn && modifiedOn.Kind == createdOn.Kind ? createdOnValue : modifiedOn);
            if (ValueOf(values, StateCode) == null)
            {
                SetValue(values, StateCode, new OptionSetValue(0));
            }

            if (table.IsActivity)
            {
                SetValue(values, ActivityNames.ActivityTypeCode, name);
            }

            var row = new Row(id) { Version = ++_version };
            table.Write(row, values);

            table.Insert(row);
            if (table.IsActivity)
            {
                _activityTableById.Add(id, table);
                // A new activity has no parties yet, so there are none to replace.
                var activity = new EntityReference(name, id);
                foreach (var party in parties)
                {
                    AddParties(activity, party.Mask, party.Parties, takeValues);
                }

                SyncSystemParties(table, row, activity, isNew: true);
            }

            if (Journal.Recording)
            {
                Journal.Record(RemovalOf(table, row));
            }

            return id;
        }

        public void Update(Entity entity, ConcurrencyBehavior behavior)
        {
            string name = RequireWritableName(entity.LogicalName, "Update");
            var columns = EntityColumns.Of(entity, ref _columns);
            Check.Row(name, columns);
            var table = FindTable(name);
            var id = entity.Id;
            if (id == Guid.Empty && table != null && entity.Attributes.TryGetValue(table.PrimaryIdColumn, out var given) && given is Guid givenId)
            {
                id = givenId;
            }

            var (_, row) = Require(name, id);
            CheckRowVersion(table!, row, entity.RowVersion, behavior);
            var (values, parties) = Prepare(table!, columns, isCreate: false, takeValues: false);
            if (Journal.Recording)
            {
                Journal.Record(RestoreOf(table!, row));
            }

            table!.Write(row, values);
            table.Set(row, ModifiedOn, UtcNow);
            row.Version = ++_version;
            if (table.IsActivity)
            {
                var activity = new EntityReference(table.Name, row.Id);
                foreach (var party in parties)
                {
                    RemoveParties(row.Id, party.Mask);
                    AddParties(activity, party.Mask, party.Parties, takeValues: false);
                }

                SyncSystemParties(table, row, activity, isNew: false);
            }
        }

        public void Delete(string name, Guid id, string? rowVersion, ConcurrencyBehavior behavior)
        {
            RequireWritableName(name, "Delete");
            Check.Table(name);
            var (table, row) = Require(name, id);
            CheckRowVersion(table, row, rowVersion, behavior);
            if (Journal.Recording)
            {
                Journal.Record(ReinsertionOf(table, row));
            }

            RemoveRow(table, row);
        }

        private void RemoveRow(Table table, Row row)
        {
            if (table.IsActivity)
            {
                RemoveParties(row.Id, mask: null);
                _activityTableById.Remove(row.Id);
            }

            table.Remove(row);
        }

        // The undo actions live in their own methods: a lambda capturing Create's locals would cost every Create a closure.
        private Action RemovalOf(Table table, Row row) => () => RemoveRow(table, row);

        private Action ReinsertionOf(Table table, Row row)
        {
            var parties = PartyRowsOf(table, row.Id);
            return () =>
            {
                table.Insert(row);
                if (table.IsActivity)
                {
                    _activityTableById.Add(row.Id, table);
                    ReinsertParties(parties);
                }
            };
        }

        // Puts back every value, the version and the parties a row has now, for an update to be undone.
        private Action RestoreOf(Table table, Row row)
        {
            var values = Columns(table, row);
            long version = row.Version;
            var parties = PartyRowsOf(table, row.Id);
            return () =>
            {
                foreach (var current in Columns(table, row))
                {
                    table.Set(row, current.Key, null);
                }

                foreach (var value in values)
                {
                    table.Set(row, value.Key, value.Value);
                }

                row.Version = version;
                if (table.IsActivity)
                {
                    RemoveParties(row.Id, mask: null);
                    ReinsertParties(parties);
                }
            };
        }

        private static List<KeyValuePair<string, object>> Columns(Table table, Row row) =>
            table.NonNullValues(row).Where(v => v.Key != table.PrimaryIdColumn && v.Key != Table.VersionNumberColumn).ToList();

        private IReadOnlyList<Row> PartyRowsOf(Table table, Guid activityId) =>
            table.IsActivity && FindTable(ActivityNames.Party) is { } partyTable ? partyTable.Lookup(ActivityNames.ActivityId, activityId).ToList() : (IReadOnlyList<Row>)Array.Empty<Row>();

        private void ReinsertParties(IReadOnlyList<Row> parties)
        {
            if (parties.Count > 0)
            {
                var partyTable = FindTable(ActivityNames.Party)!;
                foreach (var party in parties)
                {
                    partyTable.Insert(party);
                }
            }
        }

        // A column as Dataverse returns it: party-list columns of activities are rebuilt from activityparty.
        // A stored column is found first: activity tables never store a party-list column (Prepare keeps them
        // apart), so the party-list names are looked up only for a column the table does not store.
        public object? Read(Table table, Row row, string column) => ReadAt(table, row, table.PositionOf(column), column);

        // Read, with where the table keeps the column remembered by the reader.
        public object? Read(Table table, Row row, ColumnReader column) => ReadAt(table, row, column.PositionIn(table), column.Name);

        private object? ReadAt(Table table, Row row, int position, string column)
        {
            if (position != Table.AbsentPosition)
            {
                return table.ValueAt(row, position);
            }

            return table.IsActivity && ParticipationType.ByPartyListColumn.TryGetValue(column, out int mask) ? PartyList(row.Id, mask) : null;
        }

        // The id a column holds (a lookup's target, or the id itself), as IndexKey gives it, read without boxing, where
        // the reader remembers the table keeps it. A party-list column holds no id: it is never stored, so the table finds none.
        public bool TryReadGuid(Table table, Row row, ColumnReader column, out Guid id) => table.TryGetGuidAt(row, column.PositionIn(table), out id);

        public IEnumerable<KeyValuePair<string, object>> ReadAll(Table table, Row row, bool asPointer)
        {
            foreach (var value in table.NonNullValues(row))
            {
                if (!asPointer || ActivityNames.PointerColumns.Contains(value.Key))
                {
                    yield return value;
                }
            }

            if (table.IsActivity && !asPointer)
            {
                foreach (var column in ParticipationType.ByPartyListColumn)
                {
                    var parties = PartyList(row.Id, column.Value);
                    if (parties != null)
                    {
                        yield return new KeyValuePair<string, object>(column.Key, parties);
                    }
                }
            }
        }

        private static string RequireWritableName(string? name, string message)
        {
            if (string.IsNullOrEmpty(name))
            {
                throw DataverseFault.InvalidArgument($"{message}: the entity has no LogicalName.");
            }

            if (name == ActivityNames.Pointer || name == ActivityNames.Party)
            {
                throw DataverseFault.InvalidArgument(
                    $"{message} is not supported on '{name}': write the activity table itself (email, task, a custom activity ...) and its party-list columns.");
            }

            return name!;
        }

        private Table GetOrCreateTable(string name)
        {
            if (!_tables.TryGetValue(name, out var table))
            {
                _expectedRows.Remove(name, out int capacity);
                table = new Table(name, PrimaryIdColumnOf(name), IsActivityTable(name), capacity);
                _tables.Add(name, table);
            }

            return table;
        }

        // Copies and checks every value before anything is written, so a bad column leaves the row untouched.
        private (List<KeyValuePair<string, object?>> Values, List<PartyListValue> Parties) Prepare(Table table, ReadOnlySpan<KeyValuePair<string, object>> columns, bool isCreate, bool takeValues)
        {
            var values = _preparedValues;
            var parties = _preparedParties;
            values.Clear();
            parties.Clear();
            foreach (var attribute in columns)
            {
                string column = attribute.Key;
                if (column == table.PrimaryIdColumn || column == Table.VersionNumberColumn || column == ActivityNames.ActivityTypeCode)
                {
                    continue;
                }

                if (!isCreate && (column == CreatedOn || column == ModifiedOn || column == OverriddenCreatedOn))
                {
                    continue;
                }

                if (table.IsActivity && ParticipationType.ByPartyListColumn.TryGetValue(column, out int mask))
                {
                    if (attribute.Value != null && !(attribute.Value is EntityCollection))
                    {
                        throw DataverseFault.InvalidArgument(
                            $"Party-list column '{column}' of '{table.Name}' needs an EntityCollection of activityparty entities, not a {attribute.Value.GetType().Name}.");
                    }

                    parties.Add(new PartyListValue(mask, (EntityCollection?)attribute.Value));
                    continue;
                }

                var value = takeValues ? ValueCopier.TakeIn(column, attribute.Value) : ValueCopier.CopyIn(column, attribute.Value);
                values.Add(new KeyValuePair<string, object?>(column, value));
            }

            return (values, parties);
        }

        // A column's value among a row's columns, given or prepared; null when the row does not carry it.
        private static object? ValueOf<T>(ReadOnlySpan<KeyValuePair<string, T>> columns, string column)
        {
            int index = IndexOf(columns, column);
            return index < 0 ? null : columns[index].Value;
        }

        private static object? ValueOf(List<KeyValuePair<string, object?>> values, string column) => ValueOf<object?>(CollectionsMarshal.AsSpan(values), column);

        // Replaces a prepared column's value where the row carries it, else adds the column after the row's own.
        private static void SetValue(List<KeyValuePair<string, object?>> values, string column, object value)
        {
            int index = IndexOf<object?>(CollectionsMarshal.AsSpan(values), column);
            var pair = new KeyValuePair<string, object?>(column, value);
            if (index < 0)
            {
                values.Add(pair);
            }
            else
            {
                values[index] = pair;
            }
        }

        private static int IndexOf<T>(ReadOnlySpan<KeyValuePair<string, T>> columns, string column)
        {
            for (int i = 0; i < columns.Length; i++)
            {
                if (string.Equals(columns[i].Key, column, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return -1;
        }

        private static void CheckRowVersion(Table table, Row row, string? rowVersion, ConcurrencyBehavior behavior)
        {
            if (behavior != ConcurrencyBehavior.IfRowVersionMatches)
            {
                return;
            }

            if (string.IsNullOrEmpty(rowVersion))
            {
                throw new DataverseFault(ErrorCodes.ConcurrencyVersionNotProvided,
                    "The RowVersion property must be provided when the value of ConcurrencyBehavior is IfRowVersionMatches.");
            }

            if (!string.Equals(rowVersion, table.RowVersionOf(row), StringComparison.Ordinal))
            {
                throw new DataverseFault(ErrorCodes.ConcurrencyVersionMismatch,
                    $"The version of the existing record doesn't match the RowVersion property provided ('{table.Name}' {row.Id}: stored {table.RowVersionOf(row)}, provided {rowVersion}).");
            }
        }

        private EntityCollection? PartyList(Guid activityId, int mask)
        {
            var partyTable = FindTable(ActivityNames.Party);
            if (partyTable == null)
            {
                return null;
            }

            var entities = new List<Entity>();
            foreach (var partyRow in partyTable.Lookup(ActivityNames.ActivityId, activityId))
            {
                if (partyTable.Get(partyRow, ActivityNames.ParticipationTypeMask) is OptionSetValue rowMask && rowMask.Value == mask)
                {
                    var party = new Entity(ActivityNames.Party, partyRow.Id);
                    foreach (var value in partyTable.NonNullValues(partyRow))
                    {
                        if (value.Key != Table.VersionNumberColumn)
                        {
                            party.Attributes[value.Key] = ValueCopier.CopyOut(value.Value);
                        }
                    }

                    entities.Add(party);
                }
            }

            return entities.Count == 0 ? null : new EntityCollection(entities) { EntityName = ActivityNames.Party };
        }

        // The activityparty rows of one party-list column; the column's earlier rows are already gone.
        private void AddParties(EntityReference activity, int mask, EntityCollection? parties, bool takeValues)
        {
            if (parties == null)
            {
                return;
            }

            var entities = parties.Entities;
            for (int i = 0; i < entities.Count; i++)
            {
                _partyValues.Clear();
                foreach (var attribute in EntityColumns.Of(entities[i], ref _partyColumns))
                {
                    if (attribute.Key != ActivityNames.ActivityId && attribute.Key != ActivityNames.ParticipationTypeMask && attribute.Key != ActivityNames.PartyPrimaryId)
                    {
                        var value = takeValues ? ValueCopier.TakeIn(attribute.Key, attribute.Value) : ValueCopier.CopyIn(attribute.Key, attribute.Value);
                        _partyValues.Add(new KeyValuePair<string, object?>(attribute.Key, value));
                    }
                }

                AddParty(activity, mask, _partyValues);
            }
        }

        // Dataverse also keeps the regarding record and the owner as parties (masks 8 and 9), which is
        // what makes "every activity this account takes part in" one activityparty query.
        // The party rows share the activity reference and the stored lookups they repeat: stored values are
        // never changed in place, and reads hand out copies.
        private void SyncSystemParties(Table activityTable, Row row, EntityReference activity, bool isNew)
        {
            SyncSystemParty(activityTable, row, activity, isNew, ParticipationType.Regarding, ActivityNames.RegardingObjectId);
            SyncSystemParty(activityTable, row, activity, isNew, ParticipationType.Owner, ActivityNames.OwnerId);
        }

        private void SyncSystemParty(Table activityTable, Row row, EntityReference activity, bool isNew, int mask, string column)
        {
            if (!isNew)
            {
                RemoveParties(row.Id, mask);
            }

            if (activityTable.Get(row, column) is EntityReference reference)
            {
                _partyValues.Clear();
                _partyValues.Add(new KeyValuePair<string, object?>(ActivityNames.PartyId, reference));
                AddParty(activity, mask, _partyValues);
            }
        }

        // Stores a party row of the activity with the party's own columns (never its activity or mask), to which it adds those two.
        private void AddParty(EntityReference activity, int mask, List<KeyValuePair<string, object?>> values)
        {
            var partyTable = _partyTable ??= GetOrCreateTable(ActivityNames.Party);
            var partyRow = new Row(_newId()) { Version = ++_version };
            values.Add(new KeyValuePair<string, object?>(ActivityNames.ActivityId, activity));
            values.Add(new KeyValuePair<string, object?>(ActivityNames.ParticipationTypeMask, MaskValue(mask)));
            partyTable.Write(partyRow, values);
            partyTable.Insert(partyRow);
        }

        private OptionSetValue MaskValue(int mask)
        {
            if (!_masks.TryGetValue(mask, out var value))
            {
                value = new OptionSetValue(mask);
                _masks.Add(mask, value);
            }

            return value;
        }

        private void RemoveParties(Guid activityId, int? mask)
        {
            var partyTable = FindTable(ActivityNames.Party);
            if (partyTable == null)
            {
                return;
            }

            var parties = partyTable.Lookup(ActivityNames.ActivityId, activityId);
            if (parties.Count == 0)
            {
                return;
            }

            foreach (var partyRow in parties.ToList())
            {
                if (mask == null || (partyTable.Get(partyRow, ActivityNames.ParticipationTypeMask) is OptionSetValue rowMask && rowMask.Value == mask))
                {
                    partyTable.Remove(partyRow);
                }
            }
        }

        // A party-list column of a write: the mask its activityparty rows carry and the parties given (null clears the column).
        private readonly struct PartyListValue
        {
            public PartyListValue(int mask, EntityCollection? parties)
            {
                Mask = mask;
                Parties = parties;
            }

            public int Mask { get; }

            public EntityCollection? Parties { get; }
        }
    }
}
