using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Folio.BillRuns;

/// <summary>
/// Names the process that holds the SQLite bill run lease, and tells whether such a process is gone: a SQLite file is
/// used from one machine, so a lease whose holder no longer runs there was left by a run that died (killed, power cut)
/// and may be taken over at once instead of after it expires. The start time guards against a reused process id.
/// </summary>
public static class BillRunLeaseHolder
{
    private static readonly TimeSpan StartTimeTolerance = TimeSpan.FromSeconds(2);

    public static string Current { get; } = Describe(Environment.MachineName, Environment.ProcessId, StartOf(Environment.ProcessId));

    public static string Describe(string machine, int processId, DateTime? startedAtUtc) =>
        string.Create(CultureInfo.InvariantCulture, $"{machine}/{processId}/{startedAtUtc?.Ticks ?? 0}");

    /// <summary>True only when the holder surely ran on this machine and runs no more; unknown holders are presumed alive.</summary>
    public static bool IsGone(string holderProcess)
    {
        var parts = (holderProcess ?? string.Empty).Split('/');
        if (parts.Length != 3 || parts[0] != Environment.MachineName
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var processId)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var startTicks) || startTicks == 0)
        {
            return false;
        }

        if (!IsRunning(processId))
        {
            return true;
        }

        // The id is in use again: by the holder itself, or by another process started since.
        return StartOf(processId) is { } started && (started - new DateTime(startTicks, DateTimeKind.Utc)).Duration() > StartTimeTolerance;
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static DateTime? StartOf(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return process.StartTime.ToUniversalTime();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or Win32Exception or NotSupportedException)
        {
            return null;
        }
    }
}
