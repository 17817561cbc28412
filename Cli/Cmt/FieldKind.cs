using System;
using System.Collections.Generic;

namespace LoyaltyHealth.Cli.Cmt
{
    /// <summary>How a column's value is written in data.xml, and which CMT schema types may describe it.</summary>
    public enum FieldKind
    {
        Id,
        Text,
        WholeNumber,
        Decimal,
        Money,
        Boolean,
        DateTime,
        Choice,
        State,
        Status,
        Lookup,
        PartyList,
    }

    public static class FieldKinds
    {
        /// <summary>The data_schema.xml type names that mean each kind (CMT writes several for lookups).</summary>
        public static IReadOnlyList<string> SchemaTypes(FieldKind kind) => kind switch
        {
            FieldKind.Id => new[] { "guid" },
            FieldKind.Text => new[] { "string", "memo" },
            FieldKind.WholeNumber => new[] { "number", "int", "bigint" },
            FieldKind.Decimal => new[] { "decimal", "float" },
            FieldKind.Money => new[] { "money" },
            FieldKind.Boolean => new[] { "bool" },
            FieldKind.DateTime => new[] { "datetime" },
            FieldKind.Choice => new[] { "optionsetvalue", "picklist" },
            FieldKind.State => new[] { "state", "optionsetvalue" },
            FieldKind.Status => new[] { "status", "optionsetvalue" },
            FieldKind.Lookup => new[] { "entityreference", "lookup", "customer", "owner" },
            FieldKind.PartyList => new[] { "partylist" },
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };

        /// <summary>The type this tool writes for a kind.</summary>
        public static string SchemaType(FieldKind kind) => kind switch
        {
            FieldKind.Choice => "optionsetvalue",
            FieldKind.Decimal => "decimal",
            _ => SchemaTypes(kind)[0],
        };
    }

    /// <summary>A column the tool knows: its logical name, display name, kind, and for lookups the tables it may point at.</summary>
    public sealed record KnownField(string Name, string DisplayName, FieldKind Kind, IReadOnlyList<string>? LookupTables = null);
}
