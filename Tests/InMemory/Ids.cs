using System;

namespace LoyaltyHealth.Tests.InMemory
{
    // Fixed ids, so a failure names the same rows on every run.
    internal static class Ids
    {
        public static readonly Guid Contoso = new Guid("a0000000-0000-0000-0000-000000000001");
        public static readonly Guid Fabrikam = new Guid("a0000000-0000-0000-0000-000000000002");
        public static readonly Guid Northwind = new Guid("a0000000-0000-0000-0000-000000000003");
        public static readonly Guid Alice = new Guid("c0000000-0000-0000-0000-000000000001");
        public static readonly Guid Bob = new Guid("c0000000-0000-0000-0000-000000000002");
        public static readonly Guid Carol = new Guid("c0000000-0000-0000-0000-000000000003");
        public static readonly Guid Owner = new Guid("d0000000-0000-0000-0000-000000000001");
        public static readonly Guid Email1 = new Guid("e0000000-0000-0000-0000-000000000001");
        public static readonly Guid Email2 = new Guid("e0000000-0000-0000-0000-000000000002");
        public static readonly Guid Call1 = new Guid("e0000000-0000-0000-0000-000000000003");
        public static readonly Guid Task1 = new Guid("e0000000-0000-0000-0000-000000000004");
        public static readonly Guid Report1 = new Guid("e0000000-0000-0000-0000-000000000005");
        public static readonly Guid Missing = new Guid("f0000000-0000-0000-0000-0000000000ff");
    }
}
