using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace LeakySample.ReleaseNotes;

/// <summary>
/// Summarises the commit log for the release notes with a plain HttpClient call: no SDK package to ban, which is why
/// CodeLeakGuard also looks at endpoints and API-key variables in the code.
/// </summary>
public sealed class ReleaseNotesSummarizer
{
    private const string MessagesUrl = "https://api.anthropic.com/v1/messages";

    private readonly HttpClient _http;

    public ReleaseNotesSummarizer(HttpClient http)
    {
        _http = http;
    }

    public async Task<string> SummarizeAsync(string commitLog, CancellationToken cancellationToken = default)
    {
        var apiKey = Environment.GetEnvironmentVariable("ANTHROPIC_API_KEY")
            ?? throw new InvalidOperationException("The API key is not set.");

        using var request = new HttpRequestMessage(HttpMethod.Post, MessagesUrl)
        {
            Content = JsonContent.Create(new
            {
                model = "claude-sonnet-4-5",
                max_tokens = 1024,
                messages = new[] { new { role = "user", content = "Summarise these commits as release notes:\n" + commitLog } },
            }),
        };
        request.Headers.Add("x-api-key", apiKey);
        request.Headers.Add("anthropic-version", "2023-06-01");

        using var response = await _http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return json.RootElement.GetProperty("content")[0].GetProperty("text").GetString() ?? string.Empty;
    }
}
