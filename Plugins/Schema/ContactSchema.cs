namespace LoyaltyHealth.Plugins.Schema
{
    public static class ContactSchema
    {
        public const string EntityName = "contact";
        public const string Id = "contactid";
        /// <summary>The account (or contact) the person works for.</summary>
        public const string ParentCustomerId = "parentcustomerid";
        public const string Department = "department";
        /// <summary>Standard "Role": Decision Maker 1, Employee 2, Influencer 3.</summary>
        public const string AccountRoleCode = "accountrolecode";
        public const string StateCode = "statecode";

        public const int RoleDecisionMaker = 1;
        public const int RoleEmployee = 2;
        public const int RoleInfluencer = 3;
        public const int StateActive = 0;

        /// <summary>What a change to a contact must touch to matter to its account's assessment.</summary>
        public static readonly string[] Relevant = { ParentCustomerId, Department, AccountRoleCode, StateCode };
    }
}
