using System.Linq;
using LoyaltyHealth.Cli.Cmt;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Cmt
{
    /// <summary>An export the tool accepts imports into the local organisation: every table and column the catalogue knows is in its schema.</summary>
    public class CmtCatalogueSchemaTests
    {
        [Test]
        public void Every_column_the_catalogue_accepts_exists_in_the_organisation()
        {
            var schema = ProductSchema.Solution;
            var missing = CmtCatalogue.Tables
                .SelectMany(t => t.Fields.Select(f => (t.Name, f.Name)))
                .Where(c => !schema.HasColumn(c.Item1, c.Item2))
                .Select(c => $"{c.Item1}.{c.Item2}")
                .ToList();

            Assert.That(missing, Is.Empty, "add a real standard column to InMemory/Schema/StandardColumns; a misspelt one is a bug in the catalogue");
        }
    }
}
