using System;
using System.Globalization;

namespace LoyaltyHealth.Model.Output
{
    public static class DataWarningCodes
    {
        public const string InteractionWithoutDate = "InteractionWithoutDate";
        public const string InteractionInFuture = "InteractionInFuture";
        public const string NegativeAmount = "NegativeAmount";
        public const string AccountCreatedInFuture = "AccountCreatedInFuture";
    }

    /// <summary>Input the scorer could not use, and why; scoring goes on without it.</summary>
    public sealed record DataWarning(string Code, Guid RecordId)
    {
        /// <summary>
        /// What was found and how the scorer took it, in the words of the plug-in trace log's other notes (the record first,
        /// then what it held, then what was done with it): the local tool shows it on the account as the trace has it.
        /// </summary>
        public string Describe()
        {
            var id = RecordId.ToString("D", CultureInfo.InvariantCulture);
            return Code switch
            {
                DataWarningCodes.InteractionWithoutDate => $"activity {id}: completed without a date (no actual or scheduled end); not counted",
                DataWarningCodes.InteractionInFuture => $"activity {id}: completed after the moment scored; not counted",
                DataWarningCodes.NegativeAmount => $"activity {id}: a negative value or perk cost; counted as 0",
                DataWarningCodes.AccountCreatedInFuture => $"account {id}: created after the moment scored; scored as a new account",
                _ => $"{Code} {id}",
            };
        }
    }
}
