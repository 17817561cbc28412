using System;
using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.Plugins.Configuration;
using LoyaltyHealth.Plugins.Framework;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Plugins.Health
{
    /// <summary>
    /// What a recalculation hands to the synchronous steps its write of an account triggers (RecordAssessmentChange,
    /// in the write's transaction): the policy document it scored with and the account's follow-up tasks as its read
    /// found them, so those steps read neither again. It travels in the recalculation's own shared variables, which a
    /// step finds only in a context above its own (<see cref="ProductWriteMarker.ValueAbove"/>): a caller can set no
    /// shared variable but the request's tag, so nothing here can be forged. Shared variables carry the platform's
    /// serialisable types only, so the policy travels as its text (empty for the built-in default) and the tasks as
    /// an <see cref="EntityCollection"/>.
    /// </summary>
    public static class AssessmentHandOver
    {
        private const string PolicyKey = "LoyaltyHealth.Policy:";
        private const string FollowUpsKey = "LoyaltyHealth.FollowUps:";

        /// <param name="followUps">The account's follow-up tasks (id, reason, state); null when the read did not take them, so the step reads them.</param>
        public static void Give(IPluginExecutionContext sender, Guid accountId, PolicyDocument policy, IReadOnlyList<Entity>? followUps)
        {
            sender.SharedVariables[PolicyKey + accountId] = policy.Json ?? "";
            if (followUps is null) sender.SharedVariables.Remove(FollowUpsKey + accountId);
            else sender.SharedVariables[FollowUpsKey + accountId] = new EntityCollection(followUps.ToList());
        }

        /// <summary>The policy document handed over for the account by a context above; null when none was (then the step reads it).</summary>
        public static string? PolicyJson(IPluginExecutionContext context, Guid accountId) =>
            ProductWriteMarker.ValueAbove(context, PolicyKey + accountId) is string json ? json : null;

        /// <summary>The account's follow-up tasks handed over by a context above; null when none were (then the step reads them).</summary>
        public static IReadOnlyList<Entity>? FollowUps(IPluginExecutionContext context, Guid accountId) =>
            ProductWriteMarker.ValueAbove(context, FollowUpsKey + accountId) is EntityCollection tasks ? tasks.Entities.ToList() : null;
    }
}
