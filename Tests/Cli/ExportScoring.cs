using System;
using LoyaltyHealth.Cli.Cmt;
using LoyaltyHealth.Cli.Local;
using LoyaltyHealth.Cli.Staging;
using LoyaltyHealth.Model.Policy;

namespace LoyaltyHealth.Tests.Cli
{
    /// <summary>An export scored as <c>score</c> scores it, with the default policy: staged once, then each account replayed through the plugins.</summary>
    internal static class ExportScoring
    {
        public static (ScoredAccounts Accounts, ExportRunStats Stats) Score(string zip, DateTime asOf, int workers, string folder)
        {
            var replay = Replay(asOf);
            using var reader = CmtPackageReader.Open(zip);
            using var staging = ExportRun.Stage(reader, asOf);
            return ExportRun.Score(staging, reader.Skips, replay, TimeSpan.Zero, workers, folder: folder);
        }

        /// <summary>The replay <c>score</c> builds: the shipped registrations and schema, the default policy.</summary>
        public static AccountReplay Replay(DateTime asOf)
        {
            var probe = new LocalOrganisation(SolutionLocator.Find(null), asOf);
            var policy = LoyaltyPolicy.Default.ToJson();
            probe.UsePolicy(policy);
            return new AccountReplay(probe.Pipeline.Registrations, probe.Store.Schema!, policy, asOf);
        }
    }
}
