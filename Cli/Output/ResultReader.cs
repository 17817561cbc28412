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
            var followUps = Count(store, TaskSchema.EntityName, ActivitySchema.RegardingObjectId, OpenFollowUps);
            return All(store, new QueryExpression(AccountSchema.EntityName) { ColumnSet = new ColumnSet(true) })
                .Select(a => Result(a, history.TryGetValue(a.Id, out var h) ? h : 0, followUps.TryGetValue(a.Id, out var f) ? f : 0))
                .OrderBy(a => a.RiskRank).ThenBy(a => a.Overall ?? int.MaxValue).ThenBy(a => a.Name, StringComparer.CurrentCulture)
                .ToList();
        }

        /// <summary>
        /// One account's result, as <see cref="Read"/> gives it, without reading the organisation's other accounts:
        /// the account is read as a plugin step's image is (not counted as a request).
        /// </summary>
        /// <exception cref="InvalidOperationException">The account does not exist.</exception>
        public static AccountResult Read(InMemoryOrganizationService store, Guid accountId)
        {
            var account = store.Peek(AccountSchema.EntityName, accountId, new ColumnSet(true))
                ?? throw new InvalidOperationException($"Account {accountId} is not in the organisation.");
            return Result(account, CountFor(store, accountId, HealthAssessmentSchema.EntityName, HealthAssessmentSchema.AccountId, null),
                CountFor(store, accountId, TaskSchema.EntityName, ActivitySchema.RegardingObjectId, OpenFollowUps));
        }

        private static void OpenFollowUps(QueryExpression query)
        {
            query.Criteria.AddCondition(ActivitySchema.FollowUpReason, ConditionOperator.NotNull);
            query.Criteria.AddCondition(ActivitySchema.StateCode, ConditionOperator.Equal, ActivitySchema.StateOpen);
        }

        private static AccountResult Result(Entity account, int historyRows, int openFollowUps)
        {
            var codes = StoredCodes.Parse(account.GetAttributeValue<string>(AccountSchema.ReasonCodes));
            var reasons = Lines(account.GetAttributeValue<string>(AccountSchema.HealthReasons));
            return new AccountResult
            {
                Id = account.Id,
                Name = NameOf(account),
                Active = IsActive(account),
                Understanding = account.GetAttributeValue<int?>(AccountSchema.UnderstandingScore),
                Familiarity = account.GetAttributeValue<int?>(AccountSchema.FamiliarityScore),
                Service = account.GetAttributeValue<int?>(AccountSchema.ServiceScore),
                Overall = account.GetAttributeValue<int?>(AccountSchema.OverallHealth),
                Band = account.OptionValue(AccountSchema.HealthBand) is { } b && OptionMaps.Band.TryGet(b, out var band) ? band : HealthBand.NotEnoughData,
                Trend = account.OptionValue(AccountSchema.HealthTrend) is { } t && OptionMaps.Trend.TryGet(t, out var trend) ? trend : null,
                PerkDependent = account.GetAttributeValue<bool?>(AccountSchema.PerkDependent) == true,
                PerkSharePercent = account.GetAttributeValue<decimal?>(AccountSchema.PerkShare),
                PerkSpend = codes.PerkSpend,
                DeliveredValue = codes.DeliveredValue,
                Reasons = reasons,
                UnreadableValues = UnreadableValues(codes.Codes, reasons),
                Actions = Lines(account.GetAttributeValue<string>(AccountSchema.NextBestActions)),
                ScoredOn = account.GetAttributeValue<DateTime?>(AccountSchema.HealthScoredOn),
                HistoryRows = historyRows,
                OpenFollowUps = openFollowUps,
            };
        }

        /// <summary>The account's name as the results show it; its id where it has none.</summary>
        public static string NameOf(Entity account) => account.GetAttributeValue<string>(AccountSchema.Name) ?? account.Id.ToString();

        /// <summary>Whether the account is active; an account without a state is, as Dataverse creates it.</summary>
        public static bool IsActive(Entity account) => (account.OptionValue(AccountSchema.StateCode) ?? AccountSchema.StateActive) == AccountSchema.StateActive;

        /// <summary>The stored reason texts whose reason says a stored value could not be read (codes and texts are the same reasons, in the same order).</summary>
        private static IReadOnlyList<string> UnreadableValues(IReadOnlyList<string?> codes, IReadOnlyList<string> reasons)
        {
            var lines = new List<string>();
            for (var i = 0; i < codes.Count && i < reasons.Count; i++)
            {
                if (codes[i] == ReasonCodes.StoredValueUnreadable) lines.Add(reasons[i]);
            }
            return lines;
        }

        /// <summary>
        /// The stored reason codes in order, and the perk spend and delivered value from the parameters of the perk finding
        /// among them, read in one pass over the JSON.
        /// </summary>
        private sealed record StoredCodes(IReadOnlyList<string?> Codes, decimal? PerkSpend, decimal? DeliveredValue)
        {
            private static readonly StoredCodes None = new(Array.Empty<string?>(), null, null);

            public static StoredCodes Parse(string? json)
            {
                if (string.IsNullOrWhiteSpace(json)) return None;
                using var document = JsonDocument.Parse(json);
                var codes = new List<string?>();
                decimal? spend = null, value = null;
                var perkFound = false;
                foreach (var reason in document.RootElement.EnumerateArray())
                {
                    var code = reason.TryGetProperty("code", out var c) ? c.GetString() : null;
                    codes.Add(code);
                    if (perkFound || !IsPerkFinding(code) || !reason.TryGetProperty("parameters", out var parameters)) continue;
                    perkFound = true;
                    // No perk had its cost logged: the spend is unknown, not zero.
                    spend = code == ReasonCodes.PerkDependentCostUnknown ? null : Number(parameters, ParameterNames.PerkSpend);
                    value = Number(parameters, ParameterNames.DeliveredValue);
                }
                return new StoredCodes(codes, spend, value);
            }

            private static bool IsPerkFinding(string? code) => code is ReasonCodes.PerkDependent or ReasonCodes.PerkDependentCostUnknown
                or ReasonCodes.PerkDependentPartlyPriced or ReasonCodes.PerksAlongsideStrongValue;
        }

        private static decimal? Number(JsonElement parameters, string name) =>
            parameters.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : null;

        private static IReadOnlyList<string> Lines(string? text) =>
            string.IsNullOrWhiteSpace(text) ? Array.Empty<string>()
                : text.Split('\n').Select(l => l.Trim().TrimStart('•').Trim()).Where(l => l.Length > 0).ToList();

        private static IReadOnlyDictionary<Guid, int> Count(InMemoryOrganizationService store, string table, string lookup, Action<QueryExpression>? filter)
        {
            return All(store, LookupQuery(table, lookup, filter))
                .Select(r => r.GetAttributeValue<EntityReference>(lookup)?.Id)
                .Where(id => id.HasValue)
                .GroupBy(id => id!.Value)
                .ToDictionary(g => g.Key, g => g.Count());
        }

        /// <summary>How many rows of <paramref name="table"/> name the account in <paramref name="lookup"/> (and match the filter).</summary>
        /// <remarks>The rows the query returns are the account's, so they are counted as they come, not grouped by account.</remarks>
        private static int CountFor(InMemoryOrganizationService store, Guid accountId, string table, string lookup, Action<QueryExpression>? filter)
        {
            var query = LookupQuery(table, lookup, filter, accountId);
            var count = 0;
            foreach (var _ in All(store, query)) count++;
            return count;
        }

        /// <summary>The rows of <paramref name="table"/> that match the filter (and name <paramref name="accountId"/> in the lookup, when given), with the lookup.</summary>
        private static QueryExpression LookupQuery(string table, string lookup, Action<QueryExpression>? filter, Guid? accountId = null)
        {
            var query = new QueryExpression(table) { ColumnSet = new ColumnSet(lookup) };
            if (accountId is { } id) query.Criteria.AddCondition(lookup, ConditionOperator.Equal, id);
            filter?.Invoke(query);
            return query;
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
