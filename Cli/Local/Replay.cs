using System;
using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.Cli.Cmt;
using LoyaltyHealth.Cli.Staging;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Cli.Local
{
    /// <summary>
    /// Plays an organisation's history into a local organisation in time order, with the clock moving:
    /// each account is created when it was created, its goals are documented when they were reviewed,
    /// contacts join when they were created and activities are logged when they happened. After every
    /// change the system jobs run, as Dataverse runs them shortly after a save, and once a week the
    /// scheduled refresh rescores accounts nobody touched, so scores decay and trends form.
    /// </summary>
    public static class Replay
    {
        public static readonly TimeSpan RefreshEvery = TimeSpan.FromDays(7);

        public static void Run(LocalOrganisation organisation, CmtPackage package, DateTime asOf, Action<int, int>? progress = null)
        {
            var events = Events(package, asOf).OrderBy(e => e.At).ThenBy(e => e.Order).ToList();
            var refresh = organisation.CanRefreshStale;
            var nextRefresh = events.Count > 0 ? events[0].At.Date.Add(RefreshEvery) : asOf;
            for (var i = 0; i < events.Count; i++)
            {
                var change = events[i];
                while (refresh && nextRefresh <= change.At)
                {
                    organisation.Clock.UtcNow = nextRefresh;
                    organisation.RefreshStale((int)RefreshEvery.TotalHours);
                    nextRefresh = nextRefresh.Add(RefreshEvery);
                }
                organisation.Clock.UtcNow = change.At;
                change.Apply(organisation);
                organisation.RunSystemJobs();
                progress?.Invoke(i + 1, events.Count);
            }
            organisation.Clock.UtcNow = asOf;
            if (refresh) organisation.RefreshStale(1);
            organisation.RunSystemJobs();
        }

        private sealed record Change(DateTime At, int Order, Action<LocalOrganisation> Apply);

        private static IEnumerable<Change> Events(CmtPackage package, DateTime asOf)
        {
            var accountCreated = new Dictionary<Guid, DateTime>();
            foreach (var account in package.Rows(AccountSchema.EntityName))
            {
                var created = Created(account) ?? asOf;
                accountCreated[account.Id] = created;
                var reviewed = account.GetAttributeValue<DateTime?>(AccountSchema.GoalsReviewedOn);
                var first = Copy(account);
                if (reviewed is { } on && on > created && on <= asOf)
                {
                    // The goals are documented when they were reviewed, an Update the plugins see as a seller's change.
                    first.Attributes.Remove(AccountSchema.CustomerGoals);
                    first.Attributes.Remove(AccountSchema.GoalsReviewedOn);
                    var later = new Entity(AccountSchema.EntityName, account.Id);
                    foreach (var column in new[] { AccountSchema.CustomerGoals, AccountSchema.GoalsReviewedOn })
                        if (account.Contains(column)) later[column] = account[column];
                    yield return new Change(on, 1, o => o.Update(later));
                }
                if (created <= asOf) yield return new Change(created, 0, o => o.Create(first));
            }
            foreach (var contact in package.Rows(ContactSchema.EntityName))
            {
                var parent = contact.GetAttributeValue<EntityReference>(ContactSchema.ParentCustomerId);
                var at = Created(contact) ?? (parent is not null && accountCreated.TryGetValue(parent.Id, out var c) ? c : asOf);
                if (at <= asOf) yield return new Change(at, 2, o => o.Create(contact));
            }
            foreach (var table in CmtCatalogue.Tables.Where(t => t.IsActivity))
            {
                foreach (var activity in package.Rows(table.Name))
                {
                    var at = activity.GetAttributeValue<DateTime?>(ActivitySchema.ActualEnd)
                        ?? activity.GetAttributeValue<DateTime?>(ActivitySchema.ScheduledEnd)
                        ?? Created(activity) ?? asOf;
                    if (at <= asOf) yield return new Change(at, 3, o => o.Create(activity));
                }
            }
        }

        /// <summary>When the row was created, by the rule staging keeps an export's records by.</summary>
        private static DateTime? Created(Entity row) => ExportStaging.CreatedOn(new EntityRecord { Entity = row });

        private static Entity Copy(Entity row)
        {
            var copy = new Entity(row.LogicalName, row.Id);
            foreach (var pair in row.Attributes) copy[pair.Key] = pair.Value;
            return copy;
        }
    }
}
