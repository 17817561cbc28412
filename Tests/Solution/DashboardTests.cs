using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using LoyaltyHealth.Pack;
using LoyaltyHealth.Plugins.Schema;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Solution
{
    /// <summary>
    /// The "Loyalty health" dashboard: every chart and list on it opens a view (and chart) the solution
    /// ships, and each of those filters what its title promises, in the values of <see cref="OptionValues"/>.
    /// </summary>
    public class DashboardTests
    {
        private const string ActiveAccounts = "statecode eq 0";

        /// <summary>What each view and chart the dashboard uses must filter, by its English title.</summary>
        private static readonly IReadOnlyDictionary<string, string[]> Filters = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["Active accounts by health band"] = new[] { ActiveAccounts },
            ["Accounts by health band"] = new[] { ActiveAccounts },
            ["At-risk accounts"] = new[] { ActiveAccounts, Band(OptionValues.BandAtRisk) },
            ["At-risk accounts by owner"] = new[] { ActiveAccounts, Band(OptionValues.BandAtRisk) },
            ["Perk-dependent accounts"] = new[] { ActiveAccounts, "loy_perkdependent eq 1" },
            ["Declining accounts"] = new[] { ActiveAccounts, "loy_healthtrend eq " + OptionValues.TrendDeclining.ToString(CultureInfo.InvariantCulture) },
            ["Not-enough-data accounts"] = new[] { ActiveAccounts, Band(OptionValues.BandNotEnoughData) },
        };

        /// <summary>What the dashboard shows, by English title: the charts and the lists the issue asks for.</summary>
        private static readonly string[] Shown =
        {
            "Accounts by health band", "At-risk accounts by owner", "Perk-dependent accounts", "Declining accounts", "Not-enough-data accounts",
        };

        private static string Band(int value) => "loy_healthband eq " + value.ToString(CultureInfo.InvariantCulture);

        private sealed record Component(string Dashboard, string Control, string Table, string Mode, Guid View, Guid? Chart);

        private sealed record Query(string File, string Table, string Title, XElement Fetch);

        private static Guid Id(string text) => Guid.Parse(text.Trim().Trim('{', '}'));

        private static IReadOnlyList<(string File, XElement Dashboard)> Dashboards() =>
            SolutionSource.Files(SolutionLayout.Dashboards, "*.xml").Select(f => (f, SolutionSource.Xml(f))).ToList();

        private static IReadOnlyList<Component> Components() =>
            Dashboards().SelectMany(d => d.Dashboard.Descendants("control").Where(c => c.Element("parameters")?.Element("TargetEntityType") is not null).Select(c =>
            {
                var p = c.Element("parameters")!;
                var chart = p.Element("VisualizationId")?.Value;
                return new Component(d.File, (string)c.Attribute("id")!, p.Element("TargetEntityType")!.Value, p.Element("ChartGridMode")?.Value ?? "",
                    Id(p.Element("ViewId")!.Value), string.IsNullOrWhiteSpace(chart) ? null : Id(chart));
            })).ToList();

        private static string Title(XElement component) =>
            component.Element("LocalizedNames")!.Elements("LocalizedName").Single(n => (string?)n.Attribute("languagecode") == "1033").Attribute("description")!.Value;

        private static string TableOf(string file) => file.Split('/')[1].ToLowerInvariant();

        private static IReadOnlyDictionary<Guid, Query> Views() =>
            SolutionSource.Files(SolutionLayout.Entities, "*.xml").Where(f => f.Contains("/" + SolutionLayout.Views + "/", StringComparison.Ordinal)).Select(f =>
            {
                var view = SolutionSource.Xml(f).Element("savedquery")!;
                return new Query(f, TableOf(f), Title(view), view.Element("fetchxml")!.Element("fetch")!);
            }).ToDictionary(q => Id(SolutionSource.Xml(q.File).Element("savedquery")!.Element("savedqueryid")!.Value));

        private static IReadOnlyDictionary<Guid, Query> Charts() =>
            SolutionSource.Files(SolutionLayout.Entities, "*.xml").Where(f => f.Contains("/" + SolutionLayout.Charts + "/", StringComparison.Ordinal)).Select(f =>
            {
                var chart = SolutionSource.Xml(f);
                var data = XElement.Parse(chart.Element("datadescription")!.Value);
                return (Id(chart.Element("savedqueryvisualizationid")!.Value), new Query(f, TableOf(f), Title(chart), data.Descendants("fetch").Single()));
            }).ToDictionary(c => c.Item1, c => c.Item2);

        /// <summary>The top-level conditions of a query, as "column operator value".</summary>
        private static IEnumerable<string> Conditions(XElement fetch) =>
            fetch.Element("entity")!.Elements("filter").Where(f => ((string?)f.Attribute("type") ?? "and") == "and").Elements("condition")
                .Select(c => $"{(string)c.Attribute("attribute")!} {(string)c.Attribute("operator")!} {(string?)c.Attribute("value")}".Trim())
                .OrderBy(c => c, StringComparer.Ordinal);

        [Test]
        public void There_is_one_dashboard_labelled_loyalty_health()
        {
            var dashboards = Dashboards();
            Assert.That(dashboards, Has.Count.EqualTo(1));
            var names = dashboards[0].Dashboard.Element("LocalizedNames")!.Elements("LocalizedName")
                .ToDictionary(n => (string)n.Attribute("languagecode")!, n => (string)n.Attribute("description")!);
            Assert.That(names["1033"], Is.EqualTo("Loyalty health"));
            Assert.That(names["1031"], Is.Not.Empty);
        }

        [Test]
        public void Each_component_opens_a_view_and_chart_of_its_table_that_the_solution_ships()
        {
            var components = Components();
            var views = Views();
            var charts = Charts();
            Assert.That(components, Is.Not.Empty);
            Assert.Multiple(() =>
            {
                foreach (var c in components)
                {
                    var where = $"{c.Dashboard}: control {c.Control}";
                    Assert.That(c.Mode, Is.EqualTo(c.Chart is null ? "Grid" : "Chart"), $"{where}: a chart shows its chart, a list its view");
                    Assert.That(views.TryGetValue(c.View, out var view), Is.True, $"{where}: ViewId {c.View} is no view in the solution");
                    Assert.That(view?.Table, Is.EqualTo(c.Table), $"{where}: the view belongs to another table");
                    if (c.Chart is Guid chartId)
                    {
                        Assert.That(charts.TryGetValue(chartId, out var chart), Is.True, $"{where}: VisualizationId {chartId} is no chart in the solution");
                        Assert.That(chart?.Table, Is.EqualTo(c.Table), $"{where}: the chart belongs to another table");
                    }
                }
            });
        }

        [Test]
        public void The_dashboard_shows_the_charts_and_lists_sales_leaders_asked_for()
        {
            var views = Views();
            var charts = Charts();
            var shown = Components().Select(c => c.Chart is Guid chart ? charts[chart].Title : views[c.View].Title);
            Assert.That(shown, Is.EquivalentTo(Shown));
        }

        [Test]
        public void Each_view_and_chart_the_dashboard_uses_filters_what_its_title_says()
        {
            var views = Views();
            var charts = Charts();
            var used = Components().SelectMany(c => new[] { views[c.View] }.Concat(c.Chart is Guid chart ? new[] { charts[chart] } : Array.Empty<Query>())).Distinct().ToList();
            Assert.Multiple(() =>
            {
                foreach (var query in used)
                {
                    Assert.That(Filters.TryGetValue(query.Title, out var expected), Is.True, $"{query.File}: '{query.Title}' has no expected filter in this test");
                    Assert.That(Conditions(query.Fetch), Is.EqualTo((expected ?? Array.Empty<string>()).OrderBy(c => c, StringComparer.Ordinal)), $"{query.File}: '{query.Title}'");
                }
            });
        }

        [Test]
        public void Each_chart_opens_a_view_with_the_same_filter_so_its_records_are_the_ones_counted()
        {
            var views = Views();
            var charts = Charts();
            Assert.Multiple(() =>
            {
                foreach (var c in Components().Where(c => c.Chart is not null))
                {
                    var chart = charts[c.Chart!.Value];
                    Assert.That(Conditions(views[c.View].Fetch), Is.EqualTo(Conditions(chart.Fetch)), $"{c.Dashboard}: control {c.Control}: chart '{chart.Title}' and view '{views[c.View].Title}'");
                }
            });
        }

        [Test]
        public void The_at_risk_chart_groups_by_owner()
        {
            var chart = Charts().Values.Single(c => c.Title == "At-risk accounts by owner");
            var groupBy = chart.Fetch.Descendants("attribute").Single(a => (string?)a.Attribute("groupby") == "true");
            Assert.That((string)groupBy.Attribute("name")!, Is.EqualTo("ownerid"));
        }
    }
}
