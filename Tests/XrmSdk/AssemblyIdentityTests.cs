using System;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.XrmSdk
{
    public class AssemblyIdentityTests
    {
        [Test]
        public void The_SDK_assembly_has_the_identity_of_the_official_Microsoft_Xrm_Sdk_9()
        {
            var name = typeof(Entity).Assembly.GetName();

            using (Assert.EnterMultipleScope())
            {
                Assert.That(name.Name, Is.EqualTo("Microsoft.Xrm.Sdk"));
                Assert.That(name.Version, Is.EqualTo(new Version(9, 0, 0, 0)));
                Assert.That(Convert.ToHexString(name.GetPublicKeyToken()!).ToLowerInvariant(), Is.EqualTo("31bf3856ad364e35"));
            }
        }
    }
}
