using System.Globalization;
using System.Text;
using System.Text.Json;
using CoalitionBot.Core.Dashboard;

namespace CoalitionBot.Dashboard;

/// <summary>The progress chart (Chart.js draws it from the JSON data block) and the same numbers as a table.</summary>
internal static class ProgressView
{
    public static string Render(MemoProgress progress)
    {
        var labels = progress.Days.Select(d => Day(d.Day) + Marks(progress, d.Day)).ToList();
        var data = JsonSerializer.Serialize(new
        {
            labels,
            series = new object[]
            {
                new { label = "Signed", values = progress.Days.Select(d => d.Signed) },
                new { label = "Needs re-confirmation", values = progress.Days.Select(d => d.NeedsReconfirmation) },
                new { label = "Declined or withdrawn", values = progress.Days.Select(d => d.Declined) },
                new { label = "No answer", values = progress.Days.Select(d => d.NoAnswer) },
            },
            // Named in the JSON as the page's script reads them (camel case): an anonymous member would be "Label".
            markers = progress.Markers.Select(m => new { index = progress.Days.ToList().FindIndex(d => d.Day == m.Day), label = m.Label }),
        });
        var html = new StringBuilder("<section aria-labelledby=\"progress-h\" class=\"db-card\"><h2 id=\"progress-h\">Progress</h2>");
        html.Append("<figure class=\"db-chart\"><canvas id=\"progress-chart\" role=\"img\" aria-label=\"Answers per day; the table below has the same numbers\"></canvas>")
            .Append("<figcaption>Answers at the end of each day").Append(progress.Markers.Count > 0 ? "; marked days: " + Html.E(string.Join(", ", progress.Markers.Select(m => $"{m.Label} {Day(m.Day)}"))) : "")
            .Append(".</figcaption></figure>");
        html.Append("<script type=\"application/json\" id=\"progress-data\">").Append(data).Append("</script>");
        html.Append("<details class=\"db-table-alt\"><summary>Progress as a table</summary><div class=\"db-scroll\"><table><caption>Answers per day</caption>")
            .Append("<thead><tr><th scope=\"col\">Day</th><th scope=\"col\">Signed</th><th scope=\"col\">Needs re-confirmation</th><th scope=\"col\">Declined or withdrawn</th><th scope=\"col\">No answer</th><th scope=\"col\">Marked</th></tr></thead><tbody>");
        foreach (var day in progress.Days)
        {
            html.Append("<tr><th scope=\"row\">").Append(Day(day.Day)).Append("</th>")
                .Append(Cell(day.Signed)).Append(Cell(day.NeedsReconfirmation)).Append(Cell(day.Declined)).Append(Cell(day.NoAnswer))
                .Append("<td>").Append(Html.E(string.Join(", ", progress.Markers.Where(m => m.Day == day.Day).Select(m => m.Label)))).Append("</td></tr>");
        }

        return html.Append("</tbody></table></div></details></section>").ToString();
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Marks(MemoProgress progress, DateOnly day) =>
        string.Concat(progress.Markers.Where(m => m.Day == day).Select(m => $" ({m.Label})"));

    private static string Cell(int? value) => "<td>" + (value?.ToString(CultureInfo.InvariantCulture) ?? "—") + "</td>";
}
