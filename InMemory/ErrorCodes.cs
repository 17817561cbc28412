namespace LoyaltyHealth.InMemory
{
    /// <summary>
    /// The Dataverse error codes (OrganizationServiceFault.ErrorCode) this service raises, with the names
    /// the platform documents for them.
    /// </summary>
    public static class ErrorCodes
    {
        /// <summary>0x80040217: the record does not exist.</summary>
        public const int ObjectDoesNotExist = -2147220969;

        /// <summary>0x80040237: a record with this id already exists.</summary>
        public const int DuplicateRecord = -2147220937;

        /// <summary>0x80040203: an argument (a query, a column value, a request parameter) is invalid.</summary>
        public const int InvalidArgument = -2147220989;

        /// <summary>
        /// 0x80041102 (QueryBuilderNoEntity): no table has this logical name; Dataverse answers every
        /// message naming it so ("... was not found in the MetadataCache").
        /// </summary>
        public const int QueryBuilderNoEntity = -2147217150;

        /// <summary>
        /// 0x80041103 (QueryBuilderNoAttribute): the table has no column of this logical name; Dataverse
        /// answers queries, retrieves and writes naming it so ("... entity doesn't contain attribute with Name = ...").
        /// </summary>
        public const int QueryBuilderNoAttribute = -2147217149;

        /// <summary>0x8004430D: a query has more link-entities than Dataverse allows (15, "Join tables using FetchXml", Limitations).</summary>
        public const int TooManyLinkEntities = -2147204339;

        /// <summary>0x80040216: generic error, used for a request name nothing handles.</summary>
        public const int Unspecified = -2147220970;

        /// <summary>0x80060882: IfRowVersionMatches was asked and the row version differs.</summary>
        public const int ConcurrencyVersionMismatch = -2147088254;

        /// <summary>0x8006088D: IfRowVersionMatches was asked without a row version.</summary>
        public const int ConcurrencyVersionNotProvided = -2147088243;

        /// <summary>
        /// 0x80040220 (PrivilegeDenied): the caller holds no role granting the privilege at all; Dataverse
        /// words it "Principal user (Id=…) is missing prvReadAccount privilege … for entity 'account'".
        /// </summary>
        public const int PrivilegeDenied = -2147220960;

        /// <summary>
        /// 0x80048306: the caller holds the privilege, but not at a depth (or through a share) that reaches this
        /// record; "Principal with ID … does not have ReadAccess right(s) for record with ID … of entity account".
        /// </summary>
        public const int RecordAccessDenied = -2147187962;

        /// <summary>0x8004E023: an aggregate query matched more than 50,000 rows.</summary>
        public const int AggregateQueryRecordLimit = -2147164125;
    }
}
