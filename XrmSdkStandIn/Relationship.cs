using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    public sealed class Relationship : IExtensibleDataObject
    {
        public Relationship()
        {
        }

        public Relationship(string schemaName)
        {
            SchemaName = schemaName;
        }

        public string SchemaName { get; set; }

        public EntityRole? PrimaryEntityRole { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }

        // Schema names compare case-sensitively, and the role takes part.
        public override bool Equals(object obj) =>
            obj is Relationship other
            && string.Equals(SchemaName, other.SchemaName, StringComparison.Ordinal)
            && PrimaryEntityRole == other.PrimaryEntityRole;

        public override int GetHashCode() =>
            (SchemaName ?? string.Empty).GetHashCode() ^ (PrimaryEntityRole.HasValue ? (int)PrimaryEntityRole.Value + 1 : 0);

        // "schema." without a role, "schema.Referenced" with one: the official format.
        public override string ToString() => SchemaName + "." + PrimaryEntityRole;
    }
}
