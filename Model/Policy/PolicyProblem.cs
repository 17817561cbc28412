namespace LoyaltyHealth.Model.Policy
{
    /// <summary>One thing wrong with a policy document: where (a JSON path such as <c>$.weights.service</c>) and what.</summary>
    public sealed record PolicyProblem(string Path, string Message)
    {
        public override string ToString() => Path + ": " + Message;
    }
}
