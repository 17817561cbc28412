using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using LoyaltyHealth.Plugins.Framework;
using LoyaltyHealth.Plugins.Mapping;
using LoyaltyHealth.Plugins.Schema;
using static LoyaltyHealth.Plugins.Framework.FetchXml;

namespace LoyaltyHealth.Plugins.Health
{
    /// <summary>
    /// The FetchXML of one recalculation. Activities count toward an account when they are regarding
    /// the account, one of its contacts or one of its opportunities; the per-table columns come
    /// through outer links from activitypointer, so one query reads every activity type.
    /// </summary>
    public static class HealthQueries
    {
        public static readonly string[] AccountColumns = CombineAccountColumns();

        private static string[] CombineAccountColumns()
        {
            var columns = new System.Collections.Generic.List<string> { AccountSchema.Name, AccountSchema.CreatedOn, AccountSchema.ModifiedOn, AccountSchema.OwnerId, AccountSchema.StateCode };
            columns.AddRange(AccountSchema.Inputs);
            columns.AddRange(AccountSchema.Computed);
            return columns.ToArray();
        }

        /// <summary>What every activity shares, read from activitypointer.</summary>
        private static readonly string[] PointerColumns =
        {
            ActivitySchema.Id, ActivitySchema.TypeCode, ActivitySchema.Subject, ActivitySchema.StateCode,
            ActivitySchema.ActualEnd, ActivitySchema.ScheduledEnd, ActivitySchema.RegardingObjectId, ActivitySchema.ModifiedOn,
        };

        private static readonly string[] ContactColumns = { ContactSchema.StateCode, ContactSchema.Department, ContactSchema.AccountRoleCode };

        /// <summary>A contact's details and its company: only the account's own contacts count.</summary>
        private static readonly string[] ContactWithCompanyColumns = ContactColumns.Concat(new[] { ContactSchema.ParentCustomerId }).ToArray();

        /// <summary>
        /// The parties that are never a contact taking part: every activity has one row for what it regards and
        /// one for its owner, and a regarding contact is read through its own link.
        /// </summary>
        private static readonly object[] NeverTakingPart = { ActivityPartySchema.Regarding, ActivityPartySchema.Owner };

        /// <summary>
        /// The activities that count toward the account and, in the same rows, the account's contacts taking part
        /// in any activity of the window: one row per activity and party (the owner's and the regarding rows left
        /// out), or one per activity without such parties. Every activity of the window where one of the account's
        /// contacts took part is read, since its contact is engaged whatever it regards; the mapper counts as
        /// interactions only those that regard the account, its contacts or its opportunities (the columns of
        /// the regarding links say so). One page of 5,000 rows holds every account but the busiest: the reader
        /// falls back to <see cref="Activities"/> and <see cref="Parties"/> when it does not, since a join to many
        /// rows would split an activity's rows across pages (see AccountAssessor).
        /// </summary>
        /// <remarks>
        /// It also reads the account's follow-up tasks of any date and state (the open ones, and the ids earlier episodes
        /// took), which <see cref="FollowUps"/> would read, so a transition needs no further read: the mapper never counts
        /// a follow-up task as an interaction.
        /// </remarks>
        public static XElement ActivitiesWithParties(Guid accountId, DateTime since)
        {
            var entity = ActivityRoot(accountId, since, union: true, followUpsOfAnyDate: true,
                Condition(ContactSchema.ParentCustomerId, "eq", accountId, QueryAliases.PartyContact));
            entity.Add(Link(ActivityPartySchema.EntityName, ActivityPartySchema.ActivityId, ActivitySchema.Id, QueryAliases.Party, outer: true,
                Attributes(ActivityPartySchema.PartyId),
                Filter("and", NotIn(ActivityPartySchema.ParticipationTypeMask, NeverTakingPart)),
                Link(ContactSchema.EntityName, ContactSchema.Id, ActivityPartySchema.PartyId, QueryAliases.PartyContact, outer: true,
                    Attributes(ContactWithCompanyColumns))));
            return Fetch(entity);
        }

        /// <summary>
        /// The text of the first page (<see cref="AccountAssessor.PageSize"/> rows) of <see cref="ActivitiesWithParties"/>: the
        /// single read of nearly every recalculation. Its text differs between accounts only in the account and the date,
        /// so the tree is built and printed once and the values are filled in.
        /// </summary>
        public static string ActivitiesWithPartiesFirstPage(Guid accountId, DateTime since) => FirstPageOfActivitiesWithParties.Fill(accountId, since);

        private static readonly FetchTemplate FirstPageOfActivitiesWithParties =
            new((accountId, since) => Page(ActivitiesWithParties(accountId, since), 1, AccountAssessor.PageSize, null));

        /// <summary>The activities that count toward the account: regarding it, one of its contacts or one of its opportunities.</summary>
        public static XElement Activities(Guid accountId, DateTime since) => Fetch(ActivityRoot(accountId, since, union: false, followUpsOfAnyDate: false));

