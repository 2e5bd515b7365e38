using System;
using System.Threading;
using System.Threading.Tasks;

namespace Contoso.Commerce.Infrastructure;

/// <summary>Retries transient failures with exponential back-off and jitter. Used by the gateway clients.</summary>
public sealed class RetryPolicy
{
    private readonly int _maxAttempts;
    private readonly TimeSpan _baseDelay;
    private readonly Func<Exception, bool> _isTransient;
    private readonly Random _jitter = new(17);

    public RetryPolicy(int maxAttempts, TimeSpan baseDelay, Func<Exception, bool>? isTransient = null)
    {
        _maxAttempts = Guard.Positive(maxAttempts);
        _baseDelay = baseDelay;
        _isTransient = isTransient ?? (ex => ex is TimeoutException or System.Net.Http.HttpRequestException);
    }

    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await operation(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (attempt < _maxAttempts && _isTransient(ex))
            {
                var delay = TimeSpan.FromMilliseconds(_baseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1) + _jitter.Next(0, 50));
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
