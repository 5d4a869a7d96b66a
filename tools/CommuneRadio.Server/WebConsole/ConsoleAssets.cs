using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CommuneRadio.Server.WebConsole;

/// <summary>
/// Serves the web console (docs/console.md): plain HTML, CSS and JavaScript committed under
/// <c>WebConsole/wwwroot</c> and embedded in this assembly, so nothing is built or fetched at run time.
/// <code>
/// GET /                   >> 302 /console/
/// GET /console/           >> index.html
/// GET /console/app.js     >> the embedded file, ETag, Cache-Control no-cache
/// GET /console/nope.js    >> 404
/// </code>
/// Every answer carries a Content-Security-Policy that allows only this origin (no inline script, no
/// external host), so a station name or a fault text can never run as script.
/// </summary>
public static class ConsoleAssets
{
    /// <summary>The policy sent with every console file.</summary>
    public const string SecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private const string Prefix = "console/";

    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
    };

    /// <summary>Maps <c>/</c> and <c>/console/…</c>, outside the OpenAPI document.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        Dictionary<string, Asset> assets = Load();
        app.MapGet("/", () => Results.Redirect("/console/")).ExcludeFromDescription();
        app.MapGet("/console/{file?}", (HttpContext http, string? file) => Serve(http, assets, string.IsNullOrEmpty(file) ? "index.html" : file)).ExcludeFromDescription();
    }

    /// <summary>The names of the embedded console files (for tests).</summary>
    public static IReadOnlyCollection<string> Files => Load().Keys;

    private static IResult Serve(HttpContext http, Dictionary<string, Asset> assets, string file)
    {
        // "/console" without its slash would resolve the page's relative links against "/".
        if (http.Request.Path.Value == "/console")
        {
            return Results.Redirect("/console/");
        }

        http.Response.Headers.ContentSecurityPolicy = SecurityPolicy;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        if (!assets.TryGetValue(file, out Asset? asset))
        {
            return Results.NotFound();
        }

        // Revalidated on every load: an upgraded server never leaves an old script in a browser's cache.
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers.ETag = asset.ETag;
        if (http.Request.Headers.IfNoneMatch.ToString() == asset.ETag)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(asset.Bytes, asset.ContentType);
    }

    private static Dictionary<string, Asset> Load()
    {
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        Assembly assembly = typeof(ConsoleAssets).Assembly;
        foreach (string name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(Prefix, StringComparison.Ordinal) || !Types.TryGetValue(Path.GetExtension(name), out string? type))
            {
                continue;
            }

            using Stream stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            byte[] bytes = copy.ToArray();
            assets[name[Prefix.Length..]] = new Asset(bytes, type, "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "\"");
        }

        return assets;
    }

    private sealed record Asset(byte[] Bytes, string ContentType, string ETag);
}
