using System;

namespace LoyaltyHealth.Pack
{
    /// <summary>A reason the solution cannot be packed; the message is meant for the person running the pack.</summary>
    public class PackError : Exception
    {
        public PackError(string message, Exception? inner = null) : base(message, inner) { }
    }

    /// <summary>A problem in one source file: the message starts with the file, so an editor or CI log points straight at it.</summary>
    public sealed class SourceFileError : PackError
    {
        public SourceFileError(string file, string problem, Exception? inner = null) : base(file + ": " + problem, inner)
        {
            File = file;
            Problem = problem;
        }

        /// <summary>The file, relative to the solution folder, with forward slashes.</summary>
        public string File { get; }
        public string Problem { get; }
    }
}
