using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace LoyaltyHealth.Pack
{
    /// <summary>
    /// Builds customizations.xml from Other/Customizations.xml and the per-component files, in the
    /// element order of Microsoft's schema (ImportExportXml is a sequence).
    /// </summary>
    public sealed class CustomizationsBuilder
    {
        private readonly SourceTree _tree;
        private readonly ISet<string> _used;

        public CustomizationsBuilder(SourceTree tree, ISet<string> used)
        {
            _tree = tree;
            _used = used;
        }

        public XElement Build()
        {
            const string file = SolutionLayout.CustomizationsFile;
            var root = new XElement(_tree.LoadRoot(file, "ImportExportXml"));
            _used.Add(file);
            Fill(root, "Entities", _tree.Folders(SolutionLayout.Entities).Select(f => EntityAssembler.Assemble(_tree, f, _used)));
            Fill(root, "Roles", Components(SolutionLayout.Roles, "Role", (f, e) => e.RequiredAttribute("name", f)));
            Fill(root, "Workflows", Components(SolutionLayout.Workflows, "Workflow", CheckWorkflow, "*" + SolutionLayout.WorkflowDataSuffix));
            Fill(root, "EntityRelationships", Relationships());
            Fill(root, "optionsets", Components(SolutionLayout.OptionSets, "optionset", CheckOptionSetName));
            Fill(root, "Dashboards", Components(SolutionLayout.Dashboards, "Dashboard", CheckDashboard));
            Fill(root, "SolutionPluginAssemblies", PluginAssemblies());
            Fill(root, "SdkMessageProcessingSteps", Components(SolutionLayout.Steps, "SdkMessageProcessingStep", CheckStepName));
            return root;
        }

        private void Fill(XElement root, string section, IEnumerable<XElement> components)
        {
            var list = components.ToList();
            var target = root.Element(section);
            if (target is null)
            {
                if (list.Count == 0) return;
                throw new SourceFileError(SolutionLayout.CustomizationsFile, $"has no <{section}> element to hold the {list.Count} component(s) found for it.");
            }
            if (target.HasElements)
                throw new SourceFileError(SolutionLayout.CustomizationsFile, $"<{section}> must be empty; its components live in their own files.");
            target.Add(list);
        }

        private IEnumerable<XElement> Components(string folder, string rootName, Func<string, XElement, string> check, string pattern = "*.xml")
        {
            foreach (var file in _tree.Files(folder, pattern))
            {
                var element = _tree.LoadRoot(file, rootName);
                check(file, element);
                _used.Add(file);
                yield return element.Inlined();
            }
        }

        /// <summary>
        /// A cloud flow's record names its definition by &lt;JsonFileName&gt;, which must be the .json beside it
        /// (the pack places that file at the same path in the zip); its id is the GUID in the file name.
        /// </summary>
        private string CheckWorkflow(string file, XElement workflow)
        {
            var text = workflow.RequiredAttribute("WorkflowId", file);
            var id = XmlFacts.RequiredGuid(text, "WorkflowId", workflow, file);
            var json = file[..^SolutionLayout.WorkflowDataSuffix.Length] + ".json";
            if (!file.EndsWith("-" + id.ToString("D").ToUpperInvariant() + SolutionLayout.WorkflowDataSuffix, StringComparison.Ordinal))
                throw new SourceFileError(file, $"the flow's id is {text}; the file name must end in -{id.ToString("D").ToUpperInvariant()}{SolutionLayout.WorkflowDataSuffix}.");
            if (workflow.Element("JsonFileName")?.Value != "/" + json)
                throw new SourceFileError(file, $"<JsonFileName> must be /{json}, the definition beside it.");
            if (!_tree.Exists(json))
                throw new SourceFileError(file, $"names the flow definition {json}, which does not exist.");
            return text;
        }

        private static string CheckOptionSetName(string file, XElement optionSet)
        {
            var name = optionSet.RequiredAttribute("Name", file);
            if (file.Split('/').Last() != name + ".xml")
                throw new SourceFileError(file, $"the option set is named '{name}'; the file must be {name}.xml.");
            return name;
        }

        /// <summary>
        /// A system dashboard: named after its FormId, and its FormXml is one dashboard form, as the
        /// published schema and Microsoft's "Create a dashboard by customizing a form" write it.
        /// </summary>
        private static string CheckDashboard(string file, XElement dashboard)
        {
            EntityAssembler.CheckNamedAfter(file, dashboard, "FormId");
            var forms = dashboard.Element("FormXml")?.Elements("forms").ToList() ?? new List<XElement>();
            if (forms.Count != 1 || (string?)forms[0].Attribute("type") != "dashboard" || forms[0].Elements("form").Count() != 1)
                throw new SourceFileError(file, "<FormXml> must hold exactly one <forms type=\"dashboard\"> with one <form>.");
            return dashboard.RequiredText("FormId", file);
        }

        private static string CheckStepName(string file, XElement step)
        {
            var text = step.RequiredAttribute("SdkMessageProcessingStepId", file);
            var id = XmlFacts.RequiredGuid(text, "SdkMessageProcessingStepId", step, file);
            if (!string.Equals(file.Split('/').Last(), "{" + id.ToString("D") + "}.xml", StringComparison.OrdinalIgnoreCase))
                throw new SourceFileError(file, $"the step id is {text}; the file must be named {{{id:D}}}.xml.");
            return text;
        }

        private IEnumerable<XElement> Relationships()
        {
            var index = SolutionLayout.RelationshipsIndex;
            var names = _tree.Exists(index)
                ? _tree.LoadRoot(index, "EntityRelationships").Elements("EntityRelationship").Select(e => e.RequiredAttribute("Name", index)).ToList()
                : new List<string>();
            if (_tree.Exists(index)) _used.Add(index);

            var definitions = new Dictionary<string, XElement>(StringComparer.Ordinal);
            foreach (var file in _tree.Files(SolutionLayout.RelationshipsFolder, "*.xml"))
            {
                foreach (var relationship in _tree.LoadRoot(file, "EntityRelationships").Elements("EntityRelationship"))
                {
                    var name = relationship.RequiredAttribute("Name", file);
                    if (!definitions.TryAdd(name, relationship.Inlined()))
                        throw new SourceFileError(file, $"relationship '{name}' is defined twice.");
                    if (!names.Contains(name, StringComparer.Ordinal))
                        throw new SourceFileError(file, $"relationship '{name}' is not listed in {index}.");
                }
                _used.Add(file);
            }
            foreach (var name in names)
            {
                if (!definitions.TryGetValue(name, out var definition))
                    throw new SourceFileError(index, $"lists relationship '{name}', which no file in {SolutionLayout.RelationshipsFolder}/ defines.");
                yield return definition;
            }
        }

        /// <summary>
        /// The product's code ships in its plugin package only: a plain assembly of the same name beside it
        /// conflicts with the package in Dataverse (deployment-evidence.md), and a plain assembly of its own
        /// would get none of its dependencies in the sandbox.
        /// </summary>
        private IEnumerable<XElement> PluginAssemblies()
        {
            var folders = _tree.Folders(SolutionLayout.PluginAssemblies);
            if (folders.Count > 0)
                throw new SourceFileError(folders[0], $"a plain plugin assembly; this solution ships its code in {SolutionLayout.PluginPackages}/ only. Remove the folder.");
            return Enumerable.Empty<XElement>();
        }
    }
}
