using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    public class OrganizationRequest : IExtensibleDataObject
    {
        private ParameterCollection _parameters;

        public OrganizationRequest()
        {
        }

        public OrganizationRequest(string requestName)
        {
            RequestName = requestName;
        }

        public string RequestName { get; set; }

        public object this[string parameterName]
        {
            get => Parameters[parameterName];
            set => Parameters[parameterName] = value;
        }

        public ParameterCollection Parameters
        {
            get => _parameters ?? (_parameters = new ParameterCollection());
            set => _parameters = value;
        }

        public Guid? RequestId { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }
}
