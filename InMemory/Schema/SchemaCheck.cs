using System;
using System.Collections.Generic;
using LoyaltyHealth.InMemory.Activities;
using LoyaltyHealth.InMemory.Storage;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.InMemory.Schema
{
    // Fails a request that names a table or column the organisation does not have, as Dataverse does.
    // Without a schema (tests of the evaluator on invented tables) every name passes, except that
    // activitypointer keeps only the columns all activities share: that is the view's shape, not the solution's.
    internal sealed class SchemaCheck
    {
        private readonly OrganisationSchema? _schema;
        // activityparty's columns, found once: every party of every activity written is checked against them.
        private readonly HashSet<string>? _partyColumnSet;
        private KeyValuePair<string, object>[] _partyColumns = new KeyValuePair<string, object>[4];
        // The table of the last row checked, its columns, and the columns that row (and the last party) was found to
        // have, by position. The rows of a table come with the same columns in the same order as a rule, and with the
        // same name instances (constants, or names pooled as records are read), so most columns are known by reference.
        private string? _checkedTable;
        private HashSet<string>? _checkedTableColumns;
        private string?[] _checkedColumns = Array.Empty<string?>();
        private string?[] _checkedPartyColumns = Array.Empty<string?>();

        public SchemaCheck(OrganisationSchema? schema)
        {
            _schema = schema;
            _partyColumnSet = schema?.ColumnSetOf(ActivityNames.Party);
        }

        public OrganisationSchema? Schema => _schema;

        public void Table(string table)
        {
            if (_schema != null && !_schema.HasTable(table))
            {
                throw DataverseFault.NoTable(table);
            }
        }

        public void Column(string table, string column)
        {
            bool known = _schema != null ? _schema.HasColumn(table, column)
                : table != ActivityNames.Pointer || ActivityNames.PointerColumns.Contains(column);
            if (!known)
            {
                throw DataverseFault.NoColumn(table, column);
            }
        }

        public void Columns(string table, IEnumerable<string> columns)
        {
            foreach (var column in columns)
            {
                Column(table, column);
            }
        }

        // A row to write: its table, its columns (in the entity's order), and the activityparty rows of its party lists.
        public void Row(string table, ReadOnlySpan<KeyValuePair<string, object>> attributes)
        {
            if (_schema == null)
            {
                return;
            }

            if (!ReferenceEquals(table, _checkedTable))
            {
                _checkedTableColumns = _schema.ColumnSetOf(table) ?? throw DataverseFault.NoTable(table);
                _checkedTable = table;
                Array.Clear(_checkedColumns);
            }

            Fit(ref _checkedColumns, attributes.Length);
            for (int position = 0; position < attributes.Length; position++)
            {
                var attribute = attributes[position];
                Known(_checkedColumns, _checkedTableColumns!, table, position, attribute.Key);

                if (attribute.Value is EntityCollection parties && ParticipationType.ByPartyListColumn.ContainsKey(attribute.Key))
                {
                    var entities = parties.Entities;
                    for (int i = 0; i < entities.Count; i++)
                    {
                        var partyColumns = EntityColumns.Of(entities[i], ref _partyColumns);
                        Fit(ref _checkedPartyColumns, partyColumns.Length);
                        for (int partyPosition = 0; partyPosition < partyColumns.Length; partyPosition++)
                        {
                            Known(_checkedPartyColumns, _partyColumnSet!, ActivityNames.Party, partyPosition, partyColumns[partyPosition].Key);
                        }
                    }
                }
            }
        }

        // Fails unless the table has the column; the column found at the same position of the previous row is not looked up again.
        private static void Known(string?[] checkedColumns, HashSet<string> columns, string table, int position, string column)
        {
            if (ReferenceEquals(checkedColumns[position], column))
            {
                return;
            }

            if (!columns.Contains(column))
            {
                throw DataverseFault.NoColumn(table, column);
            }

            checkedColumns[position] = column;
        }

        private static void Fit(ref string?[] checkedColumns, int columns)
        {
            if (checkedColumns.Length < columns)
            {
                Array.Resize(ref checkedColumns, columns);
            }
        }
    }
}
