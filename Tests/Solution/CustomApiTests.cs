using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using LoyaltyHealth.Pack;
using LoyaltyHealth.Plugins;
using LoyaltyHealth.Plugins.Framework;
using LoyaltyHealth.Plugins.Schema;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Solution
{
    /// <summary>The two Custom APIs, in the folder layout and shape of Microsoft's "Create a custom API with solution files".</summary>
    public class CustomApiTests
    {
        private const int Integer = 7;
        private const int String = 10;

        private static string Folder(string api) => $"{SolutionLayout.CustomApis}/{api}";

        private static XElement Api(string api) => SolutionSource.Xml($"{Folder(api)}/{SolutionLayout.CustomApiFile}");

        private static IEnumerable<(string File, XElement Root)> Parts(string api, string folder, string file) =>
            SolutionSource.Files($"{Folder(api)}/{folder}", file).Select(f => (f, SolutionSource.Xml(f)));

        [TestCase(CustomApiNames.RecalculateAccount, "", TestName = "Recalculating one account needs no privilege: the plugin checks the caller may read the account")]
        [TestCase(CustomApiNames.RecalculateStale, "prvCreateloy_rescorerequest", TestName = "An organisation-wide rescore needs the create privilege of loy_rescorerequest")]
        public void The_custom_api_demands_exactly_its_privilege(string api, string privilege)
        {
            Assert.That(Api(api).Element("executeprivilegename")?.Value, Is.EqualTo(privilege),
                $"{Folder(api)}/{SolutionLayout.CustomApiFile}: <executeprivilegename>");
        }

        private static IEnumerable<(string Role, string Privilege, string Level)> Grants() =>
            SolutionSource.Files(SolutionLayout.Roles, "*.xml").Select(SolutionSource.Xml).SelectMany(role => role.Descendants("RolePrivilege")
                .Select(p => ((string)role.Attribute("name")!, (string)p.Attribute("name")!, (string)p.Attribute("level")!)));

        [Test]
        public void The_rescore_privilege_belongs_to_a_table_the_solution_ships_and_only_the_administrator_role_grants_it_organisation_wide()
        {
            var table = SolutionSource.Xml($"{SolutionLayout.Entities}/{CustomApiNames.RescoreRequestTable}/Entity.xml").Element("EntityInfo")?.Element("entity");
            Assert.Multiple(() =>
            {
                Assert.That((string?)table?.Attribute("Name"), Is.EqualTo(CustomApiNames.RescoreRequestTable), "Dataverse creates prvCreate<table> only for a table that exists");
                Assert.That(CustomApiNames.RecalculateStalePrivilege, Is.EqualTo("prvCreate" + CustomApiNames.RescoreRequestTable));
                Assert.That(Grants().Where(g => g.Privilege == CustomApiNames.RecalculateStalePrivilege),
                    Is.EqualTo(new[] { ("Loyalty Health Administrator", CustomApiNames.RecalculateStalePrivilege, "Global") }));
                Assert.That(Grants().Where(g => g.Privilege.EndsWith("EnvironmentVariableValue")), Is.Empty, "no role the solution ships touches the policy");
            });
        }

        [TestCase(CustomApiNames.RecalculateAccount, typeof(RecalculateAccountHealthApi), 1, AccountSchema.EntityName)]
        [TestCase(CustomApiNames.RecalculateStale, typeof(RecalculateStaleAccountsApi), 0, "")]
        public void The_custom_api_is_bound_as_its_plugin_expects_and_runs_that_plugin(string api, System.Type plugin, int binding, string table)
        {
            var file = $"{Folder(api)}/{SolutionLayout.CustomApiFile}";
            var root = Api(api);
            var declared = SolutionModel.Declared().Single(d => d.Plugin == plugin).Step;
            Assert.Multiple(() =>
            {
                Assert.That(DocumentedShape.CustomApi.Problems(file, root), Is.Empty);
                Assert.That((string?)root.Attribute("uniquename"), Is.EqualTo(api), $"{file}: uniquename");
                Assert.That(root.Element("name")?.Value, Is.EqualTo(api), $"{file}: <name>");
                Assert.That(root.Element("bindingtype")?.Value, Is.EqualTo(binding.ToString()), $"{file}: <bindingtype>");
                Assert.That(root.Element("boundentitylogicalname")?.Value, Is.EqualTo(table), $"{file}: <boundentitylogicalname>");
                Assert.That(declared.Message, Is.EqualTo(api), $"{plugin.Name} is registered on a different message");
                Assert.That(declared.Table ?? "", Is.EqualTo(table), $"{plugin.Name} expects a different binding");
                Assert.That(declared.Stage, Is.EqualTo(PluginStage.MainOperation));
                var key = root.Element("plugintypeid")?.Element("plugintypeexportkey")?.Value ?? "(none)";
                Assert.That(SolutionModel.PackageIndex.Find(key)?.TypeFullName, Is.EqualTo(plugin.FullName),
                    $"{file}: <plugintypeexportkey> must resolve to {plugin.Name} in the net462 plugin package");
            });
        }

        [TestCase(CustomApiNames.RecalculateAccount)]
        [TestCase(CustomApiNames.RecalculateStale)]
        public void The_unique_name_carries_the_publisher_prefix(string api)
        {
            Assert.That(api, Does.StartWith(SolutionSource.Packed.Manifest.PublisherPrefix + "_"), "a Custom API's unique name must start with the publisher's prefix");
        }

        private static IEnumerable<TestCaseData> Parameters()
        {
            yield return new TestCaseData(CustomApiNames.RecalculateAccount, new (string, int, bool)[0],
                new[] { (CustomApiNames.OutcomeOutput, String), (CustomApiNames.BandOutput, String), (CustomApiNames.OverallOutput, Integer) })
                .SetName("loy_RecalculateAccountHealth: no inputs; Outcome, HealthBand, OverallHealth");
            yield return new TestCaseData(CustomApiNames.RecalculateStale,
                new[] { (CustomApiNames.MaxAgeHoursInput, Integer, false), (CustomApiNames.TimeBudgetSecondsInput, Integer, true) },
                new[] { (CustomApiNames.RecalculatedOutput, Integer), (CustomApiNames.RemainingOutput, Integer), (CustomApiNames.FailedOutput, Integer) })
                .SetName("loy_RecalculateStaleAccountHealth: MaxAgeHours, TimeBudgetSeconds; Recalculated, Remaining, Failed");
        }

        [TestCaseSource(nameof(Parameters))]
        public void The_custom_api_has_exactly_the_parameters_its_plugin_reads_and_writes(string api, (string Name, int Type, bool Optional)[] inputs, (string Name, int Type)[] outputs)
        {
            var requests = Parts(api, SolutionLayout.RequestParameters, SolutionLayout.RequestParameterFile).ToList();
            var responses = Parts(api, SolutionLayout.ResponseProperties, SolutionLayout.ResponsePropertyFile).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(requests.Select(r => (string?)r.Root.Attribute("uniquename")), Is.EquivalentTo(inputs.Select(i => i.Name)), $"{Folder(api)}: request parameters");
                Assert.That(responses.Select(r => (string?)r.Root.Attribute("uniquename")), Is.EquivalentTo(outputs.Select(o => o.Name)), $"{Folder(api)}: response properties");
                foreach (var (file, root) in requests)
                {
                    Assert.That(DocumentedShape.RequestParameter.Problems(file, root), Is.Empty);
                    var input = inputs.FirstOrDefault(i => i.Name == (string?)root.Attribute("uniquename"));
                    Assert.That(root.Element("type")?.Value, Is.EqualTo(input.Type.ToString()), $"{file}: <type>");
                    Assert.That(root.Element("isoptional")?.Value, Is.EqualTo(input.Optional ? "1" : "0"), $"{file}: <isoptional>");
                    Assert.That(root.Element("name")?.Value, Is.EqualTo($"{api}.{input.Name}"), $"{file}: <name>");
                }
                foreach (var (file, root) in responses)
                {
                    Assert.That(DocumentedShape.ResponseProperty.Problems(file, root), Is.Empty);
                    var output = outputs.FirstOrDefault(o => o.Name == (string?)root.Attribute("uniquename"));
                    Assert.That(root.Element("type")?.Value, Is.EqualTo(output.Type.ToString()), $"{file}: <type>");
                    Assert.That(root.Element("name")?.Value, Is.EqualTo($"{api}.{output.Name}"), $"{file}: <name>");
                }
            });
        }

        [Test]
        public void Every_custom_api_folder_is_one_the_plugins_implement_or_a_business_event_they_raise()
        {
            var folders = SolutionSource.Files(SolutionLayout.CustomApis, SolutionLayout.CustomApiFile).Select(f => f.Split('/')[1]);
            Assert.That(folders, Is.EquivalentTo(new[] { CustomApiNames.RecalculateAccount, CustomApiNames.RecalculateStale }.Concat(BusinessEventNames.All)));
        }

        [Test]
        public void The_shape_check_rejects_isoptional_on_a_response_property()
        {
            var broken = XElement.Parse("<customapiresponseproperty uniquename='X'><description/><displayname/><iscustomizable>1</iscustomizable><isoptional>0</isoptional>"
                + "<logicalentityname/><name>a.X</name><type>10</type></customapiresponseproperty>");

            Assert.That(DocumentedShape.ResponseProperty.Problems("x.xml", broken), Has.Some.Contains("isoptional"));
        }
    }
}
