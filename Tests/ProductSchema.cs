using LoyaltyHealth.InMemory.Schema;

namespace LoyaltyHealth.Tests
{
    /// <summary>
    /// The schema of the repository's solution, for every test that models the product: the in-memory
    /// organisation then fails on a misspelt table or column as Dataverse does, instead of matching nothing.
    /// </summary>
    internal static class ProductSchema
    {
        public static OrganisationSchema Solution => OrganisationSchema.FromSolution(RepositoryPaths.Solution);
    }
}
