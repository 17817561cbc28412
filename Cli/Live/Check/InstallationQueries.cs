using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Cli.Live.Check
{
    /// <summary>
    /// The FetchXML <c>check</c> sends, and how it reads what comes back. Tables and columns as the Dataverse
    /// table reference names them (solution, sdkmessageprocessingstep, workflow, asyncoperation,
    /// environmentvariabledefinition/value; learn.microsoft.com/power-apps/developer/data-platform/reference/entities).
    /// Columns outside the tool's export catalogue come back from the Web API as plain JSON numbers and strings.
    /// </summary>
    public static class InstallationQueries
    {
        public const string Solution = "solution";
        public const string Step = "sdkmessageprocessingstep";
        public const string Workflow = "workflow";
        public const string SystemJob = "asyncoperation";
        public const string StateCode = "statecode";
        public const string StatusCode = "statuscode";

        /// <summary>asyncoperation.statuscode Failed (statecode Completed; asyncoperation table reference, "System jobs").</summary>
        public const int SystemJobFailed = 31;

        /// <summary>workflow.statecode Activated: the flow is on (0 Draft is off, 2 Suspended; "Work with cloud flows using code", learn.microsoft.com/power-automate/manage-flows-with-code).</summary>
        public const int FlowActivated = 1;

        /// <summary>sdkmessageprocessingstep.statecode Enabled (1 is Disabled).</summary>
        public const int StepEnabled = 0;

        public static XElement Fetch(string table, IEnumerable<string> columns, params XElement?[] more) =>
            new("fetch", new XElement("entity", new XAttribute("name", table),
                columns.Select(c => new XElement("attribute", new XAttribute("name", c))), more));

        public static XElement Filter(params XElement[] conditions) => new("filter", new XAttribute("type", "and"), conditions);

        public static XElement Condition(string column, string op, string? value = null) =>
            new("condition", new XAttribute("attribute", column), new XAttribute("operator", op), value is null ? null : new XAttribute("value", value));

        public static XElement Order(string column, bool descending) =>
            new("order", new XAttribute("attribute", column), new XAttribute("descending", descending ? "true" : "false"));

        public static XElement In(string column, IEnumerable<string> values) =>
            new("condition", new XAttribute("attribute", column), new XAttribute("operator", "in"), values.Select(v => new XElement("value", v)));

        public static XElement Count(string table, string primaryId, XElement filter)
        {
            var fetch = Fetch(table, Array.Empty<string>(), new XElement("attribute", new XAttribute("name", primaryId), new XAttribute("aggregate", "count"), new XAttribute("alias", "n")), filter);
            fetch.SetAttributeValue("aggregate", "true");
            return fetch;
        }

        public static string Date(DateTime value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        /// <summary>A choice column, whether it arrived as a number (Web API) or an OptionSetValue (SDK).</summary>
        public static int? Choice(Entity row, string column) =>
            row.Attributes.TryGetValue(column, out var value) ? value switch { OptionSetValue o => o.Value, int n => n, _ => null } : null;

        public static DateTime? When(Entity row, string column) =>
            row.Attributes.TryGetValue(column, out var value) ? value switch { DateTime d => d, string s => ODataValues.Date(s), _ => null } : null;

        /// <summary>The number an aggregate count returns under its alias (an AliasedValue from the SDK, a number from the Web API).</summary>
        public static int Counted(Entity? row, string alias) =>
            row is not null && row.Attributes.TryGetValue(alias, out var value) ? value switch { AliasedValue a => Convert.ToInt32(a.Value, CultureInfo.InvariantCulture), int n => n, _ => 0 } : 0;

        public static Guid? Lookup(Entity row, string column) => row.GetAttributeValue<EntityReference>(column)?.Id;

        /// <summary>The variables' definitions with their current values: schema name → (default, value).</summary>
        public static XElement Definitions(IEnumerable<string> schemaNames) =>
            Fetch(EnvironmentVariableSchema.DefinitionEntityName, new[] { EnvironmentVariableSchema.DefinitionId, EnvironmentVariableSchema.SchemaName, EnvironmentVariableSchema.DefaultValue },
                Filter(In(EnvironmentVariableSchema.SchemaName, schemaNames)));

        public static XElement Values(IEnumerable<Guid> definitions) =>
            Fetch(EnvironmentVariableSchema.ValueEntityName, new[] { EnvironmentVariableSchema.Value, EnvironmentVariableSchema.DefinitionLookup },
                Filter(In(EnvironmentVariableSchema.DefinitionLookup, definitions.Select(d => d.ToString("D")))));
    }
}
