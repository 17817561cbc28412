using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace LoyaltyHealth.Tests.Solution
{
    /// <summary>
    /// The shape Microsoft documents for a solution file that no published schema covers: the attributes
    /// and elements it must have, and the only elements it may have.
    /// </summary>
    internal sealed record DocumentedShape(string Root, string[] RequiredAttributes, string[] RequiredElements, string[] OptionalElements)
    {
        public IReadOnlyList<string> Problems(string file, XElement root)
        {
            var problems = new List<string>();
            if (root.Name.LocalName != Root) problems.Add($"{file}: the root is <{root.Name.LocalName}>, expected <{Root}>");
            foreach (var attribute in RequiredAttributes.Where(a => string.IsNullOrWhiteSpace((string?)root.Attribute(a))))
                problems.Add($"{file}: <{Root}> has no {attribute} attribute");
            foreach (var element in RequiredElements.Where(e => root.Element(e) is null))
                problems.Add($"{file}: <{Root}> has no <{element}>");
            foreach (var element in root.Elements().Where(e => !RequiredElements.Contains(e.Name.LocalName) && !OptionalElements.Contains(e.Name.LocalName)))
                problems.Add($"{file}: <{element.Name.LocalName}>{SolutionSource.Line(element)} is not part of the documented <{Root}>");
            foreach (var group in root.Elements().GroupBy(e => e.Name.LocalName).Where(g => g.Count() > 1))
                problems.Add($"{file}: <{group.Key}> appears {group.Count()} times");
            return problems;
        }

        // learn.microsoft.com/power-apps/developer/data-platform/create-custom-api-solution and custom-api-tables.
        public static readonly DocumentedShape CustomApi = new("customapi", new[] { "uniquename" },
            new[] { "allowedcustomprocessingsteptype", "bindingtype", "boundentitylogicalname", "description", "displayname", "iscustomizable", "isfunction", "isprivate", "name" },
            new[] { "executeprivilegename", "plugintypeid", "workflowsdkstepenabled" });

        public static readonly DocumentedShape RequestParameter = new("customapirequestparameter", new[] { "uniquename" },
            new[] { "description", "displayname", "iscustomizable", "isoptional", "logicalentityname", "name", "type" }, new string[0]);

        // The same page: isoptional is not valid for a response property and fails the import.
        public static readonly DocumentedShape ResponseProperty = new("customapiresponseproperty", new[] { "uniquename" },
            new[] { "description", "displayname", "iscustomizable", "logicalentityname", "name", "type" }, new string[0]);

        // The EnvironmentVariableDefinition table reference: type and displayname are application-required, schemaname system-required.
        public static readonly DocumentedShape EnvironmentVariable = new("environmentvariabledefinition", new[] { "schemaname" },
            new[] { "displayname", "type", "defaultvalue" },
            new[] { "description", "introducedversion", "iscustomizable", "isrequired", "secretstore", "hint", "valueschema", "parameterkey", "apiid" });

        // The PluginPackage table reference: uniquename and version are system-required, name application-required; the file is the package.
        // exportkeyversion is what every real export writes (juergenbeck/D365TestCenter solution/src/pluginpackages/…/pluginpackage.xml).
        public static readonly DocumentedShape PluginPackage = new("pluginpackage", new[] { "uniquename" },
            new[] { "exportkeyversion", "name", "version", "package" }, new[] { "iscustomizable", "statecode", "statuscode", "description" });

        // learn.microsoft.com/power-apps/developer/data-platform/catalog-catalogassignment, "Create a Catalog with solution files"
        // (MicrosoftDocs/powerapps-docs powerapps-docs/developer/data-platform/catalog-catalogassignment.md).
        public static readonly DocumentedShape Catalog = new("catalog", new[] { "uniquename" },
            new[] { "description", "displayname", "iscustomizable", "name" }, new[] { "parentcatalogid" });

        // The same page, "Create a CatalogAssignment with solution files": one element per assignment in Assets/catalogassignments.xml.
        public static readonly DocumentedShape CatalogAssignment = new("catalogassignment", new[] { "catalogid.uniquename", "objectidtype" },
            new[] { "iscustomizable", "name" }, new string[0]);
    }
}
