using System;
using System.Collections.Generic;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Pipeline.Execution
{
    /// <summary>The faults a caller of the pipeline receives, shaped as Dataverse sends them.</summary>
    public static class PipelineFaults
    {
        /// <summary>0x80040265 (IsvAborted): a plugin threw, and the operation failed with its message.</summary>
        public const int PluginAborted = unchecked((int)0x80040265);

        /// <summary>0x80040216: the generic code, used for the loop protection the platform applies at depth 8.</summary>
        public const int Unspecified = unchecked((int)0x80040216);

        public static FaultException<OrganizationServiceFault> FromPlugin(string stepName, Exception error, IReadOnlyList<string> trace, DateTime now)
        {
            var message = error is FaultException<OrganizationServiceFault> fault ? fault.Detail?.Message ?? fault.Message : error.Message;
            return Create(PluginAborted, message, string.Join(Environment.NewLine, trace), now, $"step {stepName}");
        }

        public static FaultException<OrganizationServiceFault> LoopDetected(string message, string table, int depth, int maximum, DateTime now) =>
            Create(Unspecified,
                $"{message} of {table} would run at depth {depth}: the chain of operations that plugins started is deeper than {maximum}, which Dataverse treats as an infinite loop and stops.",
                "", now, null);

        private static FaultException<OrganizationServiceFault> Create(int code, string message, string trace, DateTime now, string? where)
        {
            var detail = new OrganizationServiceFault { ErrorCode = code, Message = message, TraceText = trace, Timestamp = now };
            return new FaultException<OrganizationServiceFault>(detail, new FaultReason(where is null ? message : message + " (" + where + ")"));
        }
    }
}
