using Microsoft.Playwright;

namespace LearningOrg.Tests.Web;

/// <summary>What every page must hold to whatever it shows: ids unique, controls labelled, no sideways scrolling.</summary>
public static class PageChecks
{
    public static async Task AssertSoundAsync(IPage page, string path, int width)
    {
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"{path} scrolls sideways at {width} px.");
        // Labels, descriptions and aria-labelledby point at ids: each must be unique.
        var duplicates = await page.EvaluateAsync<string[]>(
            "() => { const seen = new Map(); for (const e of document.querySelectorAll('[id]')) seen.set(e.id, (seen.get(e.id) ?? 0) + 1); return [...seen].filter(([, n]) => n > 1).map(([id]) => id); }");
        Assert.Empty(duplicates);
        var unlabelled = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')].filter(c => c.labels.length === 0).map(c => c.id || c.name)");
        Assert.Empty(unlabelled);
        // Every aria-labelledby and aria-describedby names an element that exists.
        var dangling = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('[aria-labelledby], [aria-describedby]')].flatMap(e => [e.getAttribute('aria-labelledby'), e.getAttribute('aria-describedby')]).filter(Boolean).flatMap(v => v.split(/\\s+/)).filter(id => !document.getElementById(id))");
        Assert.Empty(dangling);
    }
}
