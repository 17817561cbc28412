using System;

namespace LoyaltyHealth.Pipeline.Registration
{
    /// <summary>A solution file the local pipeline cannot use, with the file it is about.</summary>
    public sealed class SolutionFormatException : Exception
    {
        public SolutionFormatException(string file, string message, Exception? inner = null)
            : base($"{file}: {message}", inner)
        {
            File = file;
        }

        public string File { get; }
    }
}
