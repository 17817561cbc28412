using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Solution
{
    /// <summary>Everything users see is labelled in English (1033) and German (1031).</summary>
    public class LabelTests
    {
        private static readonly string[] Languages = { "1033", "1031" };

        /// <summary>Elements that hold labels: their children carry a languagecode.</summary>
        private static IEnumerable<(string File, XElement Group)> LabelGroups() =>
            SolutionSource.AllXml().SelectMany(x => x.Root.DescendantsAndSelf()
                .Where(e => e.Elements().Any(c => c.Attribute("languagecode") is not null))
                .Select(e => (x.File, e)));

        [Test]
        public void Every_label_exists_in_english_and_german_and_is_not_empty()
        {
            var groups = LabelGroups().ToList();
            Assert.That(groups, Has.Count.GreaterThan(100), "the check found suspiciously few labels");
            Assert.Multiple(() =>
            {
                foreach (var (file, group) in groups)
                {
                    var labels = group.Elements().Where(c => c.Attribute("languagecode") is not null).ToList();
                    Assert.That(labels.Select(l => (string)l.Attribute("languagecode")!), Is.EquivalentTo(Languages),
                        $"{file}: <{group.Name.LocalName}>{SolutionSource.Line(group)} in <{group.Parent?.Name.LocalName}>");
                    Assert.That(labels.Where(l => string.IsNullOrWhiteSpace((string?)l.Attribute("description"))).Select(l => SolutionSource.Line(l)), Is.Empty,
                        $"{file}: empty label in <{group.Name.LocalName}>{SolutionSource.Line(group)}");
                }
            });
        }

        [Test]
        public void No_name_or_label_group_is_empty()
        {
            var groups = new[] { "displaynames", "LocalizedNames", "LocalizedCollectionNames", "labels" };
            // Custom API and environment variable files name their label groups displayname and description.
            var defaults = new[] { "displayname", "description" };
            var empty = SolutionSource.AllXml().SelectMany(x => x.Root.DescendantsAndSelf()
                .Where(e => !e.HasElements && (groups.Contains(e.Name.LocalName) || (defaults.Contains(e.Name.LocalName) && e.Attribute("languagecode") is null)))
                .Select(e => $"{x.File}: <{e.Name.LocalName}>{SolutionSource.Line(e)}"));
            Assert.That(empty, Is.Empty, "a name with no label shows as blank in every language");
        }

        [Test]
        public void The_solution_declares_both_languages()
        {
            var languages = SolutionSource.Xml("Other/Customizations.xml").Element("Languages")!.Elements("Language").Select(l => l.Value);
            Assert.That(languages, Is.EquivalentTo(Languages), "Other/Customizations.xml: <Languages>");
        }
    }
}
