using System;
using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.InMemory;
using LoyaltyHealth.InMemory.Schema;
using LoyaltyHealth.Pipeline.Execution;
using LoyaltyHealth.Pipeline.Registration;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Cli.Local
{
    /// <summary>
    /// A Dataverse organisation on this machine: the in-memory store, the solution's plugins in the local
    /// pipeline, the loyalty policy in its environment variable, and a clock the run controls. Records
    /// are written through the pipeline as a user would write them, so the plugins fire.
    /// </summary>
    public sealed class LocalOrganisation
    {
        private static readonly Guid PolicyDefinitionId = new("00000000-0000-0000-0000-00000000b011");

        public LocalOrganisation(string solutionFolder, DateTime start, LocalPipelineOptions? options = null)
            : this(SolutionRegistrations.Load(solutionFolder), OrganisationSchema.FromSolution(solutionFolder), start, options)
        {
        }

        /// <summary>An organisation over registrations and a schema loaded once, for the many small organisations of one run.</summary>
        public LocalOrganisation(SolutionRegistrations registrations, OrganisationSchema schema, DateTime start, LocalPipelineOptions? options = null)
        {
            Clock = new MovingClock(start);
            var ids = 0L;
            // Sequential ids keep a run reproducible: the same data gives the same follow-up task ids. The
            // solution's schema makes a misspelt column fail here as it would in Dataverse. The id is built from its
            // parts, with no array, since every row of every account's organisation takes one.
            Store = new InMemoryOrganizationService(() => Clock.UtcNow, () => new Guid(unchecked((int)++ids), 0, 0x5eed, 0, 0, 0, 0, 0, 0, 0, 0), schema);
            Store.RegisterActivityTable(ActivitySchema.ValueReport);
            Store.RegisterActivityTable(ActivitySchema.Perk);
            Pipeline = new LocalPipeline(Store, registrations, Clock, options);
        }

        public MovingClock Clock { get; }

        public InMemoryOrganizationService Store { get; }
        public LocalPipeline Pipeline { get; }
        public IOrganizationService Service => Pipeline.Service;

        /// <summary>Stores a policy document as the default value of the product's environment variable, through the pipeline (so the product's own validation runs).</summary>
        public void UsePolicy(string json) => Service.Create(PolicyDefinition(json));

        /// <summary>Stores a policy already checked by <see cref="UsePolicy"/> in another organisation of the run, as the environment holds it: no request.</summary>
        public void SeedPolicy(string json) => Store.Seed(PolicyDefinition(json));

        private static Entity PolicyDefinition(string json) =>
            new(EnvironmentVariableSchema.DefinitionEntityName, PolicyDefinitionId)
            {
                [EnvironmentVariableSchema.SchemaName] = EnvironmentVariableSchema.PolicySchemaName,
                [EnvironmentVariableSchema.DefaultValue] = json,
            };

        /// <summary>Creates a record as a user would; an export's createdon becomes the record's created-on date.</summary>
        public void Create(Entity record) => Service.Create(ForCreate(record));

        public void Update(Entity record) => Service.Update(record);

        public int RunSystemJobs(Action<int, int>? progress = null) => Pipeline.RunSystemJobs(progress);

        public bool CanRefreshStale => Pipeline.Registrations.CustomApi(CustomApiNames.RecalculateStale) is not null;

        /// <summary>
        /// What the product's scheduled flow does: calls the stale-account Custom API until no account
        /// scored more than <paramref name="maxAgeHours"/> ago is left, so scores decay when nothing happens.
        /// </summary>
        public int RefreshStale(int maxAgeHours)
        {
            var total = 0;
            while (true)
            {
                var request = new OrganizationRequest(CustomApiNames.RecalculateStale);
                request.Parameters[CustomApiNames.MaxAgeHoursInput] = maxAgeHours;
                var response = Service.Execute(request);
                var done = response.Results.TryGetValue(CustomApiNames.RecalculatedOutput, out var r) && r is int n ? n : 0;
                var remaining = response.Results.TryGetValue(CustomApiNames.RemainingOutput, out var left) && left is int m ? m : 0;
                total += done;
                RunSystemJobs();
                if (remaining == 0 || done == 0) return total;
            }
        }

        private static readonly string[] AuditColumns = { "createdon", "modifiedon" };

        private static Entity ForCreate(Entity record)
        {
            var copy = new Entity(record.LogicalName, record.Id);
            foreach (var pair in record.Attributes.Where(p => !AuditColumns.Contains(p.Key))) copy[pair.Key] = pair.Value;
            if (!copy.Contains("overriddencreatedon") && record.GetAttributeValue<DateTime?>("createdon") is { } created) copy["overriddencreatedon"] = created;
            return copy;
        }
    }
}
