using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using LoyaltyHealth.Pack;
using LoyaltyHealth.Plugins.Schema;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Solution
{
    /// <summary>
    /// The daily stale refresh, a solution cloud flow stored as current exports store one
    /// (juergenbeck/D365TestCenter solution/src/Workflows/: &lt;Name&gt;-&lt;GUID&gt;.json and .json.data.xml,
    /// root component type 29), held to the solution's own Custom API, connection reference and environment variables.
    /// </summary>
    public class CloudFlowTests
    {
        private const string DataverseApi = "shared_commondataserviceforapps";
        private static readonly string[] Settings = { "loy_RefreshHourUtc", "loy_RefreshMaxAgeHours", "loy_RefreshTimeBudgetSeconds" };

        private static string Record => SolutionSource.Files(SolutionLayout.Workflows, "*" + SolutionLayout.WorkflowDataSuffix).Single();

        private static string JsonFile => Record[..^SolutionLayout.WorkflowDataSuffix.Length] + ".json";

        private static JObject Flow => JObject.Parse(File.ReadAllText(Path.Combine(SolutionSource.Folder, JsonFile)));

        private static JObject Definition => (JObject)Flow["properties"]!["definition"]!;

        /// <summary>Every action, nested ones (inside the Until) included, by name.</summary>
        private static Dictionary<string, JObject> Actions()
        {
            var all = new Dictionary<string, JObject>();
            void Walk(JObject? actions)
            {
                foreach (var property in actions?.Properties() ?? Enumerable.Empty<JProperty>())
                {
                    all.Add(property.Name, (JObject)property.Value);
                    Walk(property.Value["actions"] as JObject);
                }
            }
            Walk(Definition["actions"] as JObject);
            return all;
        }

        private static string ParameterName(string schemaName) =>
            ((JObject)Definition["parameters"]!).Properties().Single(p => (string?)p.Value["metadata"]?["schemaName"] == schemaName).Name;

        private static JObject Call => Actions().Values.Single(a => (string?)a["inputs"]?["host"]?["operationId"] == "PerformUnboundAction");

        [Test]
        public void The_flow_is_one_json_definition_beside_its_record_named_by_the_flows_id()
        {
            var record = SolutionSource.Xml(Record);
            var id = (string?)record.Attribute("WorkflowId");
            Assert.Multiple(() =>
            {
                Assert.That(() => Flow, Throws.Nothing, $"{JsonFile} is JSON");
                Assert.That(record.Element("JsonFileName")?.Value, Is.EqualTo("/" + JsonFile));
                Assert.That(Record, Does.EndWith("-" + id!.Trim('{', '}').ToUpperInvariant() + SolutionLayout.WorkflowDataSuffix));
                Assert.That(record.Element("Category")?.Value, Is.EqualTo("5"), "category 5: a modern flow");
                Assert.That(record.Element("Type")?.Value, Is.EqualTo("1"), "a definition");
                Assert.That(record.Element("PrimaryEntity")?.Value, Is.EqualTo("none"));
                Assert.That(SolutionSource.Xml(SolutionLayout.SolutionFile).Descendants("RootComponent")
                    .Where(r => (string?)r.Attribute("type") == "29").Select(r => (string?)r.Attribute("id")), Is.EqualTo(new[] { id }), "the flow is a root component of type 29");
            });
        }

        [Test]
        public void It_runs_once_a_day_at_the_configured_hour()
        {
            var trigger = ((JObject)Definition["triggers"]!).Properties().Single().Value;
            Assert.Multiple(() =>
            {
                Assert.That((string?)trigger["type"], Is.EqualTo("Recurrence"));
                Assert.That((string?)trigger["recurrence"]?["frequency"], Is.EqualTo("Hour"));
                Assert.That((int?)trigger["recurrence"]?["interval"], Is.EqualTo(1));
                Assert.That((string?)trigger["recurrence"]?["timeZone"], Is.EqualTo("UTC"));
                Assert.That((string?)trigger["conditions"]?.Single()["expression"], Does.Contain($"parameters('{ParameterName("loy_RefreshHourUtc")}')").And.Contain("utcNow()"),
                    "a trigger condition lets exactly one hourly occurrence a day start a run; the others leave no run");
                Assert.That((int?)trigger["runtimeConfiguration"]?["concurrency"]?["runs"], Is.EqualTo(1), "never two refreshes at once");
            });
        }

        [Test]
        public void It_calls_the_solutions_stale_accounts_api_with_exactly_its_request_parameters()
        {
            var inputs = (JObject)Call["inputs"]!["parameters"]!;
            var api = $"{SolutionLayout.CustomApis}/{CustomApiNames.RecalculateStale}";
            var requests = SolutionSource.Files($"{api}/{SolutionLayout.RequestParameters}", SolutionLayout.RequestParameterFile)
                .Select(f => (string?)SolutionSource.Xml(f).Attribute("uniquename"));
            Assert.Multiple(() =>
            {
                Assert.That((string?)inputs["actionName"], Is.EqualTo(CustomApiNames.RecalculateStale));
                Assert.That(SolutionSource.Xml($"{api}/{SolutionLayout.CustomApiFile}").Element("bindingtype")?.Value, Is.EqualTo("0"), "PerformUnboundAction needs an unbound API");
                Assert.That(inputs.Properties().Where(p => p.Name.StartsWith("item/")).Select(p => p.Name["item/".Length..]), Is.EquivalentTo(requests));
                Assert.That((string?)inputs["item/" + CustomApiNames.MaxAgeHoursInput], Is.EqualTo($"@parameters('{ParameterName("loy_RefreshMaxAgeHours")}')"));
                Assert.That((string?)inputs["item/" + CustomApiNames.TimeBudgetSecondsInput], Is.EqualTo($"@parameters('{ParameterName("loy_RefreshTimeBudgetSeconds")}')"));
            });
        }

        [Test]
        public void It_calls_again_until_nothing_remains_reads_only_the_apis_response_properties_and_stops_on_an_error()
        {
            var actions = Actions();
            var callName = actions.Single(a => (string?)a.Value["inputs"]?["host"]?["operationId"] == "PerformUnboundAction").Key;
            var loop = actions.Values.Single(a => (string?)a["type"] == "Until");
            var responses = SolutionSource.Files($"{SolutionLayout.CustomApis}/{CustomApiNames.RecalculateStale}/{SolutionLayout.ResponseProperties}", SolutionLayout.ResponsePropertyFile)
                .Select(f => (string?)SolutionSource.Xml(f).Attribute("uniquename")).ToList();
            var read = System.Text.RegularExpressions.Regex.Matches(Flow.ToString(), $@"outputs\('{callName}'\)\?\['body/(\w+)'\]").Select(m => m.Groups[1].Value).Distinct();
            var stop = actions.Values.Single(a => (string?)a["type"] == "Terminate");
            Assert.Multiple(() =>
            {
                Assert.That(((JObject)loop["actions"]!).Properties().Select(p => p.Name), Has.Member(callName), "the call is inside the loop");
                Assert.That((string?)loop["expression"], Is.EqualTo("@equals(variables('Remaining'), 0)"));
                Assert.That(read, Is.SubsetOf(responses).And.Member(CustomApiNames.RemainingOutput));
                Assert.That(stop["runAfter"]?[callName]?.Select(s => (string?)s), Is.EquivalentTo(new[] { "Failed", "TimedOut" }));
                Assert.That((string?)stop["inputs"]?["runStatus"], Is.EqualTo("Failed"), "an error ends the run as failed, with the API's error in the run history");
            });
        }

        [Test]
        public void Its_connection_reference_is_the_solutions_one_for_the_dataverse_connector()
        {
            var reference = Flow["properties"]!["connectionReferences"]![DataverseApi]!;
            var name = (string?)reference["connection"]?["connectionReferenceLogicalName"];
            var shipped = SolutionSource.Xml(SolutionLayout.CustomizationsFile).Element("connectionreferences")?.Elements("connectionreference").ToList() ?? new List<XElement>();
            Assert.Multiple(() =>
            {
                Assert.That((string?)reference["api"]?["name"], Is.EqualTo(DataverseApi));
                Assert.That((string?)Call["inputs"]!["host"]!["connectionName"], Is.EqualTo(DataverseApi));
                Assert.That(shipped.Select(c => (string?)c.Attribute("connectionreferencelogicalname")), Is.EqualTo(new[] { name }));
                Assert.That(shipped.Single().Element("connectorid")?.Value, Is.EqualTo("/providers/Microsoft.PowerApps/apis/" + DataverseApi));
                Assert.That(name, Does.StartWith(SolutionSource.Packed.Manifest.PublisherPrefix + "_"));
            });
        }

        [Test]
        public void Its_settings_are_the_solutions_number_variables_with_the_same_defaults()
        {
            var parameters = ((JObject)Definition["parameters"]!).Properties().Where(p => p.Value["metadata"]?["schemaName"] is not null).ToList();
            Assert.That(parameters.Select(p => (string?)p.Value["metadata"]!["schemaName"]), Is.EquivalentTo(Settings));
            Assert.Multiple(() =>
            {
                foreach (var parameter in parameters)
                {
                    var schemaName = (string)parameter.Value["metadata"]!["schemaName"]!;
                    var file = $"{SolutionLayout.EnvironmentVariables}/{schemaName}/{SolutionLayout.EnvironmentVariableFile}";
                    var variable = SolutionSource.Xml(file);
                    Assert.That(DocumentedShape.EnvironmentVariable.Problems(file, variable), Is.Empty);
                    Assert.That(variable.Element("type")?.Value, Is.EqualTo("100000001"), $"{file}: a Number");
                    Assert.That((string?)parameter.Value["type"], Is.EqualTo("Int"));
                    Assert.That(variable.Element("defaultvalue")?.Value, Is.EqualTo(parameter.Value["defaultValue"]!.ToString()), $"{file}: the flow's default is the variable's");
                    Assert.That(parameter.Name, Does.EndWith($"({schemaName})"), "the parameter name flows give an environment variable");
                    Assert.That(SolutionSource.Xml(SolutionLayout.SolutionFile).Descendants("RootComponent")
                        .Any(r => (string?)r.Attribute("type") == "380" && (string?)r.Attribute("schemaName") == schemaName), $"{schemaName} is a root component");
                }
                var budget = (int)parameters.Single(p => (string?)p.Value["metadata"]!["schemaName"] == "loy_RefreshTimeBudgetSeconds").Value["defaultValue"]!;
                Assert.That(budget, Is.InRange(1, CustomApiNames.MaximumTimeBudgetSeconds), "the default budget is one the API accepts");
                var hour = (int)parameters.Single(p => (string?)p.Value["metadata"]!["schemaName"] == "loy_RefreshHourUtc").Value["defaultValue"]!;
                Assert.That(hour, Is.InRange(0, 23));
            });
        }

        [Test]
        public void The_packed_zip_carries_the_flow_its_record_and_its_connection_reference()
        {
            var customizations = SolutionSource.PackedXml(SolutionLayout.PackedCustomizations);
            Assert.Multiple(() =>
            {
                Assert.That(SolutionSource.Packed.Entry(JsonFile), Is.EqualTo(File.ReadAllBytes(Path.Combine(SolutionSource.Folder, JsonFile))), "the definition byte for byte");
                Assert.That(customizations.Element("Workflows")?.Elements("Workflow").Select(w => w.Element("JsonFileName")?.Value), Is.EqualTo(new[] { "/" + JsonFile }));
                Assert.That(customizations.Element("connectionreferences")?.Elements("connectionreference").Count(), Is.EqualTo(1));
                foreach (var setting in Settings)
                    Assert.That(SolutionSource.Packed.Entries.Select(e => e.Key), Has.Member($"{SolutionLayout.EnvironmentVariables}/{setting}/{SolutionLayout.EnvironmentVariableFile}"));
            });
        }
    }
}
