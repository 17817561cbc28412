namespace LoyaltyHealth.Plugins.Framework
{
    /// <summary>The OrganizationServiceFault error codes the plugins react to, as Dataverse reports them.</summary>
    public static class DataverseErrorCodes
    {
        public const int ObjectDoesNotExist = unchecked((int)0x80040217);
        public const int DuplicateRecord = unchecked((int)0x80040237);
        public const int ConcurrencyVersionMismatch = unchecked((int)0x80060882);
        public const int AggregateQueryRecordLimit = unchecked((int)0x8004E023);
        /// <summary>The caller holds no role granting the privilege ("Principal user … is missing prvReadAccount privilege").</summary>
        public const int PrivilegeDenied = unchecked((int)0x80040220);
        /// <summary>The caller holds the privilege, but its depth and shares do not reach this record ("… does not have ReadAccess right(s) for record …").</summary>
        public const int RecordAccessDenied = unchecked((int)0x80048306);
    }
}
