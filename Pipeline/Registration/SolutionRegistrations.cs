using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace LoyaltyHealth.Pipeline.Registration
{
    /// <summary>
    /// Everything an unpacked solution registers for the pipeline: its plugin steps and its Custom APIs.
    /// Steps are looked up by message and table; a step on no table fires for every table.
    /// </summary>
    public sealed class SolutionRegistrations
    {
        private readonly Dictionary<(string Message, string Table), StepDefinition[]> _byEvent = new();
        private readonly Dictionary<string, CustomApiDefinition> _apis;

        public SolutionRegistrations(IEnumerable<StepDefinition> steps, IEnumerable<CustomApiDefinition>? customApis = null)
        {
            Steps = steps.ToList();
            _apis = (customApis ?? Array.Empty<CustomApiDefinition>()).ToDictionary(a => a.UniqueName, StringComparer.OrdinalIgnoreCase);
            var duplicate = Steps.GroupBy(s => s.Id).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
                throw new SolutionFormatException(duplicate.Last().Source, $"step id {duplicate.Key} is also used by {duplicate.First().Source}.");
        }

        public IReadOnlyList<StepDefinition> Steps { get; }

        public IReadOnlyCollection<CustomApiDefinition> CustomApis => _apis.Values;

        /// <summary>Reads SdkMessageProcessingSteps/*.xml and customapis/*/customapi.xml of an unpacked solution folder.</summary>
        public static SolutionRegistrations Load(string solutionFolder)
        {
            if (!Directory.Exists(solutionFolder))
                throw new DirectoryNotFoundException($"The solution folder {solutionFolder} does not exist.");
            return new SolutionRegistrations(
                StepFileReader.ReadFolder(Path.Combine(solutionFolder, StepFileReader.FolderName)),
                CustomApiReader.ReadSolution(solutionFolder));
        }

        /// <summary>The steps for a message on a table, in the order the platform runs them: stage, then rank.</summary>
        public IReadOnlyList<StepDefinition> For(string message, string? table)
        {
            var key = (message, table ?? "");
            lock (_byEvent)
            {
                if (_byEvent.TryGetValue(key, out var cached)) return cached;
                var steps = Steps
                    .Where(s => string.Equals(s.Message, message, StringComparison.OrdinalIgnoreCase)
                        && (s.PrimaryEntity is null || string.Equals(s.PrimaryEntity, table, StringComparison.Ordinal)))
                    .OrderBy(s => s.Stage).ThenBy(s => s.Rank).ThenBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Id)
                    .ToArray();
                _byEvent[key] = steps;
                return steps;
            }
        }

        public CustomApiDefinition? CustomApi(string message) => _apis.TryGetValue(message, out var api) ? api : null;
    }
}
