using System.Text.RegularExpressions;

namespace Typed.Samples.Tests;

/// <summary>What a person sees on a page: its visible text, session ids normalised.</summary>
public static class PageText
{
    public static async Task<string> OfAsync(PuppeteerSharp.IPage page)
    {
        var text = await page.EvaluateExpressionAsync<string>("document.body.innerText");
        var lines = text.Replace("\r\n", "\n").Split('\n').Select(line => line.TrimEnd()).Where(line => line.Length > 0);
        return Transcripts.Normalise(lines);
    }
}
