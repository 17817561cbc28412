using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using LoyaltyHealth.Cli.Cmt;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Cli.Live
{
    /// <summary>
    /// A Web API row (OData JSON, with <c>Prefer: odata.include-annotations="*"</c>) as the SDK's
    /// <see cref="Entity"/>. A lookup arrives as <c>_column_value</c> with the table in its
    /// <c>@Microsoft.Dynamics.CRM.lookuplogicalname</c> annotation; choices, money and whole numbers all
    /// arrive as JSON numbers, so a column's kind comes from the tool's catalogue of the columns it reads
    /// (<see cref="CmtCatalogue"/>, the one list of them); a column outside it keeps its JSON type.
    /// </summary>
    public static class ODataValues
    {
        public const string LookupTable = "@Microsoft.Dynamics.CRM.lookuplogicalname";
        public const string FormattedValue = "@OData.Community.Display.V1.FormattedValue";
        /// <summary>
        /// The Web API names a link-entity's column <c>alias_x002e_column</c> (the '.' of the SDK's
        /// <c>alias.column</c> XML-encoded; seen in public Dataverse clients' responses, e.g. <c>contact1_x002e_address1_line1</c>).
        /// </summary>
        public const string LinkedColumnSeparator = "_x002e_";

        public static Entity ToEntity(string table, string primaryId, JsonElement row)
        {
            var known = CmtCatalogue.Find(table);
            var entity = new Entity(table);
            foreach (var property in row.EnumerateObject())
            {
                var name = property.Name;
                if (name.Contains('@') || property.Value.ValueKind == JsonValueKind.Null) continue;
                if (name.Contains(LinkedColumnSeparator, StringComparison.Ordinal))
                {
                    // A linked table's column, as the SDK names it: alias.column (what Aliased() reads).
                    entity[name.Replace(LinkedColumnSeparator, ".", StringComparison.Ordinal)] = Natural(property.Value);
                    continue;
                }
                if (name.StartsWith('_') && name.EndsWith("_value", StringComparison.Ordinal))
                {
                    var column = name.Substring(1, name.Length - "_value".Length - 1);
                    var target = row.TryGetProperty(name + LookupTable, out var t) ? t.GetString() : null;
                    if (target is null) continue;
                    entity[column] = new EntityReference(target, property.Value.GetGuid())
                    {
                        Name = row.TryGetProperty(name + FormattedValue, out var label) ? label.GetString() : null,
                    };
                    continue;
                }
                if (name == primaryId)
                {
                    entity.Id = property.Value.GetGuid();
                    entity[name] = entity.Id;
                    continue;
                }
                entity[name] = Value(known?.Field(name)?.Kind, property.Value);
                if (row.TryGetProperty(name + FormattedValue, out var formatted) && formatted.GetString() is { } text)
                    entity.FormattedValues[name] = text;
            }
            return entity;
        }

        private static object? Value(FieldKind? kind, JsonElement value) => kind switch
        {
            FieldKind.Id => value.GetGuid(),
            FieldKind.Text => value.GetString(),
            FieldKind.WholeNumber => value.GetInt32(),
            FieldKind.Decimal => value.GetDecimal(),
            FieldKind.Money => new Money(value.GetDecimal()),
            FieldKind.Boolean => value.GetBoolean(),
            FieldKind.DateTime => Date(value.GetString()!),
            FieldKind.Choice or FieldKind.State or FieldKind.Status => new OptionSetValue(value.GetInt32()),
            _ => Natural(value),
        };

        private static object? Natural(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => value.TryGetInt32(out var n) ? (object)n : value.GetDecimal(),
            _ => value.GetRawText(),
        };

        /// <summary>Web API dates are ISO 8601 in UTC ("2026-06-30T12:00:00Z").</summary>
        public static DateTime Date(string text) =>
            DateTime.SpecifyKind(DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), DateTimeKind.Utc);

        /// <summary>A Custom API's response properties (every property that is not an annotation).</summary>
        public static ParameterCollection Results(JsonElement body)
        {
            var results = new ParameterCollection();
            foreach (var property in body.EnumerateObject())
                if (!property.Name.Contains('@')) results[property.Name] = Natural(property.Value);
            return results;
        }

        /// <summary>A Custom API's request parameters as the JSON body of the action.</summary>
        public static Dictionary<string, object?> Parameters(OrganizationRequest request)
        {
            var body = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var pair in request.Parameters)
            {
                body[pair.Key] = pair.Value switch
                {
                    null or int or long or string or bool or decimal or double => pair.Value,
                    DateTime date => date.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                    Guid id => id,
                    _ => throw new NotSupportedException($"{request.RequestName}: a parameter of type {pair.Value.GetType().Name} ({pair.Key}) is not sent by this tool."),
                };
            }
            return body;
        }
    }
}
