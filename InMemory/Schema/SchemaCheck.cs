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
        private KeyValuePair<string, object>[] _partyColumns = new KeyValuePair<string, object>[4];

        public SchemaCheck(OrganisationSchema? schema)
        {
            _schema = schema;
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
            Table(table);
            if (_schema == null)
            {
                return;
            }

            var columns = _schema.ColumnSetOf(table)!;
            foreach (var attribute in attributes)
            {
                if (!columns.Contains(attribute.Key))
                {
                    throw DataverseFault.NoColumn(table, attribute.Key);
                }

                if (attribute.Value is EntityCollection parties && ParticipationType.ByPartyListColumn.ContainsKey(attribute.Key))
                {
                    var entities = parties.Entities;
                    for (int i = 0; i < entities.Count; i++)
                    {
                        foreach (var partyColumn in EntityColumns.Of(entities[i], ref _partyColumns))
                        {
                            Column(ActivityNames.Party, partyColumn.Key);
                        }
                    }
                }
            }
        }
    }
}
