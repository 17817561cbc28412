namespace LoyaltyHealth.Cli.Live.Check
{
    public enum Verdict
    {
        Ok,
        Warning,
        Problem,
    }

    /// <summary>One thing <c>check</c> found: how bad, what it saw, and what to do (empty when nothing is to do).</summary>
    public sealed record Finding(Verdict Verdict, string Found, string ToDo = "")
    {
        public override string ToString()
        {
            var label = Verdict switch { Verdict.Ok => "OK", Verdict.Warning => "WARNING", _ => "PROBLEM" };
            return ToDo.Length == 0 ? $"{label} {Found}" : $"{label} {Found} {ToDo}";
        }
    }
}
