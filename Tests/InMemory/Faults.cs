using System;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.InMemory
{
    internal static class Faults
    {
        public static OrganizationServiceFault Of(Action call)
        {
            var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(call);
            return fault!.Detail;
        }
    }
}
