using System;
using LoyaltyHealth.InMemory;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.InMemory
{
    public class MalformedFetchXmlTests
    {
        [TestCase("<fetch><entity name='account'><attribute name='name'", "not well-formed", TestName = "Broken XML is refused")]
        [TestCase("<query><entity name='account'/></query>", "<query>", TestName = "A root other than fetch is named")]
        [TestCase("<fetch><entity name='account'><atribute name='name'/></entity></fetch>", "<atribute>", TestName = "An unknown element is named")]
        [TestCase("<fetch><entity name='account'><attribute nam='name'/></entity></fetch>", "'nam'", TestName = "An unknown attribute is named")]
        [TestCase("<fetch><entity><attribute name='name'/></entity></fetch>", "'name'", TestName = "A missing entity name is named")]
        [TestCase("<fetch><entity name='account'><filter><condition attribute='name' operator='contains' value='x'/></filter></entity></fetch>", "'contains'", TestName = "An unsupported operator is named")]
        [TestCase("<fetch><entity name='account'><filter><condition attribute='name' operator='eq'/></filter></entity></fetch>", "exactly one value", TestName = "A missing value is reported")]
        [TestCase("<fetch><entity name='account'><filter><condition attribute='name' operator='null' value='x'/></filter></entity></fetch>", "takes no value", TestName = "A value on null is reported")]
        [TestCase("<fetch><entity name='account'><filter type='xor'/></entity></fetch>", "xor", TestName = "A bad filter type is named")]
        [TestCase("<fetch><entity name='account'><filter type='and' hint='union'/></entity></fetch>", "only on an or filter", TestName = "A union hint on an and filter is refused")]
        [TestCase("<fetch><entity name='account'><filter type='or' hint='loop'/></entity></fetch>", "the only hint is union", TestName = "An unknown filter hint is refused")]
        [TestCase("<fetch><entity name='account'><filter><filter type='or' hint='union'/><filter type='or' hint='union'/></filter></entity></fetch>", "only one union hint", TestName = "A second union hint is refused")]
        [TestCase("<fetch><entity name='account'><link-entity name='contact' to='accountid'/></entity></fetch>", "'from'", TestName = "A link without from is named")]
        [TestCase("<fetch><entity name='account'><link-entity name='contact' from='a' to='b' link-type='any'/></entity></fetch>", "'any'", TestName = "An unsupported link type is named")]
        [TestCase("<fetch aggregate='true'><entity name='account'><attribute name='accountid' aggregate='count'/></entity></fetch>", "alias", TestName = "An aggregate without alias is refused")]
        [TestCase("<fetch><entity name='account'><attribute name='accountid' aggregate='count' alias='n'/></entity></fetch>", "aggregate=\"true\"", TestName = "An aggregate outside an aggregate fetch is refused")]
        [TestCase("<fetch aggregate='true'><entity name='account'><attribute name='accountid' aggregate='median' alias='n'/></entity></fetch>", "'median'", TestName = "An unknown aggregate is named")]
        [TestCase("<fetch aggregate='true'><entity name='account'><attribute name='createdon' groupby='true' dategrouping='month' alias='m'/></entity></fetch>", "dategrouping", TestName = "Date grouping is refused by name")]
        [TestCase("<fetch top='5' count='2'><entity name='account'/></fetch>", "top", TestName = "Top with count is refused")]
        [TestCase("<fetch count='-1'><entity name='account'/></fetch>", "'count'", TestName = "A negative count is named")]
        [TestCase("<fetch><entity name='account'><filter><condition attribute='a' operator='eq' valueof='b'/></filter></entity></fetch>", "valueof", TestName = "Column comparison is refused by name")]
        [TestCase("<fetch><entity name='account'><order attribute='name' alias='n'/></entity></fetch>", "exactly one of attribute or alias", TestName = "An order with both attribute and alias is refused")]
        [TestCase("<fetch><entity name='account'><atribute name='name'/></entity></fetch><fetch/>", "not well-formed", TestName = "Broken XML after an unknown element is refused as broken XML")]
        [TestCase("<fetch><entity name='account'><atribute name='name'/></entity><entity name='contact'/></fetch>", "found 2", TestName = "A second entity is reported before an unknown element in the first")]
        [TestCase("<fetch><entity name='account'><atribute name='name'/></entity><order attribute='name'/></fetch>", "<fetch> does not support the child element <order>", TestName = "An unknown child of fetch after the entity is named before an unknown element in the entity")]
        [TestCase("<fetch><entity name='account'><atribute name='name'/><filter><filter type='or' hint='union'/><filter type='or' hint='union'/></filter></entity></fetch>", "only one union hint", TestName = "A second union hint is reported before an earlier unknown element")]
        [TestCase("<query><entity name='account'/><filter type='or' hint='union'/><filter type='or' hint='union'/></query>", "<query>", TestName = "A root other than fetch is named before its union hints")]
        public void Malformed_or_unsupported_FetchXML_is_an_invalid_argument_fault_naming_the_problem(string fetchXml, string named)
        {
            var service = new InMemoryOrganizationService(() => new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc));

            var fault = Faults.Of(() => service.RetrieveMultiple(new FetchExpression(fetchXml)));

            using (Assert.EnterMultipleScope())
            {
                Assert.That(fault.ErrorCode, Is.EqualTo(ErrorCodes.InvalidArgument));
                Assert.That(fault.Message, Does.Contain(named));
            }
        }
    }
}
