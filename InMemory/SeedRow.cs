using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.InMemory
{
    /// <summary>
    /// A row built only to be seeded (<see cref="InMemoryOrganizationService.SeedHandedOver"/>): its table, id and
    /// columns, as an entity would carry them (a party list as an <see cref="EntityCollection"/> of activityparty
    /// entities), without the entity: a replay seeds millions of rows read back from a staging file, and an entity
    /// holds its columns in a dictionary built only to be copied out again.
    /// </summary>
    public readonly record struct SeedRow(string Table, Guid Id, KeyValuePair<string, object>[] Columns)
    {
        /// <summary>The row as an entity, for the few readers that need one; its values are the row's own, not copies.</summary>
        public Entity ToEntity()
        {
            var entity = new Entity(Table, Id);
            entity.Attributes.AddRange(Columns);
            return entity;
        }
    }
}
