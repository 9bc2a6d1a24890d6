namespace Folio.Webhooks;

/// <summary>
/// Wakes this process's dispatcher and senders when it made work for them (a redelivery, new deliveries), so that they need
/// not wait for their next look. Work made by another process is found at that look.
/// </summary>
public sealed class WebhookSignal : IDisposable
{
    private readonly SemaphoreSlim _deliveries = new(0, 1);

    public void DeliveriesDue()
    {
        if (_deliveries.CurrentCount == 0)
        {
            try
            {
                _deliveries.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled.
            }
        }
    }

    public void Dispose() => _deliveries.Dispose();

    /// <summary>Waits for a signal or <paramref name="poll"/> on <paramref name="clock"/>, whichever comes first.</summary>
    public async Task WaitForDeliveries(TimeProvider clock, TimeSpan poll, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var timer = clock.CreateTimer(_ => timeout.Cancel(), null, poll, Timeout.InfiniteTimeSpan);
        try
        {
            await _deliveries.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval went by.
        }
    }
}
