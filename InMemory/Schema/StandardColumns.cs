using System;
using System.Collections.Generic;
using System.Linq;

namespace LoyaltyHealth.InMemory.Schema
{
    /// <summary>
    /// The standard Dataverse columns the product, the CLI and the tests use, listed once. The solution
    /// defines only its own columns (solution/Entities), so these complete the schema of the in-memory
    /// organisation, and the column-coverage test checks the plugins against the same list. Solution
    /// columns (loy_) never belong here.
    /// </summary>
    public static class StandardColumns
    {
        /// <summary>Columns every Dataverse table has, whoever owns its rows.</summary>
        public static readonly IReadOnlyList<string> EveryTable = new[]
        {
            "createdon", "createdby", "createdonbehalfby", "modifiedon", "modifiedby", "modifiedonbehalfby", "overriddencreatedon",
            "versionnumber", "statecode", "statuscode", "importsequencenumber", "timezoneruleversionnumber", "utcconversiontimezonecode",
        };

        /// <summary>The owner columns of a table whose rows belong to a user or team.</summary>
        public static readonly IReadOnlyList<string> UserOwned = new[] { "ownerid", "owningbusinessunit", "owninguser", "owningteam" };

        /// <summary>The owner column of a table whose rows belong to the organisation.</summary>
        public static readonly IReadOnlyList<string> OrganizationOwned = new[] { "organizationid" };

        /// <summary>
        /// The columns all activity tables share, exactly those activitypointer exposes: custom columns
        /// cannot be added to activitypointer, so asking it for any other column fails in Dataverse.
        /// </summary>
        public static readonly IReadOnlyList<string> Activity = new[]
        {
            "activityid", "activitytypecode", "activityadditionalparams", "actualdurationminutes", "actualend", "actualstart",
            "community", "createdby", "createdon", "createdonbehalfby", "deliverylastattemptedon", "deliveryprioritycode",
            "description", "exchangeitemid", "exchangerate", "exchangeweblink", "importsequencenumber", "instancetypecode",
            "isbilled", "ismapiprivate", "isregularactivity", "isworkflowcreated", "lastonholdtime", "leftvoicemail",
            "modifiedby", "modifiedon", "modifiedonbehalfby", "onholdtime", "overriddencreatedon", "ownerid",
            "owningbusinessunit", "owningteam", "owninguser", "postponeactivityprocessinguntil", "prioritycode",
            "processid", "regardingobjectid", "scheduleddurationminutes", "scheduledend", "scheduledstart",
            "senton", "seriesid", "serviceid", "sla", "slainvokedid", "sortdate", "stageid", "statecode", "statuscode",
            "subject", "timezoneruleversionnumber", "transactioncurrencyid", "traversedpath", "utcconversiontimezonecode",
            "versionnumber",
        };

        /// <summary>The party lists Dataverse gives every custom activity table.</summary>
        public static readonly IReadOnlyList<string> CustomActivityPartyLists = new[]
        {
            "from", "to", "cc", "bcc", "requiredattendees", "optionalattendees", "organizer", "resources", "customers", "partners",
        };

        /// <summary>What a built-in activity table has beyond <see cref="Activity"/> that the product or its data uses.</summary>
        public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> BuiltInActivityTables = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["email"] = new[] { "directioncode", "from", "to", "cc", "bcc" },
            ["phonecall"] = new[] { "directioncode", "from", "to", "phonenumber" },
            ["appointment"] = new[] { "requiredattendees", "optionalattendees", "organizer", "location" },
            ["task"] = new[] { "percentcomplete" },
            ["letter"] = new[] { "directioncode", "from", "to", "bcc" },
            ["fax"] = new[] { "directioncode", "from", "to" },
        };

        /// <summary>The standard tables the product, the CLI and the tests use that are not activities, with their columns.</summary>
        public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Tables = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["account"] = EveryTable.Concat(UserOwned).Concat(new[]
            {
                "accountid", "name", "accountnumber", "description", "telephone1", "emailaddress1", "websiteurl", "address1_city", "address1_country",
                "industrycode", "revenue", "numberofemployees", "parentaccountid", "primarycontactid",
            }).ToArray(),
            ["contact"] = EveryTable.Concat(UserOwned).Concat(new[]
            {
                "contactid", "fullname", "firstname", "lastname", "jobtitle", "emailaddress1", "telephone1", "description",
                "parentcustomerid", "department", "accountrolecode",
            }).ToArray(),
            ["opportunity"] = EveryTable.Concat(UserOwned).Concat(new[] { "opportunityid", "name", "parentaccountid" }).ToArray(),
            ["environmentvariabledefinition"] = EveryTable.Concat(UserOwned).Concat(new[] { "environmentvariabledefinitionid", "schemaname", "displayname", "defaultvalue", "type" }).ToArray(),
            ["environmentvariablevalue"] = EveryTable.Concat(UserOwned).Concat(new[] { "environmentvariablevalueid", "schemaname", "value", "environmentvariabledefinitionid" }).ToArray(),
            // The system tables `loyalty check` reads about the installed product.
            ["solution"] = EveryTable.Concat(OrganizationOwned).Concat(new[] { "solutionid", "uniquename", "friendlyname", "version", "ismanaged", "installedon", "publisherid" }).ToArray(),
            ["sdkmessageprocessingstep"] = EveryTable.Concat(OrganizationOwned).Concat(new[]
            {
                "sdkmessageprocessingstepid", "name", "description", "plugintypeid", "eventhandler", "sdkmessageid", "sdkmessagefilterid", "stage", "mode", "rank",
                "filteringattributes", "configuration", "asyncautodelete", "supporteddeployment", "solutionid",
            }).ToArray(),
            ["workflow"] = EveryTable.Concat(UserOwned).Concat(new[] { "workflowid", "name", "category", "type", "primaryentity", "clientdata", "description", "solutionid" }).ToArray(),
            ["asyncoperation"] = EveryTable.Concat(UserOwned).Concat(new[]
            {
                "asyncoperationid", "name", "operationtype", "message", "friendlymessage", "errorcode", "owningextensionid", "regardingobjectid",
                "startedon", "completedon", "messagename", "primaryentitytype",
            }).ToArray(),
            ["systemuser"] = new[] { "systemuserid", "fullname", "createdon", "modifiedon", "versionnumber" },
            ["team"] = new[] { "teamid", "name", "createdon", "modifiedon", "versionnumber" },
        };

        /// <summary>activityparty has none of the usual system columns: its rows live and die with their activity.</summary>
        public static readonly IReadOnlyList<string> ActivityParty = new[]
        {
            "activitypartyid", "activityid", "partyid", "participationtypemask", "addressused", "versionnumber",
        };
    }
}
