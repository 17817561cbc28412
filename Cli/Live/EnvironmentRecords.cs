using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using LoyaltyHealth.Cli.Cmt;
using LoyaltyHealth.InMemory.Activities;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LoyaltyHealth.Cli.Live
{
    /// <summary>
    /// The rows <c>score</c> reads from an environment, read-only: every table and column of the catalogue an
    /// export is read with (<see cref="CmtCatalogue.Tables"/>, in import order), page by page with FetchXML
    /// paging cookies, each row shaped exactly as the export reader shapes it, so the same staging and replay
    /// score it. An activity's party lists come from <c>activityparty</c>, asked for per page of activities.
    /// </summary>
    public static class EnvironmentRecords
    {
        /// <summary>Rows per page; activity pages are smaller so their ids fit in the party query's URL.</summary>
        public const int PageSize = 5000;
        public const int ActivityPageSize = 250;

        public static IEnumerable<Entity> Read(IOrganizationService service, Action<string, long>? progress = null, int pageSize = PageSize, int activityPageSize = ActivityPageSize)
        {
            foreach (var table in CmtCatalogue.Tables)
            {
                long read = 0;
                var parties = table.Fields.Where(f => f.Kind == FieldKind.PartyList).ToList();
                var columns = table.Fields.Where(f => f.Kind != FieldKind.PartyList).Select(f => f.Name).ToList();
                foreach (var page in Pages(service, table.Name, columns, table.PrimaryId, null, table.IsActivity ? activityPageSize : pageSize))
                {
                    if (parties.Count > 0) AttachParties(service, page, parties, pageSize);
                    foreach (var row in page)
                    {
                        read++;
                        yield return row;
                    }
                    progress?.Invoke(table.Name, read);
                }
            }
        }

        /// <summary>All rows of a FetchXML query, a page at a time, following the paging cookie.</summary>
        public static IEnumerable<IReadOnlyList<Entity>> Pages(IOrganizationService service, string table, IEnumerable<string> columns, string orderBy, XElement? filter, int pageSize)
        {
            var page = 1;
            string? cookie = null;
            while (true)
            {
                var fetch = new XElement("fetch", new XAttribute("page", page), new XAttribute("count", pageSize),
                    new XElement("entity", new XAttribute("name", table),
                        columns.Select(c => new XElement("attribute", new XAttribute("name", c))),
                        new XElement("order", new XAttribute("attribute", orderBy)),
                        filter));
                if (cookie is not null) fetch.Add(new XAttribute("paging-cookie", cookie));
                var result = service.RetrieveMultiple(new FetchExpression(fetch.ToString(SaveOptions.DisableFormatting)));
                yield return result.Entities.ToList();
                if (!result.MoreRecords) yield break;
                cookie = result.PagingCookie;
                page++;
            }
        }

        private static void AttachParties(IOrganizationService service, IReadOnlyList<Entity> activities, IReadOnlyList<KnownField> lists, int pageSize)
        {
            if (activities.Count == 0) return;
            var byMask = lists.ToDictionary(l => ParticipationType.ByPartyListColumn[l.Name], l => l.Name);
            var filter = new XElement("filter",
                new XElement("condition", new XAttribute("attribute", ActivityPartySchema.ActivityId), new XAttribute("operator", "in"),
                    activities.Select(a => new XElement("value", a.Id))),
                new XElement("condition", new XAttribute("attribute", ActivityPartySchema.ParticipationTypeMask), new XAttribute("operator", "in"),
                    byMask.Keys.OrderBy(k => k).Select(k => new XElement("value", k))));
            var found = new Dictionary<(Guid, string), EntityCollection>();
            var columns = new[] { ActivityPartySchema.ActivityId, ActivityPartySchema.PartyId, ActivityPartySchema.ParticipationTypeMask };
            foreach (var page in Pages(service, ActivityPartySchema.EntityName, columns, "activitypartyid", filter, pageSize))
            {
                foreach (var party in page)
                {
                    // A lookup and a choice outside the catalogue: the Web API gives them as _activityid_value and a number.
                    var activity = party.GetAttributeValue<EntityReference>(ActivityPartySchema.ActivityId)?.Id;
                    var mask = party.Attributes.TryGetValue(ActivityPartySchema.ParticipationTypeMask, out var value) && value is int number ? number : (value as OptionSetValue)?.Value;
                    if (activity is null || mask is null) continue;
                    if (!byMask.TryGetValue(mask.Value, out var column) || party.GetAttributeValue<EntityReference>(ActivityPartySchema.PartyId) is not { } who) continue;
                    if (!found.TryGetValue((activity.Value, column), out var list)) found[(activity.Value, column)] = list = new EntityCollection();
                    list.Entities.Add(new Entity(ActivityPartySchema.EntityName) { [ActivityPartySchema.PartyId] = new EntityReference(who.LogicalName, who.Id) });
                }
            }
            foreach (var activity in activities)
                foreach (var column in lists)
                    if (found.TryGetValue((activity.Id, column.Name), out var list)) activity[column.Name] = list;
        }
    }
}
