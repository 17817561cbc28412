using System.Globalization;
using System.Net;
using System.Text;

namespace LoyaltyHealth.Cli.Report
{
    /// <summary>Small writers of SVG elements with invariant numbers and encoded text.</summary>
    internal static class Svg
    {
        public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

        public static string Encode(string text) => WebUtility.HtmlEncode(text);

        public static void Rect(StringBuilder svg, string cssClass, double x, double y, double width, double height, string fill, string title) =>
            svg.Append($"<rect class=\"{cssClass}\" x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(width)}\" height=\"{N(height)}\" fill=\"{fill}\"><title>{Encode(title)}</title></rect>");

        public static void Text(StringBuilder svg, double x, double y, string text, string anchor = "start", string cssClass = "label") =>
            svg.Append($"<text class=\"{cssClass}\" x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\">{Encode(text)}</text>");
    }
}
