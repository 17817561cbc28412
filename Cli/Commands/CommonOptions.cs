using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using LoyaltyHealth.Cli.Output;
using LoyaltyHealth.Model.Policy;

namespace LoyaltyHealth.Cli.Commands
{
    /// <summary>The options demo, score and explain share, and how they are read and checked.</summary>
    public sealed class CommonOptions
    {
        public Option<string?> Policy { get; } = new("--policy") { Description = "A loyalty policy JSON file (only the fields it changes); it is checked completely before anything runs." };
        public Option<string?> AsOf { get; } = new("--as-of") { Description = "Score as of this date (yyyy-MM-dd, UTC); by default when the data was exported." };
        public Option<string> Output { get; } = new("--output") { Description = "The folder for report.html and accounts.csv.", DefaultValueFactory = _ => "loyalty-report" };
        public Option<string> Language { get; } = new("--language") { Description = "Language of reasons, actions and the report: " + string.Join(", ", UiText.Languages) + ".", DefaultValueFactory = _ => "en" };
        public Option<string?> Solution { get; } = new("--solution") { Description = "A packed solution zip or an unpacked solution folder whose registrations drive the pipeline; by default the one built with the tool." };

        public CommonOptions()
        {
            Language.AcceptOnlyFromAmong(System.Linq.Enumerable.ToArray(UiText.Languages));
        }

        /// <param name="writesReport">Whether the command writes report.html and accounts.csv: only then does it take --output.</param>
        public void AddTo(Command command, bool writesReport = true)
        {
            command.Options.Add(Policy);
            command.Options.Add(AsOf);
            if (writesReport) command.Options.Add(Output);
            command.Options.Add(Language);
            command.Options.Add(Solution);
        }

        /// <summary>The policy document to store, with the chosen language; every problem of a given file is listed with its JSON path.</summary>
        public static string PolicyJson(string? path, string language)
        {
            if (path is null) return PolicyJson(null, "", language);
            if (!File.Exists(path)) throw new CliException($"The policy file {path} does not exist.");
            return PolicyJson(File.ReadAllText(path), $"The policy file {path}", language);
        }

        /// <summary>A policy document (null: the built-in default) checked completely, with the chosen language; <paramref name="what"/> names it in the error.</summary>
        public static string PolicyJson(string? document, string what, string language)
        {
            LoyaltyPolicy policy;
            if (document is null)
            {
                policy = LoyaltyPolicy.Default;
            }
            else
            {
                var problems = PolicyLoader.TryLoad(document, out var loaded);
                if (problems.Count > 0)
                    throw new CliException($"{what} is invalid ({Quantity.Of(problems.Count, "problem", "problems")}); nothing was run:\n  " + string.Join("\n  ", problems));
                policy = loaded!;
            }
            policy.Explanations.Language = language;
            return policy.ToJson();
        }

        public static DateTime? ParseAsOf(string? text)
        {
            if (text is null) return null;
            if (DateTime.TryParseExact(text, new[] { "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss" }, CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value))
                return DateTime.SpecifyKind(value.Date == value ? value.AddHours(12) : value, DateTimeKind.Utc);
            throw new CliException($"--as-of '{text}' is not a date such as 2026-06-30.");
        }
    }
}
