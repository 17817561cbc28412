using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using LoyaltyHealth.Pack;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Solution
{
    /// <summary>
    /// Component ids are fixed in the source: unique, and carried into every pack unchanged, so importing
    /// a newer version updates the components instead of adding copies.
    /// </summary>
    public class GuidTests
    {
        private static readonly Regex GuidPattern = new(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

        /// <summary>Where an id defines a component (as opposed to referring to one).</summary>
        private static readonly (string Element, string? Attribute)[] Definitions =
        {
            ("SdkMessageProcessingStep", "SdkMessageProcessingStepId"), ("SdkMessageProcessingStepImageId", null), ("formid", null), ("savedqueryid", null), ("savedqueryvisualizationid", null), ("Role", "id"),
            ("tab", "id"), ("section", "id"), ("cell", "id"),
        };

        private static IEnumerable<(string File, Guid Id, string Where)> DefinedIds() =>
            SolutionSource.AllXml().SelectMany(x => x.Root.DescendantsAndSelf().SelectMany(e => Definitions
                .Where(d => d.Element == e.Name.LocalName)
                .Select(d => d.Attribute is null ? e.Value : (string?)e.Attribute(d.Attribute))
                .Where(v => v is not null)
                .Select(v => (x.File, Guid.Parse(v!.Trim('{', '}')), $"<{e.Name.LocalName}>{SolutionSource.Line(e)}"))));

        [Test]
        public void Every_defined_id_is_unique()
        {
            var ids = DefinedIds().ToList();
            Assert.That(ids, Has.Count.GreaterThan(50), "the check found suspiciously few ids");
            var duplicates = ids.GroupBy(i => i.Id).Where(g => g.Count() > 1).Select(g => $"{g.Key}: " + string.Join("; ", g.Select(i => $"{i.File} {i.Where}")));
            Assert.That(duplicates, Is.Empty);
        }

        [Test]
        public void Every_id_in_the_packed_customizations_comes_from_the_source()
        {
            var source = new HashSet<string>(SolutionSource.AllXml().SelectMany(x => GuidPattern.Matches(x.Root.ToString()).Select(m => m.Value.ToLowerInvariant())));
            var packed = GuidPattern.Matches(Encoding.UTF8.GetString(SolutionSource.Packed.Entry(SolutionLayout.PackedCustomizations)))
                .Select(m => m.Value.ToLowerInvariant()).Distinct().ToList();

            Assert.That(packed.Where(id => !source.Contains(id)), Is.Empty, "the pack must never invent an id");
        }

        [Test]
        public void Two_packs_carry_the_same_ids()
        {
            string Ids(PackedSolution packed) => string.Join(",", GuidPattern.Matches(Encoding.UTF8.GetString(packed.Entry(SolutionLayout.PackedCustomizations))).Select(m => m.Value));
            Assert.That(Ids(SolutionSource.Pack()), Is.EqualTo(Ids(SolutionSource.Packed)));
        }
    }
}
