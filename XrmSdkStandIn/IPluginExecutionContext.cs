namespace Microsoft.Xrm.Sdk
{
    // Stage and ParentContext are declared here, not on IExecutionContext: a MemberRef to the wrong
    // interface would not bind against the official assembly.
    public interface IPluginExecutionContext : IExecutionContext
    {
        int Stage { get; }

        IPluginExecutionContext ParentContext { get; }
    }
}
