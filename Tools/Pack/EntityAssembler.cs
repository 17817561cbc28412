using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace LoyaltyHealth.Pack
{
    /// <summary>
    /// Puts one table back together as customizations.xml holds it: Entity.xml with the forms, views and
    /// charts that <c>pac solution unpack</c> splits into one file each.
    /// </summary>
    public static class EntityAssembler
    {
        public static XElement Assemble(SourceTree tree, string folder, ISet<string> used)
        {
            var file = $"{folder}/{SolutionLayout.EntityFile}";
            var entity = tree.LoadRoot(file, "Entity").Inlined();
            used.Add(file);
            var name = entity.RequiredText("Name", file);
            var folderName = folder.Split('/').Last();
            if (!string.Equals(name, folderName, StringComparison.Ordinal))
                throw new SourceFileError(file, $"<Name> is '{name}' but the folder is '{folderName}'.");
            foreach (var part in new[] { "FormXml", "SavedQueries", "Visualizations" })
            {
                if (entity.Element(part) is not null)
                    throw new SourceFileError(file, $"<{part}> belongs in the {part} folder beside Entity.xml, one file per component.");
            }

            var forms = Forms(tree, folder, used);
            if (forms is not null) entity.Add(forms);
            var views = Views(tree, folder, used);
            if (views is not null) entity.Add(views);
            var charts = Charts(tree, folder, used);
            if (charts is not null) entity.Add(charts);
            return entity;
        }

        private static XElement? Forms(SourceTree tree, string folder, ISet<string> used)
        {
            var groups = new List<XElement>();
            foreach (var typeFolder in tree.Folders($"{folder}/{SolutionLayout.Forms}"))
            {
                var group = new XElement("forms", new XAttribute("type", typeFolder.Split('/').Last()));
                foreach (var file in tree.Files(typeFolder, "*.xml"))
                {
                    var form = Single(tree.LoadRoot(file, "forms"), "systemform", file);
                    CheckNamedAfter(file, form, "formid");
                    group.Add(form.Inlined());
                    used.Add(file);
                }
                if (group.HasElements) groups.Add(group);
            }
            return groups.Count == 0 ? null : new XElement("FormXml", groups);
        }

        private static XElement? Views(SourceTree tree, string folder, ISet<string> used)
        {
            var views = new XElement("savedqueries");
            foreach (var file in tree.Files($"{folder}/{SolutionLayout.Views}", "*.xml"))
            {
                var view = Single(tree.LoadRoot(file, "savedqueries"), "savedquery", file);
                CheckNamedAfter(file, view, "savedqueryid");
                views.Add(view.Inlined());
                used.Add(file);
            }
            return views.HasElements ? new XElement("SavedQueries", views) : null;
        }

        private static XElement? Charts(SourceTree tree, string folder, ISet<string> used)
        {
            var charts = new XElement("Visualizations");
            foreach (var file in tree.Files($"{folder}/{SolutionLayout.Charts}", "*.xml"))
            {
                var chart = tree.LoadRoot(file, "visualization");
                CheckNamedAfter(file, chart, "savedqueryvisualizationid");
                charts.Add(chart.Inlined());
                used.Add(file);
            }
            return charts.HasElements ? charts : null;
        }

        private static XElement Single(XElement root, string child, string file)
        {
            var children = root.Elements(child).ToList();
            if (children.Count != 1 || root.Elements().Count() != 1)
                throw new SourceFileError(file, $"<{root.Name.LocalName}> must hold exactly one <{child}>, and nothing else.");
            return children[0];
        }

        /// <summary>A component file is named after the component's id, so renaming one cannot go unnoticed.</summary>
        public static void CheckNamedAfter(string file, XElement component, string idElement)
        {
            var text = component.RequiredText(idElement, file);
            var id = XmlFacts.RequiredGuid(text, idElement, component, file);
            var expected = "{" + id.ToString("D") + "}.xml";
            var actual = file.Split('/').Last();
            if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
                throw new SourceFileError(file, $"the file is named {actual} but its {idElement} is {text}; name it {expected}.");
        }
    }
}
