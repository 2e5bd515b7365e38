using System;
using System.Threading.Tasks;
using OpenAI.Chat;

namespace LeakySample.Support;

/// <summary>
/// Answers customer tickets by forwarding them, with the product's internal notes, to a hosted chat model.
/// This is the kind of code CodeLeakGuard exists to stop: ticket text and internal notes leave the company.
/// </summary>
public sealed class SupportChatbot
{
    private readonly ChatClient _chat;

    public SupportChatbot(string apiKey)
    {
        _chat = new ChatClient("gpt-4o-mini", apiKey);
    }

    public async Task<string> DraftReplyAsync(string ticketText, string internalNotes)
    {
        var prompt = $"You are a support agent. Internal notes: {internalNotes}\n\nCustomer wrote: {ticketText}";
        ChatCompletion completion = await _chat.CompleteChatAsync(prompt);
        return completion.Content.Count > 0 ? completion.Content[0].Text : string.Empty;
    }

    public static void PrintUsage() => Console.WriteLine("usage: support-bot <ticket-file>");
}
