using System;
using System.Collections.Generic;
using System.Linq;

namespace LoyaltyHealth.Pack
{
    /// <summary>
    /// Components that newer solutions keep in folders of their own, in the zip exactly as in the
    /// unpacked source: environment variable definitions and Custom APIs with their parameters. Each
    /// file is named by its folder, which must match the unique name inside it.
    /// </summary>
    public static class FolderComponents
    {
        public static IEnumerable<KeyValuePair<string, byte[]>> Collect(SourceTree tree, ISet<string> used)
        {
            foreach (var folder in tree.Folders(SolutionLayout.EnvironmentVariables))
                yield return Named(tree, used, $"{folder}/{SolutionLayout.EnvironmentVariableFile}", "environmentvariabledefinition", "schemaname");

            foreach (var api in tree.Folders(SolutionLayout.CustomApis))
            {
                yield return Named(tree, used, $"{api}/{SolutionLayout.CustomApiFile}", "customapi", "uniquename");
                foreach (var parameter in tree.Folders($"{api}/{SolutionLayout.RequestParameters}"))
                    yield return Named(tree, used, $"{parameter}/{SolutionLayout.RequestParameterFile}", "customapirequestparameter", "uniquename");
                foreach (var property in tree.Folders($"{api}/{SolutionLayout.ResponseProperties}"))
                    yield return Named(tree, used, $"{property}/{SolutionLayout.ResponsePropertyFile}", "customapiresponseproperty", "uniquename");
            }

            // Cloud flow definitions, byte for byte (their records go into customizations.xml); each must be JSON.
            foreach (var record in tree.Files(SolutionLayout.Workflows, "*" + SolutionLayout.WorkflowDataSuffix))
            {
                var json = record[..^SolutionLayout.WorkflowDataSuffix.Length] + ".json";
                if (!tree.Exists(json)) continue; // CustomizationsBuilder names the missing file
                var bytes = System.IO.File.ReadAllBytes(tree.Full(json));
                try
                {
                    using var document = System.Text.Json.JsonDocument.Parse(bytes);
                }
                catch (System.Text.Json.JsonException e)
                {
                    throw new SourceFileError(json, "is not valid JSON: " + e.Message);
                }
                used.Add(json);
                yield return new KeyValuePair<string, byte[]>(json, bytes);
            }

            // The business events' catalog (Microsoft's "Catalog and CatalogAssignment tables", solution files):
            // catalogs/<uniquename>/catalog.xml and every assignment in Assets/catalogassignments.xml.
            foreach (var catalog in tree.Folders(SolutionLayout.Catalogs))
                yield return Named(tree, used, $"{catalog}/{SolutionLayout.CatalogFile}", "catalog", "uniquename");
            if (tree.Exists(SolutionLayout.CatalogAssignmentsFile))
            {
                var root = tree.LoadRoot(SolutionLayout.CatalogAssignmentsFile, "catalogassignments");
                used.Add(SolutionLayout.CatalogAssignmentsFile);
                yield return new KeyValuePair<string, byte[]>(SolutionLayout.CatalogAssignmentsFile, XmlText.Bytes(root));
            }
        }

        private static KeyValuePair<string, byte[]> Named(SourceTree tree, ISet<string> used, string file, string rootName, string nameAttribute)
        {
            var root = tree.LoadRoot(file, rootName);
            var name = root.RequiredAttribute(nameAttribute, file);
            var folder = file.Split('/')[^2];
            if (!string.Equals(name, folder, StringComparison.Ordinal))
                throw new SourceFileError(file, $"{nameAttribute} '{name}' does not match its folder '{folder}'.");
            used.Add(file);
            return new KeyValuePair<string, byte[]>(file, XmlText.Bytes(root));
        }
    }
}
