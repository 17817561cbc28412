using System;

namespace LoyaltyHealth.Cli.Commands
{
    /// <summary>A problem with what the user gave the tool: reported as it is, with a non-zero exit code, never as a stack trace.</summary>
    public sealed class CliException : Exception
    {
        public CliException(string message, int exitCode = ExitCodes.InvalidInput, Exception? inner = null)
            : base(message, inner)
        {
            ExitCode = exitCode;
        }

        public int ExitCode { get; }
    }

    public static class ExitCodes
    {
        public const int Success = 0;
        /// <summary>A missing or unreadable file, invalid data, an invalid policy or option.</summary>
        public const int InvalidInput = 1;
        /// <summary>The run finished and wrote its output, but system jobs failed: the plugins did not do all their work.</summary>
        public const int JobsFailed = 2;
        /// <summary>The tool itself failed (out of memory, an unexpected error): one line, no output written.</summary>
        public const int Internal = 3;
        /// <summary>--environment: the URL answers no Dataverse Web API, the sign-in was refused, or the platform kept throttling.</summary>
        public const int EnvironmentUnavailable = 4;
        /// <summary>--environment: signed in, but a privilege the command needs is missing.</summary>
        public const int NotPermitted = 5;
        /// <summary>check: the environment was read, and the installation has at least one problem.</summary>
        public const int Unhealthy = 6;
        /// <summary>Stopped by Ctrl+C or SIGTERM while staging or scoring (128 + SIGINT, as shells report it): nothing written, temporary files removed.</summary>
        public const int Stopped = 130;
    }
}
