using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using LoyaltyHealth.InMemory;
using LoyaltyHealth.Model.Output;
using LoyaltyHealth.Model.Reasons;
using LoyaltyHealth.Plugins.Mapping;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LoyaltyHealth.Cli.Output
{
    /// <summary>Reads what the plugins stored: the assessment columns of each account, its history rows and open follow-up tasks.</summary>
    public static class ResultReader
    {
        public static IReadOnlyList<AccountResult> Read(InMemoryOrganizationService store)
        {
            var history = Count(store, HealthAssessmentSchema.EntityName, HealthAssessmentSchema.AccountId, null);
            var followUps = Count(store, TaskSchema.EntityName, ActivitySchema.RegardingObjectId, q =>
            {
                q.Criteria.AddCondition(ActivitySchema.FollowUpReason, ConditionOperator.NotNull);
                q.Criteria.AddCondition(ActivitySchema.StateCode, ConditionOperator.Equal, ActivitySchema.StateOpen);
            });
            return All(store, new QueryExpression(AccountSchema.EntityName) { ColumnSet = new ColumnSet(true) })
                .Select(a => Result(a, history, followUps))
                .OrderBy(a => a.RiskRank).ThenBy(a => a.Overall ?? int.MaxValue).ThenBy(a => a.Name, StringComparer.CurrentCulture)
                .ToList();
        }

        private static AccountResult Result(Entity account, IReadOnlyDictionary<Guid, int> history, IReadOnlyDictionary<Guid, int> followUps)
        {
            var (spend, value) = PerkFigures(account.GetAttributeValue<string>(AccountSchema.ReasonCodes));
            var reasons = Lines(account.GetAttributeValue<string>(AccountSchema.HealthReasons));
            return new AccountResult
            {
                Id = account.Id,
                Name = account.GetAttributeValue<string>(AccountSchema.Name) ?? account.Id.ToString(),
                Understanding = account.GetAttributeValue<int?>(AccountSchema.UnderstandingScore),
                Familiarity = account.GetAttributeValue<int?>(AccountSchema.FamiliarityScore),
                Service = account.GetAttributeValue<int?>(AccountSchema.ServiceScore),
                Overall = account.GetAttributeValue<int?>(AccountSchema.OverallHealth),
                Band = account.OptionValue(AccountSchema.HealthBand) is { } b && OptionMaps.Band.TryGet(b, out var band) ? band : HealthBand.NotEnoughData,
                Trend = account.OptionValue(AccountSchema.HealthTrend) is { } t && OptionMaps.Trend.TryGet(t, out var trend) ? trend : null,
                PerkDependent = account.GetAttributeValue<bool?>(AccountSchema.PerkDependent) == true,
                PerkSharePercent = account.GetAttributeValue<decimal?>(AccountSchema.PerkShare),
                PerkSpend = spend,
                DeliveredValue = value,
                Reasons = reasons,
                UnreadableValues = Codes(account.GetAttributeValue<string>(AccountSchema.ReasonCodes))
                    .Select((code, i) => code == ReasonCodes.StoredValueUnreadable && i < reasons.Count ? reasons[i] : null)
                    .Where(line => line is not null)
                    .Select(line => line!)
                    .ToList(),
                Actions = Lines(account.GetAttributeValue<string>(AccountSchema.NextBestActions)),
                ScoredOn = account.GetAttributeValue<DateTime?>(AccountSchema.HealthScoredOn),
                HistoryRows = history.TryGetValue(account.Id, out var h) ? h : 0,
                OpenFollowUps = followUps.TryGetValue(account.Id, out var f) ? f : 0,
            };
        }

        /// <summary>Perk spend and delivered value, from the parameters of the perk finding among the stored reason codes.</summary>
        private static (decimal? Spend, decimal? Value) PerkFigures(string? codes)
        {
            if (string.IsNullOrWhiteSpace(codes)) return (null, null);
            using var json = JsonDocument.Parse(codes);
            foreach (var reason in json.RootElement.EnumerateArray())
            {
                var code = reason.TryGetProperty("code", out var c) ? c.GetString() : null;
                if (code is not (ReasonCodes.PerkDependent or ReasonCodes.PerkDependentCostUnknown or ReasonCodes.PerkDependentPartlyPriced
                    or ReasonCodes.PerksAlongsideStrongValue)) continue;
                if (!reason.TryGetProperty("parameters", out var parameters)) continue;
                // No perk had its cost logged: the spend is unknown, not zero.
                if (code == ReasonCodes.PerkDependentCostUnknown) return (null, Number(parameters, ParameterNames.DeliveredValue));
                return (Number(parameters, ParameterNames.PerkSpend), Number(parameters, ParameterNames.DeliveredValue));
            }
            return (null, null);
        }

        /// <summary>The stored reason codes in order; the stored reason texts are the same reasons, rendered, in the same order.</summary>
        private static IReadOnlyList<string?> Codes(string? codes)
        {
            if (string.IsNullOrWhiteSpace(codes)) return Array.Empty<string?>();
            using var json = JsonDocument.Parse(codes);
            return json.RootElement.EnumerateArray().Select(r => r.TryGetProperty("code", out var c) ? c.GetString() : null).ToList();
        }

        private static decimal? Number(JsonElement parameters, string name) =>
            parameters.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : null;

        private static IReadOnlyList<string> Lines(string? text) =>
            string.IsNullOrWhiteSpace(text) ? Array.Empty<string>()
                : text.Split('\n').Select(l => l.Trim().TrimStart('•').Trim()).Where(l => l.Length > 0).ToList();

        private static IReadOnlyDictionary<Guid, int> Count(InMemoryOrganizationService store, string table, string lookup, Action<QueryExpression>? filter)
        {
            var query = new QueryExpression(table) { ColumnSet = new ColumnSet(lookup) };
            filter?.Invoke(query);
            return All(store, query)
                .Select(r => r.GetAttributeValue<EntityReference>(lookup)?.Id)
                .Where(id => id.HasValue)
                .GroupBy(id => id!.Value)
                .ToDictionary(g => g.Key, g => g.Count());
        }

        /// <summary>Every row a query matches, page by page.</summary>
        public static IEnumerable<Entity> All(InMemoryOrganizationService store, QueryExpression query)
        {
            query.PageInfo = new PagingInfo { Count = 5000, PageNumber = 1 };
            while (true)
            {
                var page = store.RetrieveMultiple(query);
                foreach (var row in page.Entities) yield return row;
                if (!page.MoreRecords) yield break;
                query.PageInfo.PageNumber++;
                query.PageInfo.PagingCookie = page.PagingCookie;
            }
        }
    }
}
