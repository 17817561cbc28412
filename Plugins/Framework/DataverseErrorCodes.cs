namespace LoyaltyHealth.Plugins.Framework
{
    /// <summary>The OrganizationServiceFault error codes the plugins react to, as Dataverse reports them.</summary>
    public static class DataverseErrorCodes
    {
        public const int ObjectDoesNotExist = unchecked((int)0x80040217);
        public const int DuplicateRecord = unchecked((int)0x80040237);
        public const int ConcurrencyVersionMismatch = unchecked((int)0x80060882);
        public const int AggregateQueryRecordLimit = unchecked((int)0x8004E023);
    }
}
