using System;
using System.Collections.Generic;
using LoyaltyHealth.InMemory.Schema;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.InMemory
{
    /// <summary>
    /// A row a Create's Target carries in <c>RelatedEntities</c> (a deep insert), with the one-to-many
    /// relationship that links it to the Target.
    /// </summary>
    public sealed record RelatedRow(SolutionRelationship Relationship, Entity Row)
    {
        /// <summary>The row to create once the Target exists: a copy whose lookup column points at it, keeping its own related rows.</summary>
        public Entity LinkedTo(Guid targetId)
        {
            var linked = new Entity(Row.LogicalName, Row.Id) { RowVersion = Row.RowVersion };
            foreach (var pair in Row.Attributes) linked.Attributes[pair.Key] = pair.Value;
            foreach (var pair in Row.RelatedEntities) linked.RelatedEntities[pair.Key] = pair.Value;
            linked.Attributes[Relationship.ReferencingColumn] = new EntityReference(Relationship.ReferencedTable, targetId);
            return linked;
        }

        /// <summary>
        /// The related rows of <paramref name="target"/>, checked as a whole before anything is written: each
        /// relationship must be a one-to-many relationship of the schema whose "one" side is the Target's
        /// table, and each row must be of its "many" side. Empty when the Target carries none.
        /// </summary>
        internal static IReadOnlyList<RelatedRow> Of(Entity target, OrganisationSchema? schema)
        {
            var rows = new List<RelatedRow>();
            foreach (var pair in target.RelatedEntities)
            {
                var name = pair.Key?.SchemaName;
                var relationship = name == null ? null : schema?.Relationship(name);
                if (relationship == null)
                {
                    throw DataverseFault.InvalidArgument(
                        $"Create of '{target.LogicalName}': RelatedEntities names the relationship '{name}', which is not a one-to-many relationship of this organisation.");
                }

                if (relationship.ReferencedTable != target.LogicalName)
                {
                    throw DataverseFault.InvalidArgument(
                        $"Create of '{target.LogicalName}': the relationship '{name}' relates '{relationship.ReferencingTable}' rows to a '{relationship.ReferencedTable}', not to a '{target.LogicalName}'.");
                }

                foreach (var row in pair.Value?.Entities ?? throw DataverseFault.InvalidArgument($"Create of '{target.LogicalName}': the rows of the relationship '{name}' are missing."))
                {
                    if (row?.LogicalName != relationship.ReferencingTable)
                    {
                        throw DataverseFault.InvalidArgument(
                            $"Create of '{target.LogicalName}': the relationship '{name}' creates '{relationship.ReferencingTable}' rows, not '{row?.LogicalName}'.");
                    }

                    rows.Add(new RelatedRow(relationship, row));
                }
            }

            return rows;
        }
    }
}
