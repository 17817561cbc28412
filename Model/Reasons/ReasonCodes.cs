namespace LoyaltyHealth.Model.Reasons
{
    /// <summary>Stable reason codes. Stored on accounts and in tasks: never rename one, add new ones.</summary>
    public static class ReasonCodes
    {
        // Account-level findings that decide the band.
        public const string NewAccount = "NewAccount";
        public const string TooLittleEvidence = "TooLittleEvidence";
        public const string PerkDependent = "PerkDependent";
        public const string PerkDependentCostUnknown = "PerkDependentCostUnknown";
        public const string PerkDependentPartlyPriced = "PerkDependentPartlyPriced";
        public const string PerksAlongsideStrongValue = "PerksAlongsideStrongValue";
        public const string WeakPillarCapsBand = "WeakPillarCapsBand";
        public const string SingleThreadedCapsBand = "SingleThreadedCapsBand";
        public const string CadenceMissedCapsBand = "CadenceMissedCapsBand";
        public const string StoredValueUnreadable = "StoredValueUnreadable";

        // Understanding.
        public const string GoalsNotDocumented = "GoalsNotDocumented";
        public const string GoalsUndated = "GoalsUndated";
        public const string GoalsReviewOverdue = "GoalsReviewOverdue";
        public const string GoalsCurrent = "GoalsCurrent";
        public const string NoValueReports = "NoValueReports";
        public const string ValueReportedIrregularly = "ValueReportedIrregularly";
        public const string ValueReportedRegularly = "ValueReportedRegularly";
        public const string ValueNotMonetised = "ValueNotMonetised";
        public const string ValuePartlyMonetised = "ValuePartlyMonetised";
        public const string ValueMonetised = "ValueMonetised";

        // Familiarity.
        public const string NoContactsEngaged = "NoContactsEngaged";
        public const string FewContactsEngaged = "FewContactsEngaged";
        public const string BroadContactsEngaged = "BroadContactsEngaged";
        public const string NarrowDepartmentSpread = "NarrowDepartmentSpread";
        public const string WideDepartmentSpread = "WideDepartmentSpread";
        public const string NoDecisionMakerEngaged = "NoDecisionMakerEngaged";
        public const string DecisionMakerEngaged = "DecisionMakerEngaged";
        public const string SingleThreaded = "SingleThreaded";
        public const string MultiThreaded = "MultiThreaded";
        public const string MostlyOneWay = "MostlyOneWay";
        public const string TwoWayEngagement = "TwoWayEngagement";
        public const string ActsAsReference = "ActsAsReference";

        // Service.
        public const string NoServiceLevelAgreed = "NoServiceLevelAgreed";
        public const string ServiceLevelAgreed = "ServiceLevelAgreed";
        public const string ServiceLevelAgreedChannelUnreadable = "ServiceLevelAgreedChannelUnreadable";
        public const string CadenceMissed = "CadenceMissed";
        public const string CadenceKept = "CadenceKept";
        public const string CadenceNotMet = "CadenceNotMet";
        public const string CadenceMissedPartlyElsewhere = "CadenceMissedPartlyElsewhere";
        public const string CadenceKeptPartlyElsewhere = "CadenceKeptPartlyElsewhere";
        public const string NoImprovementProposals = "NoImprovementProposals";
        public const string FewImprovementProposals = "FewImprovementProposals";
        public const string ImprovementProposalsMade = "ImprovementProposalsMade";
    }

    /// <summary>Stable codes of next best actions: what the account team can do.</summary>
    public static class ActionCodes
    {
        public const string ReplacePerksWithValueConversation = "ReplacePerksWithValueConversation";
        public const string AskPreferredServiceLevel = "AskPreferredServiceLevel";
        public const string MeetAgreedCadence = "MeetAgreedCadence";
        public const string ReviewGoalsAndNeeds = "ReviewGoalsAndNeeds";
        public const string ScheduleValueReview = "ScheduleValueReview";
        public const string PutMoneyFigureOnValue = "PutMoneyFigureOnValue";
        public const string MeetPeopleBeyondMainContact = "MeetPeopleBeyondMainContact";
        public const string ShowValueToMoreDepartments = "ShowValueToMoreDepartments";
        public const string EngageDecisionMaker = "EngageDecisionMaker";
        public const string InviteCustomerInput = "InviteCustomerInput";
        public const string BringImprovementProposal = "BringImprovementProposal";
    }

    /// <summary>Names of the sub-measures, as they appear in assessments, explanations and the policy.</summary>
    public static class MeasureCodes
    {
        public const string GoalsCurrency = "GoalsCurrency";
        public const string ValueReporting = "ValueReporting";
        public const string ValueMonetised = "ValueMonetised";
        public const string ContactBreadth = "ContactBreadth";
        public const string DepartmentSpread = "DepartmentSpread";
        public const string SeniorityReach = "SeniorityReach";
        public const string ThreadConcentration = "ThreadConcentration";
        public const string TwoWayEngagement = "TwoWayEngagement";
        public const string ReferenceCustomer = "ReferenceCustomer";
        public const string ServiceLevelAgreed = "ServiceLevelAgreed";
        public const string CadenceAdherence = "CadenceAdherence";
        public const string ImprovementProposals = "ImprovementProposals";
    }

    /// <summary>Names of reason and action parameters.</summary>
    public static class ParameterNames
    {
        public const string Days = "days";
        public const string RequiredDays = "requiredDays";
        public const string Count = "count";
        public const string Target = "target";
        public const string Covered = "covered";
        public const string Periods = "periods";
        public const string Share = "share";
        public const string Contacts = "contacts";
        public const string Cadence = "cadence";
        public const string Channel = "channel";
        public const string PerkTouches = "perkTouches";
        public const string ValueTouches = "valueTouches";
        public const string PerkSpend = "perkSpend";
        public const string DeliveredValue = "deliveredValue";
        public const string Pillar = "pillar";
        public const string Score = "score";
        public const string Floor = "floor";
        public const string KnownPillars = "knownPillars";
        public const string Required = "required";
        public const string Partly = "partly";
        public const string PricedPerks = "pricedPerks";
        public const string UnpricedPerks = "unpricedPerks";
        public const string Missed = "missed";
        public const string Touch = "touch";
        public const string Input = "input";
        public const string Value = "value";
    }
}
