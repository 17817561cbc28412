using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    public class OrganizationResponse : IExtensibleDataObject
    {
        private ParameterCollection _results;

        public OrganizationResponse()
        {
        }

        public string ResponseName { get; set; }

        public object this[string parameterName]
        {
            get => Results[parameterName];
            set => Results[parameterName] = value;
        }

        public ParameterCollection Results
        {
            get => _results ?? (_results = new ParameterCollection());
            set => _results = value;
        }

        public ExtensionDataObject ExtensionData { get; set; }
    }
}
