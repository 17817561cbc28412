using LoyaltyHealth.InMemory;
using LoyaltyHealth.Pipeline.Execution;
using LoyaltyHealth.Pipeline.Registration;
using LoyaltyHealth.Plugins.Schema;

namespace LoyaltyHealth.Tests.Pipeline
{
    /// <summary>
    /// The product run locally as Dataverse would run it: an organisation with the solution's schema and its
    /// custom activity tables, and the pipeline with the plugins as the unpacked source ("solution folder")
    /// or the zip in dist/ ("dist zip") registers them.
    /// </summary>
    internal sealed class ProductOrganisation
    {
        public const string SolutionFolder = "solution folder";
        public const string DistZip = "dist zip";

        public readonly PipelineClock Clock = new();
        public readonly InMemoryOrganizationService Store;
        public readonly LocalPipeline Pipeline;

        public ProductOrganisation(string source = SolutionFolder)
        {
            Store = new InMemoryOrganizationService(() => Clock.UtcNow, ProductSchema.Solution);
            Store.RegisterActivityTable(ActivitySchema.ValueReport);
            Store.RegisterActivityTable(ActivitySchema.Perk);
            var registrations = source == DistZip
                ? System.IO.Path.Combine(Solution.SolutionSource.Dist, Solution.SolutionSource.Packed.ZipFileName)
                : RepositoryFolders.Solution;
            Pipeline = new LocalPipeline(Store, SolutionRegistrations.Load(registrations), Clock);
        }
    }
}
