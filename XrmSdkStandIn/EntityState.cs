namespace Microsoft.Xrm.Sdk
{
    public enum EntityState
    {
        Unchanged = 0,
        Created = 1,
        Changed = 2,
    }
}
