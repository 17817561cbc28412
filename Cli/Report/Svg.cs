using System.Globalization;
using System.Net;
using System.IO;

namespace LoyaltyHealth.Cli.Report
{
    /// <summary>Small writers of SVG elements with invariant numbers and encoded text.</summary>
    internal static class Svg
    {
        public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

        public static string Encode(string text) => WebUtility.HtmlEncode(text);

        public static void Rect(TextWriter svg, string cssClass, double x, double y, double width, double height, string fill, string title) =>
            svg.Write($"<rect class=\"{cssClass}\" x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(width)}\" height=\"{N(height)}\" fill=\"{fill}\"><title>{Encode(title)}</title></rect>");

        public static void Text(TextWriter svg, double x, double y, string text, string anchor = "start", string cssClass = "label") =>
            svg.Write($"<text class=\"{cssClass}\" x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\">{Encode(text)}</text>");
    }
}
