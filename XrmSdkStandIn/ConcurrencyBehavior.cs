namespace Microsoft.Xrm.Sdk
{
    public enum ConcurrencyBehavior
    {
        Default = 0,
        IfRowVersionMatches = 1,
        AlwaysOverwrite = 2,
    }
}
