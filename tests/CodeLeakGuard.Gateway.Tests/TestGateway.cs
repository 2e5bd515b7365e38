using CodeLeakGuard.Masking;
using CodeLeakGuard.Masking.Http;

namespace CodeLeakGuard.Gateway.Tests;

/// <summary>Gateways for the tests: started on a free loopback port, with the real masking session where asked.</summary>
internal static class TestGateway
{
    /// <summary>A new conversation's real masking session (the default policy).</summary>
    public static IConversationMasker RealSession() => new SessionMasker(new MaskingSession());

    /// <summary>Starts a gateway with <paramref name="options"/> on 127.0.0.1, a port of its own.</summary>
    public static async Task<GatewayServer> StartAsync(GatewayOptions options)
    {
        options.Listen = new Uri("http://127.0.0.1:0");
        var gateway = GatewayServer.Create(options);
        await gateway.StartAsync();
        return gateway;
    }
}
