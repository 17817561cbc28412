using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LoyaltyHealth.Model.Input;
using LoyaltyHealth.Model.Output;
using LoyaltyHealth.Model.Scoring;
using LoyaltyHealth.Plugins.Health;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Plugins.Mapping
{
    /// <summary>
    /// Translates Dataverse rows into the model's account snapshot. No scoring happens here: only
    /// what each column means. What cannot be used (unknown choice values, rows of unexpected
    /// tables) is reported in <see cref="Ignored"/>.
    /// </summary>
    public sealed class SnapshotMapper
    {
        // The linked columns read of every row, named once.
        private static readonly string PartyId = QueryAliases.Linked(QueryAliases.Party, ActivityPartySchema.PartyId);
        private static readonly string RegardingOpportunityAccount = QueryAliases.Linked(QueryAliases.RegardingOpportunity, OpportunitySchema.ParentAccountId);

        private readonly List<IgnoredInput> _ignored = new();

        public IReadOnlyList<IgnoredInput> Ignored => _ignored;

        /// <summary>The activities the last <see cref="Map(Entity, IEnumerable{Entity}, IEnumerable{Entity}, TrendCheckpoints)"/> counted toward the account.</summary>
        public int ActivitiesRead { get; private set; }

        public AccountSnapshot Map(Entity account, IEnumerable<Entity> activities, IEnumerable<Entity> parties) =>
            Map(account, activities, parties, Checkpoints(account));

        /// <param name="activities">
        /// Activity rows as <c>HealthQueries.ActivitiesWithParties</c> reads them (one row per activity and party,
        /// the party and its contact in the <see cref="QueryAliases.Party"/> and <see cref="QueryAliases.PartyContact"/>
        /// columns) or as <c>HealthQueries.Activities</c> reads them (one row per activity).
        /// </param>
        /// <param name="parties">The contacts' party rows when they were read apart (<c>HealthQueries.Parties</c>); otherwise empty.</param>
        /// <param name="checkpoints">The account's trend checkpoints, parsed once by the caller, which also stores their next state.</param>
        public AccountSnapshot Map(Entity account, IEnumerable<Entity> activities, IEnumerable<Entity> parties, TrendCheckpoints checkpoints)
        {
            var contacts = new Dictionary<Guid, ContactSnapshot>();
            var participants = new Dictionary<Guid, List<Guid>>();
            foreach (var party in parties)
            {
                var activityId = party.GetAttributeValue<EntityReference>(ActivityPartySchema.ActivityId)?.Id;
                var contactId = party.ReferenceTo(ActivityPartySchema.PartyId, ContactSchema.EntityName);
                if (activityId is null || contactId is null) continue;
                TookPart(activityId.Value, contactId.Value, party, participants, contacts);
            }

            var counted = new List<Entity>();
            var seen = new HashSet<Guid>();
            foreach (var row in activities)
            {
                if (row.Linked<EntityReference>(PartyId) is { LogicalName: ContactSchema.EntityName } party
                    && row.Linked<EntityReference>(LinkedContact.Party.Company)?.Id == account.Id)
                    TookPart(row.Id, party.Id, row, participants, contacts);
                // An activity where only one of the account's contacts took part engages that contact but is another account's business.
                if (seen.Add(row.Id) && CountsToward(account.Id, row)) counted.Add(row);
            }

            var interactions = new List<Interaction>();
            foreach (var row in counted)
            {
                var interaction = Interaction(account.Id, row, participants, contacts);
                if (interaction is not null) interactions.Add(interaction);
            }
            ActivitiesRead = counted.Count;

            var unreadable = new List<UnreadableValue>();
            return new AccountSnapshot
            {
                AccountId = account.Id,
                CreatedOn = account.GetAttributeValue<DateTime?>(AccountSchema.CreatedOn) ?? DateTime.MinValue,
                ServiceAgreement = Agreement(account, unreadable),
                UnreadableValues = unreadable,
                Goals = account.GetAttributeValue<string>(AccountSchema.CustomerGoals),
                GoalsReviewedOn = account.GetAttributeValue<DateTime?>(AccountSchema.GoalsReviewedOn),
                IsReference = account.Contains(AccountSchema.IsReference) ? account.GetAttributeValue<bool?>(AccountSchema.IsReference) : null,
                Contacts = contacts.Values.OrderBy(c => c.Id).ToList(),
                Interactions = interactions,
                PastAssessments = PastAssessments(account, checkpoints),
            };
        }

        /// <summary>Whether the activity regards the account, one of its contacts or one of its opportunities, as the regarding links read it.</summary>
        private static bool CountsToward(Guid accountId, Entity row) =>
            row.ReferenceTo(ActivitySchema.RegardingObjectId, AccountSchema.EntityName) == accountId
            || (row.ReferenceTo(ActivitySchema.RegardingObjectId, ContactSchema.EntityName) is not null
                && row.Linked<EntityReference>(LinkedContact.Regarding.Company)?.Id == accountId)
            || (row.ReferenceTo(ActivitySchema.RegardingObjectId, OpportunitySchema.EntityName) is not null
                && row.Linked<EntityReference>(RegardingOpportunityAccount)?.Id == accountId);

        /// <summary>A contact of the account took part in an activity, with the details its party row carries.</summary>
        private static void TookPart(Guid activityId, Guid contactId, Entity source, Dictionary<Guid, List<Guid>> participants, Dictionary<Guid, ContactSnapshot> contacts)
        {
            contacts[contactId] = Contact(contactId, source, LinkedContact.Party);
            if (!participants.TryGetValue(activityId, out var list)) participants[activityId] = list = new List<Guid>();
            if (!list.Contains(contactId)) list.Add(contactId);
        }

        /// <summary>The stored assessment, if any: the baseline for transitions.</summary>
        public static PastAssessment? Stored(Entity account)
        {
            var scoredOn = account.GetAttributeValue<DateTime?>(AccountSchema.HealthScoredOn);
            var band = account.OptionValue(AccountSchema.HealthBand);
            if (scoredOn is null || band is null || !OptionMaps.Band.TryGet(band.Value, out var stored)) return null;
            return new PastAssessment
            {
                AssessedOn = scoredOn.Value,
                Overall = account.GetAttributeValue<int?>(AccountSchema.OverallHealth),
                Band = stored,
                PerkDependent = account.GetAttributeValue<bool?>(AccountSchema.PerkDependent) == true,
            };
        }

        public static TrendCheckpoints Checkpoints(Entity account) => new(
            Checkpoint(account, AccountSchema.TrendBaselineOn, AccountSchema.TrendBaselineHealth),
            Checkpoint(account, AccountSchema.TrendCandidateOn, AccountSchema.TrendCandidateHealth));

        private static PastAssessment? Checkpoint(Entity account, string onColumn, string healthColumn)
        {
            var on = account.GetAttributeValue<DateTime?>(onColumn);
            var health = account.GetAttributeValue<int?>(healthColumn);
            return on is null || health is null ? null : new PastAssessment { AssessedOn = on.Value, Overall = health, Band = HealthBand.NotEnoughData };
        }

        // The stored assessment comes first: a checkpoint written at the same instant carries no band,
        // and the newest-first pick for transitions must find the stored one.
        private static IReadOnlyList<PastAssessment> PastAssessments(Entity account, TrendCheckpoints checkpoints)
        {
            var list = new List<PastAssessment>();
            if (Stored(account) is { } stored) list.Add(stored);
            list.AddRange(checkpoints.AsHistory());
            return list;
        }

        /// <summary>The agreed service level; a stored choice this version cannot read goes to <paramref name="unreadable"/>, so the model reports it instead of reading it as "nobody asked".</summary>
        private ServiceAgreement? Agreement(Entity account, List<UnreadableValue> unreadable)
        {
            var cadence = account.OptionValue(AccountSchema.ServiceCadence);
            var channelValue = account.OptionValue(AccountSchema.PreferredChannel);
            var channel = ServiceChannel.Unknown;
            if (channelValue is { } value && !OptionMaps.Channel.TryGet(value, out channel))
            {
                Ignore(IgnoredInput.UnknownPreferredChannel, account.Id, value);
                unreadable.Add(new UnreadableValue(SellerInput.ServiceChannel, value));
            }
            if (cadence is null) return null;
            if (!OptionMaps.Cadence.TryGet(cadence.Value, out var agreed))
            {
                Ignore(IgnoredInput.UnknownServiceCadence, account.Id, cadence.Value);
                unreadable.Add(new UnreadableValue(SellerInput.ServiceCadence, cadence.Value));
                return null;
            }
            return new ServiceAgreement(agreed, channel);
        }

        /// <summary>A contact with the details <paramref name="row"/> carries of it through <paramref name="link"/>.</summary>
        private static ContactSnapshot Contact(Guid id, Entity row, LinkedContact link) =>
            Contact(id, row.LinkedOptionValue(link.State), row.Linked<string>(link.Department), row.LinkedOptionValue(link.Role));

        private static ContactSnapshot Contact(Guid id, int? state, string? department, int? role) => new()
        {
            Id = id,
            IsActive = (state ?? ContactSchema.StateActive) == ContactSchema.StateActive,
            Department = string.IsNullOrWhiteSpace(department) ? null : department,
            Seniority = role switch
            {
                ContactSchema.RoleDecisionMaker => Seniority.DecisionMaker,
                ContactSchema.RoleInfluencer => Seniority.Manager,
                ContactSchema.RoleEmployee => Seniority.Staff,
                _ => Seniority.Unknown,
            },
        };

        private Interaction? Interaction(Guid accountId, Entity row, Dictionary<Guid, List<Guid>> participants, Dictionary<Guid, ContactSnapshot> contacts)
        {
            var table = row.GetAttributeValue<string>(ActivitySchema.TypeCode);
            var linked = LinkedActivityTable.Find(table);
            if (linked is null)
            {
                _ignored.Add(new IgnoredInput(IgnoredInput.TableNotRead, row.Id, table));
                return null;
            }
            var kind = linked.Table.Kind;
            // The product's own follow-up tasks are about the assessment, not part of the relationship.
            if (row.LinkedOptionValue(linked.FollowUpReason) is not null) return null;

            var ids = participants.TryGetValue(row.Id, out var parties) ? new List<Guid>(parties) : new List<Guid>();
            // The regarding contact is the account's by the query's condition; a looked-up one only when its company is the account.
            if (row.ReferenceTo(ActivitySchema.RegardingObjectId, ContactSchema.EntityName) is { } regardingContact)
                TookPart(row, LinkedContact.Regarding, regardingContact, ids, contacts);
            foreach (var lookup in linked.ContactLookups)
            {
                var contactId = row.Linked<EntityReference>(lookup.Lookup) is { LogicalName: ContactSchema.EntityName } reference ? reference.Id : (Guid?)null;
                if (contactId is { } id && row.Linked<EntityReference>(lookup.Contact.Company)?.Id == accountId)
                    TookPart(row, lookup.Contact, id, ids, contacts);
            }

            return new Interaction
            {
                Id = row.Id,
                Kind = kind,
                Direction = Direction(row.Linked<bool?>(linked.Direction), kind),
                State = row.OptionValue(ActivitySchema.StateCode) switch
                {
                    ActivitySchema.StateCompleted => InteractionState.Completed,
                    ActivitySchema.StateCanceled => InteractionState.Canceled,
                    _ => InteractionState.Open,
                },
                CompletedOn = row.GetAttributeValue<DateTime?>(ActivitySchema.ActualEnd) ?? row.GetAttributeValue<DateTime?>(ActivitySchema.ScheduledEnd),
                ContactIds = ids,
                Subject = row.GetAttributeValue<string>(ActivitySchema.Subject),
                Channel = ChannelOf(row, linked),
                ValueAmount = kind == InteractionKind.ValueReport ? row.LinkedMoney(linked.ValueAmount) : null,
                PerkCost = kind == InteractionKind.Perk ? row.LinkedMoney(linked.PerkCost) : null,
                LoggedClass = LoggedClass(row, linked),
            };
        }

        /// <summary>Adds a contact to an interaction's participants, with the details read through <paramref name="link"/>.</summary>
        private static void TookPart(Entity row, LinkedContact link, Guid contactId, List<Guid> ids, Dictionary<Guid, ContactSnapshot> contacts)
        {
            if (ids.Contains(contactId)) return;
            ids.Add(contactId);
            if (contacts.ContainsKey(contactId)) return;
            contacts[contactId] = Contact(contactId, row, link);
        }

        private static InteractionDirection Direction(bool? outgoing, InteractionKind kind) => outgoing switch
        {
            true => InteractionDirection.FromUs,
            false => InteractionDirection.FromCustomer,
            // Value reports and perks are, by definition, something we bring.
            null => kind is InteractionKind.ValueReport or InteractionKind.Perk ? InteractionDirection.FromUs : InteractionDirection.Unknown,
        };

        private ServiceChannel ChannelOf(Entity row, LinkedActivityTable table)
        {
            var value = row.LinkedOptionValue(table.Channel);
            if (value is null) return ServiceChannel.Unknown;
            if (OptionMaps.Channel.TryGet(value.Value, out var channel)) return channel;
            Ignore(IgnoredInput.UnknownChannel, row.Id, value.Value);
            return ServiceChannel.Unknown;
        }

        private InteractionClass? LoggedClass(Entity row, LinkedActivityTable table)
        {
            var value = row.LinkedOptionValue(table.InteractionClass);
            if (value is null) return null;
            if (OptionMaps.Class.TryGet(value.Value, out var logged)) return logged;
            Ignore(IgnoredInput.UnknownInteractionClass, row.Id, value.Value);
            return null;
        }

        private void Ignore(string kind, Guid record, int value) => _ignored.Add(new IgnoredInput(kind, record, value.ToString(CultureInfo.InvariantCulture)));
    }
}
