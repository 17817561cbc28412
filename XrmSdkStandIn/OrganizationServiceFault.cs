using System;
using System.Globalization;
using System.Text;

namespace Microsoft.Xrm.Sdk
{
    public class OrganizationServiceFault : BaseServiceFault
    {
        public OrganizationServiceFault()
        {
        }

        public string TraceText { get; set; }

        public OrganizationServiceFault InnerFault { get; set; }

        // The official layout: one block per fault, outermost first, code in hex, time in UTC ISO form.
        public override string ToString()
        {
            var text = new StringBuilder();
            for (var fault = this; fault != null; fault = fault.InnerFault)
            {
                text.AppendLine("Exception details: ");
                text.AppendLine("ErrorCode: 0x" + fault.ErrorCode.ToString("X", CultureInfo.InvariantCulture));
                text.AppendLine("Message: " + fault.Message);
                text.AppendLine("TimeStamp: " + fault.Timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
                text.AppendLine("--");
            }

            return text.ToString();
        }
    }
}
