using System;
using System.Collections.Generic;

namespace LoyaltyHealth.InMemory.Activities
{
    /// <summary>activityparty.participationtypemask values, as Dataverse defines them.</summary>
    public static class ParticipationType
    {
        public const int Sender = 1;
        public const int ToRecipient = 2;
        public const int CcRecipient = 3;
        public const int BccRecipient = 4;
        public const int RequiredAttendee = 5;
        public const int OptionalAttendee = 6;
        public const int Organizer = 7;
        public const int Regarding = 8;
        public const int Owner = 9;
        public const int Resource = 10;
        public const int Customer = 11;

        // The party-list columns of activity tables and the mask each one's rows carry.
        public static readonly IReadOnlyDictionary<string, int> ByPartyListColumn = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["from"] = Sender,
            ["to"] = ToRecipient,
            ["cc"] = CcRecipient,
            ["bcc"] = BccRecipient,
            ["requiredattendees"] = RequiredAttendee,
            ["optionalattendees"] = OptionalAttendee,
            ["organizer"] = Organizer,
            ["resources"] = Resource,
            ["customers"] = Customer,
        };
    }
}
