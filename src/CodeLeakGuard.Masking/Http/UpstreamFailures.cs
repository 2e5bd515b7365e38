using System;
using System.IO;
using System.Net.Http;

namespace CodeLeakGuard.Masking.Http;

/// <summary>Why an exchange with the provider failed, in words fit for an audit record: fixed text, never a value.</summary>
public static class UpstreamFailures
{
    /// <summary>The provider's answer began and stopped before its end (as opposed to never being reached).</summary>
    public static bool BrokeOff(Exception error) =>
        error is IOException || (error is HttpRequestException && error.InnerException is IOException);

    public static string Describe(Exception error) => error switch
    {
        OperationCanceledException => "cancelled: the upstream took too long, or the caller gave up",
        _ when BrokeOff(error) => "the upstream's answer broke off before its end",
        HttpRequestException => "the upstream could not be reached",
        _ => "failed: " + error.GetType().Name,
    };
}
