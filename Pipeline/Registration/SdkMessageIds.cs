using System;
using System.Collections.Generic;
using System.Linq;

namespace LoyaltyHealth.Pipeline.Registration
{
    /// <summary>
    /// The platform messages whose sdkmessageid is the same in every Dataverse environment, which is
    /// why an unpacked step file can name its message by id alone.
    /// </summary>
    public static class SdkMessageIds
    {
        private static readonly IReadOnlyDictionary<Guid, string> Names = new Dictionary<Guid, string>
        {
            [new Guid("8cbdbb1b-ea3e-db11-86a7-000a3a5473e8")] = "Assign",
            [new Guid("9ebdbb1b-ea3e-db11-86a7-000a3a5473e8")] = "Create",
            [new Guid("a1bdbb1b-ea3e-db11-86a7-000a3a5473e8")] = "Delete",
            [new Guid("f2bdbb1b-ea3e-db11-86a7-000a3a5473e8")] = "Retrieve",
            [new Guid("03bebb1b-ea3e-db11-86a7-000a3a5473e8")] = "RetrieveMultiple",
            [new Guid("1cbebb1b-ea3e-db11-86a7-000a3a5473e8")] = "SetState",
            [new Guid("20bebb1b-ea3e-db11-86a7-000a3a5473e8")] = "Update",
        };

        public static string? NameOf(Guid id) => Names.TryGetValue(id, out var name) ? name : null;

        public static Guid? IdOf(string message) =>
            Names.Where(n => string.Equals(n.Value, message, StringComparison.Ordinal)).Select(n => (Guid?)n.Key).FirstOrDefault();
    }
}
