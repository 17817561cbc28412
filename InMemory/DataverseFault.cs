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
    }
}