        /// <param name="union">
        /// Whether the alternatives run as a union (<see cref="UnionFilter"/>): each then starts from its own index
        /// (the activity's regarding, the contact's or opportunity's account, the party), where one plan for the
        /// whole <c>or</c> across outer links may read every activity of the window. Only the single-page read uses
        /// it; the paged reads keep the plain filter, since the paging cookie's behaviour with the hint is not documented.
        /// </param>
        /// <param name="followUpsOfAnyDate">Whether the product's follow-up tasks are read whatever their date, not only in the window.</param>
        /// <param name="orAlso">Further conditions under which an activity is read (each alone suffices).</param>
        private static XElement ActivityRoot(Guid accountId, DateTime since, bool union, bool followUpsOfAnyDate, params XElement[] orAlso)
        {
            var alternatives = new object[]
            {
                Condition(ActivitySchema.RegardingObjectId, "eq", accountId),
                Condition(ContactSchema.ParentCustomerId, "eq", accountId, QueryAliases.RegardingContact),
                Condition(OpportunitySchema.ParentAccountId, "eq", accountId, QueryAliases.RegardingOpportunity),
                orAlso,
            };
            var entity = Entity(ActivitySchema.PointerEntityName,
                Attributes(PointerColumns),
                Order(ActivitySchema.Id),
                Filter("and",
                    In(ActivitySchema.TypeCode, ActivityTables.Names),
                    followUpsOfAnyDate ? Filter("or", InWindow(since), Condition(ActivitySchema.FollowUpReason, "not-null", entityName: TaskSchema.EntityName)) : InWindow(since),
                    union ? UnionFilter(alternatives) : Filter("or", alternatives)),
                Link(ContactSchema.EntityName, ContactSchema.Id, ActivitySchema.RegardingObjectId, QueryAliases.RegardingContact, outer: true,
                    Attributes(ContactWithCompanyColumns)),
                Link(OpportunitySchema.EntityName, OpportunitySchema.Id, ActivitySchema.RegardingObjectId, QueryAliases.RegardingOpportunity, outer: true,
                    Attributes(OpportunitySchema.ParentAccountId)));
            foreach (var table in ActivityTables.All)
                entity.Add(Link(table.Name, ActivitySchema.Id, ActivitySchema.Id, table.Name, outer: true, ActivityTableContent(table)));
            return entity;
        }

        // The table's own columns, and for each contact lookup the contact's details and company, since only
        // the account's own contacts count.
        private static object[] ActivityTableContent(ActivityTable table)
        {
            var content = new List<object> { Attributes(table.Columns.Concat(table.ContactLookups).ToArray()) };
            foreach (var lookup in table.ContactLookups)
            {
                content.Add(Link(ContactSchema.EntityName, ContactSchema.Id, lookup, QueryAliases.ContactIn(table.Name, lookup), outer: true,
                    Attributes(ContactWithCompanyColumns)));
            }
            return content.ToArray();
        }

        /// <summary>The account's contacts who took part in activities of the window, with what the model needs of them (read apart only beyond a page).</summary>
        public static XElement Parties(Guid accountId, DateTime since) =>
            Fetch(Entity(ActivityPartySchema.EntityName,
                Attributes(ActivityPartySchema.ActivityId, ActivityPartySchema.PartyId),
                Order(ActivityPartySchema.ActivityId),
                Link(ContactSchema.EntityName, ContactSchema.Id, ActivityPartySchema.PartyId, QueryAliases.PartyContact, outer: false,
                    Attributes(ContactColumns),
                    Filter("and", Condition(ContactSchema.ParentCustomerId, "eq", accountId))),
                Link(ActivitySchema.PointerEntityName, ActivitySchema.Id, ActivityPartySchema.ActivityId, "act", outer: false,
                    Filter("and", In(ActivitySchema.TypeCode, ActivityTables.Names), InWindow(since)))));

        // Undated activities are read too, so the model can say it ignored them.
        private static XElement InWindow(DateTime since) =>
            Filter("or",
                Condition(ActivitySchema.ActualEnd, "ge", since),
                Filter("and", Condition(ActivitySchema.ActualEnd, "null"), Condition(ActivitySchema.ScheduledEnd, "ge", since)),
                Filter("and", Condition(ActivitySchema.ActualEnd, "null"), Condition(ActivitySchema.ScheduledEnd, "null")));

        /// <summary>The account's follow-up tasks in any state: the open ones, and the ids taken by earlier episodes.</summary>
        public static XElement FollowUps(Guid accountId) =>
            Fetch(Entity(TaskSchema.EntityName,
                Attributes(ActivitySchema.Id, ActivitySchema.FollowUpReason, ActivitySchema.StateCode),
                Filter("and",
                    Condition(ActivitySchema.RegardingObjectId, "eq", accountId),
                    Condition(ActivitySchema.FollowUpReason, "not-null"))));

        /// <param name="scoredBefore">Accounts scored before this (or never) are stale.</param>
        /// <param name="notScoredAfter">
        /// No account can have been scored after this (now plus the clock-skew allowance): a stamp later than
        /// that is not the recalculation's and must not keep the account out of the refresh for good.
        /// </param>
        public static XElement StaleAccounts(DateTime scoredBefore, DateTime notScoredAfter, bool countOnly)
        {
            var filter = Filter("and",
                Condition(AccountSchema.StateCode, "eq", AccountSchema.StateActive),
                Filter("or", Condition(AccountSchema.HealthScoredOn, "null"), Condition(AccountSchema.HealthScoredOn, "lt", scoredBefore),
                    Condition(AccountSchema.HealthScoredOn, "gt", notScoredAfter)));
            if (countOnly)
            {
                var fetch = Fetch(Entity(AccountSchema.EntityName,
                    new XElement("attribute", new XAttribute("name", AccountSchema.Id), new XAttribute("aggregate", "count"), new XAttribute("alias", "stale")),
                    filter));
                fetch.SetAttributeValue("aggregate", "true");
                return fetch;
            }
            return Fetch(Entity(AccountSchema.EntityName, Attributes(AccountSchema.Id), Order(AccountSchema.HealthScoredOn), Order(AccountSchema.Id), filter));
        }
    }
}
