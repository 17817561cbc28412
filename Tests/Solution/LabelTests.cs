using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using LoyaltyHealth.Pack;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Solution
{
    /// <summary>
    /// Everything users see is labelled in English (1033), German (1031), Dutch (1043), Danish (1030) and
    /// Finnish (1035): in solution/ and in the customizations.xml and solution.xml of the zip in dist/.
    /// </summary>
    public class LabelTests
    {
        public static readonly string[] Languages = { "1033", "1031", "1043", "1030", "1035" };

        private const string English = "1033";

        /// <summary>
        /// Labels that are rightly the same as the English one: the product's name, and words the trade uses
        /// unchanged in that language (Dynamics' own Dutch calls the account table "Account"; "Service",
        /// "Status" and "Video" are Dutch, Danish and German words; "Open" is Dutch, "Normal"/"Neutral" Danish
        /// and German, "Details" and "Name" German).
        /// </summary>
        private static readonly Dictionary<string, string[]> SameAsEnglish = new()
        {
            ["Loyalty Health"] = new[] { "1031", "1043", "1030", "1035" },
            ["Service"] = new[] { "1031", "1043", "1030" },
            ["Status"] = new[] { "1031", "1043", "1030" },
            ["Video"] = new[] { "1031", "1043", "1030" },
            ["Account"] = new[] { "1043" },
            ["Accounts"] = new[] { "1043" },
            ["Open"] = new[] { "1043" },
            ["Normal"] = new[] { "1031", "1030" },
            ["Neutral"] = new[] { "1031", "1030" },
            ["Details"] = new[] { "1031" },
            ["Name"] = new[] { "1031" },
        };

        /// <summary>Elements that hold labels (LocalizedNames, Descriptions, displaynames, labels, …): their children carry a languagecode.</summary>
        internal static IEnumerable<XElement> LabelGroups(XElement root) =>
            root.DescendantsAndSelf().Where(e => e.Elements().Any(c => c.Attribute("languagecode") is not null));

        /// <summary>What is wrong with the labels under <paramref name="root"/>, one line each, prefixed by <paramref name="where"/>.</summary>
        internal static IEnumerable<string> Problems(XElement root, string where)
        {
            foreach (var group in LabelGroups(root))
            {
                var labels = group.Elements().Where(c => c.Attribute("languagecode") is not null).ToList();
                var place = $"{where}: <{group.Name.LocalName}>{SolutionSource.Line(group)} in <{group.Parent?.Name.LocalName}>";
                var codes = labels.Select(l => (string)l.Attribute("languagecode")!).ToList();
                if (!codes.OrderBy(c => c).SequenceEqual(Languages.OrderBy(c => c)))
                    yield return $"{place} has languages {string.Join(", ", codes)}, not {string.Join(", ", Languages)}";
                var english = (string?)labels.FirstOrDefault(l => (string?)l.Attribute("languagecode") == English)?.Attribute("description");
                foreach (var label in labels)
                {
                    var code = (string)label.Attribute("languagecode")!;
                    var text = (string?)label.Attribute("description");
                    if (string.IsNullOrWhiteSpace(text))
                        yield return $"{place}: the {code} label is empty";
                    else if (code != English && text == english && !(SameAsEnglish.TryGetValue(text, out var allowed) && allowed.Contains(code)))
                        yield return $"{place}: the {code} label is the English \"{text}\"";
                }
            }
        }

        /// <summary>The XML files of the zip in dist/ that carry labels.</summary>
        private static IEnumerable<(string Entry, XElement Root)> Shipped()
        {
            using var zip = new ZipArchive(new MemoryStream(SolutionSource.DistZip));
            foreach (var name in new[] { SolutionLayout.PackedCustomizations, SolutionLayout.PackedSolution })
            {
                using var stream = zip.GetEntry(name)!.Open();
                yield return (name, XDocument.Load(stream, LoadOptions.SetLineInfo).Root!);
            }
        }

        [Test]
        public void Every_label_in_solution_exists_in_all_five_languages_and_is_neither_empty_nor_the_english()
        {
            var files = SolutionSource.AllXml();
            Assert.That(files.Sum(x => LabelGroups(x.Root).Count()), Is.GreaterThan(700), "the check found suspiciously few labels");
            Assert.That(files.SelectMany(x => Problems(x.Root, x.File)), Is.Empty);
        }

        [Test]
        public void Every_label_that_ships_in_dist_exists_in_all_five_languages_and_is_neither_empty_nor_the_english()
        {
            var shipped = Shipped().ToList();
            Assert.That(shipped.Sum(x => LabelGroups(x.Root).Count()), Is.GreaterThan(700), "the check found suspiciously few labels");
            Assert.That(shipped.SelectMany(x => Problems(x.Root, "dist " + x.Entry)), Is.Empty);
        }

        public static IEnumerable<TestCaseData> Breakages()
        {
            yield return new TestCaseData("1035", null, "has languages 1033, 1031, 1043, 1030, not").SetName("A missing Finnish label is reported");
            yield return new TestCaseData("1043", "Overall health", "the 1043 label is the English \"Overall health\"").SetName("A Dutch label copied from the English is reported");
            yield return new TestCaseData("1030", " ", "the 1030 label is empty").SetName("An empty Danish label is reported");
        }

        [TestCaseSource(nameof(Breakages))]
        public void The_label_check_bites_on_a_broken_copy_of_the_shipped_customizations(string language, string? text, string expected)
        {
            var customizations = new XElement(Shipped().First().Root);
            Assert.That(Problems(customizations, "copy"), Is.Empty, "the unbroken copy passes");
            var overall = LabelGroups(customizations).First(g => g.Elements().Any(l => (string?)l.Attribute("description") == "Overall health"));
            var label = overall.Elements().Single(l => (string?)l.Attribute("languagecode") == language);
            if (text is null) label.Remove();
            else label.SetAttributeValue("description", text);
            Assert.That(string.Join("\n", Problems(customizations, "copy")), Does.Contain(expected));
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
        public void The_solution_declares_all_five_languages()
        {
            var source = SolutionSource.Xml(SolutionLayout.CustomizationsFile).Element("Languages")!.Elements("Language").Select(l => l.Value);
            var shipped = Shipped().First().Root.Element("Languages")!.Elements("Language").Select(l => l.Value);
            Assert.Multiple(() =>
            {
                Assert.That(source, Is.EquivalentTo(Languages), "Other/Customizations.xml: <Languages>");
                Assert.That(shipped, Is.EquivalentTo(Languages), "dist customizations.xml: <Languages>");
            });
        }
    }
}
