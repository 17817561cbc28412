using System;

namespace LoyaltyHealth.Cli.Live
{
    public enum EnvironmentFailure
    {
        /// <summary>The URL answers nothing, or not as a Dataverse environment.</summary>
        Unreachable,
        /// <summary>Microsoft Entra ID or the environment refused the sign-in.</summary>
        SignInRefused,
        /// <summary>Signed in, but a privilege or the product is missing.</summary>
        NotPermitted,
        /// <summary>The platform keeps throttling beyond what the tool waits.</summary>
        Throttled,
    }

    /// <summary>A problem reaching or using the environment, told in one line with what to do.</summary>
    public sealed class EnvironmentException : Exception
    {
        public EnvironmentException(string message, EnvironmentFailure failure, Exception? inner = null)
            : base(message, inner)
        {
            Failure = failure;
        }

        public EnvironmentFailure Failure { get; }
    }
}
