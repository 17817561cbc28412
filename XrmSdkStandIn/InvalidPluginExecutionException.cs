using System;
using System.Collections.Generic;
using System.Runtime.Serialization;
using System.Text;

namespace Microsoft.Xrm.Sdk
{
    public sealed class InvalidPluginExecutionException : Exception, ISerializable
    {
        public InvalidPluginExecutionException()
        {
        }

        public InvalidPluginExecutionException(OperationStatus status)
            : this(status, string.Empty)
        {
        }

        public InvalidPluginExecutionException(string message)
            : base(message)
        {
        }

        public InvalidPluginExecutionException(OperationStatus status, string message)
            : base(message)
        {
            Status = status;
        }

        public InvalidPluginExecutionException(string message, Exception exception)
            : base(message, exception)
        {
        }

        public InvalidPluginExecutionException(OperationStatus status, int errorCode, string message)
            : base(message)
        {
            Status = status;
            HResult = errorCode;
        }

        public InvalidPluginExecutionException(string message, PluginHttpStatusCode httpStatus)
            : base(message)
        {
            HttpStatus = httpStatus;
        }

        public InvalidPluginExecutionException(string message, PluginHttpStatusCode httpStatus, Dictionary<string, string> exceptionDetails)
            : base(message)
        {
            HttpStatus = httpStatus;
            ExceptionDetails = exceptionDetails;
        }

        public InvalidPluginExecutionException(OperationStatus status, int errorCode, string message, PluginHttpStatusCode httpStatus)
            : base(message)
        {
            Status = status;
            HResult = errorCode;
            HttpStatus = httpStatus;
        }

        public InvalidPluginExecutionException(string message, Dictionary<string, string> exceptionDetails)
            : base(message)
        {
            ExceptionDetails = exceptionDetails;
        }

        public InvalidPluginExecutionException(OperationStatus status, string message, Dictionary<string, string> exceptionDetails)
            : base(message)
        {
            Status = status;
            ExceptionDetails = exceptionDetails;
        }

        public OperationStatus Status { get; private set; }

        // The official keeps the code in HResult, so an unset code reads as the Exception default.
        public int ErrorCode => HResult;

        public PluginHttpStatusCode HttpStatus { get; private set; }

        // Empty unless details are passed; a null dictionary passed explicitly stays null, as in the
        // official, and the caller's dictionary is kept rather than copied.
        public IReadOnlyDictionary<string, string> ExceptionDetails { get; private set; } = new Dictionary<string, string>();

        // The official text names only the status and HTTP status, not the message.
        public override string ToString()
        {
            var text = new StringBuilder();
            text.AppendLine("_status: " + Status);
            text.AppendLine("_httpStatusCode: " + HttpStatus);
            return text.ToString();
        }
    }
}
