using System;
using System.Collections.Generic;
using System.Linq;
using System.IO;
using LoyaltyHealth.Cli.Output;
using LoyaltyHealth.Model.Output;

namespace LoyaltyHealth.Cli.Report
{
    /// <summary>The report's charts as inline SVG, so the page needs nothing from outside to draw them.</summary>
    internal static class Charts
    {
        public static readonly IReadOnlyDictionary<HealthBand, string> BandColours = new Dictionary<HealthBand, string>
        {
            [HealthBand.Healthy] = "#2e7d32",
            [HealthBand.Watch] = "#f9a825",
            [HealthBand.AtRisk] = "#c62828",
            [HealthBand.NotEnoughData] = "#9e9e9e",
        };

        public static readonly IReadOnlyDictionary<Pillar, string> PillarColours = new Dictionary<Pillar, string>
        {
            [Pillar.Understanding] = "#1565c0",
            [Pillar.Familiarity] = "#6a1b9a",
            [Pillar.Service] = "#00838f",
        };

        private static readonly HealthBand[] BandOrder = { HealthBand.Healthy, HealthBand.Watch, HealthBand.AtRisk, HealthBand.NotEnoughData };

        /// <summary>One horizontal bar per band, as long as the share of accounts in it.</summary>
        public static void Bands(TextWriter svg, IEnumerable<AccountResult> scored, UiText text)
        {
            // A failed account has no band: it is listed with its error, not counted as "Not enough data".
            var counts = BandOrder.ToDictionary(b => b, _ => 0);
            foreach (var account in scored)
                if (!account.Failed) counts[account.Band]++;
            const double labelWidth = 170, barWidth = 480, row = 34, bar = 24;
            var max = Math.Max(1, counts.Values.Max());
            svg.Write($"<svg id=\"band-chart\" class=\"chart\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Svg.N(labelWidth + barWidth + 60)}\" height=\"{Svg.N(row * BandOrder.Length + 8)}\" viewBox=\"0 0 {Svg.N(labelWidth + barWidth + 60)} {Svg.N(row * BandOrder.Length + 8)}\">");
            svg.Write($"<title>{Svg.Encode(text["Distribution"])}</title>");
            for (var i = 0; i < BandOrder.Length; i++)
            {
                var band = BandOrder[i];
                var count = counts[band];
                var y = 4 + i * row;
                Svg.Text(svg, labelWidth - 10, y + bar * 0.72, text.Band(band), "end");
                var width = count == 0 ? 2 : barWidth * count / max;
                Svg.Rect(svg, "bar", labelWidth, y, width, bar, BandColours[band], $"{text.Band(band)}: {count}");
                Svg.Text(svg, labelWidth + width + 8, y + bar * 0.72, count.ToString(text.Culture));
            }
            svg.Write("</svg>");
        }

        /// <summary>
        /// The pillar chart draws the riskiest accounts only, as the console's table lists them: a group of bars per account
        /// made the chart of 50,000 accounts 2 million pixels tall (23 MB of the report, about a minute before a browser showed
        /// it), and nobody reads that far. Every account's pillar scores are in the report's table and in accounts.csv.
        /// </summary>
        public const int PillarAccountsShown = 200;

        /// <summary>For each account three bars, one per pillar, on a 0–100 scale; an unknown pillar has no bar.</summary>
        public static void Pillars(TextWriter svg, IReadOnlyCollection<AccountResult> accounts, UiText text)
        {
            const double labelWidth = 240, scale = 4.2, bar = 9, gap = 2, group = 3 * (bar + gap) + 10, legend = 30;
            var width = labelWidth + 100 * scale + 60;
            var height = legend + group * accounts.Count + 24;
            svg.Write($"<svg id=\"pillar-chart\" class=\"chart\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Svg.N(width)}\" height=\"{Svg.N(height)}\" viewBox=\"0 0 {Svg.N(width)} {Svg.N(height)}\">");
            svg.Write($"<title>{Svg.Encode(text["Pillars"])}</title>");
            var pillars = new[] { Pillar.Understanding, Pillar.Familiarity, Pillar.Service };
            for (var p = 0; p < pillars.Length; p++)
            {
                Svg.Rect(svg, "legend", labelWidth + p * 150, 6, 14, 14, PillarColours[pillars[p]], text.Pillar(pillars[p]));
                Svg.Text(svg, labelWidth + p * 150 + 20, 18, text.Pillar(pillars[p]));
            }
            foreach (var tick in new[] { 0, 25, 50, 75, 100 })
            {
                var x = labelWidth + tick * scale;
                svg.Write($"<line class=\"grid\" x1=\"{Svg.N(x)}\" y1=\"{Svg.N(legend)}\" x2=\"{Svg.N(x)}\" y2=\"{Svg.N(height - 18)}\" stroke=\"#ddd\"/>");
                Svg.Text(svg, x, height - 4, tick.ToString(text.Culture), "middle", "axis");
            }
            var i = 0;
            foreach (var account in accounts)
            {
                var top = legend + i++ * group;
                Svg.Text(svg, labelWidth - 10, top + group / 2, account.Name, "end");
                var scores = new[] { account.Understanding, account.Familiarity, account.Service };
                for (var p = 0; p < pillars.Length; p++)
                {
                    var y = top + p * (bar + gap);
                    var label = $"{account.Name} – {text.Pillar(pillars[p])}: {(scores[p] is { } s ? s.ToString(text.Culture) : text["Unknown"])}";
                    if (scores[p] is { } score) Svg.Rect(svg, "bar", labelWidth, y, Math.Max(1, score * scale), bar, PillarColours[pillars[p]], label);
                    else Svg.Text(svg, labelWidth + 4, y + bar - 1, text["Unknown"], "start", "unknown");
                }
            }
            svg.Write("</svg>");
        }

        /// <summary>The width of <see cref="SpendAgainstValue"/>'s chart, in pixels (the report's column is made to hold it).</summary>
        public const int SpendChartWidth = 220;

        /// <summary>Perk spend against delivered value for one account, on a shared scale.</summary>
        public static void SpendAgainstValue(TextWriter svg, AccountResult account, UiText text)
        {
            const double width = SpendChartWidth, bar = 10;
            var spend = account.PerkSpend ?? 0m;
            var value = account.DeliveredValue ?? 0m;
            var max = Math.Max(1m, Math.Max(spend, value));
            svg.Write($"<svg class=\"chart spend\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Svg.N(width)}\" height=\"26\" viewBox=\"0 0 {Svg.N(width)} 26\">");
            svg.Write($"<title>{Svg.Encode(text["SpendAgainstValue"])}</title>");
            Svg.Rect(svg, "bar", 0, 2, Math.Max(1, (double)(spend / max) * width), bar, "#c62828", $"{text["PerkSpend"]}: {text.Money(spend)}");
            Svg.Rect(svg, "bar", 0, 14, Math.Max(1, (double)(value / max) * width), bar, "#2e7d32", $"{text["DeliveredValue"]}: {text.Money(value)}");
            svg.Write("</svg>");
        }
    }
}
