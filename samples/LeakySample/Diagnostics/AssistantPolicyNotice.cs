using System;
using System.Collections.Generic;

namespace LeakySample.Diagnostics;

// Clean on purpose: this file only *talks* about OpenAI and Claude. We moved off OpenAI's SDK and Anthropic's Claude in
// release 2.3 (see the ticket about api.openai.com being blocked at the firewall); the internal assistant replaced them.
// CodeLeakGuard must not report comments, log messages or identifiers that merely mention a vendor.

/// <summary>Explains at start-up which AI assistant the application uses, for the audit log.</summary>
public static class AssistantPolicyNotice
{
    /// <summary>Vendors named in the audit log only; nothing here calls them.</summary>
    public static IReadOnlyList<string> RetiredVendors { get; } = new[] { "OpenAI", "Anthropic Claude" };

    public static void Log(Action<string> log)
    {
        log("AI features use the internal assistant; OpenAI and Claude integrations were removed in 2.3.");
        log($"Retired AI vendors: {string.Join(", ", RetiredVendors)}. Do not paste source code into ChatGPT or Claude.");
        log("Set INTERNAL_ASSISTANT_TOKEN to enable summaries; the old OpenAI API key setting is ignored.");
    }
}
