using System;

namespace LoyaltyHealth.InMemory
{
    // Raised anywhere inside the service; the public boundary turns it into the
    // FaultException<OrganizationServiceFault> callers of Dataverse expect, stamped with the service clock.
    internal sealed class DataverseFault : Exception
    {
        public DataverseFault(int errorCode, string message)
            : base(message)
        {
            ErrorCode = errorCode;
        }

        public int ErrorCode { get; }

        public static DataverseFault InvalidArgument(string message) => new DataverseFault(ErrorCodes.InvalidArgument, message);

        public static DataverseFault DoesNotExist(string table, Guid id) =>
            new DataverseFault(ErrorCodes.ObjectDoesNotExist, $"Entity '{table}' With Id = {id} Does Not Exist");

        // Dataverse's own wording, so a local failure reads as the one the deployed product would log.
        public static DataverseFault NoTable(string table) =>
            new DataverseFault(ErrorCodes.QueryBuilderNoEntity, $"The entity with a name = '{table}' with namemapping = 'Logical' was not found in the MetadataCache.");

        public static DataverseFault PrivilegeDenied(Guid user, string privilege, string table) =>
            new DataverseFault(ErrorCodes.PrivilegeDenied, $"Principal user (Id={user}, type=8), is missing {privilege} privilege for entity '{table}'. Consider adding missed privilege to one of the principal (user/team) roles.");

        public static DataverseFault RecordAccessDenied(Guid user, string table, Guid id) =>
            new DataverseFault(ErrorCodes.RecordAccessDenied, $"Principal with ID {user} does not have ReadAccess right(s) for record with ID {id} of entity {table}.");

        public static DataverseFault NoColumn(string table, string column) =>
            new DataverseFault(ErrorCodes.QueryBuilderNoAttribute, $"'{table}' entity doesn't contain attribute with Name = '{column}' and NameMapping = 'Logical'.");
    }
}
