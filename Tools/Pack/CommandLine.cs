using System;
using System.Collections.Generic;

namespace LoyaltyHealth.Pack
{
    /// <summary>The options of the pack command.</summary>
    public sealed record CommandLine(string Configuration, bool Build, string? PluginBuild, string? Solution, string? Output, bool Help, bool WriteSteps = false)
    {
        public const string Usage =
            "Packs solution/ and the net462 plugin build into dist/<UniqueName>_<version>.zip.\n\n" +
            "  dotnet run --project Tools/Pack -- [options]\n\n" +
            "  -c, --configuration <name>  build configuration of the plugin project (default Release)\n" +
            "      --no-build              use the existing plugin build instead of building it first\n" +
            "      --plugin-build <folder> take the net462 plugin build from this folder (implies --no-build)\n" +
            "      --solution <folder>     the unpacked solution source (default <repository>/solution)\n" +
            "      --output <folder>       where the zip and the .nupkg go (default <repository>/dist)\n" +
            "      --write-steps           derive solution/SdkMessageProcessingSteps/ and the step root components of\n" +
            "                              Other/Solution.xml from the plugins' declared steps, then stop\n" +
            "  -h, --help                  show this text";

        public static CommandLine Parse(IReadOnlyList<string> args)
        {
            var result = new CommandLine("Release", true, null, null, null, false);
            for (var i = 0; i < args.Count; i++)
            {
                string Value() => i + 1 < args.Count ? args[++i] : throw new PackError($"{args[i]} needs a value.\n\n{Usage}");
                result = args[i] switch
                {
                    "-c" or "--configuration" => result with { Configuration = Value() },
                    "--no-build" => result with { Build = false },
                    "--plugin-build" => result with { PluginBuild = Value(), Build = false },
                    "--solution" => result with { Solution = Value() },
                    "--output" => result with { Output = Value() },
                    "-h" or "--help" => result with { Help = true },
                    "--write-steps" => result with { WriteSteps = true },
                    _ => throw new PackError($"Unknown option '{args[i]}'.\n\n{Usage}"),
                };
            }
            return result;
        }
    }
}
